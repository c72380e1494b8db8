package io.meridian.runtime.live;

import io.meridian.engine.codec.Header;
import io.meridian.engine.pipeline.DisruptorPipeline;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorInbox;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The paced producer of the live topology: publishes the {@link EventMerger}'s inbound events into the inbound ring,
 * one event per slot. With a rate, slot {@code i} of a phase has the intended send time {@code start + i / rate};
 * the feeder busy-spins until then (it is the load generator, the one spinning thread besides the pipeline's) and
 * stamps the event's {@code publishNanos} with the <em>intended</em> time, so a stalled feeder (a full ring, a GC
 * pause, a descheduled thread) charges the delay to every event it held up: the coordinated-omission correction.
 * Without a rate it publishes as fast as the ring takes events, stamping the actual time.
 *
 * <p>Before each slot it drains the order commands the outbound side handed over through the {@link VenueLink}'s
 * ring into the merger's simulated venue, exactly as a venue gateway feeds its reports back into the inbound ring.
 * Receive times are the wall clock at the intended send time.
 *
 * <p>Runs on the calling thread; allocation-free while feeding.
 */
final class Feeder implements MessageHandler
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int FAILURE_CHECK_MASK = 1023;

    private final DisruptorPipeline disruptor;
    private final EventMerger merger;
    private final OneToOneRingBuffer commands;
    private final NanoClock clock;
    private final long epochMinusNanoNs;
    private final OperatorInbox operatorInbox;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private final Histogram producerLag = LiveTopology.histogram();
    private long published;
    private long commandsApplied;

    /**
     * A feeder.
     *
     * @param disruptor where to publish: the topology's inbound ring.
     * @param merger the inbound events and the simulated venue.
     * @param commands order commands from the outbound side.
     * @param clock the measurement clock (the same the outbound side uses).
     * @param epochNowNs the wall clock now, in nanoseconds since the epoch.
     * @param operatorInbox where the merger's live operator commands come from; told each one's sequence.
     */
    Feeder(
        final DisruptorPipeline disruptor,
        final EventMerger merger,
        final OneToOneRingBuffer commands,
        final NanoClock clock,
        final long epochNowNs,
        final OperatorInbox operatorInbox)
    {
        this.disruptor = disruptor;
        this.merger = merger;
        this.commands = commands;
        this.clock = clock;
        this.epochMinusNanoNs = epochNowNs - clock.nanoTime();
        this.operatorInbox = operatorInbox;
    }

    /**
     * Publishes {@code count} events, starting now.
     *
     * @param count events to publish.
     * @param rate events per second, or 0 for as fast as the ring takes them.
     * @return the start time of the phase (the intended send time of its first event).
     * @throws IllegalStateException when the pipeline failed.
     */
    long feed(final long count, final long rate)
    {
        final long start = clock.nanoTime();
        for (long i = 0; i < count; i++)
        {
            long now = clock.nanoTime();
            final long intended;
            if (rate > 0)
            {
                intended = start + i * NANOS_PER_SECOND / rate;
                while (now < intended)
                {
                    Thread.onSpinWait();
                    now = clock.nanoTime();
                }
            }
            else
            {
                intended = now;
            }
            producerLag.recordValue(Math.min(now - intended, LiveTopology.HIGHEST_NS));
            commands.read(this);
            final int length = merger.next(buffer, 0);
            final long sequence = disruptor.publish(buffer, 0, length, epochMinusNanoNs + intended, intended);
            final long request = merger.takeOperatorRequest();
            if (request >= 0)
            {
                operatorInbox.completed(request, sequence);
            }
            published++;
            if ((i & FAILURE_CHECK_MASK) == 0 && disruptor.failure() != null)
            {
                throw new IllegalStateException("the pipeline failed", disruptor.failure());
            }
        }
        return start;
    }

    /**
     * An order command from the outbound side: the venue receives it at its event time.
     */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        merger.onOrderCommand(buffer, index, Header.eventTimeNs(buffer, index));
        commandsApplied++;
    }

    /**
     * Events published so far.
     *
     * @return the count.
     */
    long published()
    {
        return published;
    }

    /**
     * Order commands given to the venue so far.
     *
     * @return the count.
     */
    long commandsApplied()
    {
        return commandsApplied;
    }

    /**
     * How late the feeder was for each slot (actual minus intended send time); reset by the caller.
     *
     * @return the live histogram.
     */
    Histogram producerLag()
    {
        return producerLag;
    }
}
