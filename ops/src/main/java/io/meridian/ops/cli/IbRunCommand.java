package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.ops.server.OpsEngine;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsTokens;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.OperatorInbox;
import io.meridian.runtime.ib.IbEngineSession;
import io.meridian.runtime.ib.SnapshotRecovery;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.StopSignal;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.order.BrokerReconciler;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.runtime.launch.Threads;

/**
 * {@code meridian run --profile paper-ib|live-ib [--host H] [--port P] [--client-id N] [--account A] [--conids
 * SYM=ID,...] [--seconds S] [--journal DIR] [--recover-from DIR|last] [--config FILE] [--set k=v]... [--live
 * --confirm-account A] [--no-ops] [--ops-token-file FILE]}: with the ops server (as {@code run} for the synthetic
 * world: {@code /status}, {@code /metrics}, halt/resume/cancel-all/flatten, prints {@code ops: URL}) unless {@code
 * --no-ops};
 * the engine against TWS / IB Gateway (or ib-sim) on this thread, journaled; with {@code
 * --recover-from} (a journal, or {@code last}: {@link #lastJournal}) the engine's state (orders, positions, order-id
 * sequence, risk counters, kill-switch state) is first
 * rebuilt from a previous session's journal: from the snapshot it wrote when it ended, or, without a valid one, by
 * replaying its inputs ({@link SnapshotRecovery}; what is read is copied into the new journal, no order is sent
 * again), and the first UP reconciles it with the broker; after {@code --seconds} (default: until killed) it closes
 * the session, which writes its own snapshot, and verifies the journal's replay; SIGTERM or SIGINT (a {@code systemctl
 * stop}, Ctrl-C) ends it the same way ({@link StopSignal}) before the JVM exits. {@code live-ib} refuses to start
 * without {@code --live} and {@code --confirm-account} equal to {@code --account}.
 */
final class IbRunCommand
{
    static final Set<String> PROFILES = Set.of("paper-ib", "live-ib");
    private static final Set<String> OPTIONS = Set.of("profile", "config", "journal", "host", "port", "client-id",
        "account", "confirm-account", "conids", "seconds", "messages-per-second", "recover-from",
        OpsLauncher.TOKEN_FILE_OPTION);

    private IbRunCommand()
    {
    }

