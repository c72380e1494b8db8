package io.meridian.bench.latency;

import io.meridian.bench.data.BenchManifest;
import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.EventTape;
import io.meridian.config.EngineConfig;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.pipeline.DisruptorPipeline;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.InputJournaler;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.OutputJournaler;
import io.meridian.journal.chronicle.ChronicleJournalWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The live topology under fixed-rate load, measured end to end: the demo engine on {@link DisruptorPipeline} (inbound
 * multi-producer ring; the input journaler as a parallel consumer; the pipeline handler, timed per stage in single
 * mode; the outbound handler journaling every decision, then handing order commands to the venue once their cause is
 * journaled) with the real Chronicle journal, the paced {@link Feeder} on the calling thread, the simulated venue
 * answering through {@link VenueLink}, and a {@link Pretoucher}.
 *
 * <p>Two phases on the same engine and journal: a warm-up of {@code warmup} events, then, after the topology has
 * drained, the measured phase of {@code events} events with a fresh pacing start. Every histogram's measured
 * distribution is its final state minus its state after the warm-up.
 */
final class LiveTopology
{
    private static final long QUIET_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long RECORD_GRACE_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long PRETOUCH_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Single mode with inline journaling: one consumer thread journals, runs the stages and sends. */
    static final String INLINE = JournalingMode.INLINE.configName();

    private final Settings settings;
    private final NanoClock clock = new SystemNanoClock();

    /**
     * What to run.
     *
     * @param rate offered load, events per second.
     * @param events measured events.
     * @param warmup warm-up events.
     * @param mode {@code single} or {@code staged}.
     * @param scorer {@code java} or {@code onnx}.
     * @param waitStrategy consumer wait strategy name.
     * @param pretouch whether the pretouch agent runs.
     * @param stageTiming whether single mode times each stage.
     * @param cpus where the producer and the consumers run.
     * @param journalDir where the journal goes (a new directory).
     */
    record Settings(
        long rate, long events, long warmup, String mode, String scorer, String waitStrategy, boolean pretouch,
        boolean stageTiming, CpuPlan cpus, Path journalDir)
    {
    }

    /**
     * What the measured phase produced.
     *
     * @param stages per-stage histograms and tick-to-order at the venue hand-off, indexed like
     *     {@link PipelineLatency}.
     * @param emitted tick-to-order at the moment the order stage emitted the command (single mode with stage
     *     timing; else empty).
     * @param gateWait per order command, from its journaling to its hand-off to the venue (the outbound handler's wait
     *     for the causing inbound event to be journaled).
     * @param journaled per inbound event, from its intended send time to its journaling.
     * @param producerLag actual minus intended send time per event.
     * @param events inbound events published in the measured phase.
     * @param reports of which venue reports.
     * @param orders NEW order commands sent in the measured phase.
     * @param elapsedNs from the phase's first intended send time to the last event processed.
     * @param pipelineThreadBytes bytes the pipeline thread allocated in the measured phase.
     * @param consumerThreadBytes bytes every Disruptor consumer thread allocated in the measured phase.
     * @param gcCount collections in the measured phase.
     * @param gcMillis collection time in the measured phase.
     * @param pagesPretouched journal pages pretouched over the whole run.
     * @param commandsDropped order commands the venue link dropped.
     * @param inputRecords inbound records journaled over the whole run.
     * @param outputRecords decision records journaled over the whole run.
     * @param threads names of the consumer threads.
     */
    record Result(
        Histogram[] stages,
        Histogram emitted,
        Histogram gateWait,
        Histogram journaled,
        Histogram producerLag,
        long events,
        long reports,
        long orders,
        long elapsedNs,
        long pipelineThreadBytes,
        long consumerThreadBytes,
        long gcCount,
        long gcMillis,
        long pagesPretouched,
        long commandsDropped,
        long inputRecords,
        long outputRecords,
        List<String> threads)
    {
    }

    LiveTopology(final Settings settings)
    {
        this.settings = settings;
    }

