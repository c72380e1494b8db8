package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Inbound: the gateway wrote an order to the venue (IB: a PLACE_ORDER onto the session's socket), so the venue may
 * know it from now on (issue 9). Journaled like every input, so a restarted engine and a replay both know which of its
 * orders ever left the process: an order the broker does not know and that was never marked sent can be finished
 * without an operator (reconciliation kind {@link ReconciliationCodec#KIND_ORDER_NEVER_SENT}); one that was sent and
 * is unknown still halts. The header's event time is when the gateway wrote it, its instrument id the order's.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 clOrdId          i64
 *  56 venueOrderId     i64
 *  64 (end)
 * </pre>
 */
public final class OrderSentCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.ORDER_SENT;
    /** Record length in bytes. */
    public static final int LENGTH = 64;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 48;
    /** Offset of {@code venueOrderId}. */
    public static final int VENUE_ORDER_ID_OFFSET = 56;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "ORDER_SENT", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("venueOrderId", VENUE_ORDER_ID_OFFSET, RecordLayout.Kind.I64),
    });

    private OrderSentCodec()
    {
    }

    /**
     * The engine's client order id of the order sent.
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
     * The venue's id of the order (IB's order id).
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
}
