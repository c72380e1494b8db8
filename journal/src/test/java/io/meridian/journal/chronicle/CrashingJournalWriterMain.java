package io.meridian.journal.chronicle;

import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.TestRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Child process for the crash tests: writes a journal, then (mode {@code torn-input} / {@code torn-output}) opens a
 * Chronicle document on one queue, copies the first half of a record into it, prints {@code READY} and blocks on
 * stdin until the parent kills it with SIGKILL; in mode {@code between} it prints {@code READY} between two records.
 * Arguments: directory, mode, inbound count, decision count.
 */
final class CrashingJournalWriterMain
{
    static final String READY = "READY";

    private CrashingJournalWriterMain()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final Path dir = Paths.get(args[0]);
        final String mode = args[1];
        final int inbound = Integer.parseInt(args[2]);
        final int decisions = Integer.parseInt(args[3]);
        final JournalWriter writer = JournalWriter.open(dir, "crash test\nmode=" + mode);
        for (final UnsafeBuffer r : TestRecords.inbound(inbound))
        {
            writer.appendInput(r, 0, r.capacity());
        }
        for (final UnsafeBuffer r : TestRecords.decisions(decisions))
        {
            writer.appendOutput(r, 0, r.capacity());
        }
        writer.pretouch();
        if (!"between".equals(mode))
        {
            final boolean input = "torn-input".equals(mode);
            final UnsafeBuffer record = input
                ? TestRecords.record(RecordType.QUOTE, inbound)
                : TestRecords.record(RecordType.ORDER_COMMAND, decisions);
            final String queueName = input ? JournalFormat.INPUT_QUEUE : JournalFormat.OUTPUT_QUEUE;
            final SingleChronicleQueue queue =
                ChronicleQueues.openForWrite(dir.resolve(queueName), ChronicleJournalWriter.DEFAULT_BLOCK_SIZE);
            final ExcerptAppender appender = queue.createAppender();
            final DocumentContext dc = appender.writingDocument();
            final byte[] bytes = TestRecords.bytes(record);
            dc.wire().bytes().write(bytes, 0, bytes.length / 2);
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0)
        {
            Thread.onSpinWait();
        }
        System.exit(3);
    }
}
