package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Top-of-book quote: best bid and ask with their sizes.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 bidPrice         i64
 *  56 bidQty           i64
 *  64 askPrice         i64
 *  72 askQty           i64
 *  80 (end)
 * </pre>
 */
public final class QuoteCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.QUOTE;
    /** Record length in bytes. */
    public static final int LENGTH = 80;
    /** Offset of {@code bidPrice}. */
    public static final int BID_PRICE_OFFSET = 48;
    /** Offset of {@code bidQty}. */
    public static final int BID_QTY_OFFSET = 56;
    /** Offset of {@code askPrice}. */
    public static final int ASK_PRICE_OFFSET = 64;
    /** Offset of {@code askQty}. */
    public static final int ASK_QTY_OFFSET = 72;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("bidPrice", BID_PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("bidQty", BID_QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("askPrice", ASK_PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("askQty", ASK_QTY_OFFSET, RecordLayout.Kind.I64),
    });

    private QuoteCodec()
    {
    }

    /**
     * Best bid price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long bidPrice(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + BID_PRICE_OFFSET);
    }

    /**
     * Sets {@code bidPrice}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void bidPrice(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + BID_PRICE_OFFSET, value);
    }

    /**
     * Size at the best bid in lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long bidQty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + BID_QTY_OFFSET);
    }

    /**
     * Sets {@code bidQty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void bidQty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + BID_QTY_OFFSET, value);
    }

    /**
     * Best ask price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long askPrice(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ASK_PRICE_OFFSET);
    }

    /**
     * Sets {@code askPrice}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void askPrice(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + ASK_PRICE_OFFSET, value);
    }

    /**
     * Size at the best ask in lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long askQty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ASK_QTY_OFFSET);
    }

    /**
     * Sets {@code askQty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void askQty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + ASK_QTY_OFFSET, value);
    }
}
