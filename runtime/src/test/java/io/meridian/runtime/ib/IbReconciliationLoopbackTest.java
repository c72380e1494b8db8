package io.meridian.runtime.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.count;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.samePositions;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.order.OrderStore;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.runtime.driver.OperatorInbox;
import java.util.Set;
import java.util.TreeSet;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation over loopback against ib-sim (issue 9 §3): the engine trades, its session ends with orders working
 * (the simulator keeps them and keeps filling while the engine is away), and a new engine process-equivalent recovers
 * its state from the first journal ({@link IbEngineSession#recover}), connects, and reconciles at the first UP. The
 * second session uses the first one's client id, as a restart must (IB reports a client's open orders and executions
 * to that client id). The test checks the RECONCILIATION records against the simulator's truth: positions equal the
 * simulator's, missed fills were applied, no order id reached the simulator twice, and the second journal (which
 * carries the first session's inputs) replays identical on its own. A second test starts an engine that lost its
 * journal (no recovery, same client id): its reconciliation finds the broker's orders unknown to it and its positions
 * different and halts; after an operator resume its live orders and positions equal the simulator's (the broker's
 * orders cancelled, its positions adopted) and its journal replays identical. A third reconnects within one session
 * (ib-sim {@code disconnect@T}) and checks that a reconciliation follows every UP.
 */
