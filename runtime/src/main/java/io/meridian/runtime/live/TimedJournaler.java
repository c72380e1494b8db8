package io.meridian.runtime.live;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.engine.stage.EventSlot;
import io.meridian.journal.InputJournaler;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;

/**
 * The input journaler, timed: after each event is journaled it records the time since the event's intended send
 * time, i.e. the end-to-end latency of every inbound event through the inbound ring into the journal
 * (coordinated-omission corrected). Runs on the journaler's thread; the histogram is read once the topology is
 * quiet.
 */
final class TimedJournaler implements EventHandler<EventSlot>
{
    private final InputJournaler journaler;
    private final NanoClock clock;
    private final Histogram journaled = LiveTopology.histogram();

    TimedJournaler(final InputJournaler journaler, final NanoClock clock)
    {
        this.journaler = journaler;
        this.clock = clock;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        journaler.onEvent(slot, sequence, endOfBatch);
        if (slot.publishNanos != 0)
        {
            journaled.recordValue(Math.max(0, Math.min(clock.nanoTime() - slot.publishNanos, LiveTopology.HIGHEST_NS)));
        }
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        journaler.setSequenceCallback(sequenceCallback);
    }

    /**
     * Intended send time to journaled, per inbound event.
     *
     * @return the live histogram.
     */
    Histogram journaled()
    {
        return journaled;
    }
}
