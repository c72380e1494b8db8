package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: the pre-trade risk verdict on one order, with the check it reports (the failing check, or for an
 * accepted order the check closest to its limit), that check's limit and the measured value (in the units of the
 * check's config key: currency, lots, fractions, milliseconds).
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence  i64
 *  56 clOrdId        i64
 *  64 side           i8
 *  65 accepted       i8
 *  66 reasonCode     i16
 *  68 checkCode      i16
 *  70 (padding)      2
 *  72 price          i64
 *  80 qty            i64
 *  88 limit          f64
 *  96 value          f64
 * 104 (end)
 * </pre>
 */
public final class RiskDecisionCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.RISK_DECISION;
    /** Record length in bytes. */
    public static final int LENGTH = 104;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 56;
    /** Offset of {@code side}. */
    public static final int SIDE_OFFSET = 64;
    /** Offset of {@code accepted}. */
    public static final int ACCEPTED_OFFSET = 65;
    /** Offset of {@code reasonCode}. */
    public static final int REASON_CODE_OFFSET = 66;
    /** Offset of {@code checkCode}. */
    public static final int CHECK_CODE_OFFSET = 68;
    /** Offset of {@code price}. */
    public static final int PRICE_OFFSET = 72;
    /** Offset of {@code qty}. */
    public static final int QTY_OFFSET = 80;
    /** Offset of {@code limit}. */
    public static final int LIMIT_OFFSET = 88;
    /** Offset of {@code value}. */
    public static final int VALUE_OFFSET = 96;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "RISK_DECISION", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("accepted", ACCEPTED_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("reasonCode", REASON_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("checkCode", CHECK_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("limit", LIMIT_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("value", VALUE_OFFSET, RecordLayout.Kind.F64),
    });

    private RiskDecisionCodec()
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
     * Client order id the verdict is about.
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
     * 1 accepted, 0 rejected.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte accepted(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + ACCEPTED_OFFSET);
    }

    /**
     * Sets {@code accepted}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void accepted(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + ACCEPTED_OFFSET, value);
    }

    /**
     * RejectReason code (NONE when accepted).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static short reasonCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + REASON_CODE_OFFSET);
    }

    /**
     * Sets {@code reasonCode}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void reasonCode(final MutableDirectBuffer buffer, final int offset, final short value)
    {
        buffer.putShort(offset + REASON_CODE_OFFSET, value);
    }

    /**
     * RejectReason code of the check whose limit and value are reported (0 when none).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static short checkCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + CHECK_CODE_OFFSET);
    }

    /**
     * Sets {@code checkCode}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void checkCode(final MutableDirectBuffer buffer, final int offset, final short value)
    {
        buffer.putShort(offset + CHECK_CODE_OFFSET, value);
    }

    /**
     * Limit price in ticks.
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
     * The reported check's limit.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double limit(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + LIMIT_OFFSET);
    }

    /**
     * Sets {@code limit}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void limit(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + LIMIT_OFFSET, value);
    }

    /**
     * The reported check's measured value.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double value(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + VALUE_OFFSET);
    }

    /**
     * Sets {@code value}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + VALUE_OFFSET, value);
    }
}
