package io.meridian.runtime.live;

import io.meridian.config.EngineConfig;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.pipeline.DisruptorPipeline;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.journal.InputJournaler;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.OutputJournaler;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorInbox;
import io.meridian.runtime.launch.CpuPlan;
import io.meridian.runtime.launch.PretouchAgent;
import io.meridian.runtime.launch.Threads;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The one live topology, used by {@code meridian run} and by {@code meridian bench latency}: the engine on
 * {@link DisruptorPipeline} with the real journal, fed by the paced {@link Feeder} on the calling thread from an
 * {@link EventMerger} (the simulated world), the simulated venue answering order commands that come back through the
 * {@link VenueLink}'s ring, and the journal's {@link PretouchAgent}.
 *
 * <pre>
 *  caller thread: Feeder (paces, drains order commands into the venue, merges) --&gt; inbound ring
 *  inline journaling (the default): one pipeline thread journals each input, runs the stages, journals each decision
 *      and hands order commands to the VenueLink ring (publish after journal by construction)
 *  parallel journaling: input journaler and pipeline (one thread per stage when staged) consume the inbound ring;
 *      the outbound ring's handler journals decisions and hands an order command over once its cause is journaled
 *  meridian-pretouch: parks between pretouch calls
 * </pre>
 *
 * <p>Sized to the machine ({@link ThreadBudget}): on a small machine the defaults (single mode, inline journaling,
 * the pipeline thread busy-spinning) give one spinning consumer thread besides the feeder, and nothing else that
 * must be scheduled before an order can leave; an explicit configuration that needs more consumer threads than that
 * runs as asked, with a warning, its consumers yielding instead of spinning.
 *
 * <p>Measurement is always on and costs a few clock reads per event: tick-to-order at the venue hand-off, the
 * per-stage times and tick-to-order when the order stage emits (single mode with stage timing), the outbound wait
 * for the cause to be journaled, intended send to input journaled, and the feeder's lag.
 *
 * <p>Over 500 lines: the topology and its nested Context (one documented setter per setting), kept together as
 * DisruptorPipeline keeps its own.
 */
public final class LiveTopology implements AutoCloseable
{
    /** Largest value any histogram here records: 100 s. */
    public static final long HIGHEST_NS = 100_000_000_000L;

    private static final long QUIET_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long RECORD_GRACE_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long QUIET_POLL_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Context context;
    private final NanoClock clock;
    private final Threads threads;
    private final DisruptorPipeline disruptor;
    private final Pipeline pipeline;
    private final PipelineLatency handOff = new PipelineLatency();
    private final PipelineLatency stages = new PipelineLatency();
    private final TimedJournaler timedJournaler;
    private final OutputJournaler outputJournaler;
    private final VenueLink venue;
    private final Feeder feeder;
    private final AgentRunner pretouch;
    private final OperatorInbox operatorInbox = new OperatorInbox();
    private final EngineState engineState;
    private final InputJournaler inputJournaler;
    private volatile Thread pipelineThread;
    private volatile Threads.Pin pinned;

