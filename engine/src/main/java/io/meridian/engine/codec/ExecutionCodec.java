package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An execution at the broker (IB's execDetails) or its commission (commissionReport) for the header's instrument:
 * Meridian's client order id (the order reference), the broker's order id, price in ticks, quantity and the order's
 * cumulative quantity in lots, the commission in cash units (on {@link #KIND_COMMISSION} records), and a 64-bit hash of
 * IB's execution id that ties a commission to its execution and identifies duplicates. A record of kind
 * {@link #KIND_END} closes one snapshot (execDetailsEnd); its other fields are 0.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 clOrdId          i64
 *  56 venueOrderId     i64
 *  64 price            i64
 *  72 qty              i64
 *  80 cumQty           i64
 *  88 commission       i64
 *  96 execIdHash       i64
 * 104 side             i8
 * 105 kind             i8
 * 106 (padding)        6
 * 112 (end)
 * </pre>
 */
public final class ExecutionCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.EXECUTION;
    /** Record length in bytes. */
    public static final int LENGTH = 112;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 48;
    /** Offset of {@code venueOrderId}. */
    public static final int VENUE_ORDER_ID_OFFSET = 56;
    /** Offset of {@code price}. */
    public static final int PRICE_OFFSET = 64;
    /** Offset of {@code qty}. */
    public static final int QTY_OFFSET = 72;
    /** Offset of {@code cumQty}. */
    public static final int CUM_QTY_OFFSET = 80;
    /** Offset of {@code commission}. */
    public static final int COMMISSION_OFFSET = 88;
    /** Offset of {@code execIdHash}. */
    public static final int EXEC_ID_HASH_OFFSET = 96;
    /** Offset of {@code side}. */
    public static final int SIDE_OFFSET = 104;
    /** Offset of {@code kind}. */
    public static final int KIND_OFFSET = 105;
    /** {@code kind}: one execution. */
    public static final byte KIND_EXECUTION = 1;
    /** {@code kind}: the end of a snapshot. */
    public static final byte KIND_END = 2;
    /** {@code kind}: the commission of an execution named by its hash. */
    public static final byte KIND_COMMISSION = 3;
    /** {@code kind}: one execution reported as it happened (not in answer to a request for the day's executions). */
    public static final byte KIND_LIVE_EXECUTION = 4;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "EXECUTION", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("venueOrderId", VENUE_ORDER_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("cumQty", CUM_QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("commission", COMMISSION_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("execIdHash", EXEC_ID_HASH_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("kind", KIND_OFFSET, RecordLayout.Kind.I8),
    });

    private ExecutionCodec()
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
     * Execution price, ticks.
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
     * Executed quantity, lots.
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
     * The order's cumulative executed quantity, lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long cumQty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CUM_QTY_OFFSET);
    }

    /**
     * Sets {@code cumQty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void cumQty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CUM_QTY_OFFSET, value);
    }

    /**
     * Commission, cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long commission(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + COMMISSION_OFFSET);
    }

    /**
     * Sets {@code commission}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void commission(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + COMMISSION_OFFSET, value);
    }

    /**
     * FNV-1a hash of IB's execution id.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long execIdHash(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + EXEC_ID_HASH_OFFSET);
    }

    /**
     * Sets {@code execIdHash}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void execIdHash(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + EXEC_ID_HASH_OFFSET, value);
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
     * {@link #KIND_EXECUTION}, {@link #KIND_LIVE_EXECUTION}, {@link #KIND_COMMISSION} or {@link #KIND_END}.
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
