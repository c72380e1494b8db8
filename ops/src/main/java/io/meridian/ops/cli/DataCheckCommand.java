package io.meridian.ops.cli;

import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.csv.BarsCsvReader;
import io.meridian.gateway.csv.CsvBar;
import io.meridian.gateway.csv.CsvFileException;
import io.meridian.gateway.csv.CsvProblem;
import io.meridian.gateway.csv.CsvQuote;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.csv.CsvReadSummary;
import io.meridian.gateway.csv.CsvRejectReason;
import io.meridian.gateway.csv.CsvRowListener;
import io.meridian.gateway.csv.CsvTrade;
import io.meridian.gateway.csv.QuotesCsvReader;
import io.meridian.gateway.csv.TradesCsvReader;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.runtime.data.DataImporter;
import io.meridian.runtime.data.DataManifest;
import io.meridian.runtime.data.DataQualityCheck;
import io.meridian.runtime.data.SessionCalendar;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code meridian data check FILE|DIR [--kind bars|quotes|trades] [--tz ZONE] [--symbol SYM] [--calendar FILE]}: a
 * data-quality report without importing. For a CSV file: rows, the rows the reader rejects by reason (duplicates,
 * out of order, OHLC inconsistencies, unparseable or missing fields, ...) with examples, then per symbol the
 * {@link DataQualityCheck} findings. For a directory (a data journal written by {@code import}, or any journal): the
 * market-data records of its input queue, checked for duplicate and out-of-order times and inconsistent bars, then
 * the same findings. Exit 0 when nothing was found, 1 when something was, 2 when it could not run.
 */
public final class DataCheckCommand
{
    static final Set<String> OPTIONS = Set.of("kind", "tz", "symbol", "calendar");
    private static final int EXAMPLES = 10;

    private DataCheckCommand()
    {
    }

