package io.meridian.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bars reader: header variants, every row check with its line, column and reason, the time forms and zone,
 * strict and lenient modes. Expected timestamps are hand-computed epoch values.
 */
class BarsCsvReaderTest
{
    /** 2024-01-02T00:00Z in epoch nanoseconds (19724 days since 1970-01-01 times 86400 s). */
    private static final long JAN_2_UTC_NS = 19_724L * 86_400L * 1_000_000_000L;
    private static final long DAY_NS = 86_400L * 1_000_000_000L;

    @TempDir
    Path dir;

    private final List<CsvBar> bars = new ArrayList<>();
    private final List<CsvProblem> problems = new ArrayList<>();

    private final CsvRowListener<CsvBar> collector = new CsvRowListener<>()
    {
        @Override
        public void onRow(final CsvBar bar)
        {
            final CsvBar copy = new CsvBar();
            copy.line = bar.line();
            copy.date = bar.date();
            copy.symbol = bar.symbol();
            copy.timestampNs = bar.timestampNs();
            copy.open = bar.open();
            copy.high = bar.high();
            copy.low = bar.low();
            copy.close = bar.close();
            copy.volume = bar.volume();
            bars.add(copy);
        }

        @Override
        public void onReject(final CsvProblem problem)
        {
            problems.add(problem);
        }
    };

