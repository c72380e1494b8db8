package io.meridian.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.telemetry.StatePublisher;
import java.util.function.Consumer;

/**
 * The inbound ring's handler on the pipeline thread (single mode) or the last stage's thread (staged mode): journals
 * the input first when journaling is inline, runs its stages, publishes the engine's state when a publisher is set
 * (it publishes once more when the thread stops), then marks the event processed. Owned by that thread.
 */
final class PipelineThreadHandler implements EventHandler<EventSlot>
{
    private final EventHandler<EventSlot> inlineJournaler;
    private final OutboundPublisher publisher;
    private final Consumer<EventSlot> stages;
    private final Sequence processed;
    private final Runnable onStart;
    private final StatePublisher state;

    /**
     * A handler.
     *
     * @param inlineJournaler appends each input before the stages run; null unless journaling is inline.
     * @param publisher the outbound publisher, told which event's publish time caused what it sends.
     * @param stages the stages this thread runs for each event.
     * @param processed set to each event's sequence once its stages ran.
     * @param onStart run once on the thread when it starts (e.g. pinning).
     * @param state publishes the engine's state for other threads after each event; null for none.
     */
    PipelineThreadHandler(
        final EventHandler<EventSlot> inlineJournaler,
        final OutboundPublisher publisher,
        final Consumer<EventSlot> stages,
        final Sequence processed,
        final Runnable onStart,
        final StatePublisher state)
    {
        this.inlineJournaler = inlineJournaler;
        this.publisher = publisher;
        this.stages = stages;
        this.processed = processed;
        this.onStart = onStart;
        this.state = state;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch) throws Exception
    {
        if (inlineJournaler != null)
        {
            inlineJournaler.onEvent(slot, sequence, endOfBatch);
        }
        publisher.causePublishNanos = slot.publishNanos;
        stages.accept(slot);
        if (state != null)
        {
            state.onEvent(slot);
        }
        processed.set(sequence);
    }

    @Override
    public void onStart()
    {
        onStart.run();
    }

    @Override
    public void onShutdown()
    {
        if (state != null)
        {
            state.publish();
        }
    }
}
