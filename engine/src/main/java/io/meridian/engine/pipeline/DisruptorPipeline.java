package io.meridian.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import java.util.concurrent.ThreadFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The live topology on two LMAX Disruptor rings.
 *
 * <pre>
 *  producers (gateways, timers, operator) --&gt; [inbound ring, multi-producer; sequencer stamps seq + receive time]
 *      +--&gt; input journaler                                              (parallel consumer)
 *      +--&gt; single: one handler running all stages
 *           staged: book -&gt; features -&gt; scoring -&gt; strategy -&gt; risk+kill+orders   (one handler each)
 *                                   |
 *                                   v
 *                       [outbound ring, single producer]
 *                                   +--&gt; outbound handler: decision journal, then (order commands only, once the
 *                                        causing inbound event is journaled) the venue
 * </pre>
 *
 * With {@link #INLINE} journaling (single mode only) there is one consumer thread: it appends each inbound record,
 * runs the stages, and the outbound handler's work runs on it synchronously; no outbound ring thread runs.
 *
 * The order stage's sink must be {@link #outboundSink()}: build the {@link Pipeline} with it. Threads come from
 * the caller's factory (which pins them); the wait strategy of the inbound ring comes from configuration, the
 * outbound ring uses the same.
 */
public final class DisruptorPipeline implements AutoCloseable
{
    /** Single-thread mode name. */
    public static final String SINGLE = "single";
    /** Staged mode name. */
    public static final String STAGED = "staged";
    /** Journaling by parallel consumers of both rings (the input journaler beside the first stage). */
    public static final String PARALLEL = "parallel";
    /** Journaling on the pipeline thread: append the input, run the stages, append and send each decision. */
    public static final String INLINE = "inline";

    private final Disruptor<EventSlot> inbound;
    private final Disruptor<OutboundSlot> outbound;
    private final RingBuffer<EventSlot> inboundRing;
    private final RingBuffer<OutboundSlot> outboundRing;
    private final HaltingExceptionHandler<EventSlot> inboundErrors = new HaltingExceptionHandler<>();
    private final HaltingExceptionHandler<OutboundSlot> outboundErrors = new HaltingExceptionHandler<>();
    private final Publisher publisher;
    private final Sequence pipelineDone = new Sequence(-1);
    private Runnable pipelineThreadStart = () ->
    {
    };
    private boolean started;
    private boolean outboundStarted;

    /**
     * Creates the rings; call {@code start} next.
     *
     * @param ringSize power-of-two size of each ring.
     * @param waitStrategy inbound wait strategy.
     * @param outboundWaitStrategy outbound wait strategy.
     * @param threadFactory creates (and pins) the consumer threads.
     */
    public DisruptorPipeline(
        final int ringSize,
        final WaitStrategy waitStrategy,
        final WaitStrategy outboundWaitStrategy,
        final ThreadFactory threadFactory)
    {
        inbound = new Disruptor<>(EventSlot::new, ringSize, threadFactory, ProducerType.MULTI, waitStrategy);
        outbound = new Disruptor<>(
            OutboundSlot::new, ringSize, threadFactory, ProducerType.SINGLE, outboundWaitStrategy);
        inbound.setDefaultExceptionHandler(inboundErrors);
        outbound.setDefaultExceptionHandler(outboundErrors);
        inboundRing = inbound.getRingBuffer();
        outboundRing = outbound.getRingBuffer();
        publisher = new Publisher(outboundRing);
    }

    /**
     * The sink the order stage must publish to.
     *
     * @return the outbound publisher.
     */
    public OutboundSink outboundSink()
    {
        return publisher;
    }

    /**
     * Sets what the pipeline thread (single mode) or the order stage's thread (staged mode) runs when it starts,
     * e.g. pinning itself to a CPU. Call before {@code start}.
     *
     * @param action the action.
     */
    public void onPipelineThreadStart(final Runnable action)
    {
        this.pipelineThreadStart = action;
    }

    /**
     * Wires the handlers and starts the threads.
     *
     * @param pipeline the stages, built with {@link #outboundSink()}.
     * @param mode {@link #SINGLE} or {@link #STAGED}.
     * @param journaling {@link #PARALLEL}: the input journaler is a parallel consumer of the inbound ring and
     *     decisions go through the outbound ring to their own handler; {@link #INLINE} (single mode only): one
     *     consumer thread appends each input, runs the stages, then appends each decision and hands order commands
     *     to the venue, so publish-after-journal holds by construction and no other consumer thread competes for
     *     the CPUs.
     * @param timed when non-null (single mode only), runs the stages through this timed wrapper instead (pass a
     *     null {@code latency} then, or tick-to-order is recorded twice).
     * @param inputJournaler appends inbound records; runs in parallel with the first stage.
     * @param inputJournaled the journaler's progress: an order command is sent only once this reaches its cause.
     * @param decisionJournal appends every outbound record.
     * @param venue receives order commands.
     * @param latency where tick-to-order at the venue hand-off is recorded; may be null.
     * @param clock measurement clock; may be null when latency is null.
     */
    public void start(
        final Pipeline pipeline,
        final String mode,
        final String journaling,
        final TimedPipeline timed,
        final EventHandler<EventSlot> inputJournaler,
        final Sequence inputJournaled,
        final OutboundSink decisionJournal,
        final OutboundSink venue,
        final PipelineLatency latency,
        final NanoClock clock)
    {
        if (started)
        {
            throw new IllegalStateException("already started");
        }
        started = true;
        final boolean inline = INLINE.equals(journaling);
        if (!inline && !PARALLEL.equals(journaling))
        {
            throw new IllegalArgumentException("unknown journaling '" + journaling + "'; allowed: parallel, inline");
        }
        if (inline && !SINGLE.equals(mode))
        {
            throw new IllegalArgumentException("inline journaling needs single mode, not '" + mode + "'");
        }
        final OutboundHandler outboundHandler =
            new OutboundHandler(decisionJournal, venue, inputJournaled, latency, clock);
        final Runnable onStart = pipelineThreadStart;
        final EventHandler<EventSlot> orderStage = new EventHandler<>()
        {
            @Override
            public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
            {
                publisher.causePublishNanos = slot.publishNanos;
                pipeline.orderStage(slot);
                pipelineDone.set(sequence);
            }

            @Override
            public void onStart()
            {
                onStart.run();
            }
        };
        if (SINGLE.equals(mode))
        {
            final EventHandler<EventSlot> all = new EventHandler<>()
            {
                @Override
                public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
                    throws Exception
                {
                    if (inline)
                    {
                        inputJournaler.onEvent(slot, sequence, endOfBatch);
                    }
                    publisher.causePublishNanos = slot.publishNanos;
                    if (timed != null)
                    {
                        timed.onEvent(slot);
                    }
                    else
                    {
                        pipeline.onEvent(slot);
                    }
                    pipelineDone.set(sequence);
                }

                @Override
                public void onStart()
                {
                    onStart.run();
                }
            };
            if (inline)
            {
                publisher.direct = outboundHandler;
                inbound.handleEventsWith(all);
            }
            else
            {
                inbound.handleEventsWith(inputJournaler, all);
            }
        }
        else if (STAGED.equals(mode))
        {
            final EventHandlerGroup<EventSlot> first = inbound.handleEventsWith(
                inputJournaler, (slot, sequence, endOfBatch) -> pipeline.bookStage(slot));
            first.then((slot, sequence, endOfBatch) -> pipeline.featureStage(slot))
                .then((slot, sequence, endOfBatch) -> pipeline.scoringStage(slot))
                .then((slot, sequence, endOfBatch) -> pipeline.strategyStage(slot))
                .then(orderStage);
        }
        else
        {
            throw new IllegalArgumentException("unknown mode '" + mode + "'; allowed: single, staged");
        }
        if (!inline)
        {
            outbound.handleEventsWith(outboundHandler);
            outbound.start();
            outboundStarted = true;
        }
        inbound.start();
    }

    /**
     * Publishes one inbound record: copies it into the next slot, stamps the sequence and receive time.
     * Safe from any number of producer threads.
     *
     * @param source the record.
     * @param offset where it starts.
     * @param length its length.
     * @param receiveTimeNs receive time to stamp.
     * @param publishNanos measurement clock at (intended) send time; 0 when not measured.
     * @return the sequence assigned.
     */
    public long publish(
        final DirectBuffer source, final int offset, final int length, final long receiveTimeNs,
        final long publishNanos)
    {
        final long sequence = inboundRing.next();
        try
        {
            final EventSlot slot = inboundRing.get(sequence);
            slot.buffer.putBytes(0, source, offset, length);
            Header.sequence(slot.buffer, 0, sequence);
            Header.receiveTimeNs(slot.buffer, 0, receiveTimeNs);
            slot.publishNanos = publishNanos;
        }
        finally
        {
            inboundRing.publish(sequence);
        }
        return sequence;
    }

    /**
     * Sequence of the last inbound event every stage has finished.
     *
     * @return the sequence, -1 before the first.
     */
    public long processedSequence()
    {
        return pipelineDone.get();
    }

    /**
     * The first handler failure, if any.
     *
     * @return the throwable or {@code null}.
     */
    public Throwable failure()
    {
        final Throwable in = inboundErrors.failure();
        return in != null ? in : outboundErrors.failure();
    }

    /**
     * Waits until every published event has been processed and every outbound record handled, then stops.
     */
    @Override
    public void close()
    {
        if (started)
        {
            inbound.shutdown();
            if (outboundStarted)
            {
                outbound.shutdown();
            }
        }
    }

    /**
     * The order stage's sink: copies each record into the outbound ring. Single producer (the order stage thread).
     */
    static final class Publisher implements OutboundSink
    {
        private final RingBuffer<OutboundSlot> ring;
        long causePublishNanos;
        OutboundHandler direct;

        Publisher(final RingBuffer<OutboundSlot> ring)
        {
            this.ring = ring;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            if (direct != null)
            {
                direct.handle(buffer, offset, length, causePublishNanos);
                return;
            }
            final long sequence = ring.next();
            try
            {
                final OutboundSlot slot = ring.get(sequence);
                slot.buffer.putBytes(0, buffer, offset, length);
                slot.length = length;
                slot.causePublishNanos = causePublishNanos;
            }
            finally
            {
                ring.publish(sequence);
            }
        }
    }

    /**
     * Journals every outbound record, then hands order commands to the venue once their cause is journaled.
     */
    static final class OutboundHandler implements EventHandler<OutboundSlot>
    {
        private static final int GATE_SPINS = 100;

        private final OutboundSink decisionJournal;
        private final OutboundSink venue;
        private final Sequence inputJournaled;
        private final PipelineLatency latency;
        private final NanoClock clock;

        OutboundHandler(
            final OutboundSink decisionJournal,
            final OutboundSink venue,
            final Sequence inputJournaled,
            final PipelineLatency latency,
            final NanoClock clock)
        {
            this.decisionJournal = decisionJournal;
            this.venue = venue;
            this.inputJournaled = inputJournaled;
            this.latency = latency;
            this.clock = clock;
        }

        @Override
        public void onEvent(final OutboundSlot slot, final long sequence, final boolean endOfBatch)
        {
            handle(slot.buffer, 0, slot.length, slot.causePublishNanos);
        }

        // the yield in the gate is deliberate and measured (see the comment there), not a scheduling assumption
        @SuppressWarnings("ThreadPriorityCheck")
        void handle(final DirectBuffer buffer, final int offset, final int length, final long causePublishNanos)
        {
            decisionJournal.onRecord(buffer, offset, length);
            if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
            {
                final long cause = OrderCommandCodec.causeSequence(buffer, offset);
                int spins = 0;
                while (inputJournaled.get() < cause)
                {
                    // spin briefly, then give the CPU away: on a small machine the journaler we wait for may need
                    // this very CPU (measured: a pure spin here held it for a whole 4 ms scheduler slice)
                    if (++spins < GATE_SPINS)
                    {
                        Thread.onSpinWait();
                    }
                    else
                    {
                        Thread.yield();
                    }
                }
                venue.onRecord(buffer, offset, length);
                if (latency != null && causePublishNanos != 0
                    && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
                {
                    latency.record(PipelineLatency.TICK_TO_ORDER, clock.nanoTime() - causePublishNanos);
                }
            }
        }
    }
}
