package io.meridian.gateway.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the bars, quotes and trades readers share: FastCSV parsing (UTF-8, a byte-order mark skipped, empty lines
 * skipped, quoted fields), the header (column names matched case-insensitively after trimming; the time column is
 * {@code date} or {@code timestamp}; an optional {@code symbol} column; other columns are ignored and listed in the
 * summary), the time field ({@link CsvTimestamps}), the order of timestamps per symbol (a timestamp equal to the
 * previous accepted row's is a duplicate, an earlier one is out of order), strict and lenient modes, and the summary.
 * A subclass parses and checks its own columns.
 *
 * <p>Owned by the thread that calls {@link #read}; one read at a time.
 *
 * @param <T> the row type handed to the listener (one reused instance).
 */
public abstract class MarketCsvReader<T>
{
    /** Header names accepted for the time column, in order of preference. */
    public static final List<String> TIME_COLUMNS = List.of("date", "timestamp");
    /** Header name of the optional symbol column. */
    public static final String SYMBOL_COLUMN = "symbol";

    private final String kind;
    private final List<String> columns;
    private final List<String> optionalColumns;
    private final CsvReadOptions options;
    private final CsvTimestamps timestamps;
    private final Row row = new Row();

    /**
     * A reader of one kind of file.
     *
     * @param kind the kind, for messages ({@code bars}).
     * @param columns the required columns after the time column, lower case, in the documented header order.
     * @param optionalColumns columns used when present (their slots follow the required ones).
     * @param options zone, strictness and default symbol.
     */
    protected MarketCsvReader(final String kind, final List<String> columns, final List<String> optionalColumns,
        final CsvReadOptions options)
    {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.optionalColumns = List.copyOf(optionalColumns);
        this.options = options;
        this.timestamps = new CsvTimestamps(options.zone());
    }

    /**
     * The documented header of this kind of file.
     *
     * @return e.g. {@code date,open,high,low,close,volume}.
     */
    public final String header()
    {
        return "date," + String.join(",", columns);
    }

    /**
     * Reads a file: accepted rows to {@code listener.onRow} in file order, rejected ones to
     * {@code listener.onReject} (or, in strict mode, a {@link CsvFileException} for the first).
     *
     * @param file the file.
     * @param listener receives the rows.
     * @return what the read found.
     * @throws CsvFileException when the header lacks a column, the CSV structure is broken (the rows before it
     *     have been delivered), or in strict mode at the first rejected row.
     * @throws IOException when the file cannot be read.
     */
    public final CsvReadSummary read(final Path file, final CsvRowListener<? super T> listener) throws IOException
    {
        final Map<CsvRejectReason, Long> rejected = new EnumMap<>(CsvRejectReason.class);
        final Map<String, long[]> lastBySymbol = new HashMap<>();
        final List<String> ignored = new ArrayList<>();
        long rows = 0;
        long accepted = 0;
        long first = CsvTimestamps.INVALID;
        long last = CsvTimestamps.INVALID;
        long line = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
            .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8);
            CloseableIterator<CsvRecord> records = reader.iterator())
        {
            if (!records.hasNext())
            {
                throw new CsvFileException(file, 0, "empty file: expected the header " + header());
            }
            final CsvRecord headerRecord = records.next();
            line = headerRecord.getStartingLineNumber();
            final String timeColumn = resolveHeader(file, headerRecord, ignored);
            String lastSymbol = null;
            long[] lastTimestamp = null;
            while (records.hasNext())
            {
                final CsvRecord record = records.next();
                line = record.getStartingLineNumber();
                rows++;
                row.begin(file, record);
                CsvProblem problem = row.parseTime() ? parse(row, rowObject()) : row.problem;
                if (problem == null)
                {
                    if (!row.symbol.equals(lastSymbol))
                    {
                        lastSymbol = row.symbol;
                        lastTimestamp = lastBySymbol.computeIfAbsent(lastSymbol,
                            s -> new long[]{CsvTimestamps.INVALID});
                    }
                    problem = checkOrder(lastTimestamp[0]);
                    if (problem == null)
                    {
                        lastTimestamp[0] = row.timestampNs;
                    }
                }
                if (problem == null)
                {
                    accepted++;
                    first = first == CsvTimestamps.INVALID ? row.timestampNs : first;
                    last = row.timestampNs;
                    listener.onRow(rowObject());
                }
                else if (options.strict())
                {
                    throw new CsvFileException(problem);
                }
                else
                {
                    rejected.merge(problem.reason(), 1L, Long::sum);
                    listener.onReject(problem);
                }
            }
            return new CsvReadSummary(file, timeColumn, ignored, rows, accepted, rejected, first, last);
        }
        catch (final CsvParseException ex)
        {
            throw new CsvFileException(file, line + 1, "the CSV structure cannot be read after line " + line + ": "
                + describe(ex));
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    /**
     * The reused row instance handed to the listener.
     *
     * @return the row.
     */
    protected abstract T rowObject();

    /**
     * Parses and checks this kind's columns into the row; the time and symbol are parsed already.
     *
     * @param fields the row's fields by slot, with its time, symbol and problem reporting.
     * @param into the row object to fill.
     * @return null when the row is accepted, else its problem (from {@link Row#reject}).
     */
    protected abstract CsvProblem parse(Row fields, T into);

    private CsvProblem checkOrder(final long previous)
    {
        if (previous == CsvTimestamps.INVALID)
        {
            return null;
        }
        if (row.timestampNs == previous)
        {
            return row.reject(-1, CsvRejectReason.DUPLICATE_TIMESTAMP,
                "'" + row.timeText + "' equals the previous accepted row's time" + symbolNote());
        }
        if (row.timestampNs < previous)
        {
            return row.reject(-1, CsvRejectReason.OUT_OF_ORDER_TIMESTAMP,
                "'" + row.timeText + "' is before the previous accepted row's time" + symbolNote());
        }
        return null;
    }

    private String symbolNote()
    {
        return row.symbol.isEmpty() ? "" : " for symbol " + row.symbol;
    }

    private String resolveHeader(final Path file, final CsvRecord header, final List<String> ignored)
        throws CsvFileException
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < header.getFieldCount(); i++)
        {
            names.add(header.getField(i).strip().toLowerCase(Locale.ROOT));
        }
        int timeIndex = -1;
        for (final String candidate : TIME_COLUMNS)
        {
            if (timeIndex < 0)
            {
                timeIndex = names.indexOf(candidate);
            }
        }
        if (timeIndex < 0)
        {
            throw missing(file, header, "date' (or 'timestamp");
        }
        final int slots = columns.size() + optionalColumns.size();
        final int[] indices = new int[slots];
        final String[] spelled = new String[slots];
        for (int slot = 0; slot < slots; slot++)
        {
            final String name = slot < columns.size() ? columns.get(slot) : optionalColumns.get(slot - columns.size());
            indices[slot] = names.indexOf(name);
            if (indices[slot] < 0 && slot < columns.size())
            {
                throw missing(file, header, name);
            }
            spelled[slot] = indices[slot] < 0 ? name : header.getField(indices[slot]).strip();
        }
        final int symbolIndex = names.indexOf(SYMBOL_COLUMN);
        for (int i = 0; i < names.size(); i++)
        {
            if (i != timeIndex && i != symbolIndex && !contains(indices, i))
            {
                ignored.add(header.getField(i).strip());
            }
        }
        row.configure(timeIndex, header.getField(timeIndex).strip(), symbolIndex, indices, spelled);
        return header.getField(timeIndex).strip();
    }

    private CsvFileException missing(final Path file, final CsvRecord header, final String name)
    {
        return new CsvFileException(file, header.getStartingLineNumber(), "the header has no column '" + name
            + "'; a " + kind + " file starts with the header " + header() + " (found: "
            + String.join(",", header.getFields()) + ")");
    }

    private static boolean contains(final int[] values, final int value)
    {
        for (final int v : values)
        {
            if (v == value)
            {
                return true;
            }
        }
        return false;
    }

    private static String describe(final CsvParseException ex)
    {
        final Throwable cause = ex.getCause();
        return cause == null ? ex.getMessage() : ex.getMessage() + ": " + cause.getMessage();
    }

    /**
     * The current row's fields by slot (the required columns in order, then the optional ones), its parsed time
     * and symbol, and its problem reporting. Reused for every row.
     */
    protected final class Row
    {
        private int timeIndex;
        private String timeName = "";
        private int symbolIndex;
        private int[] indices = new int[0];
        private String[] names = new String[0];
        private Path file;
        private CsvRecord record;
        private CsvProblem problem;
        private String timeText = "";
        private String symbol = "";
        private long timestampNs;

        void configure(final int timeIndex, final String timeName, final int symbolIndex, final int[] indices,
            final String[] names)
        {
            this.timeIndex = timeIndex;
            this.timeName = timeName;
            this.symbolIndex = symbolIndex;
            this.indices = indices.clone();
            this.names = names.clone();
        }

        void begin(final Path file, final CsvRecord record)
        {
            this.file = file;
            this.record = record;
            this.problem = null;
        }

        boolean parseTime()
        {
            if (timeIndex >= record.getFieldCount() || record.getField(timeIndex).isBlank())
            {
                problem = new CsvProblem(file, line(), timeName, CsvRejectReason.MISSING_FIELD, "no time value");
                return false;
            }
            timeText = record.getField(timeIndex);
            timestampNs = timestamps.parse(timeText);
            if (timestampNs == CsvTimestamps.INVALID)
            {
                problem = new CsvProblem(file, line(), timeName, CsvRejectReason.UNPARSEABLE_TIMESTAMP,
                    "'" + clip(timeText) + "': " + timestamps.lastError());
                return false;
            }
            symbol = symbolIndex >= 0 && symbolIndex < record.getFieldCount()
                ? record.getField(symbolIndex).strip() : options.symbol();
            if (symbol.isEmpty() && symbolIndex >= 0)
            {
                problem = new CsvProblem(file, line(), SYMBOL_COLUMN, CsvRejectReason.MISSING_FIELD, "no symbol");
                return false;
            }
            return true;
        }

        /**
         * The row's line number (the header is line 1).
         *
         * @return the line.
         */
        public long line()
        {
            return record.getStartingLineNumber();
        }

        /**
         * The time field as written.
         *
         * @return the text.
         */
        public String timeText()
        {
            return timeText;
        }

        /**
         * The parsed time.
         *
         * @return epoch nanoseconds UTC.
         */
        public long timestampNs()
        {
            return timestampNs;
        }

        /**
         * The row's symbol (its {@code symbol} column, else the default symbol).
         *
         * @return the symbol.
         */
        public String symbol()
        {
            return symbol;
        }

        /**
         * Whether an optional slot's column is in the file and the row has a non-blank value for it.
         *
         * @param slot the slot.
         * @return true when present.
         */
        public boolean has(final int slot)
        {
            final int index = indices[slot];
            return index >= 0 && index < record.getFieldCount() && !record.getField(index).isBlank();
        }

        /**
         * A slot's text, stripped.
         *
         * @param slot the slot.
         * @return the text, empty when the row has no such field.
         */
        public String text(final int slot)
        {
            final int index = indices[slot];
            return index >= 0 && index < record.getFieldCount() ? record.getField(index).strip() : "";
        }

        /**
         * A slot's number, or NaN after recording the problem ({@link #problem()}) when it is missing or not a
         * plain decimal.
         *
         * @param slot the slot.
         * @return the value or NaN.
         */
        public double number(final int slot)
        {
            final int index = indices[slot];
            if (index < 0 || index >= record.getFieldCount() || record.getField(index).isBlank())
            {
                reject(slot, CsvRejectReason.MISSING_FIELD, "no value");
                return Double.NaN;
            }
            final String text = record.getField(index);
            final double value = CsvNumbers.parse(text);
            if (Double.isNaN(value))
            {
                reject(slot, CsvRejectReason.UNPARSEABLE_NUMBER, "'" + clip(text) + "' is not a decimal number");
            }
            return value;
        }

        /**
         * The problem recorded by the last failed {@link #number}, if any.
         *
         * @return the problem or null.
         */
        public CsvProblem problem()
        {
            return problem;
        }

        /**
         * Records and returns a problem with this row.
         *
         * @param slot the slot of the offending column, or -1 for the time column.
         * @param reason why.
         * @param detail the values, for people.
         * @return the problem.
         */
        public CsvProblem reject(final int slot, final CsvRejectReason reason, final String detail)
        {
            problem = new CsvProblem(file, line(), slot < 0 ? timeName : names[slot], reason, detail);
            return problem;
        }

        private String clip(final String text)
        {
            return text.length() <= 40 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
        }
    }
}
