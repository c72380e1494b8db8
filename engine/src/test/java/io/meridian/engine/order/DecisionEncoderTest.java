package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.testing.RecordingSink;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Every record the encoder writes carries the next output sequence and its cause, and the counters follow what was
 * written.
 */
class DecisionEncoderTest
{
    private final RecordingSink sink = new RecordingSink();
    private final DecisionEncoder encoder = new DecisionEncoder(7, sink);

    private static void assertHeader(
        final UnsafeBuffer r, final byte type, final long outputSequence, final int instrumentId)
    {
        assertEquals(type, Header.type(r, 0));
        assertEquals(outputSequence, Header.sequence(r, 0));
        assertEquals(instrumentId, Header.instrumentId(r, 0));
        assertEquals(500, Header.eventTimeNs(r, 0));
        assertEquals(600, Header.receiveTimeNs(r, 0));
    }

    @Test
    void shouldWriteStopLimitGtcOrderWithItsStopPriceAndFlags()
    {
        encoder.cause(7, 1, 2);
        encoder.orderCommand(4, 11, OrderCommandType.NEW, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, 990,
            1_000, OrderCommandCodec.FLAG_OUTSIDE_RTH, 25, 0);
        // a shorter record after it: the shared buffer's leftover bytes must not leak into its padding
        encoder.orderCommand(4, 12, OrderCommandType.NEW, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
            (byte)0, 5, 0);

        final UnsafeBuffer stop = sink.records().get(0);
        assertEquals(OrderCommandCodec.LENGTH, Header.length(stop, 0));
        assertEquals(OrderType.STOP_LIMIT, OrderCommandCodec.orderType(stop, 0));
        assertEquals(TimeInForce.GTC, OrderCommandCodec.timeInForce(stop, 0));
        assertEquals(990, OrderCommandCodec.price(stop, 0));
        assertEquals(1_000, OrderCommandCodec.auxPrice(stop, 0));
        assertEquals(OrderCommandCodec.FLAG_OUTSIDE_RTH, OrderCommandCodec.orderFlags(stop, 0));
        assertEquals(25, OrderCommandCodec.qty(stop, 0));
        final UnsafeBuffer market = sink.records().get(1);
        assertEquals(OrderType.MARKET, OrderCommandCodec.orderType(market, 0));
        assertEquals(TimeInForce.IOC, OrderCommandCodec.timeInForce(market, 0));
        assertEquals(0, OrderCommandCodec.auxPrice(market, 0));
        assertEquals(0, OrderCommandCodec.orderFlags(market, 0));
        assertEquals("STOP_LIMIT", OrderType.name(OrderType.STOP_LIMIT));
        assertEquals("GTC", TimeInForce.name(TimeInForce.GTC));
    }

