package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision record: the model score for an instrument and the target position it implies.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence    i64
 *  56 score            f64
 *  64 targetPosition   i64
 *  72 position         i64
 *  80 modelId          i32
 *  84 (padding)        4
 *  88 (end)
 * </pre>
 */
public final class SignalCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.SIGNAL;
    /** Record length in bytes. */
    public static final int LENGTH = 88;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code score}. */
    public static final int SCORE_OFFSET = 56;
    /** Offset of {@code targetPosition}. */
    public static final int TARGET_POSITION_OFFSET = 64;
    /** Offset of {@code position}. */
    public static final int POSITION_OFFSET = 72;
    /** Offset of {@code modelId}. */
    public static final int MODEL_ID_OFFSET = 80;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "SIGNAL", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("score", SCORE_OFFSET, RecordLayout.Kind.F64),
        new RecordLayout.Field("targetPosition", TARGET_POSITION_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("position", POSITION_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("modelId", MODEL_ID_OFFSET, RecordLayout.Kind.I32),
    });

    private SignalCodec()
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
     * Model score (forward return, basis points).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static double score(final DirectBuffer buffer, final int offset)
    {
        return buffer.getDouble(offset + SCORE_OFFSET);
    }

    /**
     * Sets {@code score}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void score(final MutableDirectBuffer buffer, final int offset, final double value)
    {
        buffer.putDouble(offset + SCORE_OFFSET, value);
    }

    /**
     * Target position in lots.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long targetPosition(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + TARGET_POSITION_OFFSET);
    }

    /**
     * Sets {@code targetPosition}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void targetPosition(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + TARGET_POSITION_OFFSET, value);
    }

    /**
     * Position in lots when the signal was made.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long position(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + POSITION_OFFSET);
    }

    /**
     * Sets {@code position}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void position(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + POSITION_OFFSET, value);
    }

    /**
     * Which scorer produced the score (1 pure Java, 2 ONNX Runtime).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int modelId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + MODEL_ID_OFFSET);
    }

    /**
     * Sets {@code modelId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void modelId(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + MODEL_ID_OFFSET, value);
    }
}
