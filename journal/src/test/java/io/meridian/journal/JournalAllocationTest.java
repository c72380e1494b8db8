package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.RecordType;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 100_000;

    @TempDir
    Path tmp;

    @Test
    void shouldAppendWithoutAllocatingInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final long probeStart = threads.getCurrentThreadAllocatedBytes();
        final long[] probe = new long[1024];
        assertTrue(threads.getCurrentThreadAllocatedBytes() - probeStart >= 8L * probe.length, "probe not counted");
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
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++)
            {
                writer.appendInput(heapQuote, 0, heapQuote.capacity());
                writer.appendOutput(offHeapSignal, 64, signalLength);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(0, allocated, "bytes allocated by " + MEASURED + " input and output appends");
            assertEquals(WARM_UP + MEASURED, writer.inputCount());
            assertEquals(WARM_UP + MEASURED, writer.outputCount());
        }
    }

    @Test
    void shouldReadAndCheckEveryRecordWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Path dir = tmp.resolve("read");
        try (JournalWriter writer = JournalWriter.open(dir, "alloc"))
        {
            for (int i = 0; i < WARM_UP + MEASURED; i++)
            {
                final UnsafeBuffer record = TestRecords.record(RecordType.QUOTE, i);
                writer.appendInput(record, 0, record.capacity());
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (int pass = 0; pass < 2; pass++)
            {
                try (RecordCursor cursor = reader.inputCursor())
                {
                    for (int i = 0; i < WARM_UP; i++)
                    {
                        assertTrue(cursor.next());
                    }
                    long bytes = 0;
                    final long before = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < MEASURED - 1; i++)
                    {
                        if (!cursor.next())
                        {
                            throw new AssertionError("record " + (WARM_UP + i) + " missing: " + cursor.result());
                        }
                        bytes += cursor.length();
                    }
                    final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    assertEquals(80L * (MEASURED - 1), bytes);
                    if (pass == 1)
                    {
                        assertEquals(0, allocated, "bytes allocated reading and checking " + MEASURED + " records");
                    }
                }
            }
        }
    }
}
