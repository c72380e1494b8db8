package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The operator's HALT and RESUME naming one instrument, on the order stage: the instrument goes HALTED (a
 * TRADING_STATE record for it), its working order is cancelled, its new orders are refused with
 * {@code RISK_INSTRUMENT_HALTED} while another instrument trades on and the engine-wide state stays ACTIVE; RESUME
 * naming it lets it trade again. Prices and limits as in {@code FlattenCommandTest}.
 */
class InstrumentHaltTest
{
    private static final int A = 1;
    private static final int B = 2;
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000_000L;
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

    @Test
    void shouldHaltOneInstrumentCancelItsOrderAndRefuseItsNewOnesUntilResumed()
    {
        handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(40));
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), types(fresh()));

        final long halt = handle(events.operator(T0 + MS, OperatorCommand.HALT, A, 0));
        final List<UnsafeBuffer> halted = fresh();
        assertEquals(List.of("TRADING_STATE", "ORDER_COMMAND"), types(halted));
        assertEquals(A, Header.instrumentId(halted.get(0), 0));
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(halted.get(0), 0));
        assertEquals(RejectReason.KILL_OPERATOR_HALT,
            RejectReason.fromCode(TradingStateChangeCodec.reasonCode(halted.get(0), 0)));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(halted.get(1), 0));
        assertEquals(1, OrderCommandCodec.origClOrdId(halted.get(1), 0), "A's working buy is cancelled");
        assertEquals(halt, OrderCommandCodec.causeSequence(halted.get(1), 0));
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state(), "the engine-wide state is untouched");

        handle(events.execReport(A, T0 + 2 * MS, 1, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0));
        assertFalse(orders.hasWorkingOrder(0));
        fresh();
        handle(events.quote(A, T0 + 3 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> refused = fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION"), types(refused));
        assertEquals(RejectReason.RISK_INSTRUMENT_HALTED,
            RejectReason.fromCode(RiskDecisionCodec.reasonCode(refused.get(1), 0)));

        handle(events.quote(B, T0 + 4 * MS, B_BID, B_ASK).scored(2.5).target(30));
        final List<UnsafeBuffer> b = fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), types(b), "B trades on");
        assertEquals(B, Header.instrumentId(b.get(2), 0));

        final long resume = handle(events.operator(T0 + 5 * MS, OperatorCommand.RESUME, A, 0));
        final List<UnsafeBuffer> resumed = fresh();
        assertEquals(List.of("TRADING_STATE"), types(resumed));
        assertEquals(TradingState.ACTIVE, TradingStateChangeCodec.state(resumed.get(0), 0));
        assertEquals(resume, TradingStateChangeCodec.causeSequence(resumed.get(0), 0));
        // after a risk reject the instrument cools down for strategy.orderTimeoutMs before it tries again
        final long again = handle(events.quote(A, T0 + 3 * MS + 250 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> open = fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), types(open));
        assertEquals(OrderCommandType.NEW, OrderCommandCodec.command(open.get(2), 0));
        assertEquals(again, OrderCommandCodec.causeSequence(open.get(2), 0));
    }
}
