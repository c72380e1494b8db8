package io.meridian.engine.stage;

import org.agrona.collections.LongArrayList;

/**
 * One step of the pipeline, in the spirit of the Disruptor's {@code EventHandler}: called once per inbound event with
 * the event's {@link EventSlot}, in stage order. A stage reads the slot (what the sequencer and earlier stages left
 * there) and its own state, and writes only its own state and its own result fields of the slot. That is what lets
 * the same ordered stage list run on one thread, timed or not, or as one Disruptor handler per stage.
 *
 * <p>Implementations are single-threaded (the thread running the stage) and allocation-free per event.
 */
public interface Stage
{
    /**
     * A short name for latency reports, e.g. {@code features}.
     *
     * @return the name.
     */
    String name();

    /**
     * Handles one event.
     *
     * @param slot the event, decoded by the first stage.
     * @return true when the stage did work for this event (a timed run records the stage's time only then).
     */
    boolean onEvent(EventSlot slot);

    /**
     * Appends everything this stage carries from one event to the next to an engine-state snapshot (issue 9), so
     * that a fresh stage restored from it decides every later event as this one would ({@code StateRestore}).
     * Called between events on the stage's thread, not per event; a stage without state writes nothing.
     *
     * @param out the snapshot values.
     */
    void saveState(LongArrayList out);

    /**
     * Replaces this stage's state with what {@link #saveState} wrote.
     *
     * @param in the snapshot values.
     * @param at where this stage's values start.
     * @return the position after them.
     */
    int loadState(long[] in, int at);
}