    static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("run", argv, OPTIONS, Set.of("live", "no-ops")).noPositional();
        final boolean ops = !args.flag("no-ops");
        final OpsTokens tokens = ops ? OpsLauncher.tokens(args) : OpsTokens.none();
        final String profile = args.option("profile");
        final boolean live = "live-ib".equals(profile);
        final String account = args.option("account") == null ? "" : args.option("account");
        if (live && (!args.flag("live") || account.isEmpty() || !account.equals(args.option("confirm-account"))))
        {
            throw new UsageException("run --profile live-ib trades real money: it needs --live, --account ACCOUNT "
                + "and --confirm-account with the same ACCOUNT (got --live " + args.flag("live") + ", --account '"
                + account + "', --confirm-account '" + args.option("confirm-account") + "')");
        }
        final EngineConfig config = EngineSetup.loadConfig(args, profile);
        EngineSetup.noteUnusedBars(config, err);
        final int port = args.option("port") == null ? (live ? TwsProtocol.LIVE_PORT : TwsProtocol.PAPER_PORT)
            : (int)args.longOption("port", 1, 65535);
        final String host = args.option("host") == null ? "127.0.0.1" : args.option("host");
        final int clientId = args.option("client-id") == null ? 1 : (int)args.longOption("client-id", 0, 1_000_000);
        final int rate = args.option("messages-per-second") == null ? TwsConnectionConfig.MESSAGES_PER_SECOND_DEFAULT
            : (int)args.longOption("messages-per-second", 1, TwsProtocol.IB_MAX_MESSAGES_PER_SECOND);
        final long seconds = args.option("seconds") == null ? 0 : args.longOption("seconds", 1, 10_000_000);
        final Map<String, Long> conIds = conIds(args.option("conids"));
        final TwsConnectionConfig tws = new TwsConnectionConfig(host, port, clientId, rate, 1, 5_000_000_000L,
            10_000_000_000L, 100_000_000L, 10_000_000_000L);
        final Instant start = Instant.now();
        final String runId = EngineSetup.runId(profile, start);
        final Path journalDir = args.option("journal") != null ? Path.of(args.option("journal"))
            : Path.of(config.journal().dir(), runId);
        final Path recoverFrom = "last".equals(args.option("recover-from"))
            ? lastJournal(journalDir.toAbsolutePath().getParent(), profile, journalDir, out)
            : args.option("recover-from") == null ? null : Path.of(args.option("recover-from"));
        if (recoverFrom != null && recoverFrom.toAbsolutePath().normalize().equals(
            journalDir.toAbsolutePath().normalize()))
        {
            throw new UsageException("run: --recover-from must name the previous session's journal, not this one's ("
                + journalDir + ")");
        }
        final RunManifest manifest = EngineSetup.manifest(runId, "live", start,
            EngineSetup.configSource(args, profile), args.sets(), config);
        out.printf("meridian run %s: %s:%d client %d account '%s', %d instruments, journal %s%s%n", profile, host,
            port, clientId, account, config.instruments().size(), journalDir,
            seconds > 0 ? ", for " + seconds + " s" : ", until killed");
        out.flush();
        final StopSignal stop = StopSignal.install("run " + profile, out);
        try
        {
            return runJournaled(new Plan(config, profile, tws, account, conIds, journalDir, manifest, recoverFrom, ops,
                tokens, runId, args, seconds), stop, out, err);
        }
        finally
        {
            out.flush();
            stop.finished();
        }
    }

    /** What the command line asked for, checked. */
    private record Plan(EngineConfig config, String profile, TwsConnectionConfig tws, String account,
        Map<String, Long> conIds, Path journalDir, RunManifest manifest, Path recoverFrom, boolean ops,
        OpsTokens tokens, String runId, Args args, long seconds)
    {
    }

    private static int runJournaled(
        final Plan plan, final StopSignal stop, final PrintStream out, final PrintStream err)
    {
        final EngineConfig config = plan.config();
        final String profile = plan.profile();
        final Path journalDir = plan.journalDir();
        final Path recoverFrom = plan.recoverFrom();
        final Args args = plan.args();
        final long processed;
        final long orders;
        try (Scorer scorer = Scorers.create(config);
            JournalWriter journal = JournalWriter.open(journalDir, plan.manifest().toText());
            IbEngineSession session = new IbEngineSession(config, scorer, plan.tws(), plan.account(), plan.conIds(),
                Backtest.journal(journal), new SystemEpochNanoClock()))
        {
            if (recoverFrom != null)
            {
                final long recoveryStart = System.nanoTime();
                final SnapshotRecovery.Result recovery =
                    SnapshotRecovery.recover(recoverFrom, session, config, scorer, err::println);
                final long recoveryMs = (System.nanoTime() - recoveryStart) / 1_000_000;
                out.printf("meridian run %s: recovered %,d inbound records from %s in %,d ms: %s (%,d orders, "
                    + "positions %s)%n", profile, session.recovered(), recoverFrom, recoveryMs, recovery.line(),
                    session.pipeline().orders().ordersSent(), positions(session));
                out.flush();
            }
            session.snapshots(journalDir, plan.manifest().toText());
            final EngineState state = new EngineState(config.instruments().size());
            final OperatorInbox inbox = new OperatorInbox();
            if (plan.ops())
            {
                session.serveOps(state, inbox);
            }
            final OpsEngine.Source source = OpsEngine.singleThreaded(session::processedSequence, state, inbox,
                session.reconciliationLog());
            final OpsLauncher server = plan.ops() ? OpsLauncher.start(new OpsEngine(source, config, plan.runId(),
                EngineSetup.configSource(args, profile), journalDir.toString()), plan.tokens(), OpsLauncher.URL_FILE,
                err) : null;
            try
            {
                runSession(session, plan.seconds(), stop, out, err);
            }
            finally
            {
                if (server != null)
                {
                    server.close();
                }
            }
            processed = session.processed();
            orders = session.pipeline().orders().ordersSent();
            out.printf("meridian run %s: %,d inbound records, %,d orders, %,d fills, %d sessions%n", profile,
                processed, orders, session.pipeline().orders().fills(), session.gateway().connection().sessions());
            final BrokerReconciler reconciler = session.pipeline().orders().reconciler();
            out.printf("meridian run %s: %d reconciliations, last with %d differences (%d halting); positions %s; "
                + "trading %s%n", profile, reconciler.reconciliations(), reconciler.diffs(), reconciler.haltingDiffs(),
                positions(session), TradingState.name(
                    session.pipeline().orders().killSwitch().state()));
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of(), Threads.readAhead());
        out.println(verdict.line());
        return verdict.identical() ? 0 : 1;
    }

    /**
     * {@code --recover-from last}: the newest journal of this profile beside this session's ({@code
     * <profile>-yyyyMMdd-HHmmss}, so the names sort by start time), or none on a first start; what was chosen is
     * printed.
     *
     * @param root the directory the journals are in.
     * @param profile the profile whose journals count.
     * @param current this session's journal, never chosen.
     * @param out where the choice is printed.
     * @return the journal, or null.
     */
    static Path lastJournal(final Path root, final String profile, final Path current, final PrintStream out)
    {
        final Pattern name = Pattern.compile(
            Pattern.quote(profile) + "-\\d{8}-\\d{6}");
        Path last = null;
        if (root != null && Files.isDirectory(root))
        {
            try (Stream<Path> list = Files.list(root))
            {
                for (final Path p : list.toList())
                {
                    final String fileName = String.valueOf(p.getFileName());
                    if (Files.isDirectory(p) && name.matcher(fileName).matches()
                        && !p.toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize())
                        && (last == null || fileName.compareTo(String.valueOf(last.getFileName())) > 0))
                    {
                        last = p;
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("run: --recover-from last: cannot list " + root, ex);
            }
        }
        out.println("meridian run " + profile + ": --recover-from last: " + (last == null
            ? "no earlier " + profile + " journal in " + root + ", starting from an empty state" : last));
        return last;
    }

    private static void runSession(
        final IbEngineSession session, final long seconds, final StopSignal stop, final PrintStream out,
        final PrintStream err)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        final long startNs = System.nanoTime();
        session.start(startNs);
        boolean up = false;
        int problems = 0;
        long now = startNs;
        while ((seconds == 0 || now - startNs < seconds * 1_000_000_000L) && !stop.requested())
        {
            idle.idle(session.doWork(now));
            now = System.nanoTime();
            if (session.gateway().up() != up)
            {
                up = session.gateway().up();
                out.println("ib: venue " + (up ? "UP" : "DOWN") + " after " + (now - startNs) / 1_000_000 + " ms");
            }
            final List<String> found = session.gateway().contractProblems();
            for (; problems < found.size(); problems++)
            {
                err.println("ib: contract check failed, trading stays off: " + found.get(problems));
            }
        }
    }

    private static String positions(final IbEngineSession session)
    {
        final StringBuilder b = new StringBuilder();
        final PositionKeeper p = session.pipeline().orders().positions();
        for (int i = 0; i < p.instruments(); i++)
        {
            b.append(i == 0 ? "" : " ").append(session.pipeline().instruments().symbol(i)).append('=')
                .append(p.position(i));
        }
        return b.toString();
    }

    private static Map<String, Long> conIds(final String text)
    {
        final Map<String, Long> ids = new LinkedHashMap<>();
        if (text == null || text.isBlank())
        {
            return ids;
        }
        for (final String pair : text.split(",", -1))
        {
            final int eq = pair.indexOf('=');
            try
            {
                ids.put(pair.substring(0, eq).trim(), Long.parseLong(pair.substring(eq + 1).trim()));
            }
            catch (final RuntimeException ex)
            {
                throw new UsageException("run: --conids needs SYMBOL=CONID,... got '" + pair + "'", ex);
            }
        }
        return ids;
    }
}
