package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A position the broker holds (IB's position message) for the header's instrument, in lots (signed: negative is short)
 * and the average cost in price ticks. A record of kind {@link #KIND_END} closes one snapshot (positionEnd); its other
 * fields are 0. A position in a contract the engine does not trade has instrument id 0 and its IB conId.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 position         i64
 *  56 avgCost          i64
 *  64 conId            i64
 *  72 kind             i8
 *  73 (padding)        7
 *  80 (end)
 * </pre>
 */
public final class PositionCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.POSITION;
    /** Record length in bytes. */
    public static final int LENGTH = 80;
    /** Offset of {@code position}. */
    public static final int POSITION_OFFSET = 48;
    /** Offset of {@code avgCost}. */
    public static final int AVG_COST_OFFSET = 56;
    /** Offset of {@code conId}. */
    public static final int CON_ID_OFFSET = 64;
    /** Offset of {@code kind}. */
    public static final int KIND_OFFSET = 72;
    /** {@code kind}: one position. */
    public static final byte KIND_POSITION = 1;
    /** {@code kind}: the end of a snapshot. */
    public static final byte KIND_END = 2;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "POSITION", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("position", POSITION_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("avgCost", AVG_COST_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("conId", CON_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("kind", KIND_OFFSET, RecordLayout.Kind.I8),
    });

    private PositionCodec()
    {
    }

    /**
     * Signed position, lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long position(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + POSITION_OFFSET);
    }

    /**
     * Sets {@code position}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void position(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + POSITION_OFFSET, value);
    }

    /**
     * Average cost, price ticks (rounded).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long avgCost(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + AVG_COST_OFFSET);
    }

    /**
     * Sets {@code avgCost}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void avgCost(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + AVG_COST_OFFSET, value);
    }

    /**
     * The broker's contract id.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long conId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CON_ID_OFFSET);
    }

    /**
     * Sets {@code conId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void conId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CON_ID_OFFSET, value);
    }

    /**
     * {@link #KIND_POSITION} or {@link #KIND_END}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte kind(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + KIND_OFFSET);
    }

    /**
     * Sets {@code kind}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void kind(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + KIND_OFFSET, value);
    }
}
