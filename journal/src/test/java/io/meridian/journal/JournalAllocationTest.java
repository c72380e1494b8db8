package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.RecordType;
import io.meridian.engine.testing.Allocations;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int WINDOW = 100_000;

    @TempDir
    Path tmp;

    @Test
    void shouldAppendWithoutAllocatingInSteadyState()
    {
        final UnsafeBuffer heapQuote = TestRecords.record(RecordType.QUOTE, 1);
        final UnsafeBuffer offHeapSignal = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final int signalLength = TestRecords.fill(offHeapSignal, 64, RecordType.SIGNAL, 1);
        try (JournalWriter writer = JournalWriter.open(tmp.resolve("alloc"), "alloc", 64L << 20))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                writer.appendInput(heapQuote, 0, heapQuote.capacity());
                writer.appendOutput(offHeapSignal, 64, signalLength);
            }
            final Runnable window = () ->
            {
                for (int i = 0; i < WINDOW; i++)
                {
                    writer.appendInput(heapQuote, 0, heapQuote.capacity());
                    writer.appendOutput(offHeapSignal, 64, signalLength);
                }
            };
            Allocations.assertSteadyStateAllocatesNothing(WINDOW + " input and output appends", window);
            assertEquals(0, (writer.inputCount() - WARM_UP) % WINDOW);
            assertEquals(writer.inputCount(), writer.outputCount());
        }
    }

    @Test
    void shouldReadAndCheckEveryRecordWithoutAllocating()
    {
        final Path dir = tmp.resolve("read");
        final int records = WARM_UP + Allocations.MAX_WINDOWS * WINDOW;
        try (JournalWriter writer = JournalWriter.open(dir, "alloc"))
        {
            for (int i = 0; i < records; i++)
            {
                final UnsafeBuffer record = TestRecords.record(RecordType.QUOTE, i);
                writer.appendInput(record, 0, record.capacity());
            }
        }
        try (JournalReader reader = JournalReader.open(dir); RecordCursor cursor = reader.inputCursor())
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                assertTrue(cursor.next());
            }
            final long[] bytes = {0};
            final int[] read = {WARM_UP};
            final Runnable window = () ->
            {
                for (int i = 0; i < WINDOW; i++)
                {
                    if (!cursor.next())
                    {
                        throw new AssertionError("record " + read[0] + " missing: " + cursor.result());
                    }
                    bytes[0] += cursor.length();
                    read[0]++;
                }
            };
            Allocations.assertSteadyStateAllocatesNothing("reading and checking " + WINDOW + " records", window);
            assertEquals(80L * (read[0] - WARM_UP), bytes[0]);
        }
    }
}
