package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.ops.server.OpsEngine;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsTokens;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.live.LiveTopology;
import io.meridian.runtime.launch.Threads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian run}: the live topology ({@link LiveTopology}: Disruptor ring, journaling, publish after journal,
 * optionally pinned pipeline thread) against the synthetic market and simulated venue, with the ops server (HTTP API,
 * metrics, dashboard; {@code --no-ops} runs without it), then replay verification of its journal.
 */
public final class RunCommand
{
    /**
     * Default offered load. Unpaced, the feed runs a whole ring ahead of the engine, so the simulated venue sees
     * orders long after their cause in event time; {@code --rate 0} asks for that anyway.
     */
    static final long DEFAULT_RATE = 50_000;

    private RunCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code run}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final int profileAt = argv.indexOf("--profile");
        if (profileAt >= 0 && profileAt + 1 < argv.size() && IbRunCommand.PROFILES.contains(argv.get(profileAt + 1)))
        {
            return IbRunCommand.run(argv, out, err);
        }
        final Args args = Args.parse("run", argv, Set.of("events", "journal", "config", "rate", "summary-json",
            "profile", OpsLauncher.TOKEN_FILE_OPTION), Set.of("no-ops")).noPositional();
        final boolean ops = !args.flag("no-ops");
        final OpsTokens tokens = ops ? OpsLauncher.tokens(args) : OpsTokens.none();
        final String profile = args.option("profile") == null ? "demo" : args.option("profile");
        final EngineConfig config = EngineSetup.loadConfig(args, profile);
        EngineSetup.noteUnusedBars(config, err);
        final long events = args.longOption("events", config.run().events());
        final long rate = "0".equals(args.option("rate")) ? 0 : args.longOption("rate", DEFAULT_RATE);
        final Instant start = Instant.now();
        final String runId = EngineSetup.runId("run", start);
        final Path journalDir = args.option("journal") != null
            ? Path.of(args.option("journal"))
            : Path.of(config.journal().dir(), runId);
        final RunManifest manifest = EngineSetup.manifest(
            runId, "live", start, EngineSetup.configSource(args, profile), args.sets(), config);
        out.printf("meridian run: %,d events, mode %s, journaling %s, wait %s, %s, journal %s%n", events,
            config.engine().mode().configName(), config.engine().journaling().configName(),
            config.engine().waitStrategy().configName(), rate > 0 ? rate + " events/s offered" : "unpaced",
            journalDir);
        final long processed;
        final double wallSeconds;
        final LiveTopology topology;
        try (Scorer scorer = Scorers.create(config);
            JournalWriter journal = JournalWriter.open(journalDir, manifest.toText()))
        {
            try (LiveTopology live = LiveTopology.start(new LiveTopology.Context()
                .config(config).scorer(scorer).journal(journal).warnings(err).statePublication(ops)))
            {
                topology = live;
                final OpsLauncher server = ops ? OpsLauncher.start(new OpsEngine(OpsEngine.live(live), config, runId,
                    EngineSetup.configSource(args, "demo"), journalDir.toString()), tokens, OpsLauncher.URL_FILE, err)
                    : null;
                try
                {
                    // the rate is the feed's: from the first event offered to the last one processed and handed to
                    // the venue; starting and stopping the topology and the ops server are not part of it
                    final long feedStartNanos = System.nanoTime();
                    live.feed(events, rate);
                    live.awaitQuiet();
                    wallSeconds = (System.nanoTime() - feedStartNanos) / 1e9;
                }
                finally
                {
                    if (server != null)
                    {
                        server.close();
                    }
                }
                processed = live.published();
            }
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of(), Threads.readAhead());
        for (final String warning : verdict.warnings())
        {
            err.println("warning: " + warning);
        }
        // tick-to-order at the venue hand-off, the stages as the pipeline thread timed them
        final RunReport report = new RunReport(runId, journalDir.toString(), topology.pipeline(),
            h -> h == PipelineLatency.TICK_TO_ORDER
                ? topology.handOffLatency().snapshot(h) : topology.stageLatency().snapshot(h),
            processed, wallSeconds, verdict.line())
            .writeLatencySidecar(journalDir, topology.stageLatency().sampleEvery(), "run (" + config.engine().mode()
                .configName() + "): tick_to_order at the venue hand-off, the stages as the pipeline thread timed "
                + "them", err);
        out.print(report.toText());
        return verdict.identical() ? 0 : 1;
    }
}
