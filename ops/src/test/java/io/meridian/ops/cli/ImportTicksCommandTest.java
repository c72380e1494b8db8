package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --kind quotes} and {@code import --kind trades} end to end on the README's example files
 * ({@code examples/data/quotes.csv}, {@code examples/data/trades.csv}): exit code, the printed summary, and every
 * record of the data journal read back with the journal reader. The expected values are the CSV's numbers written
 * out by hand in the instrument's scales (price scale 100: 100.02 is 10002 ticks; quantity scale 1), the times parsed
 * from the CSV's ISO timestamps, the trade side from the {@code side} column (empty means no aggressor).
 */
class ImportTicksCommandTest
{
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../examples/data").normalize();

    @TempDir
    Path dir;

    @Test
    void shouldImportTheExampleQuotes() throws IOException
    {
        final Path out = dir.resolve("quotes-data");
        final CommandLine imported = CommandLine.run("import", "--csv", EXAMPLES.resolve("quotes.csv").toString(),
            "--kind", "quotes", "--out", out.toString());
        assertEquals(0, imported.exitCode, imported.toString());
        assertTrue(imported.out.contains("(quotes) -> " + out), imported.toString());
        assertTrue(imported.out.contains("5 read, 5 records written, 0 rejected"), imported.toString());
        assertTrue(imported.out.contains("instrument  1 ACME (price scale 100, quantity scale 1)"),
            imported.toString());
        assertTrue(imported.out.contains("2024-01-02T14:30:00Z .. 2024-01-02T14:30:01Z (time column 'timestamp', "
            + "zone UTC)"), imported.toString());
        assertEquals("", imported.err, imported.toString());

        final List<long[]> records = read(out);
        assertEquals(5, records.size(), "quote records");
        // type, instrument, event time, bid ticks, bid size, ask ticks, ask size
        assertArrayEquals(new long[] {RecordType.QUOTE, 1, nanos("2024-01-02T14:30:00.000Z"), 10000, 300, 10002, 200},
            records.get(0));
        assertArrayEquals(new long[] {RecordType.QUOTE, 1, nanos("2024-01-02T14:30:00.250Z"), 10001, 100, 10002, 500},
            records.get(1));
        assertArrayEquals(new long[] {RecordType.QUOTE, 1, nanos("2024-01-02T14:30:00.500Z"), 10001, 400, 10003, 300},
            records.get(2));
        assertArrayEquals(new long[] {RecordType.QUOTE, 1, nanos("2024-01-02T14:30:00.750Z"), 10002, 250, 10004, 250},
            records.get(3));
        assertArrayEquals(new long[] {RecordType.QUOTE, 1, nanos("2024-01-02T14:30:01.000Z"), 10000, 600, 10002, 150},
            records.get(4));
    }

    @Test
    void shouldImportTheExampleTrades() throws IOException
    {
        final Path out = dir.resolve("trades-data");
        final CommandLine imported = CommandLine.run("import", "--csv", EXAMPLES.resolve("trades.csv").toString(),
            "--kind", "trades", "--out", out.toString());
        assertEquals(0, imported.exitCode, imported.toString());
        assertTrue(imported.out.contains("(trades) -> " + out), imported.toString());
        assertTrue(imported.out.contains("5 read, 5 records written, 0 rejected"), imported.toString());
        assertTrue(imported.out.contains("instrument  1 ACME (price scale 100, quantity scale 1)"),
            imported.toString());
        assertTrue(imported.out.contains("2024-01-02T14:30:00.100Z .. 2024-01-02T14:30:01.100Z"), imported.toString());
        assertEquals("", imported.err, imported.toString());

        final List<long[]> records = read(out);
        assertEquals(5, records.size(), "trade records");
        // type, instrument, event time, price ticks, size, aggressor side
        assertArrayEquals(new long[] {RecordType.TRADE, 1, nanos("2024-01-02T14:30:00.100Z"), 10002, 100, Side.BUY},
            records.get(0));
        assertArrayEquals(new long[] {RecordType.TRADE, 1, nanos("2024-01-02T14:30:00.350Z"), 10001, 50, Side.SELL},
            records.get(1));
        assertArrayEquals(new long[] {RecordType.TRADE, 1, nanos("2024-01-02T14:30:00.600Z"), 10003, 200, Side.BUY},
            records.get(2));
        assertArrayEquals(new long[] {RecordType.TRADE, 1, nanos("2024-01-02T14:30:00.850Z"), 10002, 75, Side.NONE},
            records.get(3));
        assertArrayEquals(new long[] {RecordType.TRADE, 1, nanos("2024-01-02T14:30:01.100Z"), 10000, 300, Side.SELL},
            records.get(4));
    }

