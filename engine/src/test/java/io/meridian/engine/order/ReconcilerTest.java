package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.AccountValueCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.OrderSentCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.meridian.engine.api.Scales;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Reconciliation with the broker (issue 9 §3), one test per kind of difference: the order stage of a demo-profile
 * engine has one working order (buy 10 A at the ask, acknowledged), the venue goes DOWN, the broker's snapshot arrives
 * as POSITION / OPEN_ORDER / EXECUTION records each closed by its END, and the venue comes back UP. Each test checks
 * the exact RECONCILIATION records and the trading state: a clean snapshot halts nothing; fills missed while down are
 * applied (position and order follow the broker) without a halt; every other difference halts trading with {@code
 * RECONCILIATION_DIFF} until an operator resume. The expected values are written by hand from the scenario.
 *
 * <p>Over 500 lines: one test per kind of difference and per case the 1,000-cycle runs found, all on the same
 * scenario and record helpers.
 */
class ReconcilerTest
{
    private static final int A = 1;
    private static final int B = 2;
    private static final long MS = 1_000_000L;
    /** 2026-01-05 15:00 UTC, inside the demo calendar's session. */
    private static final long T0 = 1_767_625_200_000_000_000L;
    private static final long A_BID = 499_900;
    private static final long A_ASK = 500_100;

    private final RecordingSink sink = new RecordingSink();
    private SlotBuilder events;
    private OrderManager orders;
    private long clOrdId;
    private long now = T0;

