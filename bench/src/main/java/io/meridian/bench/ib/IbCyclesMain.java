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
import io.meridian.engine.order.OrderStore;
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
import io.meridian.runtime.launch.Threads;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * order reference once missed fills were applied), whether the positions and the live orders (by client order id)
 * then equal the simulator's (within 3 s, at a moment when no fill or order is on the socket; a cycle that does not
 * prints both order sets), missed fills applied, halting differences; over the run: order ids the simulator saw
 * twice, pacing violations at IB's 50 messages/s, the most messages a session sent within any one second (the client
 * paces at 45 with a burst of 1), whether the last journal replays identical, the orders still waiting for a pacing
 * token when a session was dropped (rejected with VENUE_NOT_SENT as it closes), orders finished as never sent at a
 * reconciliation, the most broker executions in one reconciliation's snapshot and the most records a restart
 * recovered. A reconciliation with halting
 * differences leaves trading HALTED; the harness then resumes it as an operator would (a RESUME through the
 * session's operator inbox, journaled, which adopts the broker's side of each difference), so later cycles trade.
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
     * @return 0 when every cycle reconciled to the simulator's truth and then held its positions and live orders, no
     *     order id was seen twice, no second held more than 45 messages, and the last journal replays identical; 1
     *     otherwise.
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
        final Tally t = new Tally();
        final long started = System.nanoTime();
        final boolean identical;
        final long duplicates;
        final long pacing;
        final int mostPerSecond;
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(2),
            SimFaults.parse("pacing=50"), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            Path previous = null;
            for (int c = 1; c <= cycles; c++)
            {
                final Path journalDir = base.resolve("cycle-" + c);
                cycle(c, config, sim, port, previous, journalDir, tradeNs, t, out);
                previous = journalDir;
            }
            duplicates = sim.duplicateOrderIds();
            pacing = sim.pacingViolations();
            mostPerSecond = sim.mostMessagesInOneSecond();
            identical = ReplayVerifier.verify(previous, List.of(), Threads.readAhead()).identical();
        }
        finally
        {
            deleteTree(base);
        }
        out.printf("ib-cycles: %d cycles in %.1f s: reconciled = simulator %d/%d, positions and orders equal after "
            + "reconciling %d/%d, missed fills applied %d, halting differences %d (operator resumes %d), orders %d, "
            + "dropped with orders working %d/%d, duplicate order ids %d, pacing violations (> 50 msg/s) %d, most "
            + "messages in one second %d, last journal replays %s; queued orders rejected at the drop (VENUE_NOT_SENT) "
            + "%d, orders never sent finished at reconciliation %d, broker executions in a reconciliation's snapshot "
            + "max %d, records recovered at a restart max %d%n",
            cycles, (System.nanoTime() - started) / 1e9,
            t.equal, cycles, t.converged, cycles, t.missed, t.halting, t.resumes, t.orders, t.inFlight, cycles,
            duplicates, pacing, mostPerSecond, identical ? "identical" : "DIVERGENT", t.notSent, t.neverSent,
            t.mostSnapshotExecutions, t.mostRecovered);
        return t.equal == cycles && t.converged == cycles && duplicates == 0 && mostPerSecond <= 45 && identical
            ? 0 : 1;
    }

    /** What the cycles add up to. */
    private static final class Tally
    {
        int equal;
        int converged;
        long missed;
        long halting;
        long orders;
        int inFlight;
        int resumes;
        long notSent;
        long neverSent;
        int mostSnapshotExecutions;
        long mostRecovered;
    }

    /** One cycle: a session recovers from the previous one's journal, reconciles, trades, and is dropped. */
    private static void cycle(
        final int c, final EngineConfig config, final IbSimulator sim, final int port, final Path previous,
        final Path journalDir, final long tradeNs, final Tally t, final PrintStream out) throws IOException
    {
        final String manifest = BenchManifest.text(config, "ib-cycles-" + c, "live", OVERRIDES);
        try (Scorer scorer = Scorers.create(config);
            JournalWriter journal = JournalWriter.open(journalDir, manifest);
            IbEngineSession session = new IbEngineSession(config, scorer, new TwsConnectionConfig(
                "127.0.0.1", port, 101, 45, 1, 5_000_000_000L, 5_000_000_000L, 10_000_000L,
                100_000_000L), "DU0000001", Map.of(), Backtest.journal(journal), new SystemEpochNanoClock()))
        {
            if (previous != null)
            {
                SnapshotRecovery.recover(previous, session, config, scorer, out::println);
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
            final boolean truth = reconciler.reconciliations() > recoveredReconciliations && agrees(reconciler);
            t.missed += missedFills(reconciler);
            t.neverSent += kindCount(reconciler, ReconciliationCodec.KIND_ORDER_NEVER_SENT);
            t.mostSnapshotExecutions = Math.max(t.mostSnapshotExecutions, reconciler.snapshotExecutions());
            t.mostRecovered = Math.max(t.mostRecovered, session.recovered());
            t.halting += reconciler.haltingDiffs();
            t.resumes += accept(reconciler, inbox);
            t.equal += truth ? 1 : 0;
            // the engine trades on; its positions and live orders equal the simulator's whenever no fill or order is
            // on the socket
            final long convergeBy = System.nanoTime() + 3_000_000_000L;
            while (!sameState(sim, session) && System.nanoTime() < convergeBy)
            {
                sim.doWork(System.nanoTime());
                session.doWork(System.nanoTime());
            }
            final boolean same = sameState(sim, session);
            t.converged += same ? 1 : 0;
            if (!same)
            {
                out.printf("cycle %d: after reconciling, the engine's live orders %s, the simulator's %s; positions "
                    + "%s%n", c, liveOrders(session), new TreeSet<>(sim.workingOrderRefs()),
                    samePositions(sim, session) ? "equal" : "differ");
            }
            pump(sim, session, System.nanoTime() + tradeNs);
            final long sent = session.pipeline().orders().ordersSent() - ordersBefore;
            t.orders += sent;
            final int working = working(session);
            t.inFlight += working > 0 ? 1 : 0;
            t.notSent += session.gateway().pacedNewOrders();     // rejected with VENUE_NOT_SENT as the session closes
            out.printf("cycle %d: recovered %,d records, reconciled %s (%d differences, %d halting%s), %d orders this "
                + "cycle, dropped with %d working (%d requests waiting for a pacing token)%n", c, session.recovered(),
                truth ? "= simulator" : "!= simulator", reconciler.diffs(), reconciler.haltingDiffs(),
                describe(reconciler, sim), sent, working, session.gateway().pacedRequests());
        }
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

    private static int kindCount(final BrokerReconciler r, final byte kind)
    {
        int n = 0;
        for (int i = 0; i < r.diffs(); i++)
        {
            n += r.diffKind(i) == kind ? 1 : 0;
        }
        return n;
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

    private static String describe(final BrokerReconciler r, final IbSimulator sim)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.diffs(); i++)
        {
            b.append("; kind ").append(r.diffKind(i)).append(" order ").append(r.diffClOrdId(i)).append(" engine ")
                .append(r.diffEngine(i)).append(" broker ").append(r.diffBroker(i));
            if (r.diffKind(i) == ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER)
            {
                b.append(" (simulator: ").append(sim.describeOrderRef(r.diffClOrdId(i))).append(')');
            }
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
     * Whether the engine holds the simulator's positions and the same live orders (by client order id).
     */
    private static boolean sameState(final IbSimulator sim, final IbEngineSession session)
    {
        return samePositions(sim, session) && liveOrders(session).equals(new TreeSet<>(sim.workingOrderRefs()));
    }

    /** The client order ids of the orders the engine has sent and not seen finished. */
    private static TreeSet<Long> liveOrders(final IbEngineSession session)
    {
        final OrderStore store = session.pipeline().orders().workingOrders().store();
        final TreeSet<Long> live = new TreeSet<>();
        for (int s = 0; s < store.capacity(); s++)
        {
            if (store.state(s) != OrderStore.DONE)
            {
                live.add(store.clOrdId(s));
            }
        }
        return live;
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
