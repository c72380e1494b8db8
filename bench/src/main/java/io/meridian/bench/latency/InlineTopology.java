package io.meridian.bench.latency;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.pipeline.EventSlot;
import io.meridian.engine.pipeline.HaltingExceptionHandler;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.pipeline.TimedPipeline;
import java.util.concurrent.ThreadFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * Bench-only comparison topology ({@code --mode inline}), not an engine mode: one inbound ring with a single consumer
 * thread that, for each event, appends it to the input journal, runs every stage, appends each decision record to
 * the output journal and hands order commands straight to the venue. Publish-after-journal holds by construction
 * (the cause is journaled before the pipeline runs) and there is one consumer thread instead of three, so on a
 * 2-vCPU machine the producer and the consumer each have a CPU. It measures what the single-thread mode could reach
 * here if journaling ran on the pipeline thread.
 */
final class InlineTopology implements Inbound
{
    private final Disruptor<EventSlot> disruptor;
    private final RingBuffer<EventSlot> ring;
    private final HaltingExceptionHandler<EventSlot> errors = new HaltingExceptionHandler<>();
    private final Sequence processed = new Sequence(-1);
    private final Outbound outbound = new Outbound();

    InlineTopology(final int ringSize, final WaitStrategy waitStrategy, final ThreadFactory threads)
    {
        disruptor = new Disruptor<>(EventSlot::new, ringSize, threads, ProducerType.MULTI, waitStrategy);
        disruptor.setDefaultExceptionHandler(errors);
        ring = disruptor.getRingBuffer();
    }

    /**
     * The sink to build the pipeline with.
     *
     * @return the outbound sink.
     */
    OutboundSink outboundSink()
    {
        return outbound;
    }

    /**
     * Starts the consumer.
     *
     * @param pipeline the stages, built with {@link #outboundSink()}.
     * @param timed the timed wrapper, or null.
     * @param inputJournaler appends each inbound record, on the consumer thread, before the pipeline runs.
     * @param decisionJournal appends decision records.
     * @param venue receives order commands.
     * @param latency where tick-to-order at the venue hand-off is recorded.
     * @param clock the measurement clock.
     * @param onStart runs first on the consumer thread.
     */
    void start(
        final Pipeline pipeline,
        final TimedPipeline timed,
        final EventHandler<EventSlot> inputJournaler,
        final OutboundSink decisionJournal,
        final OutboundSink venue,
        final PipelineLatency latency,
        final NanoClock clock,
        final Runnable onStart)
    {
        outbound.decisionJournal = decisionJournal;
        outbound.venue = venue;
        outbound.latency = latency;
        outbound.clock = clock;
        disruptor.handleEventsWith(new EventHandler<EventSlot>()
        {
            @Override
            public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch) throws Exception
            {
                inputJournaler.onEvent(slot, sequence, endOfBatch);
                outbound.causePublishNanos = slot.publishNanos;
                if (timed != null)
                {
                    timed.onEvent(slot);
                }
                else
                {
                    pipeline.onEvent(slot);
                }
                processed.set(sequence);
            }

            @Override
            public void onStart()
            {
                onStart.run();
            }
        });
        disruptor.start();
    }

    @Override
    public long publish(
        final DirectBuffer source, final int offset, final int length, final long receiveTimeNs,
        final long publishNanos)
    {
        final long sequence = ring.next();
        try
        {
            final EventSlot slot = ring.get(sequence);
            slot.buffer.putBytes(0, source, offset, length);
            Header.sequence(slot.buffer, 0, sequence);
            Header.receiveTimeNs(slot.buffer, 0, receiveTimeNs);
            slot.publishNanos = publishNanos;
        }
        finally
        {
            ring.publish(sequence);
        }
        return sequence;
    }

    @Override
    public long processedSequence()
    {
        return processed.get();
    }

    @Override
    public Throwable failure()
    {
        return errors.failure();
    }

    @Override
    public void close()
    {
        disruptor.shutdown();
    }

    /**
     * Journals each decision, then hands order commands to the venue and records tick-to-order for NEW ones; runs
     * on the consumer thread inside the order stage.
     */
    private static final class Outbound implements OutboundSink
    {
        private OutboundSink decisionJournal;
        private OutboundSink venue;
        private PipelineLatency latency;
        private NanoClock clock;
        private long causePublishNanos;

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            decisionJournal.onRecord(buffer, offset, length);
            if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
            {
                venue.onRecord(buffer, offset, length);
                if (causePublishNanos != 0 && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
                {
                    latency.record(PipelineLatency.TICK_TO_ORDER, clock.nanoTime() - causePublishNanos);
                }
            }
        }
    }
}