    /**
     * Runs {@code data ...}.
     *
     * @param argv arguments after {@code data}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("data", argv, OPTIONS, Set.of());
        final List<String> positional = args.positional();
        if (positional.size() != 2 || !"check".equals(positional.get(0)))
        {
            throw new UsageException("data: usage: data check FILE|DIR [--kind bars|quotes|trades] [--tz ZONE] "
                + "[--symbol SYM] [--calendar FILE]");
        }
        final Path target = Path.of(positional.get(1));
        final SessionCalendar calendar = calendar(args.option("calendar"), ImportCommand.zone(args.option("tz")));
        try
        {
            if (Files.isDirectory(target))
            {
                return checkJournal(target, calendar, out);
            }
            if (!Files.isRegularFile(target))
            {
                throw new UsageException("data check: " + target + " is neither a file nor a directory");
            }
            final DataImporter.Kind kind = ImportCommand.kind(args.option("kind"));
            final String symbol = args.option("symbol") == null ? "" : args.option("symbol");
            return checkCsv(target, kind, new CsvReadOptions(ImportCommand.zone(args.option("tz")), false, symbol),
                calendar, out);
        }
        catch (final CsvFileException ex)
        {
            err.println("data check: " + ex.getMessage());
            return 2;
        }
        catch (final IOException ex)
        {
            err.println("data check: cannot read " + target + ": " + ex);
            return 2;
        }
    }

    private static SessionCalendar calendar(final String file, final java.time.ZoneId zone)
    {
        if (file == null)
        {
            return new SessionCalendar(zone, SessionCalendar.DEFAULT.open(), SessionCalendar.DEFAULT.close(),
                SessionCalendar.DEFAULT.holidays());
        }
        try
        {
            return SessionCalendar.load(Path.of(file));
        }
        catch (final IOException ex)
        {
            throw new UsageException("data check: cannot read --calendar " + file + ": " + ex.getMessage());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("data check: " + ex.getMessage());
        }
    }

    private static int checkCsv(final Path file, final DataImporter.Kind kind, final CsvReadOptions options,
        final SessionCalendar calendar, final PrintStream out) throws IOException
    {
        final DataQualityCheck check = new DataQualityCheck(calendar, kind == DataImporter.Kind.BARS);
        final List<String> examples = new ArrayList<>();
        final String symbol = options.symbol().isEmpty() ? "-" : options.symbol();
        final CsvReadSummary summary;
        switch (kind)
        {
            case BARS:
                summary = new BarsCsvReader(options.withSymbol(symbol)).read(file, listener(examples,
                    (CsvBar bar) -> check.onRow(bar.symbol(), "line " + bar.line(), bar.timestampNs(), bar.close(),
                        bar.volume())));
                break;
            case QUOTES:
                summary = new QuotesCsvReader(options.withSymbol(symbol)).read(file, listener(examples,
                    (CsvQuote quote) -> check.onRow(quote.symbol(), "line " + quote.line(), quote.timestampNs(),
                        (quote.bid() + quote.ask()) / 2, quote.bidSize() + quote.askSize())));
                break;
            default:
                summary = new TradesCsvReader(options.withSymbol(symbol)).read(file, listener(examples,
                    (CsvTrade trade) -> check.onRow(trade.symbol(), "line " + trade.line(), trade.timestampNs(),
                        trade.price(), trade.size())));
                break;
        }
        out.printf("data check %s (%s file, calendar %s)%n", file, kind.cliName(), calendar.describe());
        out.printf("rows          %,d (%,d good, %,d rejected)%n", summary.rows(), summary.accepted(),
            summary.rejected());
        printRejects(out, summary.rejectedByReason(), examples);
        if (!summary.ignoredColumns().isEmpty())
        {
            out.println("note          columns ignored: " + String.join(", ", summary.ignoredColumns()));
        }
        if (summary.accepted() > 0)
        {
            out.printf("time span     %s .. %s%n", instant(summary.firstTimestampNs()),
                instant(summary.lastTimestampNs()));
        }
        return finish(out, check, summary.rejected());
    }

    private static <T> CsvRowListener<T> listener(final List<String> examples, final CsvRowListener<T> rows)
    {
        return new CsvRowListener<>()
        {
            @Override
            public void onRow(final T row)
            {
                rows.onRow(row);
            }

            @Override
            public void onReject(final CsvProblem problem)
            {
                if (examples.size() < EXAMPLES)
                {
                    examples.add(problem.describe());
                }
            }
        };
    }

    private static int checkJournal(final Path dir, final SessionCalendar calendar, final PrintStream out)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final String manifestText = reader.manifestText();
            final Map<Integer, DataManifest.Instrument> instruments = new HashMap<>();
            final boolean data = DataManifest.isDataManifest(manifestText);
            if (data)
            {
                for (final DataManifest.Instrument instrument : DataManifest.parse(manifestText).instruments())
                {
                    instruments.put(instrument.id(), instrument);
                }
            }
            final DataQualityCheck check = new DataQualityCheck(calendar, true);
            final Map<CsvRejectReason, Long> problems = new EnumMap<>(CsvRejectReason.class);
            final List<String> examples = new ArrayList<>();
            final Map<Integer, long[]> lastTime = new HashMap<>();
            final long[] index = {0};
            final long[] marketData = {0};
            final ReadResult result = reader.readInput((buffer, offset, length) ->
            {
                final long n = index[0]++;
                final byte type = Header.type(buffer, offset);
                if (type != RecordType.BAR && type != RecordType.QUOTE && type != RecordType.TRADE)
                {
                    return;
                }
                marketData[0]++;
                final int id = Header.instrumentId(buffer, offset);
                final DataManifest.Instrument instrument = instruments.computeIfAbsent(id,
                    i -> new DataManifest.Instrument(i, "instrument-" + i, 1, 1));
                final long timeNs = Header.eventTimeNs(buffer, offset);
                final long[] last = lastTime.computeIfAbsent(id, i -> new long[]{Long.MIN_VALUE});
                final String where = "record " + n;
                if (timeNs <= last[0])
                {
                    final CsvRejectReason reason = timeNs == last[0]
                        ? CsvRejectReason.DUPLICATE_TIMESTAMP : CsvRejectReason.OUT_OF_ORDER_TIMESTAMP;
                    note(problems, examples, reason, where + " " + instant(timeNs));
                    return;
                }
                last[0] = timeNs;
                final double scale = instrument.priceScale();
                if (type == RecordType.BAR)
                {
                    final long open = BarCodec.open(buffer, offset);
                    final long high = BarCodec.high(buffer, offset);
                    final long low = BarCodec.low(buffer, offset);
                    final long close = BarCodec.close(buffer, offset);
                    if (high < low || open < low || open > high || close < low || close > high || low <= 0)
                    {
                        note(problems, examples, CsvRejectReason.HIGH_BELOW_LOW,
                            where + " OHLC " + open + " " + high + " " + low + " " + close);
                        return;
                    }
                    check.onRow(instrument.symbol(), where, timeNs, close / scale,
                        Scales.toDouble(BarCodec.volume(buffer, offset), instrument.qtyScale()));
                }
                else if (type == RecordType.QUOTE)
                {
                    check.onRow(instrument.symbol(), where, timeNs,
                        (QuoteCodec.bidPrice(buffer, offset) + QuoteCodec.askPrice(buffer, offset)) / 2.0 / scale, 1);
                }
                else
                {
                    check.onRow(instrument.symbol(), where, timeNs, TradeCodec.price(buffer, offset) / scale,
                        Scales.toDouble(TradeCodec.qty(buffer, offset), instrument.qtyScale()));
                }
            });
            out.printf("data check %s (%s, calendar %s)%n", dir, data ? "data journal" : "journal",
                calendar.describe());
            out.printf("records       %,d market-data records of %,d input records%s%n", marketData[0], result.count(),
                result.corrupt() ? "; " + result.corruption() : "");
            long bad = 0;
            for (final long count : problems.values())
            {
                bad += count;
            }
            printRejects(out, problems, examples);
            return result.corrupt() ? 1 : finish(out, check, bad);
        }
    }

    private static void note(final Map<CsvRejectReason, Long> problems, final List<String> examples,
        final CsvRejectReason reason, final String text)
    {
        problems.merge(reason, 1L, Long::sum);
        if (examples.size() < EXAMPLES)
        {
            examples.add(reason + " " + text);
        }
    }

    private static void printRejects(final PrintStream out, final Map<CsvRejectReason, Long> byReason,
        final List<String> examples)
    {
        for (final CsvRejectReason reason : CsvRejectReason.values())
        {
            final Long count = byReason.get(reason);
            if (count != null)
            {
                out.printf("rejected      %-24s %,d%n", reason, count);
            }
        }
        for (final String example : examples)
        {
            out.println("  e.g. " + example);
        }
    }

    private static int finish(final PrintStream out, final DataQualityCheck check, final long rejected)
    {
        for (final String line : check.lines())
        {
            out.println(line);
        }
        final long findings = check.findings() + rejected;
        out.println(findings == 0 ? "verdict       clean" : String.format(java.util.Locale.ROOT,
            "verdict       %,d findings", findings));
        return findings == 0 ? 0 : 1;
    }

    /**
     * Epoch nanoseconds as an ISO instant.
     *
     * @param epochNs the time.
     * @return e.g. {@code 2024-01-02T00:00:00Z}.
     */
    static String instant(final long epochNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L))
            .toString();
    }
}
