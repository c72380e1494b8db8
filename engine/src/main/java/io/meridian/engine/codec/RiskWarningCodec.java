package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: a pre-trade check or kill-switch trigger reached {@code risk.warnAt} (90%) of its limit; raised once
 * each time it crosses from below.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence  i64
 *  56 clOrdId        i64
 *  64 reasonCode     i16
 *  66 (padding)      6
 *  72 limit          f64
 *  80 value          f64
 *  88 (end)
 * </pre>
 */
public final class RiskWarningCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.RISK_WARNING;
    /** Record length in bytes. */
    public static final int LENGTH = 88;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 56;
    /** Offset of {@code reasonCode}. */
    public static final int REASON_CODE_OFFSET = 64;
    /** Offset of {@code limit}. */
    public static final int LIMIT_OFFSET = 72;
    /** Offset of {@code value}. */
    public static final int VALUE_OFFSET = 80;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "RISK_WARNING", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("reasonCode", REASON_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("limit", LIMIT_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("value", VALUE_OFFSET, RecordLayout.Kind.F64),
    });

    private RiskWarningCodec()
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
     * The order being checked, or 0 for a kill-switch trigger.
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
     * RejectReason code of the check or trigger.
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
     * Its limit.
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
     * The measured value.
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
