package io.meridian.ops.launch;

import io.meridian.config.EngineConfig;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.pipeline.DisruptorPipeline;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.gateway.market.SyntheticMarket;
import io.meridian.gateway.sim.SimulatedVenue;
import io.meridian.journal.InputJournaler;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.OutputJournaler;
import io.meridian.gateway.world.SimulatedWorld;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.affinity.AffinityLock;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The live topology against the simulated world: a feed thread publishes synthetic market data, timers and the
 * simulated venue's execution reports into the inbound ring (stamping wall-clock receive times), the pipeline runs
 * on its own (optionally pinned) thread, the input journaler runs in parallel, and the outbound handler journals
 * decisions and hands order commands to the venue only after their cause is journaled.
 *
 * <p>Unlike a backtest, the interleaving of venue reports with market data depends on thread timing; the journal
 * records the order that happened, so replay verification still applies.
 */
public final class LiveRun
{
    private final EngineConfig config;
    private final DisruptorPipeline disruptor;
    private final Pipeline pipeline;
    private final PipelineLatency latency = new PipelineLatency();
    private final SyntheticMarket market;
    private final SimulatedVenue venue;
    private final Object venueLock = new Object();
    private final UnsafeBuffer reportBuffer = new UnsafeBuffer(new byte[64 * Header.MAX_RECORD_LENGTH]);
    private final UnsafeBuffer reportView = new UnsafeBuffer(0, 0);
    private final EpochNanoClock epochClock = new SystemEpochNanoClock();
    private final NanoClock nanoClock = new SystemNanoClock();
    private final AtomicLong published = new AtomicLong();
    private int reportCount;
    private AffinityLock pinned;

    /**
     * Builds the topology; nothing runs until {@link #run}.
     *
     * @param config validated configuration.
     * @param scorer the scorer (closed by the caller).
     * @param journal the journal (closed by the caller).
     * @param warnings where warnings go.
     */
    public LiveRun(final EngineConfig config, final Scorer scorer, final JournalWriter journal,
        final PrintStream warnings)
    {
        this.config = config;
        this.market = SimulatedWorld.market(config);
        this.venue = SimulatedWorld.venue(config, this::onExecReport);
        final InputJournaler inputJournaler = new InputJournaler(journal);
        final OutboundSink toVenue = (buffer, offset, length) ->
        {
            synchronized (venueLock)
            {
                venue.onOrderCommand(buffer, offset, Header.eventTimeNs(buffer, offset));
            }
        };
        final int cpu = config.engine().pinCpu();
        // single mode also times the stages, into the same histograms; tick-to-order is then recorded only at the
        // venue hand-off
        this.disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
            .config(config.engine())
            .outboundWaitStrategy(WaitStrategyKind.SLEEPING)
            .threadFactory(Threads.named("meridian"))
            .onPipelineThreadStart(() -> pinned = Threads.pinCurrentThread(cpu, warnings))
            .inputJournaler(inputJournaler)
            .inputJournaled(inputJournaler.sequence())
            .decisionJournal(new OutputJournaler(journal))
            .venue(toVenue)
            .handOffLatency(latency)
            .stageLatency(config.engine().mode() == ThreadMode.SINGLE ? latency : null)
            .clock(nanoClock));
        this.pipeline = EngineFactory.create(config, scorer, disruptor.outboundSink());
    }

    /**
     * Runs until {@code events} inbound events were processed.
     *
     * @param events how many inbound events.
     * @param eventsPerSecond offered load (0 = as fast as possible).
     * @return inbound events processed.
     */
    public long run(final long events, final long eventsPerSecond)
    {
        disruptor.start(pipeline);
        try
        {
            feed(events, eventsPerSecond);
            while (disruptor.processedSequence() < published.get() - 1 && disruptor.failure() == null)
            {
                Thread.onSpinWait();
            }
        }
        finally
        {
            disruptor.close();
            if (pinned != null)
            {
                pinned.release();
            }
        }
        if (disruptor.failure() != null)
        {
            throw new IllegalStateException("pipeline failed", disruptor.failure());
        }
        return published.get();
    }

    private void feed(final long events, final long eventsPerSecond)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final long timerIntervalNs = SimulatedWorld.timerIntervalNs(config);
        long nextTimerNs = SimulatedWorld.START_TIME_NS + timerIntervalNs;
        long timers = 0;
        final long startNanos = nanoClock.nanoTime();
        final double intervalNanos = eventsPerSecond > 0 ? 1e9 / eventsPerSecond : 0;
        while (published.get() < events && disruptor.failure() == null)
        {
            if (intervalNanos > 0)
            {
                final long intended = startNanos + (long)(published.get() * intervalNanos);
                while (nanoClock.nanoTime() < intended)
                {
                    Thread.onSpinWait();
                }
            }
            final long marketNs = market.peekTimeNs();
            synchronized (venueLock)
            {
                if (venue.nextEventTimeNs() <= Math.min(marketNs, nextTimerNs))
                {
                    venue.poll(Math.min(marketNs, nextTimerNs));
                }
            }
            if (reportCount > 0)
            {
                publishReports(events);
                continue;
            }
            if (nextTimerNs <= marketNs)
            {
                SimulatedWorld.writeTimer(buffer, nextTimerNs, ++timers);
                nextTimerNs += timerIntervalNs;
            }
            else
            {
                market.next(buffer, 0);
                synchronized (venueLock)
                {
                    venue.onMarketData(buffer, 0);
                }
                // an order command the outbound thread queued since the poll above may have come due at or before
                // this market event: the venue ran it first, so its reports go into the ring first too
                publishReports(events);
            }
            publish(buffer);
        }
    }

    private void publishReports(final long events)
    {
        for (int i = 0; i < reportCount && published.get() < events; i++)
        {
            reportView.wrap(reportBuffer, i * Header.MAX_RECORD_LENGTH, Header.MAX_RECORD_LENGTH);
            publish(reportView);
        }
        reportCount = 0;
    }

    private void publish(final DirectBuffer buffer)
    {
        disruptor.publish(buffer, 0, Header.length(buffer, 0), epochClock.nanoTime(), nanoClock.nanoTime());
        published.incrementAndGet();
    }

    private void onExecReport(final DirectBuffer buffer, final int offset, final int length)
    {
        if (reportCount == 64)
        {
            throw new IllegalStateException("more than 64 venue reports due at once");
        }
        reportBuffer.putBytes(reportCount * Header.MAX_RECORD_LENGTH, buffer, offset, length);
        reportCount++;
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
