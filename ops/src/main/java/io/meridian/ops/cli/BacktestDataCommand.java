package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.config.ReferenceInstrumentConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.backtest.JournalThread;
import io.meridian.runtime.data.DataJournalSource;
import io.meridian.runtime.data.DataManifest;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.PretouchAgent;
import io.meridian.runtime.launch.UsageException;
import io.meridian.runtime.launch.Threads;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;

/**
 * {@code meridian backtest --data DIR [--config FILE] [--journal DIR] [--set key=value]... [--summary-json FILE]
 * [--report FILE]}:
 * the whole pipeline on a data journal written by {@code meridian import}, through the one event-merging driver with
 * the simulated venue (timers from the data's first time), profile {@code bars} by default. The configuration's
 * instrument list is replaced by the data journal's instruments with a {@code --set instruments=[...]} override
 * (recorded in the run's manifest, so replay rebuilds the same engine). Runs until the data ends (or
 * {@code run.events}), journals, verifies the replay and prints the summary of {@code meridian demo} with the
 * journal's headline statistics and, with {@code --report FILE}, writes its tearsheet (the same code as {@code demo}:
 * {@link DemoCommand#summarize}). Exit 0 when the replay is identical, 1 when it diverges or the data journal is
 * corrupt, 2 when it could not run.
 */
public final class BacktestDataCommand
{
    static final Set<String> OPTIONS = Set.of("data", "journal", "config", "summary-json", "report");
    private static final String PROFILE = "bars";
    private static final int LATENCY_SAMPLE_EVERY = 8;

    private BacktestDataCommand()
    {
    }

