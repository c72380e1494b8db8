package io.meridian.journal.chronicle;

import io.meridian.journal.JournalFormat;
import io.meridian.journal.RecordChecksum;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A growable buffer one Chronicle document at a time is copied into, and the check of its checksum trailer. A
 * document longer than the caller allows is not copied (its Chronicle length header is corrupt: copying would read
 * past the record, or past the end of the mapped file); {@link #oversized()} says so. Single-threaded; allocates
 * only to grow (the manifest) and to describe a failure.
 */
final class DocumentBuffer
{
    private static final int INITIAL_CAPACITY = 4096;

    private final RecordChecksum checksum = new RecordChecksum();
    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private int length;
    private boolean oversized;

    /**
     * Copies the document a reading context is positioned on.
     *
     * @param from the document's bytes.
     * @param maxLength the longest document the caller accepts.
     * @return the document length (also when it was too long to copy).
     */
    int copy(final Bytes<?> from, final int maxLength)
    {
        final long remaining = from.readRemaining();
        length = (int)Math.min(remaining, Integer.MAX_VALUE);
        oversized = remaining > maxLength;
        if (oversized)
        {
            return length;
        }
        if (length > bytes.length)
        {
            bytes = new byte[Math.max(length, bytes.length * 2)];
            buffer.wrap(bytes);
        }
        from.read(bytes, 0, length);
        return length;
    }

    /**
     * The buffer over the copied document.
     *
     * @return the buffer; the record starts at 0.
     */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * The length of the last document.
     *
     * @return its length in bytes.
     */
    int length()
    {
        return length;
    }

    /**
     * Whether the last document was longer than the caller accepts, and so was not copied.
     *
     * @return true when not copied.
     */
    boolean oversized()
    {
        return oversized;
    }

    /**
     * Compares the last document's checksum trailer with the CRC32C of the record before it.
     *
     * @param documentLength the document's length.
     * @return {@code null} when they match, else what is wrong (allocates only then).
     */
    String checksumProblem(final int documentLength)
    {
        if (oversized)
        {
            return "document is " + documentLength + " bytes, longer than any record this queue can hold (its "
                + "Chronicle length header is corrupt)";
        }
        if (documentLength < JournalFormat.CHECKSUM_LENGTH)
        {
            return "document is " + documentLength + " bytes, too short for its " + JournalFormat.CHECKSUM_LENGTH
                + "-byte checksum";
        }
        final int recordLength = documentLength - JournalFormat.CHECKSUM_LENGTH;
        final int stored = buffer.getInt(recordLength);
        final int computed = checksum.of(bytes, 0, recordLength);
        if (stored == computed)
        {
            return null;
        }
        return "checksum mismatch (stored " + RecordChecksum.hex(stored) + ", computed "
            + RecordChecksum.hex(computed) + ")";
    }
}
