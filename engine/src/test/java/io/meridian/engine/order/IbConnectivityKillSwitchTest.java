package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import java.util.List;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connectivity kill switch (SPEC decision 5, trigger 3) on event time alone: the venue goes DOWN and TIMER
 * heartbeats (which the IB session journals while disconnected) move time on. 29 s down does not halt, 31 s does (with
 * {@code kill.venueDownMs} = 30,000): HALTED with {@code KILL_VENUE_DOWN} and every order cancelled; an operator RESUME
 * while the venue is still down is refused ({@code RESUME_REFUSED_VENUE_DOWN}); on reconnect the engine sends a
 * MASS_CANCEL and, once the broker's snapshot reconciles clean, trading resumes ({@code KILL_VENUE_RECONCILED}).
 */
class IbConnectivityKillSwitchTest
{
    private static final int A = 1;
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_767_625_200_000_000_000L;

    private final RecordingSink sink = new RecordingSink();
    private SlotBuilder events;
    private OrderManager orders;
    private long clOrdId;

    @BeforeEach
    void setUp()
    {
        final Pipeline pipeline = TestEngines.pipeline(sink, "instruments[0].priceScale=10000",
            "instruments[0].qtyScale=1", "strategy.orderTimeoutMs=600000", "strategy.pricing=cross",
            "risk.maxOrderQty=1000", "risk.maxOrderNotional=100000", "risk.priceCollar=0.10",
            "kill.venueDownMs=30000", "kill.staleMarketDataMs=600000");
        orders = pipeline.orders();
        events = new SlotBuilder(pipeline.instruments());
        orders.onEvent(events.quote(A, T0, 499_900, 500_100).scored(2.0).target(10).slot());
        clOrdId = OrderCommandCodec.clOrdId(sink.ofType(RecordType.ORDER_COMMAND).get(0), 0);
        orders.onEvent(events.execReport(A, T0 + MS, clOrdId, ExecType.ACK, Side.BUY, 0, 0, 10, 0).slot());
        orders.onEvent(events.connectivity(T0 + 2 * MS, ConnectivityState.DOWN).slot());
        sink.clear();
    }

    private void heartbeatsUntil(final long downForMs)
    {
        for (long t = 1_000; t <= downForMs; t += 1_000)
        {
            orders.onEvent(events.timer(T0 + 2 * MS + t * MS).slot());
        }
    }

    @Test
    void twentyNineSecondsDownDoesNotHalt()
    {
        heartbeatsUntil(29_000);
        assertEquals(0, sink.ofType(RecordType.TRADING_STATE).size());
        assertEquals(TradingState.ACTIVE, orders.killSwitch().state());
        assertEquals(0, sink.ofType(RecordType.ORDER_COMMAND).size());
    }

