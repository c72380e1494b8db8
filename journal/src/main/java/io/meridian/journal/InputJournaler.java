package io.meridian.journal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.engine.stage.EventSlot;

/**
 * Disruptor consumer of the inbound ring that appends every event's record bytes to the input queue, in ring
 * order, as a parallel consumer beside the pipeline stages.
 *
 * <p>Progress: {@link #sequence()} holds the ring sequence of the last event whose record is journaled (−1 before
 * the first); it is advanced after each append, not only at the end of a batch. A venue sender that must not
 * publish an order before the inbound event that caused it is journaled ("publish after journal") waits until
 * {@code sequence().get() >= causeRingSequence}. When the handler runs under a {@code BatchEventProcessor}, the
 * processor's own sequence (given through {@link #setSequenceCallback}) is advanced per event too, so gating on
 * the processor in the Disruptor DSL works at the same granularity. In single-thread mode the pipeline may call
 * {@link #onEvent} directly.
 *
 * <p>Runs on the journaler's thread; allocation-free.
 */
public final class InputJournaler implements EventHandler<EventSlot>
{
    private final JournalWriter writer;
    private final Sequence journaled = new Sequence(-1L);
    private Sequence processorSequence;

    /**
     * A journaler appending to a writer's input queue.
     *
     * @param writer the journal.
     */
    public InputJournaler(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        writer.appendInput(slot.buffer, 0, slot.length());
        journaled.set(sequence);
        final Sequence callback = processorSequence;
        if (callback != null)
        {
            callback.set(sequence);
        }
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.processorSequence = sequenceCallback;
    }

    /**
     * The ring sequence of the last journaled event; read it from any thread.
     *
     * @return the progress sequence.
     */
    public Sequence sequence()
    {
        return journaled;
    }
}
