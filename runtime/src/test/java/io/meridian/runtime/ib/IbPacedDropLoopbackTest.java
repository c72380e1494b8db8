package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.BrokerReconciler;
import io.meridian.engine.order.OrderStore;
import io.meridian.gateway.ibsim.IbSimulator;
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
import io.meridian.engine.codec.ConnectivityCodec;

/**
 * Orders waiting for a pacing token when the session is lost (issue 9 §1: "orders are never dropped silently"): the
 * engine trades against ib-sim through an adapter paced at 5 messages/s, so its orders queue for tokens; the session
 * is dropped (ib-sim closes every connection) while a NEW is queued. Each queued NEW comes back at once as an
 * EXEC_REPORT REJECTED with {@code VENUE_NOT_SENT}, journaled, and the engine finishes the order; the reconciliation
 * after the reconnect finds nothing missing at the broker (no halting difference), and the journal replays identical.
 * A second test kills the engine (it is never closed and never runs again, as after SIGKILL) while a NEW waits for a
 * token: the restarted engine recovers the NEW from the journal, finds no ORDER_SENT for it, and its reconciliation
 * finishes it as ORDER_NEVER_SENT (applied, not halting), while the simulator never received it.
 */
class IbPacedDropLoopbackTest
{
    @Test
    @Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void queuedOrdersAreRejectedAtTheDropAndTheReconnectReconcilesClean(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path journalDir = dir.resolve("journal");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest(config, "paced-drop"));
                IbEngineSession session = session(config, scorer, port, 11, journal, 5))
            {
                session.start(System.nanoTime());
                final BrokerReconciler reconciler = session.pipeline().orders().reconciler();
                int drops = 0;
                while (session.gateway().notSentRejects() == 0)
                {
                    assertTrue(drops < 20, "no NEW was queued at any of 20 drops");
                    // trade until something waits for a pacing token, then drop the session under it
                    final long reconciled = reconciler.reconciliations();
                    runUntil(sim, session, () -> reconciler.reconciliations() > reconciled && session.gateway().up(),
                        30);
                    assertEquals(0, reconciler.haltingDiffs(), "reconnect " + drops + " reconciled clean");
                    runUntil(sim, session, () -> session.gateway().pacedNewOrders() > 0, 60);
                    sim.disconnectAll();
                    runUntil(sim, session, () -> !session.gateway().up(), 10);
                    drops++;
                }
                final long reconciled = reconciler.reconciliations();
                runUntil(sim, session, () -> reconciler.reconciliations() > reconciled, 30);
                final List<String> diffs = new ArrayList<>();
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    diffs.add("kind " + reconciler.diffKind(i) + " order " + reconciler.diffClOrdId(i));
                    assertTrue(reconciler.diffKind(i) != ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, "" + diffs);
                }
                assertEquals(0, reconciler.haltingDiffs(), "the reconciliation after the drop: " + diffs);
                final List<Long> rejected = notSent(journalDir);
                assertEquals(session.gateway().notSentRejects(), rejected.size(), "every reject journaled");
                final OrderStore store = session.pipeline().orders().workingOrders().store();
                for (final long id : rejected)
                {
                    assertEquals(-1, store.slotOf(id), "order " + id + " finished");
                    assertEquals("never received", sim.describeOrderRef(id), "order " + id);
                }
            }
            assertEquals(0, sim.duplicateOrderIds());
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    /** Client order ids of the journaled VENUE_NOT_SENT rejects, each checked to come before the DOWN that follows. */
    private static List<Long> notSent(final Path journalDir)
    {
        final List<Long> ids = new ArrayList<>();
        final boolean[] pendingDown = new boolean[1];
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            reader.readInput((b, o, l) ->
            {
                if (Header.type(b, o) == RecordType.EXEC_REPORT
                    && ExecReportCodec.rejectCode(b, o) == RejectReason.VENUE_NOT_SENT.code())
                {
                    assertEquals(ExecType.REJECTED, ExecReportCodec.execType(b, o));
                    ids.add(ExecReportCodec.clOrdId(b, o));
                    pendingDown[0] = true;
                }
                else if (Header.type(b, o) == RecordType.CONNECTIVITY && pendingDown[0])
                {
                    assertEquals(ConnectivityState.DOWN, ConnectivityCodec.state(b, o),
                        "the rejects come before the session's DOWN");
                    pendingDown[0] = false;
                }
            });
        }
        return ids;
    }

    @Test
    @Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anOrderQueuedWhenTheEngineWasKilledIsFinishedAsNeverSentAfterTheRestart(@TempDir final Path dir)
        throws IOException
    {
        // orders time out after 5 s, not the demo's 250 ms: the restarted engine's first heartbeat would otherwise
        // expire the recovered order (a cancel, then finished as cancelled) before the reconciliation could find it
        // never sent; both sessions run the same configuration, so the recovery decides as the first session did
        final List<String> overrides = List.of("kill.dailyLossLimit=1e12", "strategy.orderTimeoutMs=5000");
        final EngineConfig config = ConfigLoader.loadProfile("demo", overrides);
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            final List<Long> unsent = new ArrayList<>();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(first, manifest(config, "killed", overrides)))
            {
                // not closed: a killed process neither rejects its queue nor writes anything more
                final IbEngineSession killed = session(config, scorer, port, 12, journal, 5);
                killed.start(System.nanoTime());
                runUntil(sim, killed, () -> killed.gateway().up() && killed.gateway().pacedNewOrders() > 0, 90);
                final OrderStore store = killed.pipeline().orders().workingOrders().store();
                for (int s = 0; s < store.capacity(); s++)
                {
                    if (store.state(s) == OrderStore.PENDING_NEW && !store.sent(s))
                    {
                        unsent.add(store.clOrdId(s));
                    }
                }
                assertEquals(killed.gateway().pacedNewOrders(), unsent.size(), "the queued NEWs are the unsent ones");
                sim.disconnectAll();
            }
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(second, manifest(config, "restarted", overrides));
                IbEngineSession session = session(config, scorer, port, 12, journal))
            {
                try (JournalReader previous = JournalReader.open(first))
                {
                    previous.readInput(session::recover);
                }
                final OrderStore store = session.pipeline().orders().workingOrders().store();
                for (final long id : unsent)
                {
                    final int slot = store.slotOf(id);
                    assertTrue(slot >= 0 && !store.sent(slot), "order " + id + " recovered, not marked sent");
                }
                final BrokerReconciler reconciler = session.pipeline().orders().reconciler();
                final long before = reconciler.reconciliations();
                session.start(System.nanoTime());
                runUntil(sim, session, () -> reconciler.reconciliations() > before, 30);
                final List<Long> neverSent = new ArrayList<>();
                final List<String> diffs = new ArrayList<>();
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    diffs.add("kind " + reconciler.diffKind(i) + " order " + reconciler.diffClOrdId(i));
                    if (reconciler.diffKind(i) == ReconciliationCodec.KIND_ORDER_NEVER_SENT)
                    {
                        neverSent.add(reconciler.diffClOrdId(i));
                    }
                }
                assertEquals(unsent, neverSent, "differences " + diffs);
                for (final long id : unsent)
                {
                    assertEquals(-1, store.slotOf(id), "order " + id + " finished");
                    assertEquals("never received", sim.describeOrderRef(id), "order " + id);
                }
            }
            assertEquals(0, sim.duplicateOrderIds());
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(second, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }
}
