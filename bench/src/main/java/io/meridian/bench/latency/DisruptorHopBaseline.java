package io.meridian.bench.latency;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.pipeline.WaitStrategies;
import io.meridian.runtime.launch.CpuPlan;
import io.meridian.runtime.launch.Threads;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Baseline (a): one raw Disruptor hop under the same load. The same paced producer publishes the intended send time
 * of each slot into a plain multi-producer ring (the inbound ring's kind, same size and wait strategy) with one
 * consumer, which records {@code now - intended} (coordinated-omission corrected, like tick-to-order). This is the
 * floor any thread hand-off on this machine pays; the engine's tick-to-order crosses two rings and the journal.
 */
final class DisruptorHopBaseline
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DisruptorHopBaseline()
    {
    }

    /**
     * Runs {@code warmup + events} paced hops and returns the measured ones.
     *
     * @param rate events per second.
     * @param events measured hops.
     * @param warmup hops before measuring.
     * @param ringSize ring size.
     * @param waitStrategy consumer wait strategy name.
     * @param cpus where the producer and the consumer run.
     * @return the hop latency distribution in nanoseconds.
     */
    static Histogram run(
        final long rate, final long events, final long warmup, final int ringSize, final String waitStrategy,
        final CpuPlan cpus)
    {
        final Histogram[] result = new Histogram[1];
        cpus.asProducer(() -> result[0] = measure(rate, events, warmup, ringSize, waitStrategy, cpus));
        return result[0];
    }

    private static Histogram measure(
        final long rate, final long events, final long warmup, final int ringSize, final String waitStrategy,
        final CpuPlan cpus)
    {
        final NanoClock clock = new SystemNanoClock();
        final Histogram histogram = Report.histogram();
        final Disruptor<Slot> disruptor = new Disruptor<>(
            Slot::new, ringSize, Threads.named("bench-hop", cpus), ProducerType.MULTI,
            WaitStrategies.of(WaitStrategyKind.of(waitStrategy)));
        disruptor.handleEventsWith(new Consumer(histogram, warmup, clock));
        final RingBuffer<Slot> ring = disruptor.start();
        try
        {
            final long total = warmup + events;
            final long start = clock.nanoTime();
            for (long i = 0; i < total; i++)
            {
                final long intended = start + i * NANOS_PER_SECOND / rate;
                while (clock.nanoTime() < intended)
                {
                    Thread.onSpinWait();
                }
                final long sequence = ring.next();
                final Slot slot = ring.get(sequence);
                slot.index = i;
                slot.intendedNanos = intended;
                ring.publish(sequence);
            }
        }
        finally
        {
            disruptor.shutdown();
        }
        return histogram;
    }

    /**
     * One ring entry.
     */
    static final class Slot
    {
        private long index;
        private long intendedNanos;
    }

    /**
     * Records each hop after the warm-up; the histogram is read after {@code shutdown} returned.
     */
    private static final class Consumer implements EventHandler<Slot>
    {
        private final Histogram histogram;
        private final long warmup;
        private final NanoClock clock;

        Consumer(final Histogram histogram, final long warmup, final NanoClock clock)
        {
            this.histogram = histogram;
            this.warmup = warmup;
            this.clock = clock;
        }

        @Override
        public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
        {
            final long latency = clock.nanoTime() - slot.intendedNanos;
            if (slot.index >= warmup)
            {
                histogram.recordValue(Math.max(0, Math.min(latency, Report.HIGHEST_NS)));
            }
        }
    }
}
