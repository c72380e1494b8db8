package io.meridian.journal.chronicle;

import io.meridian.journal.RecordChecksum;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Raw access to a journal's Chronicle queues for tests: where each document's bytes are in its cycle file, bit flips
 * in place, and documents written around the journal writer (with or without a checksum trailer).
 */
final class RawQueues
{
    private RawQueues()
    {
    }

    /**
     * Where one document's payload (record and trailer) lies in its cycle file.
     *
     * @param file the cycle file.
     * @param position file position of the payload's first byte.
     * @param length payload length.
     */
    record Document(Path file, long position, int length)
    {
    }

    /**
     * Every document of a queue, in order.
     *
     * @param queueDir the queue directory.
     * @return the documents.
     */
    static List<Document> documents(final Path queueDir)
    {
        final List<Document> documents = new ArrayList<>();
        try (SingleChronicleQueue queue = ChronicleQueues.openReadOnly(queueDir);
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return documents;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final Path file = ((MappedBytes)bytes).mappedFile().file().toPath();
                    documents.add(new Document(file, bytes.readPosition(), (int)bytes.readRemaining()));
                }
            }
        }
    }

    /**
     * Flips one bit of a file in place (flipping it again restores the byte).
     *
     * @param file the file.
     * @param position byte position.
     * @param bit bit number, 0-7.
     * @throws IOException when the file cannot be written.
     */
    static void flipBit(final Path file, final long position, final int bit) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte)(one.get(0) ^ (1 << bit))).rewind();
            channel.write(one, position);
        }
    }

    /**
     * Appends one document holding exactly the given bytes, bypassing the journal writer's checks.
     *
     * @param appender the queue's appender.
     * @param bytes the document's bytes.
     */
    static void writeDocument(final ExcerptAppender appender, final byte[] bytes)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(bytes);
        }
    }

    /**
     * Appends a record followed by a correct checksum trailer, bypassing the journal writer's checks.
     *
     * @param appender the queue's appender.
     * @param record the record (the whole buffer).
     */
    static void writeChecksummed(final ExcerptAppender appender, final UnsafeBuffer record)
    {
        final int length = record.capacity();
        final UnsafeBuffer document = new UnsafeBuffer(new byte[length + 4]);
        document.putBytes(0, record, 0, length);
        document.putInt(length, new RecordChecksum().of(record, 0, length));
        writeDocument(appender, document.byteArray());
    }
}
