package io.meridian.bench.importer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.gateway.csv.BarsCsvReader;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.journal.JournalWriter;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.data.DataImporter;
import io.meridian.runtime.data.DataJournalSource;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.PretouchAgent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.AgentRunner;

/**
 * {@code ./meridian bench import [--rows N] [--rounds R]}: generates a bars CSV of N one-minute bars (default
 * 1,000,000; epoch-millisecond times, two-decimal prices), then, R rounds (default 3) interleaved so machine noise
 * hits each alike, measures rows/s of: FastCSV's raw parse of the file (every record and field, the baseline), the
 * validating {@link BarsCsvReader}, and the whole import into a data journal; then events/s of a journaled backtest
 * ({@code backtest --data}, profile bars) on that data journal beside a raw read of the data journal. Prints every
 * round and the best of each, then deletes its files.
 */
public final class ImportBenchMain
{
    private ImportBenchMain()
    {
    }

    /**
     * Entry point.
     *
     * @param argv {@code --rows N}, {@code --rounds R}.
     * @throws IOException when the temporary files cannot be written.
     */
    public static void main(final String[] argv) throws IOException
    {
        final Args args = Args.parse("bench import", List.of(argv), Set.of("rows", "rounds"), Set.of());
        final int rows = (int)Math.min(args.longOption("rows", 1_000_000), 50_000_000);
        final int rounds = (int)Math.min(args.longOption("rounds", 3), 20);
        final Path dir = Files.createTempDirectory("meridian-bench-import");
        final Path csv = dir.resolve("bars.csv");
        write(csv, rows);
        System.out.printf(Locale.ROOT, "bench import: %,d rows, %,d bytes (%s), %d rounds, %d CPUs, load %s%n", rows,
            Files.size(csv), csv, rounds, Runtime.getRuntime().availableProcessors(), load());
        final double[] best = new double[5];
        for (int round = 1; round <= rounds; round++)
        {
            final double raw = rate(rows, () -> rawParse(csv));
            final double reader = rate(rows, () -> readerParse(csv));
            final Path data = dir.resolve("data-" + round);
            final double imported = rate(rows, () -> importTo(csv, data));
            final long[] events = new long[1];
            final double rawRead = rate(rows, () -> rawRead(data));
            final long start = System.nanoTime();
            events[0] = backtest(data, dir.resolve("backtest-" + round));
            final double backtest = events[0] / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "round %d: FastCSV raw parse %,.0f rows/s | bars reader %,.0f rows/s | "
                + "import %,.0f rows/s | data journal raw read %,.0f records/s | backtest --data %,.0f events/s "
                + "(%,d events)%n", round, raw, reader, imported, rawRead, backtest, events[0]);
            best[0] = Math.max(best[0], raw);
            best[1] = Math.max(best[1], reader);
            best[2] = Math.max(best[2], imported);
            best[3] = Math.max(best[3], rawRead);
            best[4] = Math.max(best[4], backtest);
        }
        System.out.printf(Locale.ROOT, "best: FastCSV raw parse %,.0f rows/s; bars reader %,.0f rows/s (%.2f of raw); "
            + "import %,.0f rows/s (%.2f of raw); data journal raw read %,.0f records/s; backtest --data %,.0f "
            + "events/s%n", best[0], best[1], best[1] / best[0], best[2], best[2] / best[0], best[3], best[4]);
        System.out.println("load at end " + load());
        try (var paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }

    private static double rate(final long rows, final Runnable work)
    {
        final long start = System.nanoTime();
        work.run();
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static void rawParse(final Path csv)
    {
        long fields = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8))
        {
            for (final CsvRecord record : reader)
            {
                fields += record.getFieldCount() + record.getField(0).length();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (fields == 0)
        {
            throw new IllegalStateException("nothing parsed");
        }
    }

    private static void readerParse(final Path csv)
    {
        final double[] sum = new double[1];
        try
        {
            new BarsCsvReader(CsvReadOptions.DEFAULT).read(csv, bar -> sum[0] += bar.close());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (sum[0] == 0)
        {
            throw new IllegalStateException("nothing read");
        }
    }

    private static void importTo(final Path csv, final Path data)
    {
        try
        {
            DataImporter.importCsv(csv, data, new DataImporter.Options(DataImporter.Kind.BARS,
                CsvReadOptions.DEFAULT.withSymbol("GEN"), 1, 100, 1, 60_000_000_000L), problem ->
                {
                    throw new IllegalStateException(problem.describe());
                });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void rawRead(final Path data)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        long bytes = 0;
        try (DataJournalSource source = DataJournalSource.open(data))
        {
            while (!source.exhausted())
            {
                bytes += source.next(buffer, 0);
            }
        }
        if (bytes == 0)
        {
            throw new IllegalStateException("nothing read");
        }
    }

    private static long backtest(final Path data, final Path journalDir)
    {
        final EngineConfig config = ConfigLoader.loadProfile("bars", List.of("instruments=[{id: 1, symbol: GEN, "
            + "priceScale: 100, qtyScale: 1, startPrice: 100.0, volatility: 0.2, spreadTicks: 1, quoteSize: 1000}]",
            "reference.instruments[0].symbol=GEN"));
        try (DataJournalSource source = DataJournalSource.open(data);
            Scorer scorer = Scorers.create(config);
            JournalWriter journal = JournalWriter.open(journalDir, "meridian bench import backtest\n"))
        {
            final AgentRunner pretouch = PretouchAgent.start(journal, PretouchAgent.BACKTEST_PERIOD_NS,
                ex -> System.err.println("warning: pretouch: " + ex));
            try
            {
                final EventMerger merger = new EventMerger(source, sink -> SimulatedWorld.venue(config, sink),
                    new TimerSchedule(source.peekTimeNs(), SimulatedWorld.timerIntervalNs(config)),
                    OperatorSchedule.none());
                final Backtest backtest = new Backtest(config, scorer, merger, Backtest.journal(journal), null, null);
                while (!source.exhausted())
                {
                    backtest.run(1, null, Long.MAX_VALUE);
                }
                return backtest.events();
            }
            finally
            {
                pretouch.close();
            }
        }
    }

    private static String load()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    private static void write(final Path file, final int rows) throws IOException
    {
        long state = 20_261_202L;
        long close = 10_000;
        long timeMs = 1_704_186_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < rows; i++)
            {
                state = state * 6364136223846793005L + 1442695040888963407L;
                final long open = close;
                close = Math.max(100, open + ((state >>> 33) % 21) - 10);
                final long high = Math.max(open, close) + ((state >>> 20) & 3);
                final long low = Math.min(open, close) - ((state >>> 24) & 3);
                out.write(String.format(Locale.ROOT, "%d,%d.%02d,%d.%02d,%d.%02d,%d.%02d,%d%n", timeMs,
                    open / 100, open % 100, high / 100, high % 100, low / 100, low % 100, close / 100, close % 100,
                    100 + ((state >>> 40) & 1023)));
                timeMs += 60_000;
            }
        }
    }
}