class IbReconciliationLoopbackTest
{

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRecoveredEngineReconcilesWithTheSimulatorsTruth(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(first, manifest(config, "first"));
                IbEngineSession session = started(config, scorer, port, 3, journal))
            {
                runUntil(sim, session, () -> session.pipeline().orders().fills() >= 3, 60);
                assertEquals(1, session.pipeline().orders().reconciler().reconciliations(), "reconciled at UP");
            }
            // the engine is gone; the simulator keeps its orders and fills them on its own market
            final long idleUntil = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < idleUntil)
            {
                sim.doWork(System.nanoTime());
            }
            final List<String> reconciliation = new ArrayList<>();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(second, manifest(config, "second"));
                IbEngineSession session = started(config, scorer, port, 3, journal))
            {
                try (JournalReader previous = JournalReader.open(first))
                {
                    previous.readInput(session::recover);
                }
                assertTrue(session.recovered() > 0, "recovered the first session's inputs");
                final long ordersBefore = session.pipeline().orders().ordersSent();
                final long before = session.pipeline().orders().reconciler().reconciliations();
                assertEquals(1, before, "the first session's reconciliation, recovered");
                runUntil(sim, session, () -> session.pipeline().orders().reconciler().reconciliations() > before, 30);
                // the reconciliation compared with the simulator's snapshot; the engine trades on, so its positions
                // equal the simulator's whenever no fill is in flight on the socket
                final PositionKeeper positions = session.pipeline().orders().positions();
                final var diffs = session.pipeline().orders().reconciler();
                for (int i = 0; i < diffs.diffs(); i++)
                {
                    System.out.println("ib reconciliation difference: kind " + diffs.diffKind(i) + " order "
                        + diffs.diffClOrdId(i) + " engine " + diffs.diffEngine(i) + " broker " + diffs.diffBroker(i));
                }
                runUntil(sim, session, () -> samePositions(sim, session), 10);
                for (int i = 0; i < positions.instruments(); i++)
                {
                    final String symbol = session.pipeline().instruments().symbol(i);
                    assertEquals(sim.position(symbol), positions.position(i), symbol + " position after reconciling");
                }
                assertTrue(session.pipeline().orders().workingOrders().nextId() > ordersBefore,
                    "order ids continue above the first session's");
                final var reconciler = session.pipeline().orders().reconciler();
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    reconciliation.add(ReconciliationCodec.class.getSimpleName() + " kind " + reconciler.diffKind(i)
                        + " order " + reconciler.diffClOrdId(i) + " engine " + reconciler.diffEngine(i) + " broker "
                        + reconciler.diffBroker(i));
                }
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    assertTrue(reconciler.diffKind(i) != ReconciliationCodec.KIND_POSITION_MISMATCH
                        && reconciler.diffKind(i) != ReconciliationCodec.KIND_DUPLICATE_ORDER_REF,
                        reconciliation.get(i));
                }
                System.out.println("ib reconciliation: recovered " + session.recovered() + " records, "
                    + reconciler.diffs() + " differences " + reconciliation);
            }
            assertEquals(0, sim.duplicateOrderIds(), "no order id reached the simulator twice");
        }
        assertTrue(count(second, RecordType.RECONCILIATION) >= 1, "RECONCILIATION journaled");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(second, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEngineThatLostItsJournalAgreesWithTheBrokerOnceAnOperatorAcceptsTheDifferences(@TempDir final Path dir)
        throws IOException
    {
        final EngineConfig config = config();
        final Path second = dir.resolve("second");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(dir.resolve("first"), manifest(config, "first"));
                IbEngineSession session = started(config, scorer, port, 6, journal))
            {
                runUntil(sim, session, () -> session.pipeline().orders().fills() >= 2
                    && !sim.workingOrderIds().isEmpty(), 60);
            }
            // a new engine with the same client id and no recovery: the broker's orders and positions are unknown to
            // it, so its reconciliation halts; the operator accepts it
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(second, manifest(config, "second"));
                IbEngineSession session = session(config, scorer, port, 6, journal))
            {
                final OperatorInbox inbox = new OperatorInbox();
                session.serveOps(new EngineState(config.instruments().size()), inbox);
                session.start(System.nanoTime());
                final var reconciler = session.pipeline().orders().reconciler();
                runUntil(sim, session, () -> reconciler.reconciliations() >= 1, 30);
                int unknownToEngine = 0;
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    unknownToEngine += reconciler.diffKind(i) == ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE
                        ? 1 : 0;
                }
                assertTrue(unknownToEngine >= 1, "the first session's working orders are unknown to this engine");
                assertEquals(TradingState.HALTED, session.pipeline().orders().killSwitch().state());
                inbox.submit(OperatorCommand.RESUME, 0, OperatorCodec.packOperator("test"));
                // the resume cancels them at the broker and adopts its positions; the engine then trades on, so
                // wait for a moment when its live orders and positions are the simulator's
                runUntil(sim, session, () -> session.pipeline().orders().killSwitch().state() == TradingState.ACTIVE
                    && samePositions(sim, session) && sameOrders(sim, session), 30);
            }
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(second, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    /** The engine's live orders (by client order id) are the simulator's working orders (by order reference). */
    private static boolean sameOrders(final IbSimulator sim, final IbEngineSession session)
    {
        final OrderStore store = session.pipeline().orders().workingOrders().store();
        final Set<Long> live = new TreeSet<>();
        for (int s = 0; s < store.capacity(); s++)
        {
            if (store.state(s) != OrderStore.DONE)
            {
                live.add(store.clOrdId(s));
            }
        }
        return live.equals(new TreeSet<>(sim.workingOrderRefs()));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyReconnectIsReconciled(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path journalDir = dir.resolve("journal");
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
            SimFaults.parse("disconnect@1.5"), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest(config, "reconnect"));
                IbEngineSession session = started(config, scorer, port, 5, journal))
            {
                runUntil(sim, session, () -> session.gateway().connection().sessions() >= 2
                    && session.pipeline().orders().reconciler().reconciliations() >= 2, 60);
                assertEquals(2, session.pipeline().orders().reconciler().reconciliations());
                assertEquals(0, session.pipeline().orders().reconciler().haltingDiffs(),
                    "a reconnect in the same process differs in nothing but fills");
            }
        }
        assertTrue(count(journalDir, RecordType.RECONCILIATION) >= 2, "a RECONCILIATION record per UP");
        assertTrue(count(journalDir, RecordType.POSITION) >= 2, "POSITION snapshots journaled");
        assertTrue(count(journalDir, RecordType.ACCOUNT_VALUE) >= 2, "ACCOUNT_VALUE journaled");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }


    private static IbEngineSession started(
        final EngineConfig config, final Scorer scorer, final int port, final int clientId, final JournalWriter journal)
    {
        final IbEngineSession session = session(config, scorer, port, clientId, journal);
        session.start(System.nanoTime());
        return session;
    }
}
