package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A trade print.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 price            i64
 *  56 qty              i64
 *  64 aggressorSide    i8
 *  65 (padding)        7
 *  72 (end)
 * </pre>
 */
public final class TradeCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.TRADE;
    /** Record length in bytes. */
    public static final int LENGTH = 72;
    /** Offset of {@code price}. */
    public static final int PRICE_OFFSET = 48;
    /** Offset of {@code qty}. */
    public static final int QTY_OFFSET = 56;
    /** Offset of {@code aggressorSide}. */
    public static final int AGGRESSOR_SIDE_OFFSET = 64;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "TRADE", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("aggressorSide", AGGRESSOR_SIDE_OFFSET, RecordLayout.Kind.I8),
    });

    private TradeCodec()
    {
    }

    /**
     * Trade price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long price(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + PRICE_OFFSET);
    }

    /**
     * Sets {@code price}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void price(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + PRICE_OFFSET, value);
    }

    /**
     * Trade size in lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long qty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + QTY_OFFSET);
    }

    /**
     * Sets {@code qty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void qty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + QTY_OFFSET, value);
    }

    /**
     * Side that crossed the spread (Side code), NONE when unknown.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte aggressorSide(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + AGGRESSOR_SIDE_OFFSET);
    }

    /**
     * Sets {@code aggressorSide}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void aggressorSide(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + AGGRESSOR_SIDE_OFFSET, value);
    }
}