    @Test
    void thirtyOneSecondsDownHaltsAndCancelsEverything()
    {
        heartbeatsUntil(31_000);
        final List<UnsafeBuffer> states = sink.ofType(RecordType.TRADING_STATE);
        assertEquals(1, states.size());
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(states.get(0), 0));
        assertEquals(RejectReason.KILL_VENUE_DOWN.code(), TradingStateChangeCodec.reasonCode(states.get(0), 0));
        assertEquals(31_000.0, TradingStateChangeCodec.value(states.get(0), 0), "down for, ms (at the 31 s timer)");
        assertEquals(30_000.0, TradingStateChangeCodec.limit(states.get(0), 0));
        final List<UnsafeBuffer> commands = sink.ofType(RecordType.ORDER_COMMAND);
        assertEquals(1, commands.size());
        assertEquals(OrderCommandType.MASS_CANCEL, OrderCommandCodec.command(commands.get(0), 0));
    }

    @Test
    void anOperatorResumeWhileTheVenueIsDownIsRefused()
    {
        heartbeatsUntil(31_000);
        sink.clear();
        orders.onEvent(events.operator(T0 + 40_000 * MS, OperatorCommand.RESUME).slot());
        final List<UnsafeBuffer> states = sink.ofType(RecordType.TRADING_STATE);
        assertEquals(1, states.size());
        assertEquals(RejectReason.RESUME_REFUSED_VENUE_DOWN.code(),
            TradingStateChangeCodec.reasonCode(states.get(0), 0));
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(states.get(0), 0));
        assertEquals(TradingState.HALTED, orders.killSwitch().state());
    }

    @Test
    void reconnectSendsAMassCancelAndACleanReconciliationResumesTrading()
    {
        heartbeatsUntil(31_000);
        sink.clear();
        final long t = T0 + 45_000 * MS;
        orders.onEvent(events.record(b -> openOrder(b, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.OPEN_ORDER, OpenOrderCodec.LENGTH,
            OpenOrderCodec.KIND_OFFSET, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.POSITION, PositionCodec.LENGTH,
            PositionCodec.KIND_OFFSET, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.EXECUTION, ExecutionCodec.LENGTH,
            ExecutionCodec.KIND_OFFSET, t)).slot());
        assertEquals(TradingState.HALTED, orders.killSwitch().state(), "not before the venue is up");
        orders.onEvent(events.connectivity(t + MS, ConnectivityState.UP).slot());

        final List<UnsafeBuffer> commands = sink.ofType(RecordType.ORDER_COMMAND);
        assertEquals(1, commands.size());
        assertEquals(OrderCommandType.MASS_CANCEL, OrderCommandCodec.command(commands.get(0), 0));
        final List<UnsafeBuffer> r = sink.ofType(RecordType.RECONCILIATION);
        assertEquals(1, r.size());
        assertEquals(ReconciliationCodec.KIND_CLEAN, ReconciliationCodec.diffKind(r.get(0), 0));
        final List<UnsafeBuffer> states = sink.ofType(RecordType.TRADING_STATE);
        assertEquals(1, states.size());
        assertEquals(TradingState.ACTIVE, TradingStateChangeCodec.state(states.get(0), 0));
        assertEquals(RejectReason.KILL_VENUE_RECONCILED.code(), TradingStateChangeCodec.reasonCode(states.get(0), 0));
    }

    @Test
    void aReconnectWithinThirtySecondsNeitherHaltsNorMassCancels()
    {
        heartbeatsUntil(29_000);
        final long t = T0 + 30_000 * MS;
        orders.onEvent(events.record(b -> openOrder(b, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.OPEN_ORDER, OpenOrderCodec.LENGTH,
            OpenOrderCodec.KIND_OFFSET, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.POSITION, PositionCodec.LENGTH,
            PositionCodec.KIND_OFFSET, t)).slot());
        orders.onEvent(events.record(b -> end(b, RecordType.EXECUTION, ExecutionCodec.LENGTH,
            ExecutionCodec.KIND_OFFSET, t)).slot());
        orders.onEvent(events.connectivity(t + MS, ConnectivityState.UP).slot());
        heartbeatsUntil(40_000);
        assertEquals(0, sink.ofType(RecordType.ORDER_COMMAND).size());
        assertEquals(0, sink.ofType(RecordType.TRADING_STATE).size());
        assertEquals(1, sink.ofType(RecordType.RECONCILIATION).size());
    }

    private void openOrder(final MutableDirectBuffer b, final long t)
    {
        b.setMemory(0, OpenOrderCodec.LENGTH, (byte)0);
        Header.write(b, 0, RecordType.OPEN_ORDER, OpenOrderCodec.LENGTH, A, 0, t, 0, 6, 1);
        OpenOrderCodec.clOrdId(b, 0, clOrdId);
        OpenOrderCodec.venueOrderId(b, 0, 1);
        OpenOrderCodec.price(b, 0, 500_100);
        OpenOrderCodec.qty(b, 0, 10);
        OpenOrderCodec.side(b, 0, Side.BUY);
        OpenOrderCodec.status(b, 0, OpenOrderCodec.STATUS_PENDING);
        OpenOrderCodec.kind(b, 0, OpenOrderCodec.KIND_ORDER);
    }

    private static void end(
        final MutableDirectBuffer b, final byte type, final int length, final int kindOffset, final long t)
    {
        b.setMemory(0, length, (byte)0);
        Header.write(b, 0, type, length, 0, 0, t, 0, 6, 1);
        b.putByte(kindOffset, (byte)2);
    }
}