    private LiveTopology(final Context context)
    {
        this.context = context;
        this.clock = context.clock;
        final EngineConfig config = context.config;
        threads = Threads.named("meridian-" + config.engine().mode().configName(), context.cpus);
        final WaitStrategyKind wait = ThreadBudget.waitStrategy(config, context.availableCpus);
        final boolean single = config.engine().mode() == ThreadMode.SINGLE;
        inputJournaler = new InputJournaler(context.journal);
        engineState = context.statePublication ? new EngineState(config.instruments().size()) : null;
        timedJournaler = new TimedJournaler(inputJournaler, clock);
        outputJournaler = new OutputJournaler(context.journal);
        venue = new VenueLink(clock, outputJournaler);
        final int cpu = config.engine().pinCpu();
        final PrintStream warnings = context.warnings;
        disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
            .config(config.engine())
            .waitStrategy(wait)
            // the outbound ring's handler exists only with parallel journaling; it never spins beside the pipeline
            .outboundWaitStrategy(wait == WaitStrategyKind.BUSY_SPIN ? WaitStrategyKind.YIELDING : wait)
            .threadFactory(threads)
            .onPipelineThreadStart(() ->
            {
                pipelineThread = Thread.currentThread();
                pinned = Threads.pinCurrentThread(cpu, warnings);
            })
            .inputJournaler(timedJournaler)
            .inputJournaled(inputJournaler.sequence())
            .decisionJournal(venue.decisionJournal())
            .venue(venue)
            .handOffLatency(handOff)
            .stageLatency(single && context.stageTiming ? stages : null)
            .engineState(engineState)
            .clock(clock));
        pipeline = EngineFactory.create(config, context.scorer, disruptor.outboundSink());
        feeder = new Feeder(disruptor, context.merger.operatorInbox(operatorInbox), venue.ring(), clock,
            context.epochNowNs, operatorInbox);
        pretouch = context.pretouch
            ? PretouchAgent.start(context.journal, context.pretouchPeriodNs,
                ex -> warnings.println("warning: journal pretouch: " + ex))
            : null;
        disruptor.start(pipeline);
    }

    /**
     * Builds the topology and starts its threads; the caller's thread feeds it with {@link #feed}.
     *
     * @param context what to run; concluded here.
     * @return the running topology.
     */
    public static LiveTopology start(final Context context)
    {
        return new LiveTopology(context.conclude());
    }

    /**
     * A fresh latency histogram: 1 ns to {@link #HIGHEST_NS}, three significant digits.
     *
     * @return the histogram.
     */
    public static Histogram histogram()
    {
        return new Histogram(HIGHEST_NS, 3);
    }

    /**
     * Publishes {@code count} more events on the calling thread (always the same thread).
     *
     * @param count events.
     * @param eventsPerSecond offered load, or 0 for as fast as the ring takes them.
     * @return the phase's start on the measurement clock (the intended send time of its first event).
     */
    public long feed(final long count, final long eventsPerSecond)
    {
        return feeder.feed(count, eventsPerSecond);
    }

    /**
     * Waits until every published event is processed.
     */
    public void awaitProcessed()
    {
        final long published = feeder.published();
        final long deadline = clock.nanoTime() + QUIET_TIMEOUT_NS;
        while (disruptor.processedSequence() < published - 1)
        {
            if (stuck(deadline))
            {
                throw new IllegalStateException("timed out after 60 s waiting for the pipeline to process " + published
                    + " events (at " + (disruptor.processedSequence() + 1) + ")");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until every published event is processed, every decision journaled and every order command handed to
     * the venue, then a little longer for the outbound side to record the last hand-off's latency.
     */
    public void awaitQuiet()
    {
        awaitProcessed();
        final OrderManager orders = pipeline.orders();
        // the pipeline thread wrote these before publishing its progress, which awaitProcessed read
        final long outputs = orders.outputSequence();
        final long commands = orders.ordersSent() + orders.cancelsSent() + orders.massCancels();
        final long deadline = clock.nanoTime() + QUIET_TIMEOUT_NS;
        while (outputJournaler.count() < outputs || venue.received() < commands)
        {
            if (stuck(deadline))
            {
                throw new IllegalStateException("timed out after 60 s waiting for the outbound side ("
                    + outputJournaler.count() + " of " + outputs + " decisions journaled, " + venue.received() + " of "
                    + commands + " commands sent)");
            }
            // park rather than spin: on a small machine the outbound thread may need this very CPU
            LockSupport.parkNanos(QUIET_POLL_NS);
        }
        LockSupport.parkNanos(RECORD_GRACE_NS);
    }

    /**
     * Whether a wait must end: throws when the pipeline failed; true when the deadline passed. Allocation-free, so
     * that waiting costs the feeding thread nothing but CPU.
     */
    private boolean stuck(final long deadline)
    {
        if (disruptor.failure() != null)
        {
            throw new IllegalStateException("the pipeline failed", disruptor.failure());
        }
        return clock.nanoTime() > deadline;
    }

    /**
     * Stops the threads once the rings are drained (after a handler failure the daemon consumer threads are left
     * behind instead, since draining would wait forever), the pretouch agent, and releases the pinned CPU.
     * The journal and the scorer stay open: the caller owns them.
     */
    @Override
    public void close()
    {
        if (disruptor.failure() == null)
        {
            disruptor.close();
        }
        if (pretouch != null)
        {
            pretouch.close();
        }
        final Threads.Pin pin = pinned;
        if (pin != null)
        {
            pin.close();
        }
    }

    /**
     * The first handler failure.
     *
     * @return the throwable or {@code null}.
     */
    public Throwable failure()
    {
        return disruptor.failure();
    }

    /**
     * The engine.
     *
     * @return the pipeline.
     */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * What the pipeline thread publishes for other threads (the ops server).
     *
     * @return the state block, or null when {@link Context#statePublication} is off.
     */
    public EngineState engineState()
    {
        return engineState;
    }

    /**
     * Where operator commands given while the topology runs go: the feeder's merger takes them as inbound records.
     *
     * @return the inbox (any thread may submit).
     */
    public OperatorInbox operatorInbox()
    {
        return operatorInbox;
    }

    /**
     * Sequence of the last inbound event claimed in the ring (any thread).
     *
     * @return the sequence, -1 before the first.
     */
    public long publishedSequence()
    {
        return disruptor.publishedSequence();
    }

    /**
     * Sequence of the last inbound event every stage finished (any thread).
     *
     * @return the sequence, -1 before the first.
     */
    public long processedSequence()
    {
        return disruptor.processedSequence();
    }

    /**
     * Sequence of the last inbound event appended to the journal (any thread).
     *
     * @return the sequence, -1 before the first.
     */
    public long journaledSequence()
    {
        return inputJournaler.sequence().get();
    }

    /**
     * Slots of the inbound ring.
     *
     * @return the ring size.
     */
    public int ringSize()
    {
        return disruptor.ringSize();
    }

    /**
     * Why the pipeline is not healthy (any thread).
     *
     * @return null while the pipeline thread runs and no handler failed, else the reason.
     */
    public String unhealthyReason()
    {
        final Throwable failure = disruptor.failure();
        if (failure != null)
        {
            return "the pipeline failed: " + failure;
        }
        final Thread thread = pipelineThread;
        if (thread == null)
        {
            return "the pipeline thread has not started";
        }
        return thread.isAlive() ? null : "the pipeline thread " + thread.getName() + " stopped";
    }

    /**
     * Tick-to-order at the venue hand-off ({@code PipelineLatency.TICK_TO_ORDER}; its other histograms stay empty).
     *
     * @return the histograms, written by the thread that hands orders over.
     */
    public PipelineLatency handOffLatency()
    {
        return handOff;
    }

    /**
     * Per-stage times and tick-to-order when the order stage emits (single mode with stage timing, else empty).
     *
     * @return the histograms, written by the pipeline thread.
     */
    public PipelineLatency stageLatency()
    {
        return stages;
    }

    /**
     * Per order command, from its journaling to its hand-off to the venue; read it once the topology is quiet.
     *
     * @return the live histogram.
     */
    public Histogram gateWait()
    {
        return venue.gateWait();
    }

    /**
     * Per inbound event, intended send time to input journaled; read it once the topology is quiet.
     *
     * @return the live histogram.
     */
    public Histogram journaled()
    {
        return timedJournaler.journaled();
    }

    /**
     * Actual minus intended send time per event; owned by the feeding thread, which may reset it.
     *
     * @return the live histogram.
     */
    public Histogram producerLag()
    {
        return feeder.producerLag();
    }

    /**
     * Events published so far.
     *
     * @return the count.
     */
    public long published()
    {
        return feeder.published();
    }

    /**
     * Venue execution reports published so far (feeding thread).
     *
     * @return the count.
     */
    public long reportsPublished()
    {
        return context.merger.venueReports();
    }

    /**
     * Order commands the venue link dropped because its ring was full.
     *
     * @return the count.
     */
    public long commandsDropped()
    {
        return venue.dropped();
    }

    /**
     * Bytes the pipeline thread allocated so far.
     *
     * @return the HotSpot counter, 0 before the thread started.
     */
    public long pipelineThreadBytes()
    {
        return Threads.allocatedBytes(pipelineThread);
    }

    /**
     * Bytes every consumer thread allocated so far.
     *
     * @return the sum of the HotSpot counters.
     */
    public long consumerThreadBytes()
    {
        return threads.allocatedBytes();
    }

    /**
     * Names of the consumer threads.
     *
     * @return the names.
     */
    public List<String> threadNames()
    {
        return threads.names();
    }

    /**
     * What the topology runs: configuration, scorer, journal and inbound events are required.
     */
    public static final class Context
    {
        private EngineConfig config;
        private Scorer scorer;
        private JournalWriter journal;
        private EventMerger merger;
        private PrintStream warnings = System.err;
        private NanoClock clock;
        private CpuPlan cpus;
        private boolean pretouch = true;
        private long pretouchPeriodNs = PretouchAgent.LIVE_PERIOD_NS;
        private boolean stageTiming = true;
        private boolean statePublication;
        private int availableCpus;
        private long epochNowNs;
        private boolean concluded;

        /**
         * The validated configuration (engine mode, journaling, wait strategy, ring size, pinned CPU, the world).
         *
         * @param config the configuration.
         * @return this.
         */
        public Context config(final EngineConfig config)
        {
            this.config = config;
            return this;
        }

        /**
         * The scorer (owned by the caller).
         *
         * @param scorer the scorer.
         * @return this.
         */
        public Context scorer(final Scorer scorer)
        {
            this.scorer = scorer;
            return this;
        }

        /**
         * The journal (owned by the caller, closed after the topology).
         *
         * @param journal the journal.
         * @return this.
         */
        public Context journal(final JournalWriter journal)
        {
            this.journal = journal;
            return this;
        }

        /**
         * The inbound events; default: the configuration's simulated world ({@link EventMerger#simulated}).
         *
         * @param merger the merger, driven on the feeding thread only.
         * @return this.
         */
        public Context merger(final EventMerger merger)
        {
            this.merger = merger;
            return this;
        }

        /**
         * Where warnings go (pinning, a topology too big for the machine, pretouch failures); default stderr.
         *
         * @param warnings the stream.
         * @return this.
         */
        public Context warnings(final PrintStream warnings)
        {
            this.warnings = warnings;
            return this;
        }

        /**
         * The measurement clock; default the system's monotonic clock. It never reaches a decision.
         *
         * @param clock the clock.
         * @return this.
         */
        public Context clock(final NanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Where the consumer threads may run; default anywhere.
         *
         * @param cpus the plan.
         * @return this.
         */
        public Context cpus(final CpuPlan cpus)
        {
            this.cpus = cpus;
            return this;
        }

        /**
         * Whether the journal pretouch agent runs (default true) and its period.
         *
         * @param enabled run it.
         * @param periodNs time between pretouch calls, positive.
         * @return this.
         */
        public Context pretouch(final boolean enabled, final long periodNs)
        {
            this.pretouch = enabled;
            this.pretouchPeriodNs = periodNs;
            return this;
        }

        /**
         * Whether single mode times each stage (default true; six clock reads per event on the pipeline thread).
         *
         * @param enabled time the stages.
         * @return this.
         */
        public Context stageTiming(final boolean enabled)
        {
            this.stageTiming = enabled;
            return this;
        }

        /**
         * Whether the pipeline thread publishes the engine's state for other threads ({@link #engineState()}, read
         * by the ops server); default false.
         *
         * @param enabled publish it.
         * @return this.
         */
        public Context statePublication(final boolean enabled)
        {
            this.statePublication = enabled;
            return this;
        }

        /**
         * The CPUs to size the topology for; default what the JVM sees.
         *
         * @param cpus the count, positive.
         * @return this.
         */
        public Context availableCpus(final int cpus)
        {
            this.availableCpus = cpus;
            return this;
        }

        /**
         * Checks what is required and fills the defaults; warns when the configuration asks for more busy consumer
         * threads than the machine has room for. Idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming what is missing or wrong.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            require(config, "config");
            require(scorer, "scorer");
            require(journal, "journal");
            require(warnings, "warnings");
            if (pretouchPeriodNs <= 0)
            {
                throw new IllegalStateException("LiveTopology.Context: pretouch period must be positive, got "
                    + pretouchPeriodNs + " ns");
            }
            if (merger == null)
            {
                merger = EventMerger.simulated(config);
            }
            if (clock == null)
            {
                clock = new SystemNanoClock();
            }
            if (cpus == null)
            {
                cpus = CpuPlan.of(CpuPlan.NONE);
            }
            if (availableCpus <= 0)
            {
                availableCpus = Runtime.getRuntime().availableProcessors();
            }
            epochNowNs = System.currentTimeMillis() * 1_000_000L;
            final String sizing = ThreadBudget.sizingWarning(config, availableCpus);
            if (sizing != null)
            {
                warnings.println("warning: " + sizing);
            }
            concluded = true;
            return this;
        }

        private static void require(final Object value, final String name)
        {
            if (value == null)
            {
                throw new IllegalStateException("LiveTopology.Context: " + name + " is required");
            }
        }
    }
}