    @Test
    void shouldWriteEachRecordWithItsCause()
    {
        encoder.cause(42, 500, 600);

        encoder.signal(3, 1.5, 20, 5);
        encoder.riskDecision(3, 9, Side.SELL, RejectReason.RISK_MAX_ORDER_QTY, 1_234, 50,
            RejectReason.RISK_MAX_ORDER_QTY.code(), 40, 50);
        encoder.orderCommand(3, 10, OrderCommandType.NEW, Side.BUY, OrderType.LIMIT, 1_235, 15, 0);
        encoder.tradingState(0, TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS, 5000, 5001.5);

        final UnsafeBuffer signal = sink.records().get(0);
        assertHeader(signal, RecordType.SIGNAL, 1, 3);
        assertEquals(42, SignalCodec.causeSequence(signal, 0));
        assertEquals(1.5, SignalCodec.score(signal, 0));
        assertEquals(20, SignalCodec.targetPosition(signal, 0));
        assertEquals(5, SignalCodec.position(signal, 0));
        assertEquals(7, SignalCodec.modelId(signal, 0));
        final UnsafeBuffer risk = sink.records().get(1);
        assertHeader(risk, RecordType.RISK_DECISION, 2, 3);
        assertEquals(42, RiskDecisionCodec.causeSequence(risk, 0));
        assertEquals(0, RiskDecisionCodec.accepted(risk, 0));
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY.code(), RiskDecisionCodec.reasonCode(risk, 0));
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY.code(), RiskDecisionCodec.checkCode(risk, 0));
        assertEquals(40.0, RiskDecisionCodec.limit(risk, 0));
        assertEquals(50.0, RiskDecisionCodec.value(risk, 0));
        final UnsafeBuffer order = sink.records().get(2);
        assertHeader(order, RecordType.ORDER_COMMAND, 3, 3);
        assertEquals(42, OrderCommandCodec.causeSequence(order, 0));
        assertEquals(OrderCommandType.NEW, OrderCommandCodec.command(order, 0));
        assertEquals(1_235, OrderCommandCodec.price(order, 0));
        assertEquals(1, OrderCommandCodec.venueId(order, 0));
        assertEquals(TimeInForce.DAY, OrderCommandCodec.timeInForce(order, 0));
        assertEquals(0, OrderCommandCodec.auxPrice(order, 0));
        assertEquals(0, OrderCommandCodec.orderFlags(order, 0));
        final UnsafeBuffer state = sink.records().get(3);
        assertHeader(state, RecordType.TRADING_STATE, 4, 0);
        assertEquals(TradingState.HALTED, TradingStateChangeCodec.state(state, 0));
        assertEquals(RejectReason.KILL_DAILY_LOSS.code(), TradingStateChangeCodec.reasonCode(state, 0));
        assertEquals(5000.0, TradingStateChangeCodec.limit(state, 0));
        assertEquals(5001.5, TradingStateChangeCodec.value(state, 0));
        assertEquals(4, encoder.outputSequence());
    }

    @Test
    void shouldCountWhatItWrote()
    {
        encoder.signal(1, 0.1, 0, 0);
        encoder.orderCommand(1, 1, OrderCommandType.NEW, Side.BUY, OrderType.LIMIT, 1, 1, 0);
        encoder.orderCommand(1, 2, OrderCommandType.NEW, Side.BUY, OrderType.LIMIT, 1, 1, 0);
        encoder.orderCommand(1, 3, OrderCommandType.CANCEL, Side.BUY, OrderType.LIMIT, 1, 1, 1);
        encoder.orderCommand(0, 4, OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
        encoder.tradingState(0, TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_HALT, 0, 0);
        encoder.riskWarning(1, 0, RejectReason.KILL_DAILY_LOSS, 100, 91);

        assertEquals(1, encoder.signals());
        assertEquals(1, encoder.warnings());
        assertEquals(2, encoder.ordersSent());
        assertEquals(1, encoder.cancelsSent());
        assertEquals(1, encoder.massCancels());
        assertEquals(1, encoder.stateChanges());
        assertEquals(7, encoder.outputSequence());
    }

    @Test
    void shouldWriteZeroPaddingWhateverTheRecordBeforeLeftInTheBuffer()
    {
        encoder.cause(-1, 500, 600);
        // an order command with every byte of its fields set leaves non-zero bytes where the shorter records pad
        encoder.orderCommand(-1, -1L, (byte)-1, (byte)-1, (byte)-1, -1L, -1L, -1L);
        encoder.tradingState(0, TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS, 1, 2);
        encoder.orderCommand(-1, -1L, (byte)-1, (byte)-1, (byte)-1, -1L, -1L, -1L);
        encoder.signal(3, 1.5, 20, 5);
        encoder.orderCommand(-1, -1L, (byte)-1, (byte)-1, (byte)-1, -1L, -1L, -1L);
        encoder.riskWarning(3, 9, RejectReason.RISK_ORDER_RATE, 10, 9);

        assertZero(sink.records().get(1), 60, 64, "TRADING_STATE padding");
        assertZero(sink.records().get(3), 84, SignalCodec.LENGTH, "SIGNAL padding (to the end)");
        assertZero(sink.records().get(5), 66, 72, "RISK_WARNING padding");
    }

    private static void assertZero(final UnsafeBuffer record, final int from, final int to, final String what)
    {
        for (int i = from; i < to; i++)
        {
            assertEquals(0, record.getByte(i), what + " byte " + i);
        }
    }
}
