package io.meridian.bench.latency;

import io.meridian.bench.data.EventTape;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.pipeline.DisruptorPipeline;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.gateway.sim.ExecReportSink;
import io.meridian.gateway.sim.SimulatedVenue;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The paced producer: publishes inbound events into the Disruptor topology at a fixed rate, one event per slot. Slot
 * {@code i} of a phase has the intended send time {@code start + i / rate}; the producer busy-spins until then (it is
 * the process's one busy-spinning thread) and stamps the event's {@code publishNanos} with the <em>intended</em>
 * time, not the actual one, so that a stalled producer (a full ring, a GC pause, a descheduled thread) still charges
 * the delay to every event it held up: the coordinated-omission correction.
 *
 * <p>Each slot carries the next due execution report of the simulated venue if one is waiting, else the next record
 * of the pre-generated market tape (quotes, trades, timers). The venue is driven here, on the producer thread, from
 * the order commands the outbound handler hands over through {@link VenueLink}'s ring, exactly as a venue gateway
 * would feed its reports back into the inbound ring.
 *
 * <p>Runs on the calling thread; allocation-free while feeding.
 */
final class Feeder implements ExecReportSink, MessageHandler
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int REPORT_CAPACITY = 1024;
    private static final int SLOT = Header.MAX_RECORD_LENGTH;
    private static final int FAILURE_CHECK_MASK = 1023;

    private final DisruptorPipeline disruptor;
    private final EventTape tape;
    private final SimulatedVenue venue;
    private final OneToOneRingBuffer commands;
    private final NanoClock clock;
    private final long epochMinusNanoNs;
    private final UnsafeBuffer reports = new UnsafeBuffer(new byte[REPORT_CAPACITY * SLOT]);
    private final Histogram producerLag = Report.histogram();
    private int reportHead;
    private int reportCount;
    private int tapeIndex;
    private long published;
    private long reportsPublished;
    private long commandsApplied;

    /**
     * A feeder.
     *
     * @param config the configuration (for the simulated venue).
     * @param disruptor where to publish: the topology's inbound ring.
     * @param tape the pre-generated market records.
     * @param commands order commands from the outbound handler.
     * @param clock the measurement clock (the same the outbound handler uses).
     */
    Feeder(
        final EngineConfig config,
        final DisruptorPipeline disruptor,
        final EventTape tape,
        final OneToOneRingBuffer commands,
        final NanoClock clock)
    {
        this.disruptor = disruptor;
        this.tape = tape;
        this.commands = commands;
        this.clock = clock;
        this.venue = SimulatedWorld.venue(config, this::onExecReport);
        this.epochMinusNanoNs = System.currentTimeMillis() * 1_000_000L - clock.nanoTime();
    }

    /**
     * Publishes {@code count} events paced at {@code rate} per second, starting now.
     *
     * @param count events to publish.
     * @param rate events per second.
     * @return the start time of the phase (the intended send time of its first event).
     * @throws IllegalStateException when the pipeline failed or the tape ran out.
     */
    long feed(final long count, final long rate)
    {
        final long start = clock.nanoTime();
        for (long i = 0; i < count; i++)
        {
            final long intended = start + i * NANOS_PER_SECOND / rate;
            long now = clock.nanoTime();
            while (now < intended)
            {
                Thread.onSpinWait();
                now = clock.nanoTime();
            }
            producerLag.recordValue(Math.min(now - intended, Report.HIGHEST_NS));
            publishNext(intended);
            if ((i & FAILURE_CHECK_MASK) == 0 && disruptor.failure() != null)
            {
                throw new IllegalStateException("the pipeline failed", disruptor.failure());
            }
        }
        return start;
    }

    private void publishNext(final long intended)
    {
        commands.read(this);
        if (reportCount == 0)
        {
            final long marketNs = tapeIndex < tape.size() ? tape.eventTimeNs(tapeIndex) : Long.MAX_VALUE;
            if (venue.nextEventTimeNs() <= marketNs)
            {
                venue.poll(marketNs);
            }
        }
        if (reportCount > 0)
        {
            final int offset = reportHead * SLOT;
            disruptor.publish(reports, offset, Header.length(reports, offset), epochMinusNanoNs + intended, intended);
            reportHead = (reportHead + 1) % REPORT_CAPACITY;
            reportCount--;
            reportsPublished++;
        }
        else
        {
            if (tapeIndex == tape.size())
            {
                throw new IllegalStateException("the event tape ran out after " + tape.size() + " records");
            }
            final int offset = tape.offset(tapeIndex);
            venue.onMarketData(tape.buffer(), offset);
            disruptor.publish(tape.buffer(), offset, tape.length(tapeIndex), epochMinusNanoNs + intended, intended);
            tapeIndex++;
        }
        published++;
    }

    /**
     * An order command from the outbound handler: the venue receives it at its event time.
     */
    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        venue.onOrderCommand(buffer, index, Header.eventTimeNs(buffer, index));
        commandsApplied++;
    }

    /**
     * A report of the simulated venue: queued for the next slots.
     */
    @Override
    public void onExecReport(final DirectBuffer buffer, final int offset, final int length)
    {
        if (reportCount == REPORT_CAPACITY)
        {
            throw new IllegalStateException("more than " + REPORT_CAPACITY + " venue reports waiting to be published");
        }
        reports.putBytes(((reportHead + reportCount) % REPORT_CAPACITY) * SLOT, buffer, offset, length);
        reportCount++;
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
     * Venue reports published so far.
     *
     * @return the count.
     */
    long reportsPublished()
    {
        return reportsPublished;
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
     * How late the producer was for each slot (actual minus intended send time); reset by the caller.
     *
     * @return the live histogram.
     */
    Histogram producerLag()
    {
        return producerLag;
    }
}
