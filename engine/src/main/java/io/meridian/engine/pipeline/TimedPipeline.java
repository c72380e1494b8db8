package io.meridian.engine.pipeline;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import org.agrona.concurrent.NanoClock;

/**
 * Runs a {@link Pipeline}'s stage list on one thread and records each stage's latency: one clock read before the
 * first stage and one after each. The clock is injected and used only for measurement: nothing it returns reaches a
 * decision or the journal. A stage's time is recorded only when the stage did work for the event (its
 * {@link Stage#onEvent} returned true), into the stage histogram of the stage's name
 * ({@link PipelineLatency#stageHistogram}); a stage without one counts in the whole-event histogram only. When the
 * histograms ask for a sample ({@link PipelineLatency#sampleEvery()} N above 1), only the first event and every N-th
 * after it are timed stage by stage; the others run untimed, except that an event which sent an order still records
 * its tick-to-order.
 */
public final class TimedPipeline
{
    private final Pipeline pipeline;
    private final Stage[] stages;
    private final int[] histograms;
    private final NanoClock clock;
    private final PipelineLatency latency;
    private final boolean recordTickToOrder;
    private final int sampleEvery;
    private int untilSample = 1;

    /**
     * A timed pipeline that also records tick-to-order (at the moment the order stage emits the command).
     *
     * @param pipeline the stages.
     * @param clock a monotonic clock, e.g. {@code SystemNanoClock.INSTANCE}.
     * @param latency where to record.
     */
    public TimedPipeline(final Pipeline pipeline, final NanoClock clock, final PipelineLatency latency)
    {
        this(pipeline, clock, latency, true);
    }

    /**
     * A timed pipeline.
     *
     * @param pipeline the stages.
     * @param clock a monotonic clock, e.g. {@code SystemNanoClock.INSTANCE}.
     * @param latency where to record.
     * @param recordTickToOrder false when another thread records tick-to-order (the Disruptor topology records it
     *     at the venue hand-off; each histogram has a single writer).
     */
    public TimedPipeline(
        final Pipeline pipeline, final NanoClock clock, final PipelineLatency latency, final boolean recordTickToOrder)
    {
        this.pipeline = pipeline;
        this.stages = new Stage[pipeline.stageCount()];
        this.histograms = new int[stages.length];
        for (int i = 0; i < stages.length; i++)
        {
            stages[i] = pipeline.stage(i);
            histograms[i] = PipelineLatency.stageHistogram(stages[i].name());
        }
        this.clock = clock;
        this.latency = latency;
        this.recordTickToOrder = recordTickToOrder;
        this.sampleEvery = latency.sampleEvery();
    }

    /**
     * Runs every stage and records latencies. Tick-to-order is measured from {@code slot.publishNanos} when set
     * (the publisher's send or intended send time), else from the start of this call.
     *
     * @param slot the event.
     */
    public void onEvent(final EventSlot slot)
    {
        if (--untilSample > 0)
        {
            onUnsampledEvent(slot);
            return;
        }
        untilSample = sampleEvery;
        final long start = clock.nanoTime();
        long before = start;
        for (int i = 0; i < stages.length; i++)
        {
            final boolean worked = stages[i].onEvent(slot);
            final long after = clock.nanoTime();
            if (worked && histograms[i] >= 0)
            {
                latency.record(histograms[i], after - before);
            }
            before = after;
        }
        latency.record(PipelineLatency.EVENT, before - start);
        if (recordTickToOrder && slot.ordersSent > 0)
        {
            final long from = slot.publishNanos != 0 ? slot.publishNanos : start;
            latency.record(PipelineLatency.TICK_TO_ORDER, before - from);
        }
    }

    private void onUnsampledEvent(final EventSlot slot)
    {
        final boolean needStart = recordTickToOrder && slot.publishNanos == 0;
        final long start = needStart ? clock.nanoTime() : 0;
        for (final Stage stage : stages)
        {
            stage.onEvent(slot);
        }
        if (recordTickToOrder && slot.ordersSent > 0)
        {
            final long end = clock.nanoTime();
            latency.record(PipelineLatency.TICK_TO_ORDER, end - (needStart ? start : slot.publishNanos));
        }
    }

    public Pipeline pipeline()
    {
        return pipeline;
    }

    public PipelineLatency latency()
    {
        return latency;
    }
}