    @Test
    void shouldRejectAQuoteWithANonPositivePriceNamingFileLineAndColumn() throws IOException
    {
        final Path bad = dir.resolve("bad-quotes.csv");
        Files.writeString(bad, "timestamp,symbol,bid,bid_size,ask,ask_size\n"
            + "2024-01-02T14:30:00Z,ACME,100.00,300,100.02,200\n"
            + "2024-01-02T14:30:01Z,ACME,-1,300,100.02,200\n");
        final CommandLine imported = CommandLine.run("import", "--csv", bad.toString(), "--kind", "quotes",
            "--out", dir.resolve("bad-data").toString());
        assertEquals(1, imported.exitCode, imported.toString());
        assertTrue(imported.err.contains("bad-quotes.csv:3: column 'bid'"), imported.toString());
        assertTrue(imported.out.contains("2 read, 1 records written, 1 rejected"), imported.toString());
        assertEquals(1, read(dir.resolve("bad-data")).size(), "the good quote is kept");
    }

    @Test
    void shouldNoteBuiltBarsThatNoBarIndicatorUsesInABacktestOfTheTrades()
    {
        final Path data = dir.resolve("trades-for-bars");
        assertEquals(0, CommandLine.run("import", "--csv", EXAMPLES.resolve("trades.csv").toString(), "--kind",
            "trades", "--out", data.toString()).exitCode);
        final String note = "note: features.bars builds time bars but no bar indicator is configured in "
            + "features.indicators (e.g. rsi_14, atr_14) to use them: the bars feed nothing";

        final CommandLine unused = CommandLine.run("backtest", "--data", data.toString(), "--set",
            "features.bars.kind=time", "--set", "features.bars.timeMs=500", "--journal",
            dir.resolve("bars-unused").toString());
        assertEquals(0, unused.exitCode, "a note, not an error: " + unused);
        assertTrue(unused.err.contains(note), unused.toString());

        // no bars built: no note (a bar indicator silencing it is BarsConfigTest's case; here it would need a model
        // trained on that feature vector)
        final CommandLine plain = CommandLine.run("backtest", "--data", data.toString(), "--journal",
            dir.resolve("no-bars").toString());
        assertEquals(0, plain.exitCode, plain.toString());
        assertTrue(!plain.err.contains("features.bars"), plain.toString());
    }

    private static long nanos(final String iso)
    {
        final Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static List<long[]> read(final Path data) throws IOException
    {
        final List<long[]> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(data))
        {
            reader.readInput((buffer, offset, length) ->
            {
                final byte type = Header.type(buffer, offset);
                final long instrument = Header.instrumentId(buffer, offset);
                final long time = Header.eventTimeNs(buffer, offset);
                if (type == RecordType.QUOTE)
                {
                    records.add(new long[] {type, instrument, time, QuoteCodec.bidPrice(buffer, offset),
                        QuoteCodec.bidQty(buffer, offset), QuoteCodec.askPrice(buffer, offset),
                        QuoteCodec.askQty(buffer, offset)});
                }
                else if (type == RecordType.TRADE)
                {
                    records.add(new long[] {type, instrument, time, TradeCodec.price(buffer, offset),
                        TradeCodec.qty(buffer, offset), TradeCodec.aggressorSide(buffer, offset)});
                }
                else
                {
                    records.add(new long[] {type});
                }
            });
        }
        return records;
    }
}
