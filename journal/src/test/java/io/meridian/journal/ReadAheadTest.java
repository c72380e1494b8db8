package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.testing.Allocations;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReadAhead} hands out exactly what the cursors it wraps deliver: the same records, bytes and order, and at the
 * end the same result, through rings far smaller than the queues (so both sides wait for each other thousands of
 * times); it stops and closes them when closed early, and reports a reader that failed instead of waiting forever.
 */
class ReadAheadTest
{
    private static final int SLOTS = 16;
    private static final ThreadFactory THREADS = runnable -> new Thread(runnable, "test-read-ahead");

    @TempDir
    Path tmp;

    @Test
    void shouldDeliverBothQueuesOfARealJournalRecordForRecordWithTheirResults()
    {
        final Path dir = tmp.resolve("journal");
        final int inputs = 40_000;
        final int decisions = 25_000;
        try (JournalWriter writer = JournalWriter.open(dir, "read-ahead"))
        {
            for (int i = 0; i < inputs; i++)
            {
                final UnsafeBuffer record = TestRecords.record(TestRecords.inboundType(i), i);
                writer.appendInput(record, 0, record.capacity());
                if (i < decisions)
                {
                    final UnsafeBuffer decision = TestRecords.record(TestRecords.decisionType(i), i);
                    writer.appendOutput(decision, 0, decision.capacity());
                }
            }
        }
        try (JournalReader reader = JournalReader.open(dir);
            RecordCursor directInputs = reader.inputCursor();
            RecordCursor directOutputs = reader.outputCursor();
            ReadAhead readAhead = ReadAhead.start(THREADS, SLOTS, reader.inputCursor(),
                reader.outputCursor()))
        {
            final RecordCursor inputsAhead = readAhead.cursor(0);
            final RecordCursor outputsAhead = readAhead.cursor(1);
            long compared = 0;
            // interleaved as the verifier reads them: a few inputs, then a decision
            while (directInputs.next())
            {
                assertTrue(inputsAhead.next(), "input " + compared + " is read ahead");
                assertSameRecord(directInputs, inputsAhead, "input " + compared);
                if (compared % 8 < 5 && directOutputs.next())
                {
                    assertTrue(outputsAhead.next());
                    assertSameRecord(directOutputs, outputsAhead, "decision after input " + compared);
                }
                compared++;
            }
            assertFalse(inputsAhead.next());
            assertFalse(inputsAhead.next(), "stays at the end");
            while (directOutputs.next())
            {
                assertTrue(outputsAhead.next());
                assertSameRecord(directOutputs, outputsAhead, "a late decision");
            }
            assertFalse(outputsAhead.next());
            assertEquals(inputs, compared);
            assertEquals(directInputs.result(), inputsAhead.result());
            assertEquals(directOutputs.result(), outputsAhead.result());
            assertEquals(decisions, outputsAhead.result().count());
            assertTrue(outputsAhead.result().cleanEnd());
        }
    }

    @Test
    void shouldHandOverTheWrappedCursorsEndResultWithItsCorruptionAndWarnings()
    {
        final Corruption corruption = Corruption.of("output", 5, 5, 6, "checksum mismatch (test)");
        final ReadResult end = new ReadResult(5, false, 1, List.of("output: torn record (test)"), corruption);
        try (ReadAhead readAhead = ReadAhead.start(THREADS, SLOTS, new Counting(5, end, null)))
        {
            final RecordCursor cursor = readAhead.cursor(0);
            for (int i = 0; i < 5; i++)
            {
                assertTrue(cursor.next());
                assertEquals(i, Header.sequence(cursor.buffer(), cursor.offset()));
            }
            assertEquals(new ReadResult(5, false, 0, List.of()), cursor.result(), "so far, before the end");
            assertFalse(cursor.next());
            assertEquals(end, cursor.result());
        }
    }

