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
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.testing.SlotBuilder;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The operator's FLATTEN (and instrument-scoped CANCEL_ALL) on the order stage: the working orders in scope are
 * cancelled, then each position in scope is reduced to zero by orders checked as under REDUCING, whatever the trading
 * state and the strategy's target, until RESUME. Prices and limits are pinned as in {@code OrderManagerTest}
 * (crossing the spread: a sell goes at the bid).
 */
class FlattenCommandTest
{
    private static final long TIMEOUT = 250 * MS;

    private final TwoInstrumentDesk desk = new TwoInstrumentDesk();
    private final OrderManager orders = desk.orders;
    private final SlotBuilder events = desk.events;

    /** Buys 40 lots of A and 30 of B (both filled) and leaves a working buy of 10 on A. */
    private void buildPositions()
    {
        desk.handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(40));
        desk.handle(events.execReport(A, T0 + MS, 1, ExecType.FILL, Side.BUY, A_ASK, 40, 0, 40));
        desk.handle(events.quote(B, T0 + 2 * MS, B_BID, B_ASK).scored(2.5).target(30));
        desk.handle(events.execReport(B, T0 + 3 * MS, 2, ExecType.FILL, Side.BUY, B_ASK, 30, 0, 30));
        desk.handle(events.quote(A, T0 + TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(40, orders.positions().position(0));
        assertEquals(30, orders.positions().position(1));
        assertTrue(orders.hasWorkingOrder(0));
        desk.fresh();
    }

    /**
     * An operator FLATTEN naming one instrument (FLATTEN for all instruments is the kill switch's FLATTENING, covered
     * by KillSwitchScenarioTest) works even while HALTED: its orders are the kill switch's own.
     */
    @Test
    void shouldCancelThenReduceTheNamedInstrumentEvenWhenHalted()
    {
        buildPositions();
        desk.handle(events.operator(T0 + TIMEOUT + MS, OperatorCommand.HALT, 0, 0));
        desk.fresh();

        final long flatten = desk.handle(events.operator(T0 + TIMEOUT + 2 * MS, OperatorCommand.FLATTEN, A, 0));
        final List<UnsafeBuffer> cancel = desk.fresh();
        assertEquals(List.of("ORDER_COMMAND"), TwoInstrumentDesk.types(cancel));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(cancel.get(0), 0));
        assertEquals(flatten, OrderCommandCodec.causeSequence(cancel.get(0), 0));
        assertTrue(orders.flattening(0));
        assertFalse(orders.flattening(1));

        // A's buy is still pending cancel: nothing for A until the venue confirms
        desk.handle(events.quote(A, T0 + TIMEOUT + 3 * MS, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(List.of("SIGNAL"), TwoInstrumentDesk.types(desk.fresh()));

        desk.handle(events.execReport(A, T0 + TIMEOUT + 5 * MS, 3, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0));
        assertFalse(orders.hasWorkingOrder(0));
        final long aQuote = desk.handle(events.quote(A, T0 + TIMEOUT + 6 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> a = desk.fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(a));
        assertEquals(RejectReason.NONE, RejectReason.fromCode(RiskDecisionCodec.reasonCode(a.get(1), 0)));
        assertOrder(a.get(2), A, aQuote, OrderCommandType.NEW, Side.SELL, A_BID, 40);
        assertEquals(TradingState.HALTED, orders.killSwitch().state(), "flatten does not change the trading state");

        desk.handle(events.execReport(A, T0 + TIMEOUT + 7 * MS, 5, ExecType.FILL, Side.SELL, A_BID, 40, 0, 40));
        assertEquals(0, orders.positions().position(0));
        assertEquals(30, orders.positions().position(1), "B is not named");
        desk.fresh();
        // flat and still flattening: a strategy target opens nothing until RESUME
        desk.handle(events.quote(A, T0 + 2 * TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(List.of("SIGNAL"), TwoInstrumentDesk.types(desk.fresh()));

        desk.handle(events.operator(T0 + 2 * TIMEOUT + MS, OperatorCommand.RESUME, 0, 0));
        assertFalse(orders.flattening(0));
        assertEquals(List.of("TRADING_STATE"), TwoInstrumentDesk.types(desk.fresh()));
        final long again = desk.handle(events.quote(A, T0 + 3 * TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> open = desk.fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(open));
        assertOrder(open.get(2), A, again, OrderCommandType.NEW, Side.BUY, A_ASK, 50);
    }

    @Test
    void shouldScopeFlattenAndCancelAllToOneInstrument()
    {
        buildPositions();
        final long cancel = desk.handle(events.operator(T0 + TIMEOUT + MS, OperatorCommand.CANCEL_ALL, A, 0));
        final List<UnsafeBuffer> c = desk.fresh();
        assertEquals(List.of("ORDER_COMMAND"), TwoInstrumentDesk.types(c));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(c.get(0), 0));
        assertEquals(A, Header.instrumentId(c.get(0), 0));
        assertEquals(3, OrderCommandCodec.origClOrdId(c.get(0), 0));
        assertEquals(cancel, OrderCommandCodec.causeSequence(c.get(0), 0));

        desk.handle(events.operator(T0 + TIMEOUT + 2 * MS, OperatorCommand.FLATTEN, B, 0));
        assertEquals(List.of(), TwoInstrumentDesk.types(desk.fresh()), "B has no working order to cancel");
        assertTrue(orders.flattening(1));
        assertFalse(orders.flattening(0));
        final long bQuote = desk.handle(events.quote(B, T0 + TIMEOUT + 3 * MS, B_BID, B_ASK).scored(2.5).target(60));
        final List<UnsafeBuffer> b = desk.fresh();
        assertOrder(b.get(2), B, bQuote, OrderCommandType.NEW, Side.SELL, B_BID, 30);

        // an instrument this engine does not trade: nothing happens
        desk.handle(events.operator(T0 + TIMEOUT + 4 * MS, OperatorCommand.FLATTEN, 999, 0));
        assertEquals(List.of(), TwoInstrumentDesk.types(desk.fresh()));
        assertFalse(orders.flattening(0));
    }

    private static void assertOrder(
        final UnsafeBuffer r, final int instrumentId, final long cause, final byte command, final byte side,
        final long price, final long qty)
    {
        assertEquals(instrumentId, Header.instrumentId(r, 0), "instrument");
        assertEquals(cause, OrderCommandCodec.causeSequence(r, 0), "cause");
        assertEquals(OrderCommandType.name(command), OrderCommandType.name(OrderCommandCodec.command(r, 0)));
        assertEquals(Side.name(side), Side.name(OrderCommandCodec.side(r, 0)), "side");
        assertEquals(price, OrderCommandCodec.price(r, 0), "price");
        assertEquals(qty, OrderCommandCodec.qty(r, 0), "qty");
    }
}
