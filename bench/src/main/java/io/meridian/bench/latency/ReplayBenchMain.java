package io.meridian.bench.latency;

import io.meridian.bench.data.BenchManifest;
import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.EventTape;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReadResult;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.backtest.JournalThread;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.PretouchAgent;
import io.meridian.runtime.launch.Threads;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;

/**
 * {@code ./meridian bench replay}: replay throughput of a journal, without ONNX Runtime unless the journal was
 * written with it.
 *
 * <pre>
 *   --events N     events of the demo journal generated first (default 2000000)
 *   --journal DIR  replay this journal instead of generating one
 *   --repeat K     passes of each measurement; the best is reported (default 3)
 * </pre>
 *
 * <p>Without {@code --journal}, a demo journal is written first by the demo's backtest loop with the real journal
 * (appended by its {@link JournalThread}), the pure-Java scorer and the demo's pretouch thread, into a temporary
 * directory deleted at the end (its speed is reported as {@code backtest_events_per_s}, and that of its second half
 * alone, once the JIT has compiled the loop, as {@code backtest_warm_events_per_s}); then the same backtest again with
 * the journal appended on the backtest thread itself, as a baseline ({@code backtest_inline_events_per_s}, {@code
 * backtest_inline_warm_events_per_s}; it runs second, on a JIT the first has warmed, which favours the baseline). Then,
 * each {@code --repeat} times: (a) a raw read of every input record through {@link JournalReader#readInput} with a
 * no-op handler; (b) full {@link ReplayVerifier#verify}: rebuild the engine from the manifest, run every input through
 * it and compare every decision with the journal, both queues read ahead on a thread of their own as {@code replay
 * --verify} does. Baselines in the same run: a bare Chronicle tailer over the input queue; the same verification
 * reading both queues on its own thread ({@code baseline_verify_one_thread_events_per_s}); raw Chronicle appends of
 * as many documents as the journal holds, and from them the backtest's write-side limit
 * ({@link ChronicleAppendThroughput}); and the engine alone over the same inputs held in memory.
 * The first pass of each runs on a cold JIT; the best pass is reported and all are printed.
 */
public final class ReplayBenchMain
{
    private static final String COMMAND = "bench replay";
    private static final String USAGE = "usage: meridian bench replay [--events N] [--journal DIR] [--repeat K]";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int MAX_IN_MEMORY_EVENTS = 10_000_000;
    private static final List<String> OVERRIDES =
        List.of("model.scorer=" + Scorers.JAVA, "kill.dailyLossLimit=1e12");

