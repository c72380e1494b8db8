package io.meridian.engine.order;

import static io.meridian.engine.order.TwoInstrumentDesk.A;
import static io.meridian.engine.order.TwoInstrumentDesk.A_ASK;
import static io.meridian.engine.order.TwoInstrumentDesk.A_BID;
import static io.meridian.engine.order.TwoInstrumentDesk.B;
import static io.meridian.engine.order.TwoInstrumentDesk.B_ASK;
import static io.meridian.engine.order.TwoInstrumentDesk.B_BID;
import static io.meridian.engine.order.TwoInstrumentDesk.MS;
import static io.meridian.engine.order.TwoInstrumentDesk.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.testing.SlotBuilder;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Kill switch (2), position limit, on the order stage while an order of the breaching instrument is still working:
 * A's buy of 590 lots at 50.01 passes the pre-trade position check against a cap of 0.3% of NAV (10,000,000 x 0.003
 * = 30,000; 590 x 50.01 = 29,505.90), 500 lots of it fill, and A's market then jumps to a mid of 65.00, so the
 * position's value, 500 x 65.00 = 32,500, is over the cap (NAV is 10,000,000 + 500 x (65.00 - 50.01) = 10,007,495, cap
 * 30,022.49; the share is 0.003248). The trip journals a TRADING_STATE record for A alone (REDUCING,
 * {@code KILL_POSITION_LIMIT}, that share and the limit) and at once a CANCEL of A's working order for its 90 leaves;
 * B's working order and B's state are untouched and the engine-wide state stays ACTIVE. The trip comes on the next
 * position check, which runs on every timer and on every fill: both paths are driven. Prices:
 * {@link TwoInstrumentDesk}.
 */
class PositionLimitCancelTest
{
    private static final long A_JUMP_BID = 649_900;
    private static final long A_JUMP_ASK = 650_100;

    private final TwoInstrumentDesk desk = new TwoInstrumentDesk("risk.maxPositionNav=0.003");
    private final OrderManager orders = desk.orders;
    private final SlotBuilder events = desk.events;

    /** A's order 1 (590 lots, 500 filled, 90 working) and B's order 2 (30 lots, working); then A's price jumps. */
    private void workingOrdersThenJump()
    {
        desk.handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(590));
        desk.handle(events.quote(B, T0 + MS, B_BID, B_ASK).scored(2.5).target(30));
        final List<UnsafeBuffer> opened = desk.fresh();
        // A's order is at 98% of the position cap: over risk.warnAt (0.9), so a RISK_WARNING precedes it
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "RISK_WARNING", "ORDER_COMMAND",
            "SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(opened));
        assertEquals(1, OrderCommandCodec.clOrdId(opened.get(3), 0));
        assertEquals(2, OrderCommandCodec.clOrdId(opened.get(6), 0));

        desk.handle(events.execReport(A, T0 + 2 * MS, 1, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 500, 90, 500));
        assertEquals(List.of(), TwoInstrumentDesk.types(desk.fresh()), "500 x 50.01 = 25,005: under the cap");
        assertEquals(500, orders.positions().position(0));
        assertTrue(orders.hasWorkingOrder(0));

        desk.handle(events.quote(A, T0 + 3 * MS, A_JUMP_BID, A_JUMP_ASK));
        assertEquals(List.of(), TwoInstrumentDesk.types(desk.fresh()), "market data alone does not check positions");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().instrumentState(0));
    }

    @Test
    void timerAfterAMarkUpTripsTheInstrumentAndCancelsItsWorkingOrder()
    {
        workingOrdersThenJump();
        final long timer = desk.handle(events.timer(T0 + 4 * MS));
        assertTripCancelsA(desk.fresh(), timer);
    }

    @Test
    void partialFillAfterAMarkUpTripsTheInstrumentAndCancelsItsWorkingOrder()
    {
        workingOrdersThenJump();
        // 40 more of order 1 fill at its limit: 540 lots at the mark of 65.00 are 35,100 (0.003506 of NAV); 50 leaves
        final long fill = desk.handle(
            events.execReport(A, T0 + 4 * MS, 1, ExecType.PARTIAL_FILL, Side.BUY, A_ASK, 40, 50, 540));
        final List<UnsafeBuffer> records = desk.fresh();
        assertEquals(List.of("TRADING_STATE", "ORDER_COMMAND"), TwoInstrumentDesk.types(records));
        final double nav = 10_000_000 + 540 * (65.00 - 50.01);
        assertEquals(540 * 65.00 / nav, TradingStateChangeCodec.value(records.get(0), 0), 1e-9);
        assertEquals(50, OrderCommandCodec.qty(records.get(1), 0), "the cancel names the 50 lots left");
        assertTripCancelsA(records, fill);
    }

    private void assertTripCancelsA(final List<UnsafeBuffer> records, final long cause)
    {
        assertEquals(List.of("TRADING_STATE", "ORDER_COMMAND"), TwoInstrumentDesk.types(records));
        final UnsafeBuffer state = records.get(0);
        assertEquals(A, Header.instrumentId(state, 0), "per-instrument scope");
        assertEquals(TradingState.REDUCING, TradingStateChangeCodec.state(state, 0));
        assertEquals(TradingState.ACTIVE, TradingStateChangeCodec.previousState(state, 0));
        assertEquals(RejectReason.KILL_POSITION_LIMIT,
            RejectReason.fromCode(TradingStateChangeCodec.reasonCode(state, 0)));
        assertEquals(0.003, TradingStateChangeCodec.limit(state, 0), 1e-12);
        assertTrue(TradingStateChangeCodec.value(state, 0) > 0.003);
        assertEquals(cause, TradingStateChangeCodec.causeSequence(state, 0));

        final UnsafeBuffer cancel = records.get(1);
        assertEquals(A, Header.instrumentId(cancel, 0));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(cancel, 0));
        assertEquals(1, OrderCommandCodec.origClOrdId(cancel, 0), "A's working buy is cancelled");
        assertEquals(Side.BUY, OrderCommandCodec.side(cancel, 0));
        assertEquals(cause, OrderCommandCodec.causeSequence(cancel, 0));

        assertEquals(TradingState.REDUCING, orders.killSwitch().instrumentState(0));
        assertEquals(TradingState.ACTIVE, orders.killSwitch().instrumentState(1), "B's scope is untouched");
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state(), "the engine-wide state is untouched");
        assertTrue(orders.hasWorkingOrder(1), "B's order still works");

        // the venue confirms A's cancel; a later timer trips nothing more and B's order is still not cancelled
        desk.handle(events.execReport(A, T0 + 10 * MS, 1, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0));
        assertFalse(orders.hasWorkingOrder(0));
        desk.handle(events.timer(T0 + 20 * MS));
        assertEquals(List.of(), TwoInstrumentDesk.types(desk.fresh()), "latched: no second trip, B not cancelled");
        assertTrue(orders.hasWorkingOrder(1));
    }
}