    /**
     * The demo configuration the run uses.
     *
     * @param settings the settings.
     * @return the overrides applied to the demo profile.
     */
    static List<String> overrides(final Settings settings)
    {
        final List<String> overrides = new ArrayList<>();
        // "inline" here is single mode with the engine's inline journaling
        final boolean inline = INLINE.equals(settings.mode());
        overrides.add("engine.mode=" + (inline ? ThreadMode.SINGLE.configName() : settings.mode()));
        overrides.add("engine.journaling="
            + (inline ? JournalingMode.INLINE : JournalingMode.PARALLEL).configName());
        overrides.add("engine.waitStrategy=" + settings.waitStrategy());
        overrides.add("model.scorer=" + settings.scorer());
        // the demo's daily loss limit would halt trading part-way through a long run (the strategy pays the spread on
        // every fill); a halted engine sends no orders, so there would be nothing left to measure
        overrides.add("kill.dailyLossLimit=1e12");
        return overrides;
    }

    /**
     * Runs both phases; the journal is closed when this returns.
     *
     * @return the measured phase.
     */
    Result run()
    {
        final List<String> overrides = overrides(settings);
        final EngineConfig config = DemoWorld.config(overrides);
        final long total = settings.warmup() + settings.events();
        if (total > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("warm-up plus events must be at most " + Integer.MAX_VALUE);
        }
        final EventTape tape = DemoWorld.marketTape(config, (int)total);
        final String manifest = BenchManifest.text(config, String.valueOf(settings.journalDir().getFileName()), "live",
            overrides);
        final Result[] result = new Result[1];
        try (Scorer scorer = Scorers.create(settings.scorer(), config.model().path());
            JournalWriter journal = JournalWriter.open(settings.journalDir(), manifest))
        {
            settings.cpus().asProducer(() -> result[0] = run(config, tape, scorer, journal));
        }
        return result[0];
    }

