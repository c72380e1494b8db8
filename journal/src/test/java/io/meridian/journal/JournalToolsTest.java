package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalToolsTest
{
    @TempDir
    Path tmp;

    @Test
    void shouldDumpManifestThenEveryRecord()
    {
        final Path dir = writeJournal();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = JournalTools.dump(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(JournalTools.EXIT_OK, code, lines.toString());
        assertEquals("manifest engine=meridian test (+2 more lines)", lines.get(0));
        final UnsafeBuffer firstQuote = TestRecords.record(RecordType.QUOTE, 0);
        assertEquals("input 0 " + RecordLayouts.describe(firstQuote, 0), lines.get(1));
        assertTrue(lines.get(1).contains("QUOTE bidPrice=10000"), lines.get(1));
        final UnsafeBuffer lastDecision = TestRecords.decisions(8).get(7);
        assertTrue(lines.contains("output 7 " + RecordLayouts.describe(lastDecision, 0)), lines.toString());
        assertTrue(lines.contains("input end records=12 cleanEnd=true tornRecords=0"), lines.toString());
        assertTrue(lines.contains("output end records=8 cleanEnd=true tornRecords=0"), lines.toString());
        assertEquals(1 + 12 + 8 + 2, lines.size(), lines.toString());
    }

    @Test
    void shouldDumpAnOrderCommandsTypeTimeInForceStopPriceAndFlags()
    {
        final Path dir = tmp.resolve("stop");
        final UnsafeBuffer order = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
        Header.write(order, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 3, 1, 100, 100, 0, 0);
        OrderCommandCodec.clOrdId(order, 0, 77);
        OrderCommandCodec.command(order, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(order, 0, Side.SELL);
        OrderCommandCodec.orderType(order, 0, OrderType.STOP_LIMIT);
        OrderCommandCodec.timeInForce(order, 0, TimeInForce.GTC);
        OrderCommandCodec.price(order, 0, 990);
        OrderCommandCodec.auxPrice(order, 0, 1_000);
        OrderCommandCodec.orderFlags(order, 0, OrderCommandCodec.FLAG_OUTSIDE_RTH);
        OrderCommandCodec.qty(order, 0, 25);
        final JournalWriter writer = JournalWriter.open(dir, "m");
        writer.appendOutput(order, 0, OrderCommandCodec.LENGTH);
        writer.close();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(JournalTools.EXIT_OK, JournalTools.dump(dir, new PrintStream(bytes, true,
            StandardCharsets.UTF_8)));
        final String dump = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(dump.contains("orderType=4 timeInForce=2 venueId=0 price=990 qty=25 origClOrdId=0 auxPrice=1000 "
            + "orderFlags=1"), dump);
    }

    @Test
    void shouldPrintStatsPerTypeTimeSpanAndStatus()
    {
        final Path dir = writeJournal();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = JournalTools.stats(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(JournalTools.EXIT_OK, code, lines.toString());
        assertTrue(lines.contains("input records=12 cleanEnd=true tornRecords=0"), lines.toString());
        assertTrue(lines.contains("input QUOTE 2"), lines.toString());
        // 12 inputs cycle through the 11 inbound types, 8 decisions through the 6 decision types
        assertTrue(lines.contains("input CONNECTIVITY 1"), lines.toString());
        assertTrue(lines.contains("input EXECUTION 1"), lines.toString());
        assertTrue(lines.contains("output ORDER_COMMAND 1"), lines.toString());
        assertTrue(lines.contains("output RECONCILIATION 1"), lines.toString());
        final long first = TestRecords.START_TIME_NS;
        final long last = TestRecords.START_TIME_NS + 11 * TestRecords.STEP_NS;
        assertTrue(lines.contains("input time first=" + first + " last=" + last + " span=0.011000s"),
            lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bytes files input=")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bytes records input=")), lines.toString());
        assertTrue(lines.contains("status clean"), lines.toString());
    }

    @Test
    void shouldReportAnUncleanJournalWithExitCodeOne()
    {
        final Path dir = tmp.resolve("unclean");
        final JournalWriter writer = JournalWriter.open(dir, "m");
        try
        {
            final UnsafeBuffer quote = TestRecords.record(RecordType.QUOTE, 0);
            writer.appendInput(quote, 0, quote.capacity());
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final int code = JournalTools.stats(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            final String text = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(JournalTools.EXIT_DAMAGED, code, text);
            assertTrue(text.contains("status unclean"), text);
            assertTrue(text.contains("warning input: no END_OF_RUN"), text);
        }
        finally
        {
            writer.close();
        }
    }

    @Test
    void shouldReportANonJournalWithExitCodeTwo() throws Exception
    {
        final Path dir = Files.createDirectories(tmp.resolve("nothing"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = JournalTools.dump(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(JournalTools.EXIT_NOT_A_JOURNAL, code);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("error not a journal: " + dir),
            bytes.toString(StandardCharsets.UTF_8));
    }

    private Path writeJournal()
    {
        final Path dir = tmp.resolve("tools");
        final JournalWriter writer = JournalWriter.open(dir, "engine=meridian test\nconfig=abc\nseed=1\n");
        for (final UnsafeBuffer r : TestRecords.inbound(12))
        {
            writer.appendInput(r, 0, r.capacity());
        }
        for (final UnsafeBuffer r : TestRecords.decisions(8))
        {
            writer.appendOutput(r, 0, r.capacity());
        }
        writer.close();
        return dir;
    }
}
