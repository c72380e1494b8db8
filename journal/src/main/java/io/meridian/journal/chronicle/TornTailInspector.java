package io.meridian.journal.chronicle;

import io.meridian.engine.codec.Header;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Looks at the raw bytes of a queue's last cycle file behind the last document a tailer delivered, to tell a torn
 * record from a clean end. Chronicle frames every document with a 4-byte little-endian header: bit 31 "not
 * complete", bit 30 "metadata", bits 0-29 the length; headers sit at 4-byte aligned positions; 0 means "nothing
 * written yet"; {@code 0xC0000000} marks the end of a cycle file.
 *
 * <p>A torn record is either a zero header followed by non-zero bytes (what Chronicle Queue 2026.4 leaves when the
 * writer dies inside {@code writingDocument()}: the payload was being copied, the header was never set) or a header
 * with the not-complete bit (what older Chronicle writers leave). Engine records start with a non-zero type byte, so
 * any payload that was partly copied shows up as non-zero bytes right behind the zero header.
 *
 * <p>A not-complete header with further documents behind it is not a torn tail (a dying writer leaves nothing after
 * its last document): it is a corrupt header, and the finding says so.
 */
final class TornTailInspector
{
    static final int NOT_COMPLETE = 0x80000000;
    static final int META_DATA = 0x40000000;
    static final int LENGTH_MASK = 0x3FFFFFFF;
    static final int END_OF_FILE = 0xC0000000;
    /** Bytes looked at behind a zero header. */
    static final int SCAN_BYTES = 2 * Header.MAX_RECORD_LENGTH;

    private static final int MAX_HOPS = 1 << 20;

    /**
     * A torn or unreadable tail.
     *
     * @param file the cycle file.
     * @param position byte position of the bad header in the file.
     * @param description what was found.
     * @param corrupt the header is corrupt (documents follow it), not a record the writer never finished.
     */
    record Finding(Path file, long position, String description, boolean corrupt)
    {
        Finding(final Path file, final long position, final String description)
        {
            this(file, position, description, false);
        }
    }

    private TornTailInspector()
    {
    }

    /**
     * Inspects the tail of a queue.
     *
     * @param queueDir the queue directory.
     * @param lastFile the cycle file of the last document the tailer delivered, or {@code null} when none.
     * @param lastEnd the file position just past that document's bytes.
     * @return {@code null} for a clean end, else the finding.
     * @throws IOException when the file cannot be read.
     */
    static Finding inspect(final Path queueDir, final Path lastFile, final long lastEnd) throws IOException
    {
        final Path file = lastCycleFile(queueDir);
        if (file == null)
        {
            return null;
        }
        final long start = lastFile != null && Files.isSameFile(lastFile, file) ? lastEnd : 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            return walk(channel, file, start);
        }
    }

    private static Finding walk(final FileChannel channel, final Path file, final long start) throws IOException
    {
        final long size = channel.size();
        final ByteBuffer scratch = ByteBuffer.allocate(Integer.BYTES + SCAN_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = align4(start);
        for (int hop = 0; hop < MAX_HOPS; hop++)
        {
            if (position + Integer.BYTES > size)
            {
                return null;
            }
            final int available = (int)Math.min(scratch.capacity(), size - position);
            read(channel, scratch, position, available);
            final int header = scratch.getInt(0);
            if (header == 0)
            {
                int nonZero = 0;
                for (int i = Integer.BYTES; i < available; i++)
                {
                    if (scratch.get(i) != 0)
                    {
                        nonZero++;
                    }
                }
                if (nonZero == 0)
                {
                    return null;
                }
                return new Finding(file, position, "document header at position " + position + " of " + file
                    + " was never completed (still 0) but " + nonZero + " of the next " + (available - Integer.BYTES)
                    + " bytes hold data: the writer died while appending this record");
            }
            if (header == END_OF_FILE)
            {
                return null;
            }
            if ((header & NOT_COMPLETE) != 0)
            {
                final long next = align4(position + Integer.BYTES + (header & LENGTH_MASK));
                final int following = next + Integer.BYTES <= size ? readInt(channel, scratch, next) : 0;
                if (following != 0 && following != END_OF_FILE)
                {
                    return new Finding(file, position, "document header at position " + position + " of " + file
                        + " is marked not complete (0x" + Integer.toHexString(header) + ") but another document "
                        + "header (0x" + Integer.toHexString(following) + ") follows it: the header is corrupt", true);
                }
                return new Finding(file, position, "document header at position " + position + " of " + file
                    + " is marked not complete (0x" + Integer.toHexString(header)
                    + "): the writer died while appending this record");
            }
            final int length = header & LENGTH_MASK;
            if (position + Integer.BYTES + length > size)
            {
                return new Finding(file, position, "document header at position " + position + " of " + file
                    + " claims " + length + " bytes, past the end of the file (" + size + " bytes)");
            }
            if ((header & META_DATA) == 0)
            {
                return new Finding(file, position, "complete " + length + "-byte document at position " + position
                    + " of " + file + " was not delivered by the queue tailer");
            }
            position = align4(position + Integer.BYTES + length);
        }
        return new Finding(file, position, "gave up after " + MAX_HOPS + " metadata documents in " + file);
    }

    private static int readInt(final FileChannel channel, final ByteBuffer scratch, final long position)
        throws IOException
    {
        read(channel, scratch, position, Integer.BYTES);
        return scratch.getInt(0);
    }

    private static void read(final FileChannel channel, final ByteBuffer scratch, final long position, final int length)
        throws IOException
    {
        scratch.clear().limit(length);
        long at = position;
        while (scratch.hasRemaining())
        {
            final int n = channel.read(scratch, at);
            if (n < 0)
            {
                break;
            }
            at += n;
        }
        while (scratch.hasRemaining())
        {
            scratch.put((byte)0);
        }
    }

    private static long align4(final long position)
    {
        return (position + 3) & ~3L;
    }

    /**
     * The newest cycle file of a queue. Cycle file names are dates in a fixed-width format, so the greatest name is
     * the newest file.
     *
     * @param queueDir the queue directory.
     * @return the file, or {@code null} when the queue has none.
     * @throws IOException when the directory cannot be listed.
     */
    static Path lastCycleFile(final Path queueDir) throws IOException
    {
        Path last = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(queueDir, "*" + ChronicleQueues.CYCLE_FILE_SUFFIX))
        {
            for (final Path f : files)
            {
                if (last == null || f.toString().compareTo(last.toString()) > 0) // one directory: the names decide
                {
                    last = f;
                }
            }
        }
        return last;
    }
}
