package io.meridian.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.csv.CsvFileException;
import io.meridian.gateway.csv.CsvProblem;
import io.meridian.gateway.csv.CsvReadOptions;
import io.meridian.gateway.csv.CsvRejectReason;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer: CSV rows become checksummed BAR, QUOTE and TRADE records of a data journal, in file order, with the
 * documented header fields and fixed-point values (hand-computed); rejected rows are named and counted; a file with
 * a symbol column is written in time order; the data journal plays back byte for byte through
 * {@link DataJournalSource}.
 */
class DataImporterTest
{
    private static final long JAN_2_NS = 19_724L * 86_400L * 1_000_000_000L;
    private static final long DAY_NS = 86_400L * 1_000_000_000L;

    @TempDir
    Path dir;

    private final List<CsvProblem> rejects = new ArrayList<>();

    private DataImporter.Result importFile(final String content, final DataImporter.Kind kind,
        final CsvReadOptions read) throws IOException
    {
        final Path csv = dir.resolve("input.csv");
        Files.writeString(csv, content, StandardCharsets.UTF_8);
        return DataImporter.importCsv(csv, dir.resolve("journal"),
            new DataImporter.Options(kind, read, 1, 100, 1, 0), rejects::add);
    }

    private List<byte[]> records() throws IOException
    {
        final List<byte[]> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final ReadResult result = reader.readInput((buffer, offset, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                records.add(copy);
            });
            assertTrue(result.intact(), result.toString());
            assertTrue(DataManifest.isDataManifest(reader.manifestText()));
        }
        return records;
    }

    @Test
    void shouldWriteEachGoodBarAsABarRecordInFileOrder() throws IOException
    {
        final DataImporter.Result result = importFile("date,open,high,low,close,volume,adjusted\n"
            + "2024-01-02,100.00,101.50,99.20,101.10,120500,1\n"
            + "2024-01-03,101.10,102.00,100.40,103.80,98200,1\n"      // close above high: rejected
            + "2024-01-04,100.80,100.95,98.70,99.05,143100,1\n",
            DataImporter.Kind.BARS, CsvReadOptions.DEFAULT.withSymbol("ACME"));

        assertEquals(2, result.records());
        assertEquals(Map.of(CsvRejectReason.CLOSE_OUTSIDE_RANGE, 1L), result.rejectedByReason());
        assertEquals(1, rejects.size());
        assertEquals(3, rejects.get(0).line());
        assertEquals(List.of("adjusted"), result.read().ignoredColumns());
        assertEquals(List.of(new DataManifest.Instrument(1, "ACME", 100, 1)), result.manifest().instruments());

        final List<byte[]> records = records();
        assertEquals(2, records.size());
        final UnsafeBuffer first = new UnsafeBuffer(records.get(0));
        assertEquals(RecordType.BAR, Header.type(first, 0));
        assertEquals(BarCodec.LENGTH, Header.length(first, 0));
        assertEquals(1, Header.instrumentId(first, 0));
        assertEquals(JAN_2_NS, Header.eventTimeNs(first, 0));
        assertEquals(DataImporter.SOURCE_ID, Header.sourceId(first, 0));
        assertEquals(1, Header.sourceSequence(first, 0));
        assertEquals(0, Header.sequence(first, 0));
        assertEquals(10_000, BarCodec.open(first, 0));
        assertEquals(10_150, BarCodec.high(first, 0));
        assertEquals(9_920, BarCodec.low(first, 0));
        assertEquals(10_110, BarCodec.close(first, 0));
        assertEquals(120_500, BarCodec.volume(first, 0));
        final UnsafeBuffer second = new UnsafeBuffer(records.get(1));
        assertEquals(JAN_2_NS + 2 * DAY_NS, Header.eventTimeNs(second, 0));
        assertEquals(2, Header.sourceSequence(second, 0));
        assertEquals(9_905, BarCodec.close(second, 0));
    }

    @Test
    void shouldWriteQuotesAndTrades() throws IOException
    {
        importFile("date,bid,bid_size,ask,ask_size\n2024-01-02T14:30:00Z,99.99,300,100.01,200\n",
            DataImporter.Kind.QUOTES, CsvReadOptions.DEFAULT);
        UnsafeBuffer record = new UnsafeBuffer(records().get(0));
        assertEquals(RecordType.QUOTE, Header.type(record, 0));
        assertEquals(9_999, QuoteCodec.bidPrice(record, 0));
        assertEquals(300, QuoteCodec.bidQty(record, 0));
        assertEquals(10_001, QuoteCodec.askPrice(record, 0));
        assertEquals(200, QuoteCodec.askQty(record, 0));

        try (var paths = Files.walk(dir.resolve("journal")))
        {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        importFile("date,price,size,side\n2024-01-02T14:30:00Z,100.5,7,sell\n", DataImporter.Kind.TRADES,
            CsvReadOptions.DEFAULT);
        record = new UnsafeBuffer(records().get(0));
        assertEquals(RecordType.TRADE, Header.type(record, 0));
        assertEquals(10_050, TradeCodec.price(record, 0));
        assertEquals(7, TradeCodec.qty(record, 0));
        assertEquals(io.meridian.engine.api.Side.SELL, TradeCodec.aggressorSide(record, 0));
    }

    @Test
    void shouldWriteAFileWithASymbolColumnInTimeOrderKeepingEachSymbolsOrder() throws IOException
    {
        final DataImporter.Result result = importFile("symbol,date,open,high,low,close,volume\n"
            + "AAA,2024-01-02,1,1,1,1,1\nAAA,2024-01-03,2,2,2,2,2\nBBB,2024-01-02,3,3,3,3,3\n"
            + "BBB,2024-01-04,4,4,4,4,4\nAAA,2024-01-04,5,5,5,5,5\n",
            DataImporter.Kind.BARS, CsvReadOptions.DEFAULT);

        assertEquals(List.of(new DataManifest.Instrument(1, "AAA", 100, 1),
            new DataManifest.Instrument(2, "BBB", 100, 1)), result.manifest().instruments());
        final List<String> order = new ArrayList<>();
        long sequence = 0;
        for (final byte[] bytes : records())
        {
            final UnsafeBuffer record = new UnsafeBuffer(bytes);
            order.add(Header.instrumentId(record, 0) + ":" + BarCodec.close(record, 0) / 100);
            assertEquals(++sequence, Header.sourceSequence(record, 0));
        }
        // time order; the same time keeps file order (AAA's Jan 2 row before BBB's, BBB's Jan 4 before AAA's)
        assertEquals(List.of("1:1", "2:3", "1:2", "2:4", "1:5"), order);
    }

    @Test
    void shouldRejectAPriceThatRoundsToZeroAndCountRoundedValues() throws IOException
    {
        final DataImporter.Result result = importFile("date,open,high,low,close,volume\n"
            + "2024-01-02,0.004,0.004,0.004,0.004,10\n2024-01-03,1.005,1.006,1.001,1.002,10.5\n",
            DataImporter.Kind.BARS, CsvReadOptions.DEFAULT);

        assertEquals(1, result.records());
        assertEquals(Map.of(CsvRejectReason.NON_POSITIVE_PRICE, 1L), result.rejectedByReason());
        assertEquals(2, rejects.get(0).line());
        assertEquals(5, result.rounded(), "four prices and the volume of line 3");
    }

    @Test
    void shouldStopAtTheFirstBadRowWhenStrict() throws IOException
    {
        final CsvFileException ex = assertThrows(CsvFileException.class, () -> importFile(
            "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-01,1,1,1,1,1\n",
            DataImporter.Kind.BARS, CsvReadOptions.DEFAULT.withStrict(true)));

        assertEquals(CsvRejectReason.OUT_OF_ORDER_TIMESTAMP, ex.problem().reason());
        assertEquals(3, ex.problem().line());
    }

    @Test
    void shouldPlayADataJournalBackByteForByte() throws IOException
    {
        final Path csv = dir.resolve("generated.csv");
        GeneratedBars.write(csv, 5_000, 42);
        final DataImporter.Result result = DataImporter.importCsv(csv, dir.resolve("journal"),
            new DataImporter.Options(DataImporter.Kind.BARS, CsvReadOptions.DEFAULT, 3, 100, 1, 60_000_000_000L),
            rejects::add);
        assertEquals(5_000, result.records());
        assertEquals(List.of(), rejects);

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (final byte[] record : records())
        {
            expected.writeBytes(record);
        }
        final ByteArrayOutputStream played = new ByteArrayOutputStream();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        try (DataJournalSource source = DataJournalSource.open(dir.resolve("journal")))
        {
            assertEquals(3, source.manifest().instruments().get(0).id());
            long lastTime = Long.MIN_VALUE;
            while (!source.exhausted())
            {
                final long time = source.peekTimeNs();
                assertTrue(time > lastTime);
                lastTime = time;
                final int length = source.next(buffer, 0);
                assertEquals(time, Header.eventTimeNs(buffer, 0));
                final byte[] copy = new byte[length];
                buffer.getBytes(0, copy);
                played.writeBytes(copy);
            }
            assertEquals(Long.MAX_VALUE, source.peekTimeNs());
            assertEquals(5_000, source.delivered());
            assertTrue(source.result().intact());
        }
        assertArrayEquals(expected.toByteArray(), played.toByteArray());
    }
}
