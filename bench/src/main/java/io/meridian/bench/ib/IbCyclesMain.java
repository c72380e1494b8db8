package io.meridian.bench.ib;

import io.meridian.bench.data.BenchManifest;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.order.BrokerReconciler;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.OperatorInbox;
import io.meridian.runtime.ib.IbEngineSession;
import io.meridian.runtime.ib.SnapshotRecovery;
import io.meridian.runtime.launch.Args;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * {@code ./meridian bench ib-cycles [--cycles N] [--trade-ms MS]}: N cycles of connect, trade, kill, restart and
 * reconcile against one ib-sim over loopback, on one thread. Each cycle builds a new engine session (a new client id,
 * a new journal), recovers its state from the engine-state snapshot the previous cycle wrote when it was dropped
 * ({@link SnapshotRecovery}; so a cycle's start-up does not grow with the cycles before it), connects,
 * reconciles at the first UP, trades for {@code --trade-ms}, and is then dropped with its orders working (the socket
 * closes under it; the simulator keeps its orders and fills them while no engine runs). Counted per cycle: whether
 * the reconciliation found the engine's positions equal to the simulator's snapshot (no position mismatch or duplicate
 * order reference once missed fills were applied), whether the positions then equal the simulator's live ones (within
 * 3 s, when no fill is on the socket), missed fills applied, halting differences; over the run: order ids the
 * simulator saw twice, pacing violations at IB's 50 messages/s (the client paces at 45), and whether the last
 * journal replays identical. A reconciliation with halting differences leaves trading HALTED; the harness then
 * resumes it as an operator would (a RESUME through the session's operator inbox, journaled), so later cycles trade.
 */
public final class IbCyclesMain
{
    private static final String USAGE = "usage: meridian bench ib-cycles [--cycles N] [--trade-ms MS]   "
        + "(defaults 5, 1500)";

    private static final List<String> OVERRIDES = List.of("kill.dailyLossLimit=1e12");

    private IbCyclesMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args the options.
     * @throws IOException when a socket or the journal fails.
     */
    public static void main(final String[] args) throws IOException
    {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the harness.
     *
     * @param args the options.
     * @param out where the report goes.
     * @return 0 when every cycle reconciled to the simulator's truth with no duplicate id, 1 otherwise.
     * @throws IOException when a socket or the journal fails.
     */
    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("cycles", "5");
        defaults.put("trade-ms", "1500");
        final Args options = Args.parse("bench ib-cycles", List.of(args), defaults, Set.of(Args.HELP))
            .noPositional();
        if (options.help())
        {
            out.println(USAGE);
            return 0;
        }
        final int cycles = (int)options.longOption("cycles", 1, 1_000);
        final long tradeNs = options.longOption("trade-ms", 100, 600_000) * 1_000_000L;
        final EngineConfig config = ConfigLoader.loadProfile("demo", OVERRIDES);
        final Path base = Files.createTempDirectory("meridian-ib-cycles");
        int equal = 0;
        int converged = 0;
        long missed = 0;
        long halting = 0;
        long orders = 0;
        int inFlight = 0;
        int resumes = 0;
        final long started = System.nanoTime();
        boolean identical;
        long duplicates;
        long pacing;
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(2),
            SimFaults.parse("pacing=50"), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            Path previous = null;
            for (int c = 1; c <= cycles; c++)
            {
                final Path journalDir = base.resolve("cycle-" + c);
                final String manifest = BenchManifest.text(config, "ib-cycles-" + c, "live", OVERRIDES);
                try (Scorer scorer = Scorers.create(config);
                    JournalWriter journal = JournalWriter.open(journalDir, manifest);
                    IbEngineSession session = new IbEngineSession(config, scorer, new TwsConnectionConfig(
                        "127.0.0.1", port, 101, 45, 1, 5_000_000_000L, 5_000_000_000L, 10_000_000L,
                        100_000_000L), "DU0000001", Map.of(), Backtest.journal(journal), new SystemEpochNanoClock()))
                {
                    if (previous != null)
                    {
                        SnapshotRecovery.recover(previous, session, config.instruments().size(), out::println);
                    }
                    session.snapshots(journalDir, manifest);
                    final OperatorInbox inbox = new OperatorInbox();
                    session.serveOps(new EngineState(config.instruments().size()), inbox);
                    final long ordersBefore = session.pipeline().orders().ordersSent();
                    session.start(System.nanoTime());
                    final BrokerReconciler reconciler = session.pipeline().orders().reconciler();
                    final long recoveredReconciliations = reconciler.reconciliations();
                    final long deadline = System.nanoTime() + 60_000_000_000L;
                    while (reconciler.reconciliations() == recoveredReconciliations && System.nanoTime() < deadline)
                    {
                        sim.doWork(System.nanoTime());
                        session.doWork(System.nanoTime());
                    }
                    final boolean truth = reconciler.reconciliations() > recoveredReconciliations
                        && agrees(reconciler);
                    missed += missedFills(reconciler);
                    halting += reconciler.haltingDiffs();
                    resumes += accept(reconciler, inbox);
                    equal += truth ? 1 : 0;
                    // the engine trades on; its positions equal the simulator's whenever no fill is on the socket
                    final long convergeBy = System.nanoTime() + 3_000_000_000L;
                    while (!samePositions(sim, session) && System.nanoTime() < convergeBy)
                    {
                        sim.doWork(System.nanoTime());
                        session.doWork(System.nanoTime());
                    }
                    converged += samePositions(sim, session) ? 1 : 0;
                    pump(sim, session, System.nanoTime() + tradeNs);
                    orders += session.pipeline().orders().ordersSent() - ordersBefore;
                    final int working = working(session);
                    inFlight += working > 0 ? 1 : 0;
                    out.printf("cycle %d: recovered %,d records, reconciled %s (%d differences, %d halting%s), "
                        + "%d orders this cycle, dropped with %d working%n", c, session.recovered(),
                        truth ? "= simulator" : "!= simulator", reconciler.diffs(), reconciler.haltingDiffs(),
                        describe(reconciler), session.pipeline().orders().ordersSent() - ordersBefore, working);
                }
                previous = journalDir;
            }
            duplicates = sim.duplicateOrderIds();
            pacing = sim.pacingViolations();
            identical = ReplayVerifier.verify(previous, List.of()).identical();
        }
        finally
        {
            deleteTree(base);
        }
        out.printf("ib-cycles: %d cycles in %.1f s: reconciled = simulator %d/%d, positions equal after "
            + "reconciling %d/%d, missed fills applied %d, halting differences %d (operator resumes %d), orders %d, "
            + "dropped with orders working %d/%d, duplicate order ids %d, pacing violations (> 50 msg/s) %d, last "
            + "journal replays %s%n", cycles, (System.nanoTime() - started) / 1e9, equal, cycles, converged, cycles,
            missed, halting, resumes, orders, inFlight, cycles, duplicates, pacing, identical ? "identical"
            : "DIVERGENT");
        return equal == cycles && converged == cycles && duplicates == 0 && identical ? 0 : 1;
    }

    /** Whether the reconciliation found the engine's positions equal to the simulator's snapshot. */
    private static boolean agrees(final BrokerReconciler r)
    {
        boolean truth = true;
        for (int i = 0; i < r.diffs(); i++)
        {
            truth &= r.diffKind(i) != ReconciliationCodec.KIND_POSITION_MISMATCH
                && r.diffKind(i) != ReconciliationCodec.KIND_DUPLICATE_ORDER_REF;
        }
        return truth;
    }

    private static int missedFills(final BrokerReconciler r)
    {
        int missed = 0;
        for (int i = 0; i < r.diffs(); i++)
        {
            missed += r.diffKind(i) == ReconciliationCodec.KIND_MISSED_FILL ? 1 : 0;
        }
        return missed;
    }

    /**
     * An operator reads halting differences and accepts them, as the README tells one to: a RESUME through the
     * session's inbox and journal, so the later cycles trade again.
     *
     * @return 1 when it resumed.
     */
    private static int accept(final BrokerReconciler r, final OperatorInbox inbox)
    {
        if (r.haltingDiffs() == 0)
        {
            return 0;
        }
        inbox.submit(OperatorCommand.RESUME, 0, OperatorCodec.packOperator("bench"));
        return 1;
    }

    private static String describe(final BrokerReconciler r)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.diffs(); i++)
        {
            b.append("; kind ").append(r.diffKind(i)).append(" order ").append(r.diffClOrdId(i)).append(" engine ")
                .append(r.diffEngine(i)).append(" broker ").append(r.diffBroker(i));
        }
        return b.toString();
    }

    private static int working(final IbEngineSession session)
    {
        int n = 0;
        for (int i = 0; i < session.pipeline().orders().positions().instruments(); i++)
        {
            n += session.pipeline().orders().hasWorkingOrder(i) ? 1 : 0;
        }
        return n;
    }

    private static void pump(final IbSimulator sim, final IbEngineSession session, final long untilNs)
        throws IOException
    {
        while (System.nanoTime() < untilNs)
        {
            sim.doWork(System.nanoTime());
            session.doWork(System.nanoTime());
        }
    }

    private static void deleteTree(final Path base) throws IOException
    {
        try (Stream<Path> walk = Files.walk(base))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Whether the engine holds the simulator's positions.
     */
    private static boolean samePositions(final IbSimulator sim, final IbEngineSession session)
    {
        final PositionKeeper positions = session.pipeline().orders().positions();
        for (int i = 0; i < positions.instruments(); i++)
        {
            if (sim.position(session.pipeline().instruments().symbol(i)) != positions.position(i))
            {
                return false;
            }
        }
        return true;
    }
}
