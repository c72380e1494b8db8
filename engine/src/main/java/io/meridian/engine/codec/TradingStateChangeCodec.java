package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: the trading state changed (kill switch or operator), globally (header instrumentId 0) or for
 * one instrument (its id), with the trigger, the measured value and the limit it crossed.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence  i64
 *  56 state          i8
 *  57 previousState  i8
 *  58 reasonCode     i16
 *  60 (padding)      4
 *  64 limit          f64
 *  72 value          f64
 *  80 (end)
 * </pre>
 */
public final class TradingStateChangeCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.TRADING_STATE;
    /** Record length in bytes. */
    public static final int LENGTH = 80;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code state}. */
    public static final int STATE_OFFSET = 56;
    /** Offset of {@code previousState}. */
    public static final int PREVIOUS_STATE_OFFSET = 57;
    /** Offset of {@code reasonCode}. */
    public static final int REASON_CODE_OFFSET = 58;
    /** Offset of {@code limit}. */
    public static final int LIMIT_OFFSET = 64;
    /** Offset of {@code value}. */
    public static final int VALUE_OFFSET = 72;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "TRADING_STATE", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("state", STATE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("previousState", PREVIOUS_STATE_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("reasonCode", REASON_CODE_OFFSET, RecordLayout.Kind.I16),
        new RecordLayout.Field("limit", LIMIT_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("value", VALUE_OFFSET, RecordLayout.Kind.F64),
    });

    private TradingStateChangeCodec()
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
     * New TradingState code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte state(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + STATE_OFFSET);
    }

    /**
     * Sets {@code state}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void state(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + STATE_OFFSET, value);
    }

    /**
     * Previous TradingState code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte previousState(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + PREVIOUS_STATE_OFFSET);
    }

    /**
     * Sets {@code previousState}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void previousState(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + PREVIOUS_STATE_OFFSET, value);
    }

    /**
     * RejectReason code naming the trigger.
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
     * The trigger's limit (0 for operator commands).
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
     * The measured value that crossed it.
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
