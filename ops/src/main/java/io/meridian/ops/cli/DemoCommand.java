package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.report.Report;
import io.meridian.report.Tearsheet;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.backtest.JournalThread;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.PretouchAgent;
import io.meridian.runtime.launch.Threads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;

/**
 * {@code meridian demo} and {@code meridian backtest}: the whole pipeline on the synthetic market with the
 * simulated venue, on one thread with a discrete-event clock; journals the run, verifies its replay and prints the
 * summary with the headline statistics of the journal ({@code report} module); {@code --report FILE} also writes the
 * HTML tearsheet. Exit 0 when the replay is identical, 1 when it diverges.
 */
public final class DemoCommand
{
    static final Set<String> OPTIONS = Set.of("events", "journal", "config", "summary-json", "report",
        OpsLauncher.TOKEN_FILE_OPTION);
    static final Set<String> FLAGS = Set.of("no-progress", "ops");
    private static final long PROGRESS_EVERY = 1 << 16;
    /** Stages timed on one event in this many (tick-to-order on every order): see PipelineLatency. */
    private static final int LATENCY_SAMPLE_EVERY = 8;

    private DemoCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param name {@code demo} or {@code backtest} (the default profile's name).
     * @param argv arguments after the command.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final String name, final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse(name, argv, OPTIONS, FLAGS).noPositional();
        final EngineConfig config = EngineSetup.loadConfig(args, name);
        EngineSetup.noteUnusedBars(config, err);
        final long events = args.longOption("events", config.run().events());
        final Instant start = Instant.now();
        final String runId = EngineSetup.runId(name, start);
        final Path journalDir = args.option("journal") != null
            ? Path.of(args.option("journal"))
            : Path.of(config.journal().dir(), runId);
        final RunManifest manifest = EngineSetup.manifest(
            runId, "backtest", start, EngineSetup.configSource(args, name), args.sets(), config);

        out.printf("meridian %s: %,d events, %d instruments, %s scorer, journal %s%n",
            name, events, config.instruments().size(), config.model().scorer(), journalDir);
        final PipelineLatency latency = PipelineLatency.singleThreaded(LATENCY_SAMPLE_EVERY);
        final Backtest backtest;
        final long startNanos = System.nanoTime();
        final long processed;
        final long secondHalfStartNanos;
        final long secondHalfNanos;
        final long secondHalfEvents;
        try (Scorer scorer = Scorers.create(config);
            JournalWriter journal = JournalWriter.open(journalDir, manifest.toText());
            JournalThread journalThread = JournalThread.start(journal))
        {
            final AgentRunner pretouch = PretouchAgent.start(journal, PretouchAgent.BACKTEST_PERIOD_NS,
                ex -> err.println("warning: journal pretouch: " + ex));
            backtest = new Backtest(config, scorer, EventMerger.simulated(config), journalThread, latency,
                new SystemNanoClock());
            final OpsLauncher ops = args.flag("ops") ? DemoOps.start(backtest, config, runId,
                EngineSetup.configSource(args, name), journalDir, OpsLauncher.tokens(args), err) : null;
            final ProgressBar bar = args.flag("no-progress")
                ? null : new ProgressBar(err, events, startNanos, ProgressBar.consoleIsTerminal());
            // two halves of one run (the split changes nothing the engine sees: the driver just continues), so
            // the summary can give the rate after JIT warm-up beside the rate of the whole run
            final long firstHalf = events / 2;
            try
            {
                final long done = backtest.run(firstHalf,
                    bar == null ? null : (n, eventTimeNs) -> bar.update(n, System.nanoTime()), PROGRESS_EVERY);
                journalThread.drain();
                secondHalfStartNanos = System.nanoTime();
                processed = done + backtest.run(events - firstHalf,
                    bar == null ? null : (n, eventTimeNs) -> bar.update(done + n, System.nanoTime()), PROGRESS_EVERY);
                journalThread.drain();
                secondHalfNanos = System.nanoTime() - secondHalfStartNanos;
                secondHalfEvents = processed - done;
            }
            finally
            {
                pretouch.close();
                if (ops != null)
                {
                    backtest.publishState();
                    ops.close();
                }
            }
            if (bar != null)
            {
                bar.update(processed, System.nanoTime());
                bar.finish();
            }
        }
        final double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

        out.println("verifying replay of " + journalDir + " ...");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of(), Threads.readAhead());
        for (final String warning : verdict.warnings())
        {
            err.println("warning: " + warning);
        }
        final RunReport report = new RunReport(runId, journalDir.toString(), backtest.pipeline(), latency::snapshot,
            processed, wallSeconds, verdict.line()).latencySampleEvery(LATENCY_SAMPLE_EVERY)
            .secondHalfRate(secondHalfEvents, secondHalfNanos / 1e9)
            .writeLatencySidecar(journalDir, LATENCY_SAMPLE_EVERY, name + ", one thread: stages and the whole event "
                + "timed on one event in " + LATENCY_SAMPLE_EVERY + ", tick_to_order on every order", err);
        if (!summarize(name, args, journalDir, report, verdict.line(), out, err))
        {
            return 2;
        }
        return verdict.identical() ? 0 : 1;
    }

    /**
     * The end of {@code demo}, {@code backtest} and {@code backtest --data}: the journal's headline statistics
     * ({@code report} module) added to the summary, the summary printed, the tearsheet written when
     * {@code --report FILE} is given and the summary JSON when {@code --summary-json FILE} is.
     *
     * @param name the command, for messages.
     * @param args the parsed arguments ({@code report}, {@code summary-json}).
     * @param journalDir the run's journal.
     * @param report the run's summary.
     * @param replayLine the replay-verification line.
     * @param out standard output.
     * @param err standard error.
     * @return false when the summary JSON could not be written.
     */
    static boolean summarize(final String name, final Args args, final Path journalDir, final RunReport report,
        final String replayLine, final PrintStream out, final PrintStream err)
    {
        final Report statistics = Report.analyze(journalDir, 0, 0.0, replayLine);
        report.statistics(statistics.headline());
        out.print(report.toText());
        if (args.option("report") != null)
        {
            final Path tearsheet = Path.of(args.option("report"));
            Tearsheet.write(statistics, latencyTable(report), tearsheet);
            out.println("tearsheet: " + tearsheet);
        }
        return writeSummaryJson(name, args.option("summary-json"), report, err);
    }

    private static boolean writeSummaryJson(
        final String name, final String json, final RunReport report, final PrintStream err)
    {
        if (json == null)
        {
            return true;
        }
        try
        {
            final Path path = Path.of(json);
            final Path parent = path.getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(path, report.toJson(), StandardCharsets.UTF_8);
            return true;
        }
        catch (final IOException ex)
        {
            err.println(name + ": cannot write --summary-json " + json + ": " + ex.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latencyTable(final RunReport report)
    {
        return (Map<String, Object>)report.asMap().get("latencyNs");
    }
}
