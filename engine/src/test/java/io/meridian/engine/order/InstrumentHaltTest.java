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

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.testing.SlotBuilder;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The operator's HALT and RESUME naming one instrument, on the order stage: the instrument goes HALTED (a
 * TRADING_STATE record for it), its working order is cancelled, its new orders are refused with
 * {@code RISK_INSTRUMENT_HALTED} while another instrument trades on and the engine-wide state stays ACTIVE; RESUME
 * naming it lets it trade again. Prices and limits: {@link TwoInstrumentDesk}.
 */
class InstrumentHaltTest
{
    private final TwoInstrumentDesk desk = new TwoInstrumentDesk();
    private final OrderManager orders = desk.orders;
    private final SlotBuilder events = desk.events;

    @Test
    void shouldHaltOneInstrumentCancelItsOrderAndRefuseItsNewOnesUntilResumed()
    {
        desk.handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(40));
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(desk.fresh()));

        final long halt = desk.handle(events.operator(T0 + MS, OperatorCommand.HALT, A, 0));
        final List<UnsafeBuffer> halted = desk.fresh();
        assertEquals(List.of("TRADING_STATE", "ORDER_COMMAND"), TwoInstrumentDesk.types(halted));
        assertEquals(A, Header.instrumentId(halted.get(0), 0));
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(halted.get(0), 0));
        assertEquals(RejectReason.KILL_OPERATOR_HALT,
            RejectReason.fromCode(TradingStateChangeCodec.reasonCode(halted.get(0), 0)));
        assertEquals(OrderCommandType.CANCEL, OrderCommandCodec.command(halted.get(1), 0));
        assertEquals(1, OrderCommandCodec.origClOrdId(halted.get(1), 0), "A's working buy is cancelled");
        assertEquals(halt, OrderCommandCodec.causeSequence(halted.get(1), 0));
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state(), "the engine-wide state is untouched");

        desk.handle(events.execReport(A, T0 + 2 * MS, 1, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0));
        assertFalse(orders.hasWorkingOrder(0));
        desk.fresh();
        desk.handle(events.quote(A, T0 + 3 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> refused = desk.fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION"), TwoInstrumentDesk.types(refused));
        assertEquals(RejectReason.RISK_INSTRUMENT_HALTED,
            RejectReason.fromCode(RiskDecisionCodec.reasonCode(refused.get(1), 0)));

        desk.handle(events.quote(B, T0 + 4 * MS, B_BID, B_ASK).scored(2.5).target(30));
        final List<UnsafeBuffer> b = desk.fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(b), "B trades on");
        assertEquals(B, Header.instrumentId(b.get(2), 0));

        final long resume = desk.handle(events.operator(T0 + 5 * MS, OperatorCommand.RESUME, A, 0));
        final List<UnsafeBuffer> resumed = desk.fresh();
        assertEquals(List.of("TRADING_STATE"), TwoInstrumentDesk.types(resumed));
        assertEquals(TradingState.ACTIVE, TradingStateChangeCodec.state(resumed.get(0), 0));
        assertEquals(resume, TradingStateChangeCodec.causeSequence(resumed.get(0), 0));
        // after a risk reject the instrument cools down for strategy.orderTimeoutMs before it tries again
        final long again = desk.handle(events.quote(A, T0 + 3 * MS + 250 * MS, A_BID, A_ASK).scored(2.5).target(50));
        final List<UnsafeBuffer> open = desk.fresh();
        assertEquals(List.of("SIGNAL", "RISK_DECISION", "ORDER_COMMAND"), TwoInstrumentDesk.types(open));
        assertEquals(OrderCommandType.NEW, OrderCommandCodec.command(open.get(2), 0));
        assertEquals(again, OrderCommandCodec.causeSequence(open.get(2), 0));
    }
}
