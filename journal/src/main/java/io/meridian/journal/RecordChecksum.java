package io.meridian.journal;

import io.meridian.engine.codec.Header;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;

/**
 * The CRC32C (Castagnoli) checksum of one journal record, as stored in the record's checksum trailer (see
 * {@link JournalFormat}). {@link CRC32C} is a HotSpot intrinsic on x86-64 (SSE 4.2) and AArch64, so an 80-byte
 * record costs a few nanoseconds.
 *
 * <p>One instance per thread: it holds a reused {@link CRC32C} and, for records that are not backed by a Java array
 * (off-heap buffers), a reused scratch array the bytes are copied into first. Allocation-free once the scratch array
 * is as large as the largest record seen ({@link Header#MAX_RECORD_LENGTH} from the start).
 */
public final class RecordChecksum
{
    private final CRC32C crc = new CRC32C();
    private byte[] scratch = new byte[Header.MAX_RECORD_LENGTH];

    /**
     * The checksum of bytes in an array.
     *
     * @param bytes the array.
     * @param offset where the record starts.
     * @param length its length.
     * @return the CRC32C, as the {@code int} stored in the trailer.
     */
    public int of(final byte[] bytes, final int offset, final int length)
    {
        crc.reset();
        crc.update(bytes, offset, length);
        return (int)crc.getValue();
    }

    /**
     * The checksum of bytes in any Agrona buffer (heap array, heap or direct byte buffer, or raw address).
     *
     * @param buffer holds the record.
     * @param offset where the record starts.
     * @param length its length.
     * @return the CRC32C, as the {@code int} stored in the trailer.
     */
    public int of(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            return of(array, buffer.wrapAdjustment() + offset, length);
        }
        if (length > scratch.length)
        {
            scratch = new byte[length];
        }
        buffer.getBytes(offset, scratch, 0, length);
        return of(scratch, 0, length);
    }

    /**
     * Formats a checksum the way the tools print it.
     *
     * @param checksum the stored or computed value.
     * @return e.g. {@code 0x0a1b2c3d}.
     */
    public static String hex(final int checksum)
    {
        return String.format(Locale.ROOT, "0x%08x", checksum);
    }
}
