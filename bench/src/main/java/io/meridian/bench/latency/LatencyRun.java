package io.meridian.bench.latency;

import io.meridian.bench.data.BenchManifest;
import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.EventTape;
import io.meridian.bench.data.TapeSource;
import io.meridian.config.EngineConfig;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.chronicle.ChronicleJournalWriter;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.launch.CpuPlan;
import io.meridian.runtime.launch.PretouchAgent;
import io.meridian.runtime.launch.Threads;
import io.meridian.runtime.live.LiveTopology;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The live topology under fixed-rate load, measured end to end: the runtime's {@link LiveTopology} (the same one
 * {@code meridian run} uses) with the real Chronicle journal, fed on the calling thread from a pre-generated market
 * tape merged with timers and the simulated venue's reports by the one driver.
 *
 * <p>Two phases on the same engine and journal: a warm-up of {@code warmup} events, then, after the topology has
 * drained, the measured phase of {@code events} events with a fresh pacing start. Every histogram's measured
 * distribution is its final state minus its state after the warm-up.
 */
final class LatencyRun
{
    /** Single mode with inline journaling: one consumer thread journals, runs the stages and sends. */
    static final String INLINE = "inline";

    private final Settings settings;
    private final NanoClock clock = new SystemNanoClock();

    /**
     * What to run.
     *
     * @param rate offered load, events per second.
     * @param events measured events.
     * @param warmup warm-up events.
     * @param mode {@code inline}, {@code single} (parallel journalers) or {@code staged}.
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
     * @param gateWait per order command, from its journaling to its hand-off to the venue.
     * @param journaled per inbound event, from its intended send time to its journaling.
     * @param producerLag actual minus intended send time per event.
     * @param events inbound events published in the measured phase.
     * @param reports of which venue reports.
     * @param orders NEW order commands sent in the measured phase.
     * @param elapsedNs from the phase's first intended send time to the last event processed.
     * @param pipelineThreadBytes bytes the pipeline thread allocated in the measured phase.
     * @param consumerThreadBytes bytes every consumer thread allocated in the measured phase.
     * @param producerThreadBytes bytes the producer (feeding) thread allocated in the measured phase.
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
        long producerThreadBytes,
        long gcCount,
        long gcMillis,
        long pagesPretouched,
        long commandsDropped,
        long inputRecords,
        long outputRecords,
        List<String> threads)
    {
    }

    LatencyRun(final Settings settings)
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
        // every slot carries at most one market record, so a tape as long as the run always suffices
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
        try (LiveTopology live = LiveTopology.start(new LiveTopology.Context()
            .config(config)
            .scorer(scorer)
            .journal(journal)
            .merger(EventMerger.world(config, new TapeSource(tape)))
            .clock(clock)
            .cpus(settings.cpus())
            .pretouch(settings.pretouch(), PretouchAgent.LIVE_PERIOD_NS)
            .stageTiming(settings.stageTiming())))
        {
            final Thread producer = Thread.currentThread();
            live.feed(settings.warmup(), settings.rate());
            live.awaitQuiet();
            final Histogram[] warm = copies(live.handOffLatency());
            final Histogram[] warmStages = copies(live.stageLatency());
            live.producerLag().reset();
            final Histogram warmGate = live.gateWait().copy();
            final Histogram warmJournaled = live.journaled().copy();
            final long publishedBefore = live.published();
            final long reportsBefore = live.reportsPublished();
            final long ordersBefore = live.pipeline().orders().ordersSent();
            final long pipelineBytesBefore = live.pipelineThreadBytes();
            final long consumerBytesBefore = live.consumerThreadBytes();
            final long producerBytesBefore = Threads.allocatedBytes(producer);
            final long[] gcBefore = gcCounters();

            final long start = live.feed(settings.events(), settings.rate());
            live.awaitProcessed();
            final long elapsed = clock.nanoTime() - start;
            live.awaitQuiet();

            final long[] gcAfter = gcCounters();
            final long producerBytes = Threads.allocatedBytes(producer)
                - producerBytesBefore;
            final long pipelineBytes = live.pipelineThreadBytes() - pipelineBytesBefore;
            final long consumerBytes = live.consumerThreadBytes() - consumerBytesBefore;
            final Histogram[] measured = copies(live.stageLatency());
            final Histogram[] handOff = copies(live.handOffLatency());
            for (int i = 0; i < PipelineLatency.COUNT; i++)
            {
                measured[i].subtract(warmStages[i]);
                handOff[i].subtract(warm[i]);
            }
            final Histogram emitted = measured[PipelineLatency.TICK_TO_ORDER];
            final Histogram gate = live.gateWait().copy();
            gate.subtract(warmGate);
            final Histogram journaled = live.journaled().copy();
            journaled.subtract(warmJournaled);
            measured[PipelineLatency.TICK_TO_ORDER] = handOff[PipelineLatency.TICK_TO_ORDER];
            final long pages = journal instanceof ChronicleJournalWriter
                ? ((ChronicleJournalWriter)journal).pagesPretouched() : 0;
            return new Result(measured, emitted, gate, journaled, live.producerLag().copy(),
                live.published() - publishedBefore, live.reportsPublished() - reportsBefore,
                live.pipeline().orders().ordersSent() - ordersBefore, elapsed,
                pipelineBytes, consumerBytes, producerBytes, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
                pages, live.commandsDropped(), journal.inputCount(), journal.outputCount(), live.threadNames());
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
}