    /**
     * Whether a {@code backtest} command line asks for a data backtest.
     *
     * @param argv arguments after {@code backtest}.
     * @return true when {@code --data} is given.
     */
    static boolean wanted(final List<String> argv)
    {
        for (final String arg : argv)
        {
            if ("--data".equals(arg) || arg.startsWith("--data="))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code backtest}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("backtest", argv, OPTIONS, Set.of()).noPositional();
        final Path dataDir = Path.of(args.option("data"));
        if (!Files.isDirectory(dataDir))
        {
            throw new UsageException("backtest: --data " + dataDir + " is not a directory (write one with "
                + "'meridian import --csv FILE --out DIR')");
        }
        final Instant start = Instant.now();
        final String runId = EngineSetup.runId("backtest-data", start);
        try (DataJournalSource source = open(dataDir))
        {
            final List<String> sets = sets(args, source.manifest());
            final EngineConfig config = EngineSetup.loadConfig(withSets(args, sets), PROFILE);
            EngineSetup.noteUnusedBars(config, err);
            final Path journalDir = args.option("journal") != null
                ? Path.of(args.option("journal"))
                : Path.of(config.journal().dir(), runId);
            final RunManifest manifest = EngineSetup.manifest(runId, "backtest", start,
                EngineSetup.configSource(args, PROFILE) + " data:" + dataDir.toAbsolutePath(), sets, config);
            out.printf("meridian backtest --data %s: %s of %s, %d instruments, %s scorer, journal %s%n", dataDir,
                source.manifest().kind(), source.manifest().source(), config.instruments().size(),
                config.model().scorer(), journalDir);
            final PipelineLatency latency = PipelineLatency.singleThreaded(LATENCY_SAMPLE_EVERY);
            final long startNanos = System.nanoTime();
            final Backtest backtest;
            try (Scorer scorer = Scorers.create(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest.toText());
                JournalThread journalThread = JournalThread.start(journal))
            {
                final AgentRunner pretouch = PretouchAgent.start(journal, PretouchAgent.BACKTEST_PERIOD_NS,
                    ex -> err.println("warning: journal pretouch: " + ex));
                final EventMerger merger = new EventMerger(source, sink -> SimulatedWorld.venue(config, sink),
                    new TimerSchedule(source.peekTimeNs(), SimulatedWorld.timerIntervalNs(config)),
                    OperatorSchedule.none());
                backtest = new Backtest(config, scorer, merger, journalThread, latency,
                    new SystemNanoClock());
                try
                {
                    final long cap = config.run().events();
                    while (!source.exhausted() && backtest.events() < cap)
                    {
                        backtest.run(1, null, Long.MAX_VALUE);
                    }
                }
                finally
                {
                    pretouch.close();
                }
            }
            final double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
            if (source.result().corrupt())
            {
                err.println("backtest: the data journal is corrupt: " + source.result().corruption());
                return 1;
            }
            out.printf("data: %,d market records of %s%n", source.delivered(), dataDir);
            out.println("verifying replay of " + journalDir + " ...");
            final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of(), Threads.readAhead());
            for (final String warning : verdict.warnings())
            {
                err.println("warning: " + warning);
            }
            final RunReport report = new RunReport(runId, journalDir.toString(), backtest.pipeline(),
                latency::snapshot, backtest.events(), wallSeconds, verdict.line())
                .latencySampleEvery(LATENCY_SAMPLE_EVERY)
                .writeLatencySidecar(journalDir, LATENCY_SAMPLE_EVERY, "backtest --data, one thread: stages and the "
                    + "whole event timed on one event in " + LATENCY_SAMPLE_EVERY + ", tick_to_order on every order",
                    err);
            if (!DemoCommand.summarize("backtest", args, journalDir, report, verdict.line(), out, err))
            {
                return 2;
            }
            return verdict.identical() ? 0 : 1;
        }
    }

    /**
     * The configuration of a run on a data journal: profile {@code bars} or {@code --config FILE}, the
     * {@code --set} overrides, then the data's instruments ({@link #instrumentsOverride}, {@link #referenceOverride}).
     *
     * @param args parsed arguments.
     * @param manifest the data journal's manifest.
     * @return the configuration.
     */
    static EngineConfig config(final Args args, final DataManifest manifest)
    {
        return EngineSetup.loadConfig(withSets(args, sets(args, manifest)), PROFILE);
    }

    private static List<String> sets(final Args args, final DataManifest manifest)
    {
        final EngineConfig template = EngineSetup.loadConfig(args, PROFILE);
        final List<String> sets = new ArrayList<>(args.sets());
        sets.add(instrumentsOverride(manifest, template.instruments().get(0)));
        sets.add(referenceOverride(manifest, template.reference().instruments().get(0)));
        return sets;
    }

    static DataJournalSource open(final Path dir)
    {
        try
        {
            return DataJournalSource.open(dir);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("backtest --data: " + ex.getMessage()
                + " (a data journal is written by 'meridian import')");
        }
    }

    /**
     * The {@code --set instruments=[...]} override that gives the engine the data journal's instruments: id, symbol
     * and scales from the import, the other (synthetic-market) fields from the profile's first instrument.
     */
    static String instrumentsOverride(final DataManifest manifest, final InstrumentConfig template)
    {
        final List<String> entries = new ArrayList<>();
        for (final DataManifest.Instrument instrument : manifest.instruments())
        {
            entries.add(String.format(Locale.ROOT, "{id: %d, symbol: '%s', priceScale: %d, qtyScale: %d, "
                + "startPrice: %s, volatility: %s, spreadTicks: %d, quoteSize: %d}", instrument.id(),
                instrument.symbol().replace("'", "''"), instrument.priceScale(), instrument.qtyScale(),
                Double.toString(template.startPrice()), Double.toString(template.volatility()),
                template.spreadTicks(), template.quoteSize()));
        }
        return "instruments=[" + String.join(", ", entries) + "]";
    }

    /**
     * The {@code --set reference.instruments=[...]} override that goes with {@link #instrumentsOverride}: every
     * instrument of the data journal gets the profile's first reference entry (the {@code bars} profile's template:
     * imported data carries no ADV, sector or previous close yet), under its own symbol.
     */
    static String referenceOverride(final DataManifest manifest, final ReferenceInstrumentConfig template)
    {
        final List<String> loadings = new ArrayList<>();
        for (final double loading : template.factorLoadings())
        {
            loadings.add(Double.toString(loading));
        }
        final List<String> dates = new ArrayList<>();
        for (final Object date : template.eventDates())
        {
            dates.add("'" + date + "'");
        }
        final List<String> entries = new ArrayList<>();
        for (final DataManifest.Instrument instrument : manifest.instruments())
        {
            entries.add(String.format(Locale.ROOT, "{symbol: '%s', sector: '%s', cluster: %d, adv: %d, "
                + "previousClose: %s, shortable: %b, restricted: %b, factorLoadings: [%s], eventDates: [%s]}",
                instrument.symbol().replace("'", "''"), template.sector(), template.cluster(), template.adv(),
                Double.toString(template.previousClose()), template.shortable(), template.restricted(),
                String.join(", ", loadings), String.join(", ", dates)));
        }
        return "reference.instruments=[" + String.join(", ", entries) + "]";
    }

    private static Args withSets(final Args args, final List<String> sets)
    {
        final List<String> argv = new ArrayList<>();
        if (args.option("config") != null)
        {
            argv.add("--config");
            argv.add(args.option("config"));
        }
        for (final String set : sets)
        {
            argv.add("--set");
            argv.add(set);
        }
        return Args.parse("backtest", argv, Set.of("config"), Set.of());
    }
}
