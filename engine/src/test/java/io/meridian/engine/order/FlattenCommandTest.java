package io.meridian.engine.order;

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
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import java.util.ArrayList;
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
    private static final int A = 1;
    private static final int B = 2;
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000_000L;
    private static final long TIMEOUT = 250 * MS;
    private static final long A_BID = 499_900;
    private static final long A_ASK = 500_100;
    private static final long B_BID = 1_199_800;
    private static final long B_ASK = 1_200_200;

    private final RecordingSink sink = new RecordingSink();
    private final Pipeline pipeline = TestEngines.pipeline(sink,
        "instruments[0].priceScale=10000", "instruments[0].qtyScale=1",
        "instruments[1].priceScale=10000", "instruments[1].qtyScale=1",
        "instruments[2].priceScale=10000", "instruments[2].qtyScale=1",
        "strategy.orderTimeoutMs=250", "strategy.pricing=cross",
        "risk.maxOrderQty=1000", "risk.maxOrderNotional=100000", "risk.priceCollar=0.10",
        "risk.maxOrdersPerSecond=20", "risk.maxPosition=1500",
        "kill.dailyLossLimit=50000", "kill.staleMarketDataMs=60000");
    private final OrderManager orders = pipeline.orders();
    private final SlotBuilder events = new SlotBuilder(pipeline.instruments());
    private int consumed;

    private long handle(final SlotBuilder event)
    {
        orders.onEvent(event.slot());
        return event.sequence();
    }

    private List<UnsafeBuffer> fresh()
    {
        final List<UnsafeBuffer> all = sink.records();
        final List<UnsafeBuffer> out = new ArrayList<>(all.subList(consumed, all.size()));
        consumed = all.size();
        return out;
    }

    private static List<String> types(final List<UnsafeBuffer> records)
    {
        final List<String> names = new ArrayList<>();
        for (final UnsafeBuffer r : records)
        {
            names.add(RecordType.name(Header.type(r, 0)));
        }
        return names;
    }

    /** Buys 40 lots of A and 30 of B (both filled) and leaves a working buy of 10 on A. */
    private void buildPositions()
    {
        handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(40));
        handle(events.execReport(A, T0 + MS, 1, ExecType.FILL, Side.BUY, A_ASK, 40, 0, 40));
        handle(events.quote(B, T0 + 2 * MS, B_BID, B_ASK).scored(2.5).target(30));
        handle(events.execReport(B, T0 + 3 * MS, 2, ExecType.FILL, Side.BUY, B_ASK, 30, 0, 30));
        handle(events.quote(A, T0 + TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(40, orders.positions().position(0));
        assertEquals(30, orders.positions().position(1));
        assertTrue(orders.hasWorkingOrder(0));
        fresh();
    }

    /**
     * An operator FLATTEN naming one instrument (FLATTEN for all instruments is the kill switch's FLATTENING, covered
     * by KillSwitchScenarioTest) works even while HALTED: its orders are the kill switch's own.
     */
    @Test
    void shouldCancelThenReduceTheNamedInstrumentEvenWhenHalted()
    {
        buildPositions();
        handle(events.operator(T0 + TIMEOUT + MS, OperatorCommand.HALT, 0, 0));
        fresh();

        final long flatten = handle(events.operator(T0 + TIMEOUT + 2 * MS, OperatorCommand.FLATTEN, A, 0));
        final List<UnsafeBuffer> cancel = fresh();
        assertEquals(List.of("ORDER_COMMAND"), types(cancel));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(cancel.get(0), 0));
        assertEquals(flatten, OrderCommandCodec.causeSequence(cancel.get(0), 0));
        assertTrue(orders.flattening(0));
        assertFalse(orders.flattening(1));

        // A's buy is still pending cancel: nothing for A until the venue confirms
        handle(events.quote(A, T0 + TIMEOUT + 3 * MS, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(List.of("SIGNAL"), types(fresh()));

        handle(events.execReport(A, T0 + TIMEOUT + 5 * MS, 3, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0));
        assertFalse(orders.hasWorkingOrder(0));
        final long aQuote = handle(events.quote(A, T0 + TIMEOUT + 6 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> a = fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), types(a));
        assertEquals(RejectReason.NONE, RejectReason.fromCode(RiskDecisionCodec.reasonCode(a.get(1), 0)));
        assertOrder(a.get(2), A, aQuote, OrderCommandType.NEW, Side.SELL, A_BID, 40);
        assertEquals(TradingState.HALTED, orders.killSwitch().state(), "flatten does not change the trading state");

        handle(events.execReport(A, T0 + TIMEOUT + 7 * MS, 5, ExecType.FILL, Side.SELL, A_BID, 40, 0, 40));
        assertEquals(0, orders.positions().position(0));
        assertEquals(30, orders.positions().position(1), "B is not named");
        fresh();
        // flat and still flattening: a strategy target opens nothing until RESUME
        handle(events.quote(A, T0 + 2 * TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        assertEquals(List.of("SIGNAL"), types(fresh()));

        handle(events.operator(T0 + 2 * TIMEOUT + MS, OperatorCommand.RESUME, 0, 0));
        assertFalse(orders.flattening(0));
        assertEquals(List.of("TRADING_STATE"), types(fresh()));
        final long again = handle(events.quote(A, T0 + 3 * TIMEOUT, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> open = fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), types(open));
        assertOrder(open.get(2), A, again, OrderCommandType.NEW, Side.BUY, A_ASK, 50);
    }

    @Test
    void shouldScopeFlattenAndCancelAllToOneInstrument()
    {
        buildPositions();
        final long cancel = handle(events.operator(T0 + TIMEOUT + MS, OperatorCommand.CANCEL_ALL, A, 0));
        final List<UnsafeBuffer> c = fresh();
        assertEquals(List.of("ORDER_COMMAND"), types(c));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(c.get(0), 0));
        assertEquals(A, Header.instrumentId(c.get(0), 0));
        assertEquals(3, OrderCommandCodec.origClOrdId(c.get(0), 0));
        assertEquals(cancel, OrderCommandCodec.causeSequence(c.get(0), 0));

        handle(events.operator(T0 + TIMEOUT + 2 * MS, OperatorCommand.FLATTEN, B, 0));
        assertEquals(List.of(), types(fresh()), "B has no working order to cancel");
        assertTrue(orders.flattening(1));
        assertFalse(orders.flattening(0));
        final long bQuote = handle(events.quote(B, T0 + TIMEOUT + 3 * MS, B_BID, B_ASK).scored(2.5).target(60));
        final List<UnsafeBuffer> b = fresh();
        assertOrder(b.get(2), B, bQuote, OrderCommandType.NEW, Side.SELL, B_BID, 30);

        // an instrument this engine does not trade: nothing happens
        handle(events.operator(T0 + TIMEOUT + 4 * MS, OperatorCommand.FLATTEN, 999, 0));
        assertEquals(List.of(), types(fresh()));
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
