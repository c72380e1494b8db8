package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An order open at the broker (IB's openOrder message) for the header's instrument: Meridian's client order id (the
 * order reference; 0 when the order is not Meridian's), the broker's order id, limit price in ticks (0 for market),
 * total quantity in lots, side, {@code OrderType} and the broker's status ({@code IbOrderStatus} code). A record of
 * kind {@link #KIND_END} closes one snapshot (openOrderEnd); its other fields are 0.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 clOrdId          i64
 *  56 venueOrderId     i64
 *  64 price            i64
 *  72 qty              i64
 *  80 side             i8
 *  81 orderType        i8
 *  82 status           i8
 *  83 kind             i8
 *  84 (padding)        4
 *  88 (end)
 * </pre>
 */
public final class OpenOrderCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.OPEN_ORDER;
    /** Record length in bytes. */
    public static final int LENGTH = 88;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 48;
    /** Offset of {@code venueOrderId}. */
    public static final int VENUE_ORDER_ID_OFFSET = 56;
    /** Offset of {@code price}. */
    public static final int PRICE_OFFSET = 64;
    /** Offset of {@code qty}. */
    public static final int QTY_OFFSET = 72;
    /** Offset of {@code side}. */
    public static final int SIDE_OFFSET = 80;
    /** Offset of {@code orderType}. */
    public static final int ORDER_TYPE_OFFSET = 81;
    /** Offset of {@code status}. */
    public static final int STATUS_OFFSET = 82;
    /** Offset of {@code kind}. */
    public static final int KIND_OFFSET = 83;
    /** {@code kind}: one open order. */
    public static final byte KIND_ORDER = 1;
    /** {@code kind}: the end of a snapshot. */
    public static final byte KIND_END = 2;
    /** {@code status}: any status not named here. */
    public static final byte STATUS_OTHER = 0;
    /** {@code status}: PendingSubmit / PreSubmitted / Submitted (working). */
    public static final byte STATUS_PENDING = 1;
    /** {@code status}: Filled, Cancelled, ApiCancelled or Inactive (no longer working). */
    public static final byte STATUS_DONE = 2;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "OPEN_ORDER", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("venueOrderId", VENUE_ORDER_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("orderType", ORDER_TYPE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("status", STATUS_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("kind", KIND_OFFSET, RecordLayout.Kind.I8),
    });

    private OpenOrderCodec()
    {
    }

    /**
     * Meridian's client order id (the IB order reference), 0 when not one of ours.
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
     * The broker's order id.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long venueOrderId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VENUE_ORDER_ID_OFFSET);
    }

    /**
     * Sets {@code venueOrderId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void venueOrderId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VENUE_ORDER_ID_OFFSET, value);
    }

    /**
     * Limit price, ticks (0 for a market order).
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
     * Total quantity, lots.
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
     * {@code Side} code.
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
     * {@code OrderType} code.
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
     * {@link #STATUS_PENDING}, {@link #STATUS_DONE} or {@link #STATUS_OTHER}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte status(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + STATUS_OFFSET);
    }

    /**
     * Sets {@code status}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void status(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + STATUS_OFFSET, value);
    }

    /**
     * {@link #KIND_ORDER} or {@link #KIND_END}.
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