    @Test
    void shouldStopTheReaderAndCloseTheCursorsWhenClosedEarly() throws Exception
    {
        final Counting endless = new Counting(Long.MAX_VALUE, null, null);
        final ReadAhead readAhead = ReadAhead.start(THREADS, SLOTS, endless);
        final RecordCursor cursor = readAhead.cursor(0);
        for (int i = 0; i < 1_000; i++)
        {
            assertTrue(cursor.next());
            assertEquals(i, Header.sequence(cursor.buffer(), cursor.offset()));
        }
        readAhead.close();
        assertTrue(endless.closed.get(), "the wrapped cursor is closed");
        assertTrue(endless.closedBy.get() != Thread.currentThread(), "on the reader's thread");
        assertTrue(endless.delivered.get() < 1_000 + SLOTS + 1,
            "the reader stopped (read " + endless.delivered.get() + ")");
    }

    @Test
    void shouldReportAReaderThatFailedInsteadOfWaiting()
    {
        final IllegalStateException boom = new IllegalStateException("disk gone (test)");
        try (ReadAhead readAhead = ReadAhead.start(THREADS, SLOTS, new Counting(3, null, boom)))
        {
            final RecordCursor cursor = readAhead.cursor(0);
            for (int i = 0; i < 3; i++)
            {
                assertTrue(cursor.next());
            }
            final JournalException failure = assertThrows(JournalException.class, cursor::next);
            assertTrue(failure.getMessage().contains("disk gone (test)"), failure.getMessage());
            assertEquals(boom, failure.getCause());
        }
    }

    @Test
    void shouldHandOutRecordsWithoutAllocating()
    {
        try (ReadAhead readAhead = ReadAhead.start(THREADS, SLOTS, new Counting(Long.MAX_VALUE, null, null)))
        {
            final RecordCursor cursor = readAhead.cursor(0);
            final long[] sum = new long[1];
            final Runnable window = () ->
            {
                for (int i = 0; i < 20_000; i++)
                {
                    cursor.next();
                    sum[0] += cursor.buffer().getLong(cursor.offset() + Header.SEQUENCE_OFFSET);
                }
            };
            Allocations.assertSteadyStateAllocatesNothing("20000 records read ahead", window);
            assertTrue(sum[0] > 0);
        }
    }

    private static void assertSameRecord(final RecordCursor expected, final RecordCursor actual, final String what)
    {
        assertEquals(expected.length(), actual.length(), what + ": length");
        final DirectBuffer a = expected.buffer();
        final DirectBuffer b = actual.buffer();
        for (int i = 0; i < expected.length(); i++)
        {
            if (a.getByte(expected.offset() + i) != b.getByte(actual.offset() + i))
            {
                throw new AssertionError(what + ": byte " + i + " differs");
            }
        }
    }

    /**
     * Records numbered 0, 1, 2, ... (the number in the sequence field), then the given result, or a failure.
     */
    private static final class Counting implements RecordCursor
    {
        private final long records;
        private final ReadResult end;
        private final RuntimeException failure;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Thread> closedBy =
            new AtomicReference<>();
        private final AtomicLong delivered = new AtomicLong();

        Counting(final long records, final ReadResult end, final RuntimeException failure)
        {
            this.records = records;
            this.end = end;
            this.failure = failure;
        }

        @Override
        public boolean next()
        {
            final long n = delivered.get();
            if (n == records)
            {
                if (failure != null)
                {
                    throw failure;
                }
                return false;
            }
            buffer.putLong(Header.SEQUENCE_OFFSET, n);
            delivered.set(n + 1);
            return true;
        }

        @Override
        public DirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int offset()
        {
            return 0;
        }

        @Override
        public int length()
        {
            return buffer.capacity();
        }

        @Override
        public ReadResult result()
        {
            return end;
        }

        @Override
        public void close()
        {
            closedBy.set(Thread.currentThread());
            closed.set(true);
        }
    }
}