    /** The broker lacks the setup's order: one ORDER_UNKNOWN_TO_BROKER difference, and trading halts on it. */
    private void assertTheOrderUnknownToTheBrokerHalts()
    {
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, A, clOrdId, 10, 0, 1);
        assertHaltedByReconciliation(1);
    }

    /** The engine every test starts: three instruments at 4 decimals, crossing orders, wide risk limits. */
    private Pipeline engine()
    {
        return TestEngines.pipeline(sink, "instruments[0].priceScale=10000",
            "instruments[0].qtyScale=1", "instruments[1].priceScale=10000", "instruments[1].qtyScale=1",
            "instruments[2].priceScale=10000", "instruments[2].qtyScale=1", "strategy.orderTimeoutMs=60000",
            "strategy.pricing=cross", "risk.maxOrderQty=1000", "risk.maxOrderNotional=100000",
            "risk.priceCollar=0.10", "risk.maxPosition=1500", "kill.staleMarketDataMs=600000");
    }

    @BeforeEach
    void setUp()
    {
        final Pipeline pipeline = engine();
        orders = pipeline.orders();
        events = new SlotBuilder(pipeline.instruments());
        orders.onEvent(events.quote(A, now, A_BID, A_ASK).scored(2.0).target(10).slot());
        final List<UnsafeBuffer> sent = of(RecordType.ORDER_COMMAND);
        assertEquals(1, sent.size(), "the setup's one NEW order");
        clOrdId = OrderCommandCodec.clOrdId(sent.get(0), 0);
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.ACK, Side.BUY, 0, 0, 10, 0).slot());
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
    }

    private long tick()
    {
        now += MS;
        return now;
    }

    @Test
    void aSnapshotThatMatchesIsOneCleanRecordAndNoHalt()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
        assertEquals(0, of(RecordType.TRADING_STATE).size());
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }

    @Test
    void anOrderTheBrokerDoesNotHaveHalts()
    {
        assertTheOrderUnknownToTheBrokerHalts();
    }

    @Test
    void anOrderTheEngineDoesNotHaveHaltsAndItsIdIsNeverReused()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        openOrder(B, 500, 78, 1_200_000, 3);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE, B, 500, 0, 3, 1);
        assertHaltedByReconciliation(1);
        assertTrue(orders.workingOrders().nextId() > 500, "ids at the broker are reserved");
    }

    @Test
    void aQuantityMismatchHalts()
    {
        openOrder(A, clOrdId, 77, A_ASK, 7);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_QTY_MISMATCH, A, clOrdId, 10, 7, 1);
        assertHaltedByReconciliation(1);
    }

    @Test
    void aPriceMismatchHalts()
    {
        openOrder(A, clOrdId, 77, A_ASK - 100, 10);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_PRICE_MISMATCH, A, clOrdId, A_ASK, A_ASK - 100, 1);
        assertHaltedByReconciliation(1);
    }

    @Test
    void fillsMissedWhileDownAreAppliedWithoutAHalt()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        execution(A, clOrdId, 77, A_ASK, 4, 0x1234);
        execution(A, clOrdId, 77, A_ASK, 4, 0x1234);     // the same execution reported twice counts once
        position(A, 4);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_MISSED_FILL, A, clOrdId, 0, 4, 1);
        assertEquals(1, ReconciliationCodec.applied(r.get(0), 0));
        assertEquals(4, orders.positions().position(0), "the missed fill is booked");
        assertEquals(6, orders.workingOrders().workingSigned(0), "the order works on for the rest");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
        assertEquals(0, of(RecordType.TRADING_STATE).size());
    }

    @Test
    void aFillOfTheWholeOrderWhileDownFinishesIt()
    {
        execution(A, clOrdId, 77, A_ASK, 10, 0x99);
        position(A, 10);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_MISSED_FILL, A, clOrdId, 0, 10, 1);
        assertEquals(10, orders.positions().position(0));
        assertEquals(0, orders.workingOrders().workingClOrdId(0), "nothing works any more");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }

    @Test
    void aFillReportedLiveAfterThePositionSnapshotMovesTheBrokersPosition()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        position(A, 0);
        orders.onEvent(events.record(b -> end(b, RecordType.POSITION)).slot());
        execution(A, clOrdId, 77, A_ASK, 3, 0x77, ExecutionCodec.KIND_LIVE_EXECUTION);
        orders.onEvent(events.record(b -> end(b, RecordType.OPEN_ORDER)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.EXECUTION)).slot());
        orders.onEvent(events.connectivity(tick(), ConnectivityState.UP).slot());

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_MISSED_FILL, A, clOrdId, 0, 3, 1);
        assertEquals(3, orders.positions().position(0), "the live fill is applied and matches the moved position");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }

    @Test
    void aPositionMismatchHalts()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        position(B, -5);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_POSITION_MISMATCH, B, 0, 0, -5, 1);
        assertHaltedByReconciliation(1);
    }

    @Test
    void aDuplicateOrderRefAtTheBrokerHalts()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        openOrder(A, clOrdId, 79, A_ASK, 10);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_DUPLICATE_ORDER_REF, A, clOrdId, 0, 10, 1);
        assertHaltedByReconciliation(1);
    }

    @Test
    void aLateFillOfAFinishedOrderIsAppliedAsAMissedFillAndJournaledWithoutAHalt()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 3, 7, 3).slot());
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 3).slot());
        assertEquals(0, orders.workingOrders().workingClOrdId(0), "finished: cancelled after 3 of 10");
        sink.clear();

        // the broker executed 4 more just before it confirmed the cancel; the execution arrives after the cancel
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.PARTIAL_FILL, Side.BUY, A_ASK - 100, 4, 3, 7)
            .slot());

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_FILL_FOR_FINISHED_ORDER, A, clOrdId, 3, 4, 1);
        assertEquals(1, ReconciliationCodec.applied(r.get(0), 0));
        assertEquals(7, orders.positions().position(0), "3 filled before the cancel and 4 late");
        assertEquals(1, orders.workingOrders().lateFills());
        assertEquals(0, of(RecordType.TRADING_STATE).size(), "applied, not halting");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());

        // the next reconciliation sees the broker's position of 7 and the engine's 7: clean
        sink.clear();
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        position(A, 7);
        execution(A, clOrdId, 77, A_ASK, 3, 11);
        execution(A, clOrdId, 77, A_ASK - 100, 4, 12);
        snapshotEndsAndUp();
        final List<UnsafeBuffer> again = of(RecordType.RECONCILIATION);
        assertEquals(1, again.size());
        assertDiff(again.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
    }

    @Test
    void aReportForAnOrderThatNeverExistedIsCountedNotApplied()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        sink.clear();
        orders.onEvent(events.execReport(A, tick(), 987_654, ExecType.FILL, Side.BUY, A_ASK, 5, 0, 5).slot());
        assertEquals(0, of(RecordType.RECONCILIATION).size());
        assertEquals(0, orders.positions().position(0));
        assertEquals(1, orders.workingOrders().unknownReports());
    }

    @Test
    void anIbCommissionIsChargedOnceToItsFillsNetPnl()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        // the commission report may come before its execution (IB sends them apart): charged once both are known
        commission(31, 15_000);
        assertEquals(0, orders.positions().costs(0));
        execution(A, clOrdId, 77, A_ASK, 10, 31, ExecutionCodec.KIND_LIVE_EXECUTION);
        assertEquals(15_000, orders.positions().costs(0));
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.FILL, Side.BUY, A_ASK, 10, 0, 10).slot());
        // by hand: bought 10 at 50.0100 (ticks of 0.0001, one cash unit each per share), marked at the mid 50.0000:
        // gross -10 x 100 = -1,000; commission 1.50 = 15,000 cash units; net -16,000
        assertEquals(15_000, orders.positions().costs(0));
        assertEquals(-1_000, orders.positions().realized(0) + orders.positions().unrealized(0));
        assertEquals(-16_000, orders.positions().netPnl(0));

        // a reconnect's snapshot repeats the execution and its commission: not charged again
        sink.clear();
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        position(A, 10);
        execution(A, clOrdId, 77, A_ASK, 10, 31);
        commission(31, 15_000);
        snapshotEndsAndUp();
        assertEquals(15_000, orders.positions().costs(0));
        assertEquals(1, orders.brokerLive().commissionsCharged());
        assertEquals(1, orders.brokerLive().chargedExecutionsKept(), "the broker still reports it");

        // a later snapshot no longer carries it (a new day at IB): forgotten, so the tables do not grow with the chain
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
        position(A, 10);
        snapshotEndsAndUp();
        assertEquals(0, orders.brokerLive().chargedExecutionsKept());
        assertEquals(15_000, orders.positions().costs(0));
    }

    @Test
    void theCommissionOfAMissedFillIsChargedWhenTheReconciliationAppliesIt()
    {
        openOrder(A, clOrdId, 77, A_ASK, 6);
        position(A, 4);
        execution(A, clOrdId, 77, A_ASK, 4, 41);
        commission(41, 10_000);
        snapshotEndsAndUp();

        assertEquals(4, orders.positions().position(0), "the missed fill was applied");
        assertEquals(10_000, orders.positions().costs(0), "and its commission charged");
    }

    @Test
    void commissionsChargedBeforeASnapshotRestartAreNotChargedAgainWhenTheOrdersMissedFillsAreApplied()
    {
        // session 1: 4 of 10 filled live, execution 51 and its commission charged; execution 52's fill is in the
        // position but its commission has not arrived when the session ends
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        execution(A, clOrdId, 77, A_ASK, 3, 51, ExecutionCodec.KIND_LIVE_EXECUTION);
        commission(51, 7_000);
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 3, 7, 3).slot());
        execution(A, clOrdId, 77, A_ASK, 1, 52, ExecutionCodec.KIND_LIVE_EXECUTION);
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 1, 6, 4).slot());
        assertEquals(7_000, orders.positions().costs(0));
        final LongArrayList state = new LongArrayList();
        orders.saveState(state);

        // session 2 restores that snapshot; the broker filled the other 6 while no engine ran (execution 53) and
        // repeats the day's executions and commissions
        final OrderManager restarted = engine().orders();
        assertEquals(state.size(), restarted.loadState(state.toLongArray(), 0), "the whole section read");
        assertEquals(4, restarted.positions().position(0));
        assertEquals(7_000, restarted.positions().costs(0), "the charged commission restored");
        orders = restarted;
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
        position(A, 10);
        execution(A, clOrdId, 77, A_ASK, 3, 51);
        execution(A, clOrdId, 77, A_ASK, 1, 52);
        execution(A, clOrdId, 77, A_ASK, 6, 53);
        commission(51, 7_000);
        commission(52, 2_000);
        commission(53, 12_000);
        snapshotEndsAndUp();

        assertEquals(10, orders.positions().position(0), "the missed 6 applied");
        // by hand: 7,000 (51, charged before the restart) + 2,000 (52, its fill was in the restored position) +
        // 12,000 (53, the missed fill) = 21,000; without the live checks in the snapshot 51 was charged twice (28,000)
        // and 52 once through the missed fill's executions
        assertEquals(21_000, orders.positions().costs(0));
        assertEquals(3, orders.brokerLive().commissionsCharged());
    }

    @Test
    void anOrderRefTheBrokerReportsOnASecondOrderHalts()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        sink.clear();
        // live (outside a snapshot): the broker reports IB order 78 with the reference of order 77
        openOrder(A, clOrdId, 78, A_ASK, 10);

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_DUPLICATE_ORDER_REF, A, clOrdId, 77, 78, 1);
        assertEquals(0, ReconciliationCodec.applied(r.get(0), 0));
        assertHaltedByReconciliation(1);
    }

    @Test
    void anOrderWhoseCancelIsAcknowledgedAfterTheSnapshotListedItIsNotUnknownToTheEngine()
    {
        // the session was dropped between a cancel and its ack: the broker's snapshot still lists the order open,
        // then the cancel's acknowledgement finishes it in the engine before the snapshot ends
        orders.onEvent(events.operator(tick(), OperatorCommand.CANCEL_ALL).slot());
        assertEquals(OrderStore.PENDING_CANCEL,
            orders.workingOrders().store().state(orders.workingOrders().store().slotOf(clOrdId)));
        openOrder(A, clOrdId, 77, A_ASK, 10);
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0).slot());
        assertEquals(0, orders.workingOrders().workingClOrdId(0), "cancelled");
        sink.clear();
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }

    @Test
    void anOpenOrderTheBrokerReportsDoneDuringTheSnapshotIsNoLongerOpen()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        openOrder(B, 500, 78, 1_200_000, 3);
        openOrder(B, 500, 78, 1_200_000, 3, OpenOrderCodec.STATUS_DONE);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
    }

    @Test
    void anOrderPendingCancelThatIsNoLongerTheWorkingOrderIsMatched()
    {
        // order 1 pending cancel; the instrument's working order is a newer one (as after a cancel-replace)
        orders.onEvent(events.operator(tick(), OperatorCommand.CANCEL_ALL).slot());
        final WorkingOrders working = orders.workingOrders();
        final long second = working.nextId();
        working.open(second, 0, Side.BUY, A_ASK, 5, now);
        openOrder(A, clOrdId, 77, A_ASK, 10);
        openOrder(A, second, 78, A_ASK, 5);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);

        // and one the broker no longer has is taken as cancelled
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        final long third = working.nextId();
        working.store().state(working.store().slotOf(second), OrderStore.PENDING_CANCEL);
        working.open(third, 0, Side.BUY, A_ASK, 4, now);
        sink.clear();
        openOrder(A, third, 79, A_ASK, 4);
        snapshotEndsAndUp();
        assertDiff(of(RecordType.RECONCILIATION).get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
        assertEquals(-1, working.store().slotOf(second), "finished");
    }

    @Test
    void anAcceptedResumeAdoptsTheBrokersPositionSoTheNextReconciliationIsClean()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        position(A, -20);
        snapshotEndsAndUp();
        assertDiff(of(RecordType.RECONCILIATION).get(0), ReconciliationCodec.KIND_POSITION_MISMATCH, A, 0, 0, -20, 1);
        assertHaltedByReconciliation(1);

        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
        final List<UnsafeBuffer> adopted = of(RecordType.RECONCILIATION);
        assertEquals(1, adopted.size(), "the adoption is journaled");
        assertDiff(adopted.get(0), ReconciliationCodec.KIND_POSITION_MISMATCH, A, 0, 0, -20, 1);
        assertEquals(1, ReconciliationCodec.applied(adopted.get(0), 0));
        assertEquals(-20, orders.positions().position(0), "the broker's position adopted");
        // adopted at the mark (the mid 50.0000): no P&L at the mark, one cash unit per tick per share
        assertEquals(-20 * (A_BID + A_ASK) / 2, orders.positions().costBasis(0));

        // a second resume adopts nothing more
        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(0, of(RecordType.RECONCILIATION).size());
        assertEquals(-20, orders.positions().position(0));

        // the next reconciliation, with the same broker state, is clean
        assertReconnectIsClean(() ->
        {
            openOrder(A, clOrdId, 77, A_ASK, 10);
            position(A, -20);
        });
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }

    @Test
    void anAcceptedResumeFinishesAnOrderTheBrokerDoesNotHaveSoItsInstrumentTradesAgain()
    {
        snapshotEndsAndUp();
        assertDiff(of(RecordType.RECONCILIATION).get(0), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, A, clOrdId,
            10, 0, 1);
        assertHaltedByReconciliation(1);
        assertTrue(orders.hasWorkingOrder(0), "halted with the order still counted as working");

        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
        final List<UnsafeBuffer> adopted = of(RecordType.RECONCILIATION);
        assertEquals(1, adopted.size(), "the adoption is journaled");
        assertDiff(adopted.get(0), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, A, clOrdId, 10, 0, 1);
        assertEquals(1, ReconciliationCodec.applied(adopted.get(0), 0));
        assertFalse(orders.hasWorkingOrder(0), "the broker's word taken: nothing works on A");
        assertEquals(0, orders.positions().position(0), "nothing filled");

        // a second resume adopts nothing more; the next quote may send a new order on A
        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(0, of(RecordType.RECONCILIATION).size());
        orders.onEvent(events.quote(A, tick(), A_BID, A_ASK).scored(2.0).target(10).slot());
        assertEquals(1, of(RecordType.ORDER_COMMAND).stream()
            .filter(o -> OrderCommandCodec.command(o, 0) == OrderCommandType.NEW).count(), "A trades again");
    }

    private void commission(final long hash, final long cash)
    {
        orders.onEvent(events.record(b -> {
            b.setMemory(0, ExecutionCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.EXECUTION, ExecutionCodec.LENGTH, 0, 0, tick(), 0, 6, 1);
            ExecutionCodec.commission(b, 0, cash);
            ExecutionCodec.execIdHash(b, 0, hash);
            ExecutionCodec.kind(b, 0, ExecutionCodec.KIND_COMMISSION);
        }).slot());
    }

    @Test
    void severalDifferencesAreNumberedAndAnOperatorResumeAcceptsThem()
    {
        openOrder(A, clOrdId, 77, A_ASK - 100, 7);
        position(B, 2);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(3, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_QTY_MISMATCH, A, clOrdId, 10, 7, 3);
        assertDiff(r.get(1), ReconciliationCodec.KIND_PRICE_MISMATCH, A, clOrdId, A_ASK, A_ASK - 100, 3);
        assertDiff(r.get(2), ReconciliationCodec.KIND_POSITION_MISMATCH, B, 0, 0, 2, 3);
        assertEquals(3, ReconciliationCodec.index(r.get(2), 0));
        assertHaltedByReconciliation(3);

        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state(), "the operator accepted the diff");
        // the broker's side adopted: A's order takes its quantity and price, B its position
        final List<UnsafeBuffer> adopted = of(RecordType.RECONCILIATION);
        assertEquals(3, adopted.size());
        assertDiff(adopted.get(0), ReconciliationCodec.KIND_QTY_MISMATCH, A, clOrdId, 10, 7, 1);
        assertDiff(adopted.get(1), ReconciliationCodec.KIND_PRICE_MISMATCH, A, clOrdId, A_ASK, A_ASK - 100, 1);
        assertDiff(adopted.get(2), ReconciliationCodec.KIND_POSITION_MISMATCH, B, 0, 0, 2, 1);
        assertTrue(adopted.stream().allMatch(a -> ReconciliationCodec.applied(a, 0) == 1));
        final OrderStore store = orders.workingOrders().store();
        final int slot = store.slotOf(clOrdId);
        assertEquals(7, store.qty(slot));
        assertEquals(7, store.leaves(slot));
        assertEquals(A_ASK - 100, store.price(slot));

        // the next reconciliation with the same broker state is clean
        assertReconnectIsClean(() ->
        {
            openOrder(A, clOrdId, 77, A_ASK - 100, 7);
            position(B, 2);
        });
    }

    @Test
    void anAcceptedResumeCancelsAtTheBrokerAnOrderTheEngineDoesNotKnow()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        openOrder(B, 500, 78, 1_200_000, 3);
        snapshotEndsAndUp();
        assertHaltedByReconciliation(1);

        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        final List<UnsafeBuffer> cancels = of(RecordType.ORDER_COMMAND);
        assertEquals(1, cancels.size(), "one cancel, of the broker's order 500");
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(cancels.get(0), 0));
        assertEquals(500, OrderCommandCodec.origClOrdId(cancels.get(0), 0));
        assertEquals(B, Header.instrumentId(cancels.get(0), 0));
        assertTrue(OrderCommandCodec.clOrdId(cancels.get(0), 0) > 500, "the cancel's own id is above the broker's");
        final List<UnsafeBuffer> adopted = of(RecordType.RECONCILIATION);
        assertEquals(1, adopted.size());
        assertDiff(adopted.get(0), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE, B, 500, 0, 3, 1);
        assertEquals(1, ReconciliationCodec.applied(adopted.get(0), 0));

        // it is pending cancel in the engine: a fill before the cancel lands moves B's position, the cancel ends it
        final OrderStore store = orders.workingOrders().store();
        assertEquals(OrderStore.PENDING_CANCEL, store.state(store.slotOf(500)));
        orders.onEvent(events.execReport(B, tick(), 500, ExecType.PARTIAL_FILL, Side.BUY, 1_200_000, 1, 2, 1).slot());
        assertEquals(1, orders.positions().position(1), "the broker's fill of its order counts");
        orders.onEvent(events.execReport(B, tick(), 500, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 1).slot());
        assertEquals(-1, store.slotOf(500), "finished by the cancel");

        // a second resume sends nothing more
        sink.clear();
        orders.onEvent(events.operator(tick(), OperatorCommand.RESUME).slot());
        assertEquals(0, of(RecordType.ORDER_COMMAND).size());
    }

    @Test
    void noReconciliationBeforeEverySnapshotPartHasEnded()
    {
        openOrder(A, clOrdId, 77, A_ASK, 10);
        orders.onEvent(events.record(b -> end(b, RecordType.POSITION)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.OPEN_ORDER)).slot());
        orders.onEvent(events.connectivity(tick(), ConnectivityState.UP).slot());
        assertEquals(0, of(RecordType.RECONCILIATION).size(), "executions have not ended");
        orders.onEvent(events.record(b -> end(b, RecordType.EXECUTION)).slot());
        assertEquals(1, of(RecordType.RECONCILIATION).size(), "reconciled when the last part ended");
    }

    @Test
    void theBrokersNavBecomesTheAccountsNav()
    {
        final long nav = 2_500_000L * Scales.CASH_SCALE;
        orders.onEvent(events.record(b -> {
            Header.write(b, 0, RecordType.ACCOUNT_VALUE, AccountValueCodec.LENGTH, 0, 0, tick(), 0, 6, 1);
            AccountValueCodec.value(b, 0, nav);
            AccountValueCodec.tag(b, 0, AccountValueCodec.TAG_NAV);
            AccountValueCodec.kind(b, 0, AccountValueCodec.KIND_VALUE);
        }).slot());
        assertEquals(nav, orders.account().navCash());
        assertEquals(0, orders.account().sessionPnlCash(), "a different starting NAV is not P&L");
    }

    // ---------------------------------------------------------------- helpers

    private void snapshotEndsAndUp()
    {
        orders.onEvent(events.record(b -> end(b, RecordType.POSITION)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.OPEN_ORDER)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.EXECUTION)).slot());
        assertEquals(0, of(RecordType.RECONCILIATION).size(), "not before the venue is up");
        orders.onEvent(events.connectivity(tick(), ConnectivityState.UP).slot());
    }

    private void end(final MutableDirectBuffer b, final byte type)
    {
        final int length = type == RecordType.POSITION ? PositionCodec.LENGTH
            : type == RecordType.OPEN_ORDER ? OpenOrderCodec.LENGTH : ExecutionCodec.LENGTH;
        b.setMemory(0, length, (byte)0);
        Header.write(b, 0, type, length, 0, 0, tick(), 0, 6, 1);
        b.putByte(type == RecordType.POSITION ? PositionCodec.KIND_OFFSET
            : type == RecordType.OPEN_ORDER ? OpenOrderCodec.KIND_OFFSET : ExecutionCodec.KIND_OFFSET, (byte)2);
    }

    private void openOrder(final int instrument, final long id, final long venueId, final long price, final long qty)
    {
        openOrder(instrument, id, venueId, price, qty, OpenOrderCodec.STATUS_PENDING);
    }

    private void openOrder(
        final int instrument, final long id, final long venueId, final long price, final long qty, final byte status)
    {
        orders.onEvent(events.record(b -> {
            b.setMemory(0, OpenOrderCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.OPEN_ORDER, OpenOrderCodec.LENGTH, instrument, 0, tick(), 0, 6, 1);
            OpenOrderCodec.clOrdId(b, 0, id);
            OpenOrderCodec.venueOrderId(b, 0, venueId);
            OpenOrderCodec.price(b, 0, price);
            OpenOrderCodec.qty(b, 0, qty);
            OpenOrderCodec.side(b, 0, Side.BUY);
            OpenOrderCodec.orderType(b, 0, OrderType.LIMIT);
            OpenOrderCodec.status(b, 0, status);
            OpenOrderCodec.kind(b, 0, OpenOrderCodec.KIND_ORDER);
        }).slot());
    }

    private void execution(
        final int instrument, final long id, final long venueId, final long price, final long qty, final long hash)
    {
        execution(instrument, id, venueId, price, qty, hash, ExecutionCodec.KIND_EXECUTION);
    }

    private void execution(
        final int instrument, final long id, final long venueId, final long price, final long qty, final long hash,
        final byte kind)
    {
        orders.onEvent(events.record(b -> {
            b.setMemory(0, ExecutionCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.EXECUTION, ExecutionCodec.LENGTH, instrument, 0, tick(), 0, 6, 1);
            ExecutionCodec.clOrdId(b, 0, id);
            ExecutionCodec.venueOrderId(b, 0, venueId);
            ExecutionCodec.price(b, 0, price);
            ExecutionCodec.qty(b, 0, qty);
            ExecutionCodec.execIdHash(b, 0, hash);
            ExecutionCodec.side(b, 0, Side.BUY);
            ExecutionCodec.kind(b, 0, kind);
        }).slot());
    }

    private void position(final int instrument, final long lots)
    {
        orders.onEvent(events.record(b -> {
            b.setMemory(0, PositionCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.POSITION, PositionCodec.LENGTH, instrument, 0, tick(), 0, 6, 1);
            PositionCodec.position(b, 0, lots);
            PositionCodec.kind(b, 0, PositionCodec.KIND_POSITION);
        }).slot());
    }

    /** The venue goes down and up again with this broker state, and the reconciliation finds nothing. */
    private void assertReconnectIsClean(final Runnable brokerState)
    {
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
        brokerState.run();
        snapshotEndsAndUp();
        final List<UnsafeBuffer> next = of(RecordType.RECONCILIATION);
        assertEquals(1, next.size());
        assertDiff(next.get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);
    }

    private void assertHaltedByReconciliation(final int diffs)
    {
        final List<UnsafeBuffer> states = of(RecordType.TRADING_STATE);
        assertEquals(1, states.size());
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(states.get(0), 0));
        assertEquals(RejectReason.RECONCILIATION_DIFF.code(), TradingStateChangeCodec.reasonCode(states.get(0), 0));
        assertEquals(diffs, TradingStateChangeCodec.value(states.get(0), 0));
        assertEquals(TradingState.HALTED, orders.killSwitch().state());
        assertTrue(of(RecordType.ORDER_COMMAND).stream()
            .noneMatch(o -> OrderCommandCodec.command(o, 0) == OrderCommandType.NEW), "no new order while halted");
    }

    private static void assertDiff(
        final UnsafeBuffer r, final byte kind, final int instrument, final long id, final long engine,
        final long broker, final int diffs)
    {
        assertEquals(kind, ReconciliationCodec.diffKind(r, 0), "diff kind");
        assertEquals(instrument, Header.instrumentId(r, 0), "instrument");
        assertEquals(id, ReconciliationCodec.clOrdId(r, 0), "clOrdId");
        assertEquals(engine, ReconciliationCodec.engineValue(r, 0), "engine value");
        assertEquals(broker, ReconciliationCodec.brokerValue(r, 0), "broker value");
        assertEquals(diffs, ReconciliationCodec.diffs(r, 0), "diffs");
    }

    private List<UnsafeBuffer> of(final byte type)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer r : sink.records())
        {
            if (Header.type(r, 0) == type)
            {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A fresh engine whose one order (buy 10 A) is pending new, not acknowledged; with {@code marked} the gateway's
     * ORDER_SENT marker for it came in; then the venue goes down.
     */
    private void pendingNewOrder(final boolean marked)
    {
        orders = engine().orders();
        sink.clear();
        orders.onEvent(events.quote(A, tick(), A_BID, A_ASK).scored(2.0).target(10).slot());
        final List<UnsafeBuffer> sent = of(RecordType.ORDER_COMMAND);
        assertEquals(1, sent.size(), "one NEW order");
        clOrdId = OrderCommandCodec.clOrdId(sent.get(0), 0);
        if (marked)
        {
            orderSent(clOrdId);
        }
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
    }

    private void orderSent(final long id)
    {
        orders.onEvent(events.record(b -> {
            b.setMemory(0, OrderSentCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.ORDER_SENT, OrderSentCodec.LENGTH, A, 0, tick(), 0, 6, 1);
            OrderSentCodec.clOrdId(b, 0, id);
            OrderSentCodec.venueOrderId(b, 0, 77);
        }).slot());
    }

    @Test
    void anOrderNeverSentThatTheBrokerDoesNotHaveIsFinishedWithoutAHalt()
    {
        pendingNewOrder(false);
        snapshotEndsAndUp();

        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_ORDER_NEVER_SENT, A, clOrdId, 10, 0, 1);
        assertEquals(1, ReconciliationCodec.applied(r.get(0), 0), "applied by the engine");
        assertEquals(0, of(RecordType.TRADING_STATE).size(), "no halt");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
        assertEquals(-1, orders.workingOrders().store().slotOf(clOrdId), "the order is finished");
        assertEquals(0, orders.positions().position(0));
        assertFalse(orders.hasWorkingOrder(0), "instrument A can trade again");
        assertReconnectIsClean(() -> { });
    }

    @Test
    void anOrderMarkedSentThatTheBrokerDoesNotHaveStillHalts()
    {
        pendingNewOrder(true);
        assertTheOrderUnknownToTheBrokerHalts();
    }

    @Test
    void anUnmarkedOrderTheBrokerHoldsOrExecutedIsNotNeverSent()
    {
        // the broker holds it: matched, clean (the marker can be lost with a crash after the write)
        pendingNewOrder(false);
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        assertDiff(of(RecordType.RECONCILIATION).get(0), ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0);

        // the broker executed part of it and no longer lists it: a missed fill, then unknown to the broker (halting)
        pendingNewOrder(false);
        execution(A, clOrdId, 77, A_ASK, 4, 61);
        position(A, 4);
        snapshotEndsAndUp();
        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(2, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_MISSED_FILL, A, clOrdId, 0, 4, 2);
        assertDiff(r.get(1), ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, A, clOrdId, 6, 0, 2);
    }

    @Test
    void theSentMarkSurvivesASnapshotRestart()
    {
        for (final boolean marked : new boolean[] {false, true})
        {
            pendingNewOrder(marked);
            final LongArrayList state = new LongArrayList();
            orders.saveState(state);
            final OrderManager restarted = engine().orders();
            restarted.loadState(state.toLongArray(), 0);
            final int slot = restarted.workingOrders().store().slotOf(clOrdId);
            assertEquals(OrderStore.PENDING_NEW, restarted.workingOrders().store().state(slot), "state restored");
            assertEquals(marked, restarted.workingOrders().store().sent(slot), "sent mark restored");
            orders = restarted;
            sink.clear();
            snapshotEndsAndUp();
            assertEquals(marked ? ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER
                : ReconciliationCodec.KIND_ORDER_NEVER_SENT, ReconciliationCodec.diffKind(
                of(RecordType.RECONCILIATION).get(0), 0), marked ? "sent" : "never sent");
        }
    }

    @Test
    void aSnapshotWithoutTheUnsentBitRestoresOrdersAsSent()
    {
        pendingNewOrder(false);
        final LongArrayList state = new LongArrayList();
        orders.saveState(state);
        // an order's state value without the unsent bit (the state byte alone) restores as sent: the halting side
        int cleared = 0;
        for (int i = 0; i < state.size(); i++)
        {
            if (state.getLong(i) == (OrderStore.PENDING_NEW | OrderStore.UNSENT_STATE_BIT))
            {
                state.setLong(i, OrderStore.PENDING_NEW);
                cleared++;
            }
        }
        assertEquals(1, cleared, "one order's state value carries the bit");
        final OrderManager restarted = engine().orders();
        restarted.loadState(state.toLongArray(), 0);
        assertTrue(restarted.workingOrders().store().sent(restarted.workingOrders().store().slotOf(clOrdId)));
    }

    @Test
    void aMissedFillCountsTheBrokersCumulativeQuantityWhenTheSnapshotHoldsOnlyLaterExecutions()
    {
        // 3 of 10 filled live (execution 71, IB's cumulative 3); while down, execution 72 fills 4 more (cumulative 7);
        // the snapshot asks for executions since the last journaled one, so it holds only 72
        openOrder(A, clOrdId, 77, A_ASK, 10);
        snapshotEndsAndUp();
        orders.onEvent(events.execReport(A, tick(), clOrdId, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 3, 7, 3).slot());
        orders.onEvent(events.connectivity(tick(), ConnectivityState.DOWN).slot());
        sink.clear();
        openOrder(A, clOrdId, 77, A_ASK, 10);
        position(A, 7);
        orders.onEvent(events.record(b -> {
            b.setMemory(0, ExecutionCodec.LENGTH, (byte)0);
            Header.write(b, 0, RecordType.EXECUTION, ExecutionCodec.LENGTH, A, 0, tick(), 0, 6, 1);
            ExecutionCodec.clOrdId(b, 0, clOrdId);
            ExecutionCodec.venueOrderId(b, 0, 77);
            ExecutionCodec.price(b, 0, A_ASK);
            ExecutionCodec.qty(b, 0, 4);
            ExecutionCodec.cumQty(b, 0, 7);
            ExecutionCodec.execIdHash(b, 0, 72);
            ExecutionCodec.side(b, 0, Side.BUY);
            ExecutionCodec.kind(b, 0, ExecutionCodec.KIND_EXECUTION);
        }).slot());
        snapshotEndsAndUp();

        // by hand: engine 3 filled, broker 7 (IB's cumulative, not the 4 of the one execution reported): 4 applied
        final List<UnsafeBuffer> r = of(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertDiff(r.get(0), ReconciliationCodec.KIND_MISSED_FILL, A, clOrdId, 3, 7, 1);
        assertEquals(7, orders.positions().position(0));
        final int slot = orders.workingOrders().store().slotOf(clOrdId);
        assertEquals(3, orders.workingOrders().store().leaves(slot));
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
    }
}
