package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record and outbound command: what the engine tells a venue.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence    i64
 *  56 clOrdId          i64
 *  64 command          i8
 *  65 side             i8
 *  66 orderType        i8
 *  67 timeInForce      i8
 *  68 venueId          i32
 *  72 price            i64
 *  80 qty              i64
 *  88 origClOrdId      i64
 *  96 auxPrice         i64
 * 104 orderFlags       i8
 * 105 (padding)        7
 * 112 (end)
 * </pre>
 */
public final class OrderCommandCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.ORDER_COMMAND;
    /** Record length in bytes. */
    public static final int LENGTH = 112;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 56;
    /** Offset of {@code command}. */
    public static final int COMMAND_OFFSET = 64;
    /** Offset of {@code side}. */
    public static final int SIDE_OFFSET = 65;
    /** Offset of {@code orderType}. */
    public static final int ORDER_TYPE_OFFSET = 66;
    /** Offset of {@code timeInForce}. */
    public static final int TIME_IN_FORCE_OFFSET = 67;
    /** Offset of {@code venueId}. */
    public static final int VENUE_ID_OFFSET = 68;
    /** Offset of {@code price}. */
    public static final int PRICE_OFFSET = 72;
    /** Offset of {@code qty}. */
    public static final int QTY_OFFSET = 80;
    /** Offset of {@code origClOrdId}. */
    public static final int ORIG_CL_ORD_ID_OFFSET = 88;
    /** Offset of {@code auxPrice}. */
    public static final int AUX_PRICE_OFFSET = 96;
    /** Offset of {@code orderFlags}. */
    public static final int ORDER_FLAGS_OFFSET = 104;
    /** {@code orderFlags} bit: the order may execute outside regular trading hours (IB's outsideRth). */
    public static final byte FLAG_OUTSIDE_RTH = 1;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "ORDER_COMMAND", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("command", COMMAND_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("orderType", ORDER_TYPE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("timeInForce", TIME_IN_FORCE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("venueId", VENUE_ID_OFFSET, RecordLayout.Kind.I32),
        new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("origClOrdId", ORIG_CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("auxPrice", AUX_PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("orderFlags", ORDER_FLAGS_OFFSET, RecordLayout.Kind.I8),
    });

    private OrderCommandCodec()
    {
    }

    /**
     * Sequence of the inbound event that caused it.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long causeSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CAUSE_SEQUENCE_OFFSET);
    }

    /**
     * Sets {@code causeSequence}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void causeSequence(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CAUSE_SEQUENCE_OFFSET, value);
    }

    /**
     * Client order id (of the new order, or of the cancel request).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long clOrdId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CL_ORD_ID_OFFSET);
    }

    /**
     * Sets {@code clOrdId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void clOrdId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CL_ORD_ID_OFFSET, value);
    }

    /**
     * OrderCommandType code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte command(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + COMMAND_OFFSET);
    }

    /**
     * Sets {@code command}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void command(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + COMMAND_OFFSET, value);
    }

    /**
     * Side code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte side(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + SIDE_OFFSET);
    }

    /**
     * Sets {@code side}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void side(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + SIDE_OFFSET, value);
    }

    /**
     * {@link io.meridian.engine.api.OrderType} code: MARKET, LIMIT, STOP or STOP_LIMIT.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte orderType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + ORDER_TYPE_OFFSET);
    }

    /**
     * Sets {@code orderType}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void orderType(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + ORDER_TYPE_OFFSET, value);
    }

    /**
     * {@link io.meridian.engine.api.TimeInForce} code: 0 DAY, 1 IOC, 2 GTC.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte timeInForce(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TIME_IN_FORCE_OFFSET);
    }

    /**
     * Sets {@code timeInForce}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void timeInForce(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + TIME_IN_FORCE_OFFSET, value);
    }

    /**
     * Destination venue.
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
     * Limit price in ticks (LIMIT, STOP_LIMIT; 0 for MARKET and STOP).
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
     * Quantity in lots.
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
     * Order to cancel (CANCEL only).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long origClOrdId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ORIG_CL_ORD_ID_OFFSET);
    }

    /**
     * Sets {@code origClOrdId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void origClOrdId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + ORIG_CL_ORD_ID_OFFSET, value);
    }

    /**
     * Stop (trigger) price in ticks for STOP and STOP_LIMIT orders, else 0.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long auxPrice(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + AUX_PRICE_OFFSET);
    }

    /**
     * Sets {@code auxPrice}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void auxPrice(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + AUX_PRICE_OFFSET, value);
    }

    /**
     * Order flags: {@link #FLAG_OUTSIDE_RTH}; other bits 0.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte orderFlags(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + ORDER_FLAGS_OFFSET);
    }

    /**
     * Sets {@code orderFlags}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void orderFlags(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + ORDER_FLAGS_OFFSET, value);
    }
}
