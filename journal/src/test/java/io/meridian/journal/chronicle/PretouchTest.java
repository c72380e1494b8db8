package io.meridian.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.TestRecords;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PretouchTest
{
    private static final int RECORDS = 100_000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @SuppressWarnings("ThreadPriorityCheck") // the toucher yields so it cannot starve the appender on two cores
    void shouldPretouchFromAnotherThreadWithoutDisturbingAppends() throws Exception
    {
        final Path dir = tmp.resolve("pretouch");
        final ChronicleJournalWriter writer = ChronicleJournalWriter.open(dir, "pretouch", 1L << 20);
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread toucher = new Thread(() ->
        {
            try
            {
                while (!stop.get())
                {
                    writer.pretouch();
                    Thread.yield();
                }
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "pretouch-test");
        final UnsafeBuffer record = new UnsafeBuffer(new byte[128]);
        try
        {
            toucher.start();
            for (int i = 0; i < RECORDS; i++)
            {
                final int length = TestRecords.fill(record, 0, RecordType.QUOTE, i);
                writer.appendInput(record, 0, length);
                if ((i & 7) == 0)
                {
                    final int outLength = TestRecords.fill(record, 0, RecordType.SIGNAL, i);
                    writer.appendOutput(record, 0, outLength);
                }
            }
        }
        finally
        {
            stop.set(true);
            toucher.join();
            writer.close();
        }
        assertEquals(null, failure.get());
        assertTrue(writer.pagesPretouched() > 0, "pages pretouched: " + writer.pagesPretouched());
        assertEquals(0, writer.pretouchFailures());

        final long[] n = {0};
        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult in = reader.readInput((b, o, l) ->
            {
                assertArrayEquals(TestRecords.bytes(TestRecords.record(RecordType.QUOTE, n[0])),
                    TestRecords.copy(b, o, l), "record " + n[0]);
                n[0]++;
            });
            assertTrue(in.intact(), in.toString());
            assertEquals(RECORDS, in.count());
            final ReadResult out = reader.readOutput((b, o, l) -> { });
            assertTrue(out.intact(), out.toString());
            assertEquals(RECORDS / 8, out.count());
        }
    }

    @Test
    void shouldIgnorePretouchBeforeTheFirstAppendAndAfterClose()
    {
        final ChronicleJournalWriter writer = ChronicleJournalWriter.open(tmp.resolve("early"), "m",
            ChronicleJournalWriter.DEFAULT_BLOCK_SIZE);
        writer.pretouch();
        writer.close();
        writer.pretouch();
        assertEquals(0, writer.pretouchFailures());
    }
}
