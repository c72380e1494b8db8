package io.meridian.engine.pipeline;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.InboundSink;
import io.meridian.engine.api.MarketDataSource;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.SimulatedVenuePort;
import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TimerCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.stage.EventSlot;
import java.util.function.Function;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A backtest: the engine's pipeline, a market-data source and a simulated venue on one thread, driven by a
 * discrete-event clock. At each step the earliest of (venue report due, timer due, next market event) happens; on
 * equal times the venue goes first, then the timer, then the market, so the run is a pure function of the
 * configuration and the model.
 *
 * <p>Every inbound event is stamped with the next sequence number and its event time as receive time, appended to
 * the input journal, and only then processed; the engine's outbound records are appended to the output journal and
 * order commands handed to the venue, which answers after its latency. So an order reaches the venue only after its
 * cause is journaled, as in live mode.
 */
public final class Backtest
{
    private static final int PENDING_CAPACITY = 1024;

    private final EngineConfig config;
    private final Pipeline pipeline;
    private final TimedPipeline timed;
    private final MarketDataSource market;
    private final SimulatedVenuePort venue;
    private final RecordSink journal;
    private final EventSlot slot = new EventSlot();
    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[PENDING_CAPACITY * Header.MAX_RECORD_LENGTH]);
    private final long timerIntervalNs;
    private final NanoClock clock;
    private int pendingHead;
    private int pendingCount;
    private long nextTimerNs;
    private long sequence;
    private long timerCount;
    private long nowNs;

    /**
     * Where the backtest writes its input and output records; a journal in practice.
     */
    public interface RecordSink
    {
        /**
         * An inbound record, stamped, before it is processed.
         *
         * @param buffer the record.
         * @param offset where it starts.
         * @param length its length.
         */
        void onInput(DirectBuffer buffer, int offset, int length);

        /**
         * An outbound record.
         *
         * @param buffer the record.
         * @param offset where it starts.
         * @param length its length.
         */
        void onOutput(DirectBuffer buffer, int offset, int length);
    }

    /**
     * Builds a backtest.
     *
     * @param config validated configuration.
     * @param scorer the scorer (closed by the caller).
     * @param market the market-data source (the synthetic market, or recorded data).
     * @param venue builds the venue, given where its execution reports must go.
     * @param startTimeNs event time the run starts at (the first timer is one interval later).
     * @param timerIntervalNs event time between timer events.
     * @param journal where records go.
     * @param latency per-stage latency histograms, or null for no timing.
     * @param clock measurement clock (used only when latency is not null).
     */
    public Backtest(
        final EngineConfig config,
        final Scorer scorer,
        final MarketDataSource market,
        final Function<InboundSink, SimulatedVenuePort> venue,
        final long startTimeNs,
        final long timerIntervalNs,
        final RecordSink journal,
        final PipelineLatency latency,
        final NanoClock clock)
    {
        this.config = config;
        this.journal = journal;
        this.clock = clock;
        final OutboundSink sink = this::onOutbound;
        this.pipeline = EngineFactory.create(config, scorer, sink);
        this.timed = latency == null ? null : new TimedPipeline(pipeline, clock, latency);
        this.market = market;
        this.venue = venue.apply(this::onExecReport);
        this.timerIntervalNs = timerIntervalNs;
        this.nextTimerNs = startTimeNs + timerIntervalNs;
    }

    /**
     * Runs until {@code events} inbound events have been processed (or stops early when asked).
     *
     * @param events how many inbound events to process.
     * @param progress called every {@code progressEvery} events; may be null.
     * @param progressEvery interval of progress calls, in events.
     * @return the number of events processed.
     */
    public long run(final long events, final Progress progress, final long progressEvery)
    {
        final long start = sequence;
        final long target = start + events;
        long nextProgress = start + progressEvery;
        while (sequence < target)
        {
            if (pendingCount > 0)
            {
                processPending();
                continue;
            }
            final long venueNs = venue.nextEventTimeNs();
            final long marketNs = market.peekTimeNs();
            if (venueNs <= nextTimerNs && venueNs <= marketNs)
            {
                venue.poll(venueNs);
                if (pendingCount == 0)
                {
                    continue;
                }
                processPending();
            }
            else if (nextTimerNs <= marketNs)
            {
                timer();
            }
            else
            {
                final UnsafeBuffer buffer = slot.buffer;
                market.next(buffer, 0);
                venue.onMarketData(buffer, 0);
                if (pendingCount > 0)
                {
                    throw new IllegalStateException("venue emitted reports while applying market data at " + marketNs);
                }
                process();
            }
            if (progress != null && sequence >= nextProgress)
            {
                progress.onProgress(sequence - start, nowNs);
                nextProgress += progressEvery;
            }
        }
        return sequence - start;
    }

    /**
     * Progress callback.
     */
    @FunctionalInterface
    public interface Progress
    {
        /**
         * Called on the backtest thread.
         *
         * @param events events processed so far in this run.
         * @param eventTimeNs event time reached.
         */
        void onProgress(long events, long eventTimeNs);
    }

    private void timer()
    {
        TimerCodec.write(slot.buffer, 0, nextTimerNs, SourceIds.TIMER, ++timerCount);
        nextTimerNs += timerIntervalNs;
        process();
    }

    private void processPending()
    {
        final int index = pendingHead;
        pendingHead = (pendingHead + 1) % PENDING_CAPACITY;
        pendingCount--;
        final int offset = index * Header.MAX_RECORD_LENGTH;
        final int length = Header.length(pending, offset);
        slot.buffer.putBytes(0, pending, offset, length);
        process();
    }

    private void process()
    {
        final UnsafeBuffer buffer = slot.buffer;
        nowNs = Header.eventTimeNs(buffer, 0);
        Header.sequence(buffer, 0, sequence++);
        Header.receiveTimeNs(buffer, 0, nowNs);
        slot.publishNanos = timed == null ? 0 : clock.nanoTime();
        journal.onInput(buffer, 0, Header.length(buffer, 0));
        if (timed != null)
        {
            timed.onEvent(slot);
        }
        else
        {
            pipeline.onEvent(slot);
        }
    }

    private void onOutbound(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.onOutput(buffer, offset, length);
        if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
        {
            venue.onOrderCommand(buffer, offset, nowNs);
        }
    }

    private void onExecReport(final DirectBuffer buffer, final int offset, final int length)
    {
        if (pendingCount == PENDING_CAPACITY)
        {
            throw new IllegalStateException("more than " + PENDING_CAPACITY + " venue reports due at once");
        }
        final int index = (pendingHead + pendingCount) % PENDING_CAPACITY;
        pending.putBytes(index * Header.MAX_RECORD_LENGTH, buffer, offset, length);
        pendingCount++;
    }

    public Pipeline pipeline()
    {
        return pipeline;
    }

    public EngineConfig config()
    {
        return config;
    }

    /**
     * Event time reached.
     *
     * @return nanoseconds.
     */
    public long nowNs()
    {
        return nowNs;
    }

    /**
     * Inbound events processed.
     *
     * @return the count.
     */
    public long events()
    {
        return sequence;
    }
}