    private Result run(
        final EngineConfig config, final EventTape tape, final Scorer scorer, final JournalWriter journal)
    {
        final BenchThreads threads = new BenchThreads("bench-" + settings.mode(), settings.cpus());
        // two sets of histograms, each with a single writer: the outbound handler records tick-to-order at the venue
        // hand-off into the first; stage timing records the stages, and tick-to-order at the moment the order stage
        // emits the command, into the second
        final PipelineLatency latency = new PipelineLatency();
        final PipelineLatency stageLatency = new PipelineLatency();
        final boolean single = config.engine().mode() == ThreadMode.SINGLE;
        final InputJournaler inputJournaler = new InputJournaler(journal);
        final TimedJournaler timedJournaler = new TimedJournaler(inputJournaler, clock);
        final OutputJournaler outputJournaler = new OutputJournaler(journal);
        final VenueLink venue = new VenueLink(clock, outputJournaler);
        final AtomicReference<Thread> pipelineThread = new AtomicReference<>();
        final DisruptorPipeline disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
            .config(config.engine())
            .threadFactory(threads)
            .onPipelineThreadStart(() -> pipelineThread.set(Thread.currentThread()))
            .inputJournaler(timedJournaler)
            .inputJournaled(inputJournaler.sequence())
            .decisionJournal(venue.decisionJournal())
            .venue(venue)
            .handOffLatency(latency)
            .stageLatency(single && settings.stageTiming() ? stageLatency : null)
            .clock(clock));
        final Pipeline pipeline = EngineFactory.create(config, scorer, disruptor.outboundSink());
        disruptor.start(pipeline);
        final Feeder feeder = new Feeder(config, disruptor, tape, venue.ring(), clock);
        final Pretoucher pretoucher = settings.pretouch() ? new Pretoucher(journal, PRETOUCH_PERIOD_NS) : null;
        if (pretoucher != null)
        {
            journal.pretouch();
            pretoucher.start();
        }
        try
        {
            feeder.feed(settings.warmup(), settings.rate());
            awaitQuiet(disruptor, pipeline.orders(), feeder, outputJournaler, venue);
            final Histogram[] warm = copies(latency);
            final Histogram[] warmStages = copies(stageLatency);
            feeder.producerLag().reset();
            final Histogram warmGate = venue.gateWait().copy();
            final Histogram warmJournaled = timedJournaler.journaled().copy();
            final long publishedBefore = feeder.published();
            final long reportsBefore = feeder.reportsPublished();
            final long ordersBefore = pipeline.orders().ordersSent();
            final long pipelineBytesBefore = BenchThreads.allocatedBytes(pipelineThread.get());
            final long consumerBytesBefore = threads.allocatedBytes();
            final long[] gcBefore = gcCounters();

            final long start = feeder.feed(settings.events(), settings.rate());
            awaitProcessed(disruptor, feeder.published());
            final long elapsed = clock.nanoTime() - start;
            awaitQuiet(disruptor, pipeline.orders(), feeder, outputJournaler, venue);

            final long[] gcAfter = gcCounters();
            final long pipelineBytes = BenchThreads.allocatedBytes(pipelineThread.get()) - pipelineBytesBefore;
            final long consumerBytes = threads.allocatedBytes() - consumerBytesBefore;
            final Histogram[] measured = copies(stageLatency);
            final Histogram[] handOff = copies(latency);
            for (int i = 0; i < PipelineLatency.COUNT; i++)
            {
                measured[i].subtract(warmStages[i]);
                handOff[i].subtract(warm[i]);
            }
            final Histogram emitted = measured[PipelineLatency.TICK_TO_ORDER];
            final Histogram gate = venue.gateWait().copy();
            gate.subtract(warmGate);
            final Histogram journaled = timedJournaler.journaled().copy();
            journaled.subtract(warmJournaled);
            measured[PipelineLatency.TICK_TO_ORDER] = handOff[PipelineLatency.TICK_TO_ORDER];
            final long pages = journal instanceof ChronicleJournalWriter
                ? ((ChronicleJournalWriter)journal).pagesPretouched() : 0;
            return new Result(measured, emitted, gate, journaled, feeder.producerLag().copy(),
                feeder.published() - publishedBefore, feeder.reportsPublished() - reportsBefore,
                pipeline.orders().ordersSent() - ordersBefore, elapsed,
                pipelineBytes, consumerBytes, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], pages,
                venue.dropped(), journal.inputCount(), journal.outputCount(), threads.names());
        }
        finally
        {
            if (disruptor.failure() == null)
            {
                // waits for the rings to drain; after a handler failure it would wait forever, so the (daemon)
                // consumer threads are left behind instead
                disruptor.close();
            }
            if (pretoucher != null)
            {
                pretoucher.close();
            }
        }
    }

    private static Histogram[] copies(final PipelineLatency latency)
    {
        final Histogram[] copies = new Histogram[PipelineLatency.COUNT];
        for (int i = 0; i < PipelineLatency.COUNT; i++)
        {
            copies[i] = latency.snapshot(i).copy();
        }
        return copies;
    }

    private static long[] gcCounters()
    {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private void awaitProcessed(final DisruptorPipeline disruptor, final long published)
    {
        final long deadline = clock.nanoTime() + QUIET_TIMEOUT_NS;
        while (disruptor.processedSequence() < published - 1)
        {
            check(disruptor, deadline, "the pipeline to process " + published + " events (at "
                + (disruptor.processedSequence() + 1) + ")");
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until every published event is processed, every decision journaled and every order command handed to the
     * venue, then a little longer for the outbound handler to record the last hand-off's latency.
     */
    private void awaitQuiet(
        final DisruptorPipeline disruptor,
        final OrderManager orders,
        final Feeder feeder,
        final OutputJournaler outputJournaler,
        final VenueLink venue)
    {
        awaitProcessed(disruptor, feeder.published());
        // the pipeline thread wrote these before publishing its progress, which awaitProcessed read
        final long outputs = orders.outputSequence();
        final long commands = orders.ordersSent() + orders.cancelsSent() + orders.massCancels();
        final long deadline = clock.nanoTime() + QUIET_TIMEOUT_NS;
        while (outputJournaler.count() < outputs || venue.received() < commands)
        {
            check(disruptor, deadline, "the outbound handler (" + outputJournaler.count() + " of " + outputs
                + " decisions journaled, " + venue.received() + " of " + commands + " commands sent)");
            Thread.yield();
        }
        LockSupport.parkNanos(RECORD_GRACE_NS);
    }

    private void check(final DisruptorPipeline disruptor, final long deadline, final String what)
    {
        if (disruptor.failure() != null)
        {
            throw new IllegalStateException("the pipeline failed", disruptor.failure());
        }
        if (clock.nanoTime() > deadline)
        {
            throw new IllegalStateException("timed out after 60 s waiting for " + what);
        }
    }
}
