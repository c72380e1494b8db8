package io.meridian.runtime.driver;

import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.TimerCodec;
import org.agrona.MutableDirectBuffer;

/**
 * The engine's timer events on event time: one every {@code intervalNs}, the first one interval after the start.
 * Owned by the driver's thread; allocation-free.
 */
public final class TimerSchedule
{
    private final long intervalNs;
    private long nextNs;
    private long count;

    /**
     * A schedule.
     *
     * @param startTimeNs event time the run starts at.
     * @param intervalNs event time between timers, positive.
     */
    public TimerSchedule(final long startTimeNs, final long intervalNs)
    {
        if (intervalNs <= 0)
        {
            throw new IllegalArgumentException("timer interval must be positive, got " + intervalNs + " ns");
        }
        this.intervalNs = intervalNs;
        this.nextNs = startTimeNs + intervalNs;
    }

    /**
     * Event time of the next timer.
     *
     * @return nanoseconds.
     */
    public long peekTimeNs()
    {
        return nextNs;
    }

    /**
     * Writes the next TIMER record (sequence and receive time left for the sequencer) and advances.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return the record length.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        final int length = TimerCodec.write(buffer, offset, nextNs, SourceIds.TIMER, ++count);
        nextNs += intervalNs;
        return length;
    }

    /**
     * Timers written so far.
     *
     * @return the count.
     */
    public long count()
    {
        return count;
    }
}
