package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A timer tick; its event time is the time the engine may act on.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 timerId          i64
 *  56 (end)
 * </pre>
 */
public final class TimerCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.TIMER;
    /** Record length in bytes. */
    public static final int LENGTH = 56;
    /** Offset of {@code timerId}. */
    public static final int TIMER_ID_OFFSET = 48;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "TIMER", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("timerId", TIMER_ID_OFFSET, RecordLayout.Kind.I64),
    });

    private TimerCodec()
    {
    }

    /**
     * Writes a complete TIMER record with timer id 1; sequence and receive time are left 0 for the sequencer.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @param timeNs the timer's event time.
     * @param sourceId the timer source.
     * @param count the source's sequence number.
     * @return the record length.
     */
    public static int write(
        final MutableDirectBuffer buffer, final int offset, final long timeNs, final int sourceId, final long count)
    {
        Header.write(buffer, offset, TYPE, LENGTH, 0, 0, timeNs, 0, sourceId, count);
        timerId(buffer, offset, 1);
        return LENGTH;
    }

    /**
     * Which timer fired.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long timerId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + TIMER_ID_OFFSET);
    }

    /**
     * Sets {@code timerId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void timerId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + TIMER_ID_OFFSET, value);
    }
}
