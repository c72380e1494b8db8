package io.meridian.engine.pipeline;

import io.meridian.engine.stage.EventSlot;
import org.agrona.concurrent.NanoClock;

/**
 * Runs all stages of a {@link Pipeline} on one thread and records each stage's latency. The clock is injected and
 * used only for measurement: nothing it returns reaches a decision or the journal. A stage's time is recorded only
 * when it did work for the event (features on accepted quotes, scoring when features were ready, and so on).
 */
public final class TimedPipeline
{
    private final Pipeline pipeline;
    private final NanoClock clock;
    private final PipelineLatency latency;
    private final boolean recordTickToOrder;

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
        this.clock = clock;
        this.latency = latency;
        this.recordTickToOrder = recordTickToOrder;
    }

    /**
     * Runs every stage and records latencies. Tick-to-order is measured from {@code slot.publishNanos} when set
     * (the publisher's send or intended send time), else from the start of this call.
     *
     * @param slot the event.
     */
    public void onEvent(final EventSlot slot)
    {
        final long t0 = clock.nanoTime();
        pipeline.bookStage(slot);
        final long t1 = clock.nanoTime();
        pipeline.featureStage(slot);
        final long t2 = clock.nanoTime();
        pipeline.scoringStage(slot);
        final long t3 = clock.nanoTime();
        pipeline.strategyStage(slot);
        final long t4 = clock.nanoTime();
        final long ordersBefore = pipeline.orders().ordersSent();
        pipeline.orderStage(slot);
        final long t5 = clock.nanoTime();

        latency.record(PipelineLatency.BOOK, t1 - t0);
        if (slot.marketDataAccepted)
        {
            latency.record(PipelineLatency.FEATURES, t2 - t1);
        }
        if (slot.scored)
        {
            latency.record(PipelineLatency.SCORING, t3 - t2);
        }
        if (slot.hasTarget)
        {
            latency.record(PipelineLatency.STRATEGY, t4 - t3);
        }
        latency.record(PipelineLatency.ORDERS, t5 - t4);
        latency.record(PipelineLatency.EVENT, t5 - t0);
        if (recordTickToOrder && pipeline.orders().ordersSent() != ordersBefore)
        {
            latency.record(PipelineLatency.TICK_TO_ORDER, t5 - (slot.publishNanos != 0 ? slot.publishNanos : t0));
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
