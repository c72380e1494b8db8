package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.withSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.Scales;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against ib-sim over loopback with the simulator's {@code late-exec} fault: every cancel the engine sends
 * (its orders time out after 250 ms) crosses an execution of half the order's rest, which the simulator reports after
 * the Cancelled status. The engine must take each as a fill of a finished order (journaled RECONCILIATION of kind
 * FILL_FOR_FINISHED_ORDER, applied, never halting) so that its positions equal the simulator's; and every execution's
 * commission (ib-sim: max(1.00, 0.005 per share)) must be charged to its instrument's costs exactly once, so the
 * engine's costs equal the simulator's commissions to the cash unit. The journal replays identical without the
 * simulator.
 */
class IbLateFillAndCommissionLoopbackTest
{

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void lateExecutionsAreAppliedAndEveryCommissionIsChargedOnce(@TempDir final Path dir) throws IOException
    {
        final Path journalDir = dir.resolve("late-exec");
        withSession("late-exec", journalDir, 4, (sim, session) ->
        {
            final OrderManager orders = session.pipeline().orders();
            runUntil(sim, session, () -> orders.workingOrders().lateFills() >= 2
                && orders.brokerLive().commissionsCharged() >= 5, 90);
            // the engine trades on: wait for a moment with no report in flight
            runUntil(sim, session, () -> IbLoopback.settled(sim, session), 20);
            final PositionKeeper positions = orders.positions();
            for (int i = 0; i < positions.instruments(); i++)
            {
                final String symbol = session.pipeline().instruments().symbol(i);
                assertEquals(sim.position(symbol), positions.position(i), symbol + " position");
                assertEquals(Math.round(sim.commissions(symbol) * Scales.CASH_SCALE), positions.costs(i),
                    symbol + " costs = the simulator's commissions");
                assertEquals(positions.realized(i) + positions.unrealized(i) - positions.costs(i),
                    positions.netPnl(i), symbol + " net = gross - costs");
            }
            assertEquals(0, orders.brokerLive().duplicateRefs());
        });
        final long[] late = new long[2];
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            reader.readOutput((b, o, l) ->
            {
                if (Header.type(b, o) == RecordType.RECONCILIATION)
                {
                    late[0] += ReconciliationCodec.diffKind(b, o) == ReconciliationCodec.KIND_FILL_FOR_FINISHED_ORDER
                        ? 1 : 0;
                    late[1] += ReconciliationCodec.applied(b, o) == 0
                        && ReconciliationCodec.diffKind(b, o) != ReconciliationCodec.KIND_CLEAN ? 1 : 0;
                }
            });
        }
        assertTrue(late[0] >= 2, "FILL_FOR_FINISHED_ORDER journaled: " + late[0]);
        assertEquals(0, late[1], "no halting difference");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anOrderRefTheSimulatorReportsOnASecondOrderHaltsTrading(@TempDir final Path dir) throws IOException
    {
        final Path journalDir = dir.resolve("duplicate-ref");
        withSession("duplicate-ref@1", journalDir, 4, (sim, session) ->
        {
            final OrderManager orders = session.pipeline().orders();
            runUntil(sim, session, () -> orders.brokerLive().duplicateRefs() >= 1, 60);
            assertEquals(TradingState.HALTED, orders.killSwitch().state());
            final long sent = orders.ordersSent();
            final long until = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < until)
            {
                sim.doWork(System.nanoTime());
                session.doWork(System.nanoTime());
            }
            assertEquals(sent, orders.ordersSent(), "no new order while halted");
            assertEquals(1, orders.brokerLive().duplicateRefs(), "reported once, not on every status");
        });
        final long[] duplicates = new long[1];
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            reader.readOutput((b, o, l) -> duplicates[0] += Header.type(b, o) == RecordType.RECONCILIATION
                && ReconciliationCodec.diffKind(b, o) == ReconciliationCodec.KIND_DUPLICATE_ORDER_REF
                && ReconciliationCodec.applied(b, o) == 0 ? 1 : 0);
        }
        assertEquals(1, duplicates[0], "DUPLICATE_ORDER_REF journaled");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }
}
