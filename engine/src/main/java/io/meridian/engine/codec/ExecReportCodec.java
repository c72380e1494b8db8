package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An execution report from a venue about one of our orders.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 clOrdId          i64
 *  56 venueOrderId     i64
 *  64 execType         i8
 *  65 side             i8
 *  66 rejectCode       i16
 *  68 (padding)        4
 *  72 lastPrice        i64
 *  80 lastQty          i64
 *  88 leavesQty        i64
 *  96 cumQty           i64
 * 104 commission       i64
 * 112 secFee           i64
 * 120 finraTaf         i64
 * 128 exchangeFee      i64
 * 136 impactCost       i64
 * 144 spreadCost       i64
 * 152 liquidity        i8
 * 153 (padding)        7
 * 160 (end)
 * </pre>
 *
 * <p>The cost fields (journal format 3) are in cash units ({@code Scales.CASH_SCALE} per currency unit), set on fills
 * only: what the venue (or the simulated venue's cost model) charged for this fill. Positive is paid; a negative
 * {@code exchangeFee} is a rebate; {@code spreadCost} is the spread paid relative to the mid, already contained in
 * {@code lastPrice} and never charged again. {@code liquidity} is {@link #LIQUIDITY_ADDED}, {@link #LIQUIDITY_TOOK}
 * or 0 when unknown.
 *
 * <p>Over 500 lines: one documented reader and writer per field, as every codec has.
 */
public final class ExecReportCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.EXEC_REPORT;
    /** Record length in bytes. */
    public static final int LENGTH = 160;
    /** {@code liquidity}: the fill added liquidity (a resting order). */
    public static final byte LIQUIDITY_ADDED = 1;
    /** {@code liquidity}: the fill took liquidity (a marketable order). */
    public static final byte LIQUIDITY_TOOK = 2;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 48;
    /** Offset of {@code venueOrderId}. */
    public static final int VENUE_ORDER_ID_OFFSET = 56;
    /** Offset of {@code execType}. */
    public static final int EXEC_TYPE_OFFSET = 64;
    /** Offset of {@code side}. */
    public static final int SIDE_OFFSET = 65;
    /** Offset of {@code rejectCode}. */
    public static final int REJECT_CODE_OFFSET = 66;
    /** Offset of {@code lastPrice}. */
    public static final int LAST_PRICE_OFFSET = 72;
    /** Offset of {@code lastQty}. */
    public static final int LAST_QTY_OFFSET = 80;
    /** Offset of {@code leavesQty}. */
    public static final int LEAVES_QTY_OFFSET = 88;
    /** Offset of {@code cumQty}. */
    public static final int CUM_QTY_OFFSET = 96;
    /** Offset of {@code commission}. */
    public static final int COMMISSION_OFFSET = 104;
    /** Offset of {@code secFee}. */
    public static final int SEC_FEE_OFFSET = 112;
    /** Offset of {@code finraTaf}. */
    public static final int FINRA_TAF_OFFSET = 120;
    /** Offset of {@code exchangeFee}. */
    public static final int EXCHANGE_FEE_OFFSET = 128;
    /** Offset of {@code impactCost}. */
    public static final int IMPACT_COST_OFFSET = 136;
    /** Offset of {@code spreadCost}. */
    public static final int SPREAD_COST_OFFSET = 144;
    /** Offset of {@code liquidity}. */
    public static final int LIQUIDITY_OFFSET = 152;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "EXEC_REPORT", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("venueOrderId", VENUE_ORDER_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("execType", EXEC_TYPE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("rejectCode", REJECT_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("lastPrice", LAST_PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("lastQty", LAST_QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("leavesQty", LEAVES_QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("cumQty", CUM_QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("commission", COMMISSION_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("secFee", SEC_FEE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("finraTaf", FINRA_TAF_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("exchangeFee", EXCHANGE_FEE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("impactCost", IMPACT_COST_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("spreadCost", SPREAD_COST_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("liquidity", LIQUIDITY_OFFSET, RecordLayout.Kind.I8),
    });

    private ExecReportCodec()
    {
    }

    /**
     * Our client order id.
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
     * The venue's order id.
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
     * ExecType code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte execType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + EXEC_TYPE_OFFSET);
    }

    /**
     * Sets {@code execType}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void execType(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + EXEC_TYPE_OFFSET, value);
    }

    /**
     * Side code of the order.
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
     * RejectReason code when execType is REJECTED.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static short rejectCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + REJECT_CODE_OFFSET);
    }

    /**
     * Sets {@code rejectCode}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void rejectCode(final MutableDirectBuffer buffer, final int offset, final short value)
    {
        buffer.putShort(offset + REJECT_CODE_OFFSET, value);
    }

    /**
     * Price of this fill in ticks (0 when not a fill).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long lastPrice(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LAST_PRICE_OFFSET);
    }

    /**
     * Sets {@code lastPrice}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void lastPrice(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + LAST_PRICE_OFFSET, value);
    }

    /**
     * Quantity of this fill in lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long lastQty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LAST_QTY_OFFSET);
    }

    /**
     * Sets {@code lastQty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void lastQty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + LAST_QTY_OFFSET, value);
    }

    /**
     * Quantity still working after this report.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long leavesQty(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LEAVES_QTY_OFFSET);
    }

    /**
     * Sets {@code leavesQty}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void leavesQty(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + LEAVES_QTY_OFFSET, value);
    }

    /**
     * Quantity filled so far.
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
     * Commission charged for this fill, cash units.
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
     * SEC fee charged for this fill (sells), cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long secFee(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEC_FEE_OFFSET);
    }

    /**
     * Sets {@code secFee}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void secFee(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + SEC_FEE_OFFSET, value);
    }

    /**
     * FINRA trading activity fee charged for this fill (sells), cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long finraTaf(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + FINRA_TAF_OFFSET);
    }

    /**
     * Sets {@code finraTaf}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void finraTaf(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + FINRA_TAF_OFFSET, value);
    }

    /**
     * Exchange fee for this fill, cash units; negative for a rebate.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long exchangeFee(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + EXCHANGE_FEE_OFFSET);
    }

    /**
     * Sets {@code exchangeFee}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void exchangeFee(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + EXCHANGE_FEE_OFFSET, value);
    }

    /**
     * Modelled market impact charged for this fill, cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long impactCost(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + IMPACT_COST_OFFSET);
    }

    /**
     * Sets {@code impactCost}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void impactCost(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + IMPACT_COST_OFFSET, value);
    }

    /**
     * Spread paid relative to the mid (already in the price), cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long spreadCost(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SPREAD_COST_OFFSET);
    }

    /**
     * Sets {@code spreadCost}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void spreadCost(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + SPREAD_COST_OFFSET, value);
    }

    /**
     * Whether the fill added or took liquidity.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return {@link #LIQUIDITY_ADDED}, {@link #LIQUIDITY_TOOK} or 0.
     */
    public static byte liquidity(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + LIQUIDITY_OFFSET);
    }

    /**
     * Sets {@code liquidity}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void liquidity(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + LIQUIDITY_OFFSET, value);
    }

    /**
     * Fees and impact charged for this fill on top of its price: every cost field except {@code spreadCost}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return cash units.
     */
    public static long chargedCost(final DirectBuffer buffer, final int offset)
    {
        return commission(buffer, offset) + secFee(buffer, offset) + finraTaf(buffer, offset)
            + exchangeFee(buffer, offset) + impactCost(buffer, offset);
    }
}
