package io.meridian.runtime.data;

import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
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
import io.meridian.gateway.csv.MarketCsvReader;
import io.meridian.gateway.csv.QuotesCsvReader;
import io.meridian.gateway.csv.TradesCsvReader;
import io.meridian.journal.JournalWriter;
import io.meridian.runtime.launch.PretouchAgent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code meridian import}: reads a bars, quotes or trades CSV file and writes its accepted rows, in file order, as
 * BAR, QUOTE or TRADE records into the input queue of a new data journal (Chronicle Queue, CRC32C per record, the
 * format of every input journal), under a {@link DataManifest}. Records carry {@code sourceId = 1}, a source
 * sequence counting from 1, the row's time as event time, and sequence and receive time 0 (the backtest's sequencer
 * stamps them).
 *
 * <p>Prices become fixed point at the instrument's price scale and sizes at its quantity scale, rounding half away
 * from zero ({@link Scales#toFixed}); values that are not exact at the scale are counted ({@link Result#rounded()});
 * a price that rounds to zero rejects its row ({@code NON_POSITIVE_PRICE}).
 *
 * <p>A file without a {@code symbol} column is one instrument (the {@code --symbol}, else the file name) and is
 * streamed to the journal. A file with one gets an instrument per symbol (ids from the first id, in order of first
 * appearance); its records are held in memory (about 100 bytes a row) and written in time order (stable: rows of the
 * same time keep their file order), since a backtest reads one time-ordered stream; each symbol's own rows are never
 * reordered.
 *
 * <p>Over 500 lines: the three kinds' conversions share the instrument table, rounding count, strict-mode handling
 * and journal state of one import; split apart, that state would have to be passed around.
 */
public final class DataImporter
{
    /** Source id of imported records. */
    public static final int SOURCE_ID = 1;

    /** What a file holds. */
    public enum Kind
    {
        /** OHLCV bars: BAR records. */
        BARS,
        /** Top-of-book quotes: QUOTE records. */
        QUOTES,
        /** Trade prints: TRADE records. */
        TRADES;

        /**
         * The kind's name on the command line.
         *
         * @return {@code bars}, {@code quotes} or {@code trades}.
         */
        public String cliName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How to import.
     *
     * @param kind what the file holds.
     * @param read zone, strictness and default symbol of the CSV read.
     * @param firstInstrumentId the instrument id of the (first) symbol.
     * @param priceScale price ticks per currency unit.
     * @param qtyScale lots per unit of size or volume.
     * @param barDurationNs the bars' length written into each BAR (0 unknown).
     */
    public record Options(Kind kind, CsvReadOptions read, int firstInstrumentId, long priceScale, long qtyScale,
        long barDurationNs)
    {
    }

    /**
     * What an import did.
     *
     * @param read the CSV read's summary (rows, ignored columns, rejections by the reader).
     * @param records records written to the journal.
     * @param rejectedByReason every rejected row by reason (the reader's and the importer's own).
     * @param rounded prices and sizes that were not exact at their scale and were rounded.
     * @param manifest the data journal's manifest.
     */
    public record Result(CsvReadSummary read, long records, Map<CsvRejectReason, Long> rejectedByReason,
        long rounded, DataManifest manifest)
    {
        /**
         * Copies the map.
         *
         * @param read the summary.
         * @param records records written.
         * @param rejectedByReason rejections.
         * @param rounded rounded values.
         * @param manifest the manifest.
         */
        public Result
        {
            rejectedByReason = Map.copyOf(rejectedByReason);
        }

        /**
         * Rows rejected, all reasons.
         *
         * @return the count.
         */
        public long rejected()
        {
            long total = 0;
            for (final long count : rejectedByReason.values())
            {
                total += count;
            }
            return total;
        }
    }

    /** Instrument symbols the engine accepts (upper case). */
    public static final java.util.regex.Pattern SYMBOL = java.util.regex.Pattern.compile("[A-Z0-9._]{1,16}");

    private final Options options;
    private final Consumer<CsvProblem> rejects;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private final Map<CsvRejectReason, Long> importerRejects = new EnumMap<>(CsvRejectReason.class);
    private final Map<String, DataManifest.Instrument> instruments = new LinkedHashMap<>();
    private Path file;
    private JournalWriter journal;
    private AgentRunner pretouch;
    private ExpandableArrayBuffer held;
    private long heldCount;
    private long records;
    private long rounded;
    private long rowRounded;

    private DataImporter(final Options options, final Consumer<CsvProblem> rejects)
    {
        this.options = options;
        this.rejects = rejects;
    }

    /**
     * Imports a file into a new data journal.
     *
     * @param csv the CSV file.
     * @param out the journal directory to create (must not hold a journal yet).
     * @param options how to import.
     * @param rejects receives every rejected row (not called in strict mode, which throws at the first).
     * @return what was imported.
     * @throws IOException when the file cannot be read, its header is wrong, its CSV structure is broken, or (strict)
     *     at the first rejected row; the journal is then left incomplete (without its clean end).
     */
    public static Result importCsv(final Path csv, final Path out, final Options options,
        final Consumer<CsvProblem> rejects) throws IOException
    {
        return new DataImporter(options, rejects).run(csv, out);
    }

    private Result run(final Path csv, final Path out) throws IOException
    {
        file = csv;
        final boolean multiSymbol = MarketCsvReader.hasSymbolColumn(csv);
        String defaultSymbol = options.read().symbol();
        if (defaultSymbol.isEmpty())
        {
            final String name = String.valueOf(csv.getFileName());
            final int dot = name.lastIndexOf('.');
            final String stem = (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9._]", "_");
            defaultSymbol = stem.substring(0, Math.min(stem.length(), 16));
        }
        final CsvReadOptions read = options.read().withSymbol(defaultSymbol);
        if (multiSymbol)
        {
            held = new ExpandableArrayBuffer(1 << 16);
        }
        else
        {
            if (instrumentOf(defaultSymbol) == null)
            {
                throw new CsvFileException(csv, 0, "symbol '" + defaultSymbol
                    + "' is not 1 to 16 characters of A-Z, 0-9, '.' and '_' (--symbol)");
            }
            openJournal(out);
        }
        try
        {
            final CsvReadSummary summary;
            try
            {
                summary = read(csv, read);
            }
            catch (final StrictReject ex)
            {
                throw (CsvFileException)ex.getCause();
            }
            if (multiSymbol)
            {
                openJournal(out);
                writeHeldInTimeOrder();
            }
            final Map<CsvRejectReason, Long> all = new EnumMap<>(CsvRejectReason.class);
            all.putAll(summary.rejectedByReason());
            importerRejects.forEach((reason, count) -> all.merge(reason, count, Long::sum));
            return new Result(summary, records, all, rounded, manifest());
        }
        finally
        {
            if (pretouch != null)
            {
                pretouch.close();
            }
            if (journal != null)
            {
                journal.close();
            }
        }
    }

    /** Opens the journal with the pretouch agent beside it, as a backtest does (page faults off this thread). */
    private void openJournal(final Path out)
    {
        journal = JournalWriter.open(out, manifest().toText());
        pretouch = PretouchAgent.start(journal, PretouchAgent.BACKTEST_PERIOD_NS, ex -> { });
    }

    private CsvReadSummary read(final Path csv, final CsvReadOptions read) throws IOException
    {
        switch (options.kind())
        {
            case BARS:
                return new BarsCsvReader(read).read(csv, listener(this::onBar));
            case QUOTES:
                return new QuotesCsvReader(read).read(csv, listener(this::onQuote));
            default:
                return new TradesCsvReader(read).read(csv, listener(this::onTrade));
        }
    }

    /** A row handler that may itself reject (a price rounding to zero): returns the problem or null. */
    private interface RowWriter<T>
    {
        CsvProblem write(T row) throws CsvFileException;
    }

    private <T> CsvRowListener<T> listener(final RowWriter<T> writer)
    {
        return new CsvRowListener<>()
        {
            @Override
            public void onRow(final T row)
            {
                try
                {
                    final CsvProblem problem = writer.write(row);
                    if (problem != null)
                    {
                        if (options.read().strict())
                        {
                            throw new CsvFileException(problem);
                        }
                        importerRejects.merge(problem.reason(), 1L, Long::sum);
                        rejects.accept(problem);
                    }
                }
                catch (final CsvFileException ex)
                {
                    throw new StrictReject(ex);
                }
            }

            @Override
            public void onReject(final CsvProblem problem)
            {
                rejects.accept(problem);
            }
        };
    }

    private CsvProblem onBar(final CsvBar bar)
    {
        rowRounded = 0;
        final DataManifest.Instrument instrument = instrumentOf(bar.symbol());
        if (instrument == null)
        {
            return badSymbol(bar.line(), bar.symbol());
        }
        final long open = price(bar.open(), instrument);
        final long high = price(bar.high(), instrument);
        final long low = price(bar.low(), instrument);
        final long close = price(bar.close(), instrument);
        if (low <= 0)
        {
            return zeroPrice(bar.line(), "low", bar.low(), instrument);
        }
        header(RecordType.BAR, BarCodec.LENGTH, instrument.id(), bar.timestampNs());
        BarCodec.open(record, 0, open);
        BarCodec.high(record, 0, high);
        BarCodec.low(record, 0, low);
        BarCodec.close(record, 0, close);
        BarCodec.volume(record, 0, qty(bar.volume(), instrument));
        BarCodec.durationNs(record, 0, options.barDurationNs());
        append(BarCodec.LENGTH);
        return null;
    }

    private CsvProblem onQuote(final CsvQuote quote)
    {
        rowRounded = 0;
        final DataManifest.Instrument instrument = instrumentOf(quote.symbol());
        if (instrument == null)
        {
            return badSymbol(quote.line(), quote.symbol());
        }
        final long bid = price(quote.bid(), instrument);
        final long ask = price(quote.ask(), instrument);
        if (bid <= 0)
        {
            return zeroPrice(quote.line(), "bid", quote.bid(), instrument);
        }
        if (bid >= ask)
        {
            return new CsvProblem(file, quote.line(), "bid", CsvRejectReason.CROSSED_QUOTE, "bid " + quote.bid()
                + " and ask " + quote.ask() + " are the same tick at price scale " + instrument.priceScale());
        }
        final long bidQty = qty(quote.bidSize(), instrument);
        final long askQty = qty(quote.askSize(), instrument);
        if (bidQty <= 0 || askQty <= 0)
        {
            return new CsvProblem(file, quote.line(), bidQty <= 0 ? "bid_size" : "ask_size",
                CsvRejectReason.NON_POSITIVE_SIZE, "size rounds to 0 at quantity scale " + instrument.qtyScale());
        }
        header(RecordType.QUOTE, QuoteCodec.LENGTH, instrument.id(), quote.timestampNs());
        QuoteCodec.bidPrice(record, 0, bid);
        QuoteCodec.bidQty(record, 0, bidQty);
        QuoteCodec.askPrice(record, 0, ask);
        QuoteCodec.askQty(record, 0, askQty);
        append(QuoteCodec.LENGTH);
        return null;
    }

    private CsvProblem onTrade(final CsvTrade trade)
    {
        rowRounded = 0;
        final DataManifest.Instrument instrument = instrumentOf(trade.symbol());
        if (instrument == null)
        {
            return badSymbol(trade.line(), trade.symbol());
        }
        final long price = price(trade.price(), instrument);
        if (price <= 0)
        {
            return zeroPrice(trade.line(), "price", trade.price(), instrument);
        }
        final long qty = qty(trade.size(), instrument);
        if (qty <= 0)
        {
            return new CsvProblem(file, trade.line(), "size", CsvRejectReason.NON_POSITIVE_SIZE,
                "size " + trade.size() + " rounds to 0 at quantity scale " + instrument.qtyScale());
        }
        header(RecordType.TRADE, TradeCodec.LENGTH, instrument.id(), trade.timestampNs());
        TradeCodec.price(record, 0, price);
        TradeCodec.qty(record, 0, qty);
        TradeCodec.aggressorSide(record, 0, trade.side() == CsvTrade.SIDE_BUY ? Side.BUY
            : trade.side() == CsvTrade.SIDE_SELL ? Side.SELL : Side.NONE);
        append(TradeCodec.LENGTH);
        return null;
    }

    private CsvProblem zeroPrice(final long line, final String column, final double value,
        final DataManifest.Instrument instrument)
    {
        return new CsvProblem(file, line, column, CsvRejectReason.NON_POSITIVE_PRICE,
            column + " " + value + " rounds to 0 at price scale " + instrument.priceScale());
    }

    private long price(final double value, final DataManifest.Instrument instrument)
    {
        return fixed(value, instrument.priceScale());
    }

    private long qty(final double value, final DataManifest.Instrument instrument)
    {
        return fixed(value, instrument.qtyScale());
    }

    private long fixed(final double value, final long scale)
    {
        final long fixed = Scales.toFixed(value, scale);
        if (Math.abs((double)fixed - value * scale) > 1e-6)
        {
            rowRounded++;
        }
        return fixed;
    }

    private void header(final byte type, final int length, final int instrumentId, final long timeNs)
    {
        Header.write(record, 0, type, length, instrumentId, 0, timeNs, 0, SOURCE_ID, records + heldCount + 1);
    }

    private void append(final int length)
    {
        rounded += rowRounded;
        rowRounded = 0;
        if (held == null)
        {
            journal.appendInput(record, 0, length);
            records++;
        }
        else
        {
            held.putBytes((int)(heldCount * Header.MAX_RECORD_LENGTH), record, 0, length);
            heldCount++;
            if (heldCount * Header.MAX_RECORD_LENGTH > Integer.MAX_VALUE - Header.MAX_RECORD_LENGTH)
            {
                throw new IllegalStateException("a file with a symbol column is held in memory to be sorted by "
                    + "time; this one has more than " + heldCount + " rows: split it by symbol");
            }
        }
    }

    private void writeHeldInTimeOrder()
    {
        final int count = (int)heldCount;
        final Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        // a stable sort by event time: rows of the same time keep their file order
        Arrays.sort(order, (a, b) -> Long.compare(timeOf(a), timeOf(b)));
        long sourceSequence = 0;
        for (final Integer index : order)
        {
            final int offset = index * Header.MAX_RECORD_LENGTH;
            record.putBytes(0, held, offset, Header.MAX_RECORD_LENGTH);
            record.putLong(Header.SOURCE_SEQUENCE_OFFSET, ++sourceSequence);
            journal.appendInput(record, 0, Header.length(record, 0));
            records++;
        }
    }

    private long timeOf(final int index)
    {
        return held.getLong(index * Header.MAX_RECORD_LENGTH + Header.EVENT_TIME_NS_OFFSET);
    }

    /**
     * The instrument of a symbol (upper-cased), created on first sight; null when the symbol is not 1 to 16
     * characters of A-Z, 0-9, '.' and '_' (the engine's rule for instrument symbols).
     */
    private DataManifest.Instrument instrumentOf(final String symbol)
    {
        DataManifest.Instrument instrument = instruments.get(symbol);
        if (instrument == null)
        {
            final String upper = symbol.toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(upper).matches())
            {
                return null;
            }
            instrument = new DataManifest.Instrument(options.firstInstrumentId() + instruments.size(), upper,
                options.priceScale(), options.qtyScale());
            instruments.put(symbol, instrument);
        }
        return instrument;
    }

    private CsvProblem badSymbol(final long line, final String symbol)
    {
        return new CsvProblem(file, line, "symbol", CsvRejectReason.INVALID_VALUE,
            "symbol '" + symbol + "' is not 1 to 16 characters of A-Z, 0-9, '.' and '_'");
    }

    private DataManifest manifest()
    {
        return new DataManifest(options.kind().cliName(), file.toAbsolutePath().toString(),
            options.read().zone().getId(), options.kind() == Kind.BARS ? options.barDurationNs() : 0,
            new ArrayList<>(instruments.values()));
    }

    /** Carries a strict-mode reject of the importer's own out of the reader's callback. */
    private static final class StrictReject extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        StrictReject(final CsvFileException cause)
        {
            super(cause);
        }
    }
}