    private ReplayBenchMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args the options.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the harness.
     *
     * @param args the options.
     * @param out where the report goes (errors go to standard error).
     * @return 0 on success, 1 when the journal did not replay identically, 2 on bad options.
     */
    public static int run(final String[] args, final PrintStream out)
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("events", "2000000");
        defaults.put("journal", null);
        defaults.put("repeat", "3");
        final long events;
        final int repeat;
        final Args options;
        try
        {
            options = Args.parse(COMMAND, List.of(args), defaults, Set.of(Args.HELP)).noPositional();
            if (options.help())
            {
                out.println(USAGE);
                return 0;
            }
            events = options.longOption("events", 1, 1_000_000_000);
            repeat = (int)options.longOption("repeat", 1, 100);
            final String journal = options.option("journal");
            if (journal != null && !Files.isDirectory(Path.of(journal).resolve(JournalFormat.INPUT_QUEUE)))
            {
                throw new IllegalArgumentException(COMMAND + ": --journal " + journal + " is not a journal directory"
                    + " (no " + JournalFormat.INPUT_QUEUE + " queue inside)");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("error: " + ex.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        final Path tempDir = options.option("journal") == null ? BenchFiles.tempDir("meridian-bench-replay-") : null;
        try
        {
            final Report report = new Report();
            report.machineConditions();
            final Path journal;
            if (tempDir == null)
            {
                journal = Path.of(options.option("journal"));
                report.condition("journal", journal);
            }
            else
            {
                journal = tempDir.resolve("journal");
                generate(journal, events, report);
            }
            report.condition("repeat", repeat + " passes per measurement, best reported");
            return measure(journal, repeat, report, out);
        }
        finally
        {
            BenchFiles.deleteTree(tempDir);
        }
    }

    private static void generate(final Path journal, final long events, final Report report)
    {
        report.condition("journal", "demo backtest of " + events + " events (profile demo with " + OVERRIDES
            + "), temporary");
        report.section("generation: the demo's backtest loop writing the real journal from its journal thread, "
            + "pretouch thread as in the demo; cold JIT");
        final double[] threaded = backtest(journal, events, true, report);
        report.value("backtest_events_per_s", threaded[0]);
        report.value("backtest_warm_events_per_s", threaded[1]);
        // the same run with the journal appended on the backtest thread itself, into a second temporary journal:
        // what the journal thread buys, measured beside it
        final Path inline = journal.resolveSibling(journal.getFileName() + "-inline");
        try
        {
            report.section("baseline: the same backtest appending to the journal on its own thread (inline)");
            final double[] alone = backtest(inline, events, false, report);
            report.value("backtest_inline_events_per_s", alone[0]);
            report.value("backtest_inline_warm_events_per_s", alone[1]);
        }
        finally
        {
            BenchFiles.deleteTree(inline);
        }
    }

    private static double[] backtest(final Path journal, final long events, final boolean journalThread,
        final Report report)
    {
        final EngineConfig config = DemoWorld.config(OVERRIDES);
        final long elapsed;
        final long secondHalfElapsed;
        final long firstHalf = events / 2;
        final Backtest backtest;
        try (Scorer scorer = Scorers.create(Scorers.JAVA, config.model().path());
            JournalWriter writer = JournalWriter.open(
                journal, BenchManifest.text(config, String.valueOf(journal.getFileName()), "backtest", OVERRIDES));
            JournalThread thread = journalThread ? JournalThread.start(writer) : null)
        {
            backtest = new Backtest(config, scorer, EventMerger.simulated(config),
                thread == null ? Backtest.journal(writer) : thread, null, null);
            // as in the demo: the journal's pages are faulted in ahead of the appends by the pretouch thread, not by
            // the appending thread (a first write to a page costs it microseconds)
            final AgentRunner pretouch = PretouchAgent.start(writer, PretouchAgent.BACKTEST_PERIOD_NS,
                ex -> System.err.println("warning: journal pretouch: " + ex));
            try
            {
                final long start = System.nanoTime();
                backtest.run(firstHalf, null, events);
                drain(thread);
                final long middle = System.nanoTime();
                backtest.run(events - firstHalf, null, events);
                drain(thread);
                final long end = System.nanoTime();
                elapsed = end - start;
                secondHalfElapsed = end - middle;
            }
            finally
            {
                pretouch.close();
            }
        }
        final double rate = events * NANOS_PER_SECOND / elapsed;
        report.text(String.format(Locale.ROOT, "%d events in %.3f s: %.0f events/s; %d orders, %d fills", events,
            elapsed / NANOS_PER_SECOND, rate, backtest.pipeline().orders().ordersSent(),
            backtest.pipeline().orders().fills()));
        final double warmRate = (events - firstHalf) * NANOS_PER_SECOND / secondHalfElapsed;
        report.text(String.format(Locale.ROOT, "second half alone (JIT warm): %d events in %.3f s: %.0f events/s",
            events - firstHalf, secondHalfElapsed / NANOS_PER_SECOND, warmRate));
        return new double[] {rate, warmRate};
    }

    private static void drain(final JournalThread thread)
    {
        if (thread != null)
        {
            thread.drain();
        }
    }

    private static int measure(final Path journal, final int repeat, final Report report, final PrintStream out)
    {
        final long bytes = BenchFiles.size(journal);
        report.value("journal_bytes", bytes);

        report.section("(a) raw journal read of every input record, no-op handler");
        double bestRead = 0;
        long inputs = 0;
        for (int pass = 1; pass <= repeat; pass++)
        {
            try (JournalReader reader = JournalReader.open(journal))
            {
                final long start = System.nanoTime();
                final ReadResult result = reader.readInput(ReplayBenchMain::ignore);
                final long elapsed = System.nanoTime() - start;
                inputs = result.count();
                final double rate = inputs * NANOS_PER_SECOND / elapsed;
                bestRead = Math.max(bestRead, rate);
                report.text(String.format(Locale.ROOT, "pass %d: %d records in %.3f s = %.0f events/s%s", pass,
                    inputs, elapsed / NANOS_PER_SECOND, rate, result.intact() ? "" : " (not intact: "
                        + result.warnings() + ")"));
            }
        }
        report.value("replay_read_events_per_s", bestRead);
        report.value("replay_events", inputs);

        report.section("(b) full replay verification: engine rebuilt from the manifest, every decision compared"
            + " (both queues read ahead on a second thread), its passes alternated with the baseline's, reading on the"
            + " verifier's own thread, which goes first in odd passes, so that both meet the same JIT");
        final ReplayVerifier.Result[] verdicts = new ReplayVerifier.Result[1];
        final double[] best = new double[2];
        for (int pass = 1; pass <= repeat; pass++)
        {
            final boolean baselineFirst = (pass & 1) == 1;
            if (baselineFirst)
            {
                best[1] = Math.max(best[1], verifyPass(journal, pass, null, report, "one thread, ", verdicts));
            }
            best[0] = Math.max(best[0], verifyPass(journal, pass, Threads.readAhead(), report, "", verdicts));
            if (!baselineFirst)
            {
                best[1] = Math.max(best[1], verifyPass(journal, pass, null, report, "one thread, ", verdicts));
            }
        }
        final double bestVerify = best[0];
        final ReplayVerifier.Result verdict = verdicts[0];
        report.value("replay_verify_events_per_s", bestVerify);
        report.value("replay_decisions", verdict.decisions());
        report.value("replay_identical", verdict.identical() ? 1 : 0);

        report.section("baselines, same journal, same run");
        double bestTailer = 0;
        for (int pass = 1; pass <= repeat; pass++)
        {
            final long start = System.nanoTime();
            final long count = tailInput(journal);
            final long elapsed = System.nanoTime() - start;
            final double rate = count * NANOS_PER_SECOND / elapsed;
            bestTailer = Math.max(bestTailer, rate);
            report.text(String.format(Locale.ROOT, "raw Chronicle tailer, pass %d: %d documents, %.0f events/s",
                pass, count, rate));
        }
        report.value("baseline_chronicle_read_events_per_s", bestTailer);
        report.value("baseline_verify_one_thread_events_per_s", best[1]);
        ChronicleAppendThroughput.measure(report, inputs, verdict.decisions(), repeat);
        final double engineOnly = engineOnly(journal, repeat, report);
        report.value("baseline_engine_only_events_per_s", engineOnly);
        report.print("meridian bench replay", out);
        return verdict.identical() ? 0 : 1;
    }

    /**
     * One verification of the journal, its line printed; its rate, and its verdict in {@code verdict[0]}.
     */
    private static double verifyPass(final Path journal, final int pass, final Threads readAhead,
        final Report report, final String label, final ReplayVerifier.Result[] verdict)
    {
        final long start = System.nanoTime();
        verdict[0] = ReplayVerifier.verify(journal, List.of(), readAhead);
        final long elapsed = System.nanoTime() - start;
        final double rate = verdict[0].events() * NANOS_PER_SECOND / elapsed;
        report.text(String.format(Locale.ROOT, "%spass %d: %.3f s = %.0f events/s; %s", label, pass,
            elapsed / NANOS_PER_SECOND, rate, verdict[0].line()));
        return rate;
    }

    private static void ignore(final DirectBuffer buffer, final int offset, final int length)
    {
        // the raw read measures the journal alone
    }

    /**
     * Reads every document of the input queue with a bare tailer: the floor under {@link JournalReader}.
     */
    private static long tailInput(final Path journal)
    {
        long count = 0;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve(JournalFormat.INPUT_QUEUE))
                .rollCycle(RollCycles.FAST_DAILY)
                .readOnly(true)
                .build();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The engine alone over the journal's inputs held in memory (no journal, no comparison): what replay costs
     * beyond reading and comparing.
     */
    private static double engineOnly(final Path journal, final int repeat, final Report report)
    {
        final EventTape.Builder builder = EventTape.builder(1 << 20);
        final String manifestText;
        try (JournalReader reader = JournalReader.open(journal))
        {
            manifestText = reader.manifestText();
            reader.readInput((buffer, offset, length) ->
            {
                if (builder.size() < MAX_IN_MEMORY_EVENTS)
                {
                    builder.add(buffer, offset, length);
                }
            });
        }
        final EventTape tape = builder.build();
        final EngineConfig config = ConfigLoader.loadText(
            "manifest of " + journal, RunManifest.parse(manifestText).configYaml(), List.of());
        double best = 0;
        for (int pass = 1; pass <= repeat; pass++)
        {
            try (Scorer scorer = Scorers.create(config))
            {
                final Pipeline pipeline = EngineFactory.create(config, scorer, ReplayBenchMain::ignore);
                final EventSlot slot = new EventSlot();
                final long start = System.nanoTime();
                for (int i = 0; i < tape.size(); i++)
                {
                    tape.copyTo(i, slot.buffer);
                    pipeline.onEvent(slot);
                }
                final long elapsed = System.nanoTime() - start;
                final double rate = tape.size() * NANOS_PER_SECOND / elapsed;
                best = Math.max(best, rate);
                report.text(String.format(Locale.ROOT,
                    "engine only (%s scorer, inputs in memory), pass %d: %d events, %.0f events/s",
                    config.model().scorer(), pass, tape.size(), rate));
            }
        }
        return best;
    }
}