    private Path write(final String content) throws IOException
    {
        final Path file = dir.resolve("bars.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private CsvReadSummary read(final String content, final CsvReadOptions options) throws IOException
    {
        return new BarsCsvReader(options).read(write(content), collector);
    }

    @Test
    void shouldReadDailyBarsInFileOrder() throws IOException
    {
        final CsvReadSummary summary = read("date,open,high,low,close,volume\n"
            + "2024-01-02,10,11,9.5,10.5,1000\n"
            + "2024-01-03,10.5,10.75,10.25,10.5,0\n", CsvReadOptions.DEFAULT);

        assertEquals(2, summary.rows());
        assertEquals(2, summary.accepted());
        assertEquals(0, summary.rejected());
        assertEquals("date", summary.timeColumn());
        assertEquals(2, bars.size());
        final CsvBar first = bars.get(0);
        assertEquals(2, first.line());
        assertEquals("2024-01-02", first.date());
        assertEquals(JAN_2_UTC_NS, first.timestampNs());
        assertEquals(10.0, first.open());
        assertEquals(11.0, first.high());
        assertEquals(9.5, first.low());
        assertEquals(10.5, first.close());
        assertEquals(1000.0, first.volume());
        assertEquals(JAN_2_UTC_NS + DAY_NS, bars.get(1).timestampNs());
        assertEquals(JAN_2_UTC_NS, summary.firstTimestampNs());
        assertEquals(JAN_2_UTC_NS + DAY_NS, summary.lastTimestampNs());
    }

    @Test
    void shouldAcceptTimestampColumnAnyCaseExtraColumnsAndBom() throws IOException
    {
        final CsvReadSummary summary = read("\uFEFF\"\",Timestamp,Open,High,Low,Close,Volume,Adjusted\n"
            + "\"1\",2024-01-02T15:30:00Z,1,2,1,2,5,2.0\n", CsvReadOptions.DEFAULT);

        assertEquals("Timestamp", summary.timeColumn());
        assertEquals(List.of("", "Adjusted"), summary.ignoredColumns());
        assertEquals(1, bars.size());
        assertEquals(JAN_2_UTC_NS + (15 * 3600 + 30 * 60) * 1_000_000_000L, bars.get(0).timestampNs());
    }

    @Test
    void shouldReadEveryTimeForm() throws IOException
    {
        read("date,open,high,low,close,volume\n"
            + "2024-01-02,1,1,1,1,1\n"
            + "2024-01-02 00:00:01,1,1,1,1,1\n"
            + "2024-01-02T00:00:01.5,1,1,1,1,1\n"
            + "2024-01-02T01:00:02+01:00,1,1,1,1,1\n"
            + "1704153603000,1,1,1,1,1\n"
            + "1704153604000000001,1,1,1,1,1\n"
            + "2024-01-02T00:01,1,1,1,1,1\n", CsvReadOptions.DEFAULT);

        assertEquals(List.of(), problems);
        final long s = 1_000_000_000L;
        assertEquals(List.of(JAN_2_UTC_NS, JAN_2_UTC_NS + s, JAN_2_UTC_NS + s + s / 2, JAN_2_UTC_NS + 2 * s,
            JAN_2_UTC_NS + 3 * s, JAN_2_UTC_NS + 4 * s + 1, JAN_2_UTC_NS + 60 * s),
            bars.stream().map(CsvBar::timestampNs).toList());
    }

    @Test
    void shouldReadDatesWithoutOffsetInTheGivenZone() throws IOException
    {
        // New York is UTC-5 in January: local midnight is 05:00 UTC; an explicit offset wins over the zone
        read("date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03T00:00Z,1,1,1,1,1\n",
            CsvReadOptions.DEFAULT.withZone(ZoneId.of("America/New_York")));

        assertEquals(JAN_2_UTC_NS + 5 * 3600 * 1_000_000_000L, bars.get(0).timestampNs());
        assertEquals(JAN_2_UTC_NS + DAY_NS, bars.get(1).timestampNs());
    }

    @Test
    void shouldNameEveryBadRowByLineColumnAndReason() throws IOException
    {
        final CsvReadSummary summary = read("date,open,high,low,close,volume\n"
            + "2024-01-02,10,11,9,10,100\n"         // 2 ok
            + "2024-01-03,10,NA,9,10,100\n"         // 3 unparseable high
            + "2024-01-04,10,9,11,10,100\n"         // 4 high < low
            + "2024-01-05,10,11,9,12,100\n"         // 5 close outside
            + "2024-01-06,8,11,9,10,100\n"          // 6 open outside
            + "2024-01-07,10,11,0,10,100\n"         // 7 non-positive low
            + "2024-01-08,10,11,9,10,-1\n"          // 8 negative volume
            + "2024-01-02,10,11,9,10,100\n"         // 9 duplicate of line 2
            + "2024-01-01,10,11,9,10,100\n"         // 10 out of order
            + "2024-13-01,10,11,9,10,100\n"         // 11 bad date
            + "2024-01-09,10,11,9\n"                // 12 missing close
            + "2024-01-09,10,11,9,10,100\n"         // 13 ok
            + "20240110,10,11,9,10,100\n"           // 14 ambiguous epoch
            + "2024-01-10,1e400,11,9,10,100\n"      // 15 infinite
            + "2024-01-10,0x10,11,9,10,100\n",      // 16 hexadecimal
            CsvReadOptions.DEFAULT);

        assertEquals(15, summary.rows());
        assertEquals(2, summary.accepted());
        assertEquals(13, summary.rejected());
        assertEquals(List.of(2L, 13L), bars.stream().map(CsvBar::line).toList());
        assertProblem(problems.get(0), 3, "high", CsvRejectReason.UNPARSEABLE_NUMBER);
        assertProblem(problems.get(1), 4, "high", CsvRejectReason.HIGH_BELOW_LOW);
        assertProblem(problems.get(2), 5, "close", CsvRejectReason.CLOSE_OUTSIDE_RANGE);
        assertProblem(problems.get(3), 6, "open", CsvRejectReason.OPEN_OUTSIDE_RANGE);
        assertProblem(problems.get(4), 7, "low", CsvRejectReason.NON_POSITIVE_PRICE);
        assertProblem(problems.get(5), 8, "volume", CsvRejectReason.NEGATIVE_VOLUME);
        assertProblem(problems.get(6), 9, "date", CsvRejectReason.DUPLICATE_TIMESTAMP);
        assertProblem(problems.get(7), 10, "date", CsvRejectReason.OUT_OF_ORDER_TIMESTAMP);
        assertProblem(problems.get(8), 11, "date", CsvRejectReason.UNPARSEABLE_TIMESTAMP);
        assertProblem(problems.get(9), 12, "close", CsvRejectReason.MISSING_FIELD);
        assertProblem(problems.get(10), 14, "date", CsvRejectReason.UNPARSEABLE_TIMESTAMP);
        assertProblem(problems.get(11), 15, "open", CsvRejectReason.UNPARSEABLE_NUMBER);
        assertProblem(problems.get(12), 16, "open", CsvRejectReason.UNPARSEABLE_NUMBER);
        assertEquals(2L, summary.rejectedByReason().get(CsvRejectReason.UNPARSEABLE_TIMESTAMP));
        final String described = problems.get(1).describe();
        assertTrue(described.endsWith("bars.csv:4: column 'high': HIGH_BELOW_LOW (high 9.0 < low 11.0)"), described);
    }

    @Test
    void shouldStopAtTheFirstBadRowWhenStrict() throws IOException
    {
        final Path file = write("date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n"
            + "2024-01-03,10,11,9,12,100\n2024-01-04,10,11,9,10,100\n");
        final CsvFileException ex = assertThrows(CsvFileException.class,
            () -> new BarsCsvReader(CsvReadOptions.DEFAULT.withStrict(true)).read(file, collector));

        assertProblem(ex.problem(), 3, "close", CsvRejectReason.CLOSE_OUTSIDE_RANGE);
        assertEquals(1, bars.size());
    }

    @Test
    void shouldNameAMissingHeaderColumn() throws IOException
    {
        final Path file = write("date,open,high,low,volume\n2024-01-02,10,11,9,100\n");
        final CsvFileException ex = assertThrows(CsvFileException.class,
            () -> new BarsCsvReader(CsvReadOptions.DEFAULT).read(file, collector));

        assertTrue(ex.getMessage().contains("bars.csv:1: the header has no column 'close'"), ex.getMessage());
        assertNull(ex.problem());
    }

    @Test
    void shouldCheckOrderPerSymbolWhenTheFileHasASymbolColumn() throws IOException
    {
        final CsvReadSummary summary = read("symbol,date,open,high,low,close,volume\n"
            + "AAA,2024-01-02,1,1,1,1,1\nBBB,2024-01-02,2,2,2,2,2\nAAA,2024-01-03,1,1,1,1,1\n"
            + "BBB,2024-01-02,2,2,2,2,2\n", CsvReadOptions.DEFAULT.withSymbol("IGNORED"));

        assertEquals(3, summary.accepted());
        assertEquals(List.of("AAA", "BBB", "AAA"), bars.stream().map(CsvBar::symbol).toList());
        assertProblem(problems.get(0), 5, "date", CsvRejectReason.DUPLICATE_TIMESTAMP);
        assertEquals(Map.of(CsvRejectReason.DUPLICATE_TIMESTAMP, 1L), summary.rejectedByReason());
    }

    @Test
    void shouldUseTheDefaultSymbolWithoutASymbolColumn() throws IOException
    {
        read("date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n", CsvReadOptions.DEFAULT.withSymbol("SPY"));

        assertEquals("SPY", bars.get(0).symbol());
    }

    private static void assertProblem(final CsvProblem problem, final long line, final String column,
        final CsvRejectReason reason)
    {
        assertEquals(line, problem.line(), problem.describe());
        assertEquals(column, problem.column(), problem.describe());
        assertEquals(reason, problem.reason(), problem.describe());
    }
}
