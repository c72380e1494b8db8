package io.meridian.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;

/**
 * Staged mode: one stage as a Disruptor handler on its own thread.
 */
final class StageHandler implements EventHandler<EventSlot>
{
    private final Stage stage;

    StageHandler(final Stage stage)
    {
        this.stage = stage;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        stage.onEvent(slot);
    }

    /**
     * Wires a pipeline's stages as a chain of handlers, in list order, the first beside the input journaler.
     *
     * @param inbound the inbound ring.
     * @param inputJournaler runs in parallel with the first stage.
     * @param pipeline the stages.
     * @param last the handler for the last stage (it also marks events processed).
     */
    static void chain(
        final Disruptor<EventSlot> inbound,
        final EventHandler<EventSlot> inputJournaler,
        final Pipeline pipeline,
        final EventHandler<EventSlot> last)
    {
        final int lastIndex = pipeline.stageCount() - 1;
        EventHandlerGroup<EventSlot> group = inbound.handleEventsWith(
            inputJournaler, lastIndex == 0 ? last : new StageHandler(pipeline.stage(0)));
        for (int i = 1; i <= lastIndex; i++)
        {
            group = group.then(i == lastIndex ? last : new StageHandler(pipeline.stage(i)));
        }
    }
}
