package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A session to a venue or a feed went up or down.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 venueId          i32
 *  52 state            i8
 *  53 (padding)        3
 *  56 (end)
 * </pre>
 */
public final class ConnectivityCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.CONNECTIVITY;
    /** Record length in bytes. */
    public static final int LENGTH = 56;
    /** Offset of {@code venueId}. */
    public static final int VENUE_ID_OFFSET = 48;
    /** Offset of {@code state}. */
    public static final int STATE_OFFSET = 52;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "CONNECTIVITY", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("venueId", VENUE_ID_OFFSET, RecordLayout.Kind.I32),
        new RecordLayout.Field("state", STATE_OFFSET, RecordLayout.Kind.I8),
    });

    private ConnectivityCodec()
    {
    }

    /**
     * Venue or feed id.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int venueId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + VENUE_ID_OFFSET);
    }

    /**
     * Sets {@code venueId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void venueId(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + VENUE_ID_OFFSET, value);
    }

    /**
     * ConnectivityState code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte state(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + STATE_OFFSET);
    }

    /**
     * Sets {@code state}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void state(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + STATE_OFFSET, value);
    }
}
