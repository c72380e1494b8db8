package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.ib.client.IbContract;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each order type and time in force from the engine's ORDER_COMMAND, through the IB adapter and the TWS protocol, to
 * the simulator over loopback, with the market scripted by the test (the synthetic market is made silent by a mean
 * event interval of about eleven days), so every price is known: MKT fills at the touch, STP waits for the last trade
 * (not the touch) and then fills as MKT, STP LMT then rests at its limit, IOC cancels its unfilled rest, GTC survives
 * the session's end and a reconnect while DAY is cancelled, and a type IB has no name for is rejected.
 * Prices: MRDA has a 0.01 tick, so 50.02 is 5002 ticks; a lot is one share.
 */
class IbOrderTypesLoopbackTest
{
    private static final long DEADLINE_NS = 10_000_000_000L;
    private static final int VENUE = 7;
    private static final long SILENT_MARKET_MS = 1_000_000_000L;

    private final List<UnsafeBuffer> inbound = new ArrayList<>();
    private IbSimulator sim;
    private IbGateway gateway;
    private int port;

    @BeforeEach
    void start() throws IOException
    {
        sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(SILENT_MARKET_MS),
            SimFaults.none(), 1_764_689_400_000L);
        port = sim.bind();
        gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 1, 45, 1, 5_000_000_000L,
            5_000_000_000L, 10_000_000L, 50_000_000L),
            List.of(new IbInstrument(1, 100, 1, new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "",
                ""))), "DU0000001", VENUE, (b, o, l) ->
                {
                    final byte[] copy = new byte[l];
                    b.getBytes(o, copy);
                    inbound.add(new UnsafeBuffer(copy));
                }, new SystemEpochNanoClock());
        gateway.start(System.nanoTime());
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        sim.close();
    }

    @Test
    void shouldFillAMarketOrderAtTheTouch() throws IOException
    {
        quote(50.00, 50.02);
        order(1, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 0, 0, 10);
        pumpUntil("fill", () -> execs(1).contains("FILL 5002 10 0 10"));
        assertEquals(List.of("ACK 0 0 10 0", "FILL 5002 10 0 10"), execs(1));
        order(2, Side.SELL, OrderType.MARKET, TimeInForce.DAY, 0, 0, 4);
        pumpUntil("fill", () -> execs(2).contains("FILL 5000 4 0 4"));
        assertEquals(6, sim.position("MRDA"));
    }

    @Test
    void shouldTriggerAStopOnTheLastTradeNotTheTouchThenFillAsAMarketOrder() throws IOException
    {
        quote(50.00, 50.02);
        order(1, Side.BUY, OrderType.STOP, TimeInForce.DAY, 0, 5010, 10);
        pumpUntil("ack", () -> execs(1).contains("ACK 0 0 10 0"));
        quote(50.08, 50.12);                        // the ask is through the stop, but no trade was
        trade(50.09);                               // below the stop
        settle();
        assertEquals(List.of("ACK 0 0 10 0"), execs(1), "a buy stop at 50.10 waits for a trade at or above it");
        trade(50.10);
        pumpUntil("fill", () -> execs(1).size() == 2);
        assertEquals("FILL 5012 10 0 10", execs(1).get(1), "triggered: a market order at the ask");
    }

    @Test
    void shouldRestAStopLimitAtItsLimitOnceTriggered() throws IOException
    {
        quote(50.00, 50.02);
        order(1, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.DAY, 4988, 4990, 10);
        pumpUntil("ack", () -> execs(1).contains("ACK 0 0 10 0"));
        quote(49.85, 49.87);                        // bid below the limit: nothing to sell into at 49.88 or better
        trade(49.90);                               // the stop triggers
        settle();
        assertEquals(List.of("ACK 0 0 10 0"), execs(1), "triggered, resting as a limit at 49.88");
        assertEquals(1, sim.workingOrderIds().size());
        quote(49.88, 49.90);
        pumpUntil("fill", () -> execs(1).size() == 2);
        assertEquals("FILL 4988 10 0 10", execs(1).get(1));
    }

    @Test
    void shouldCancelTheUnfilledRestOfAnImmediateOrCancelOrder() throws IOException
    {
        quote(49.88, 49.90);                        // 500 shares at the ask
        order(1, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 4995, 0, 800);
        pumpUntil("cancel", () -> execs(1).stream().anyMatch(e -> e.startsWith("CANCELLED")));
        assertEquals(List.of("ACK 0 0 800 0", "PARTIAL_FILL 4990 500 300 500", "CANCELLED 0 0 0 500"), execs(1));
        assertEquals(500, sim.position("MRDA"));
        assertTrue(sim.workingOrderIds().isEmpty());
    }

    @Test
    void shouldKeepAGoodTillCancelledOrderAcrossTheSessionEndAndAReconnectWhileDayOrdersAreCancelled()
        throws IOException
    {
        quote(50.00, 50.02);
        order(1, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 4900, 0, 10);
        order(2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 4901, 0, 10);
        pumpUntil("acks", () -> execs(1).size() == 1 && execs(2).size() == 1);
        assertEquals(1, sim.endSession());
        pumpUntil("day cancelled", () -> execs(1).contains("CANCELLED 0 0 0 0"));
        assertEquals(List.of("ACK 0 0 10 0"), execs(2));
        assertEquals(1, sim.workingOrderIds().size());

        sim.disconnectAll();
        pumpUntil("venue down", () -> connectivity(ConnectivityState.DOWN));
        pumpUntil("venue up again", () -> connectivity(ConnectivityState.UP));
        assertEquals(1, sim.workingOrderIds().size(), "the GTC order is still working at the broker");
        quote(48.99, 49.01);
        pumpUntil("gtc fill", () -> execs(2).size() == 2);
        assertEquals("FILL 4901 10 0 10", execs(2).get(1));
    }

    @Test
    void shouldRejectAnOrderTypeOrTimeInForceIbHasNoNameFor() throws IOException
    {
        order(1, Side.BUY, (byte)9, TimeInForce.DAY, 5000, 0, 10);
        order(2, Side.BUY, OrderType.LIMIT, (byte)7, 5000, 0, 10);
        final String rejected = "REJECTED 0 0 0 0 " + RejectReason.VENUE_UNSUPPORTED_ORDER.code();
        pumpUntil("rejects", () -> !execs(1).isEmpty() && !execs(2).isEmpty());     // after a pacing token
        assertEquals(List.of(rejected), execs(1));
        assertEquals(List.of(rejected), execs(2));
        settle();
        assertEquals(0, sim.ordersReceived(), "nothing was sent to IB");
    }

    @Test
    void shouldRejectAnOrderForAnAccountTheSessionDoesNotManageWithIbError321() throws IOException
    {
        gateway.close();
        inbound.clear();
        gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 2, 45, 1, 5_000_000_000L,
            5_000_000_000L, 10_000_000L, 50_000_000L),
            List.of(new IbInstrument(1, 100, 1, new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "",
                ""))), "DU9999999", VENUE, (b, o, l) ->
                {
                    final byte[] copy = new byte[l];
                    b.getBytes(o, copy);
                    inbound.add(new UnsafeBuffer(copy));
                }, new SystemEpochNanoClock());
        gateway.start(System.nanoTime());
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        quote(50.00, 50.02);
        order(1, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 0, 0, 10);
        pumpUntil("reject", () -> !execs(1).isEmpty());
        assertEquals(List.of("REJECTED 0 0 0 0 " + RejectReason.VENUE_REJECT.code()), execs(1));
        assertEquals(0, sim.position("MRDA"), "nothing executed for the foreign account");
    }

    @Test
    void shouldExecuteOnlyTheOrderMarkedOutsideRthOutsideRegularTradingHours() throws IOException
    {
        quote(50.00, 50.02);
        sim.outsideRegularHours(true);
        order(1, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 0, 0, 10);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 1, 1, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(b, 0, 2);
        OrderCommandCodec.command(b, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(b, 0, Side.BUY);
        OrderCommandCodec.orderType(b, 0, OrderType.MARKET);
        OrderCommandCodec.venueId(b, 0, VENUE);
        OrderCommandCodec.qty(b, 0, 7);
        OrderCommandCodec.orderFlags(b, 0, OrderCommandCodec.FLAG_OUTSIDE_RTH);
        gateway.onRecord(b, 0, OrderCommandCodec.LENGTH);
        pumpUntil("the outsideRth order's fill", () -> execs(2).contains("FILL 5002 7 0 7"));
        settle();
        assertEquals(List.of("ACK 0 0 10 0"), execs(1), "waits for regular hours");
        sim.outsideRegularHours(false);
        quote(50.01, 50.03);
        pumpUntil("fill in regular hours", () -> execs(1).contains("FILL 5003 10 0 10"));
        assertEquals(17, sim.position("MRDA"));
    }

    private void quote(final double bid, final double ask) throws IOException
    {
        sim.quote("MRDA", bid, 500, ask, 500);
        final long bidTicks = Math.round(bid * 100);
        pumpUntil("quote " + bid, () -> !of(RecordType.QUOTE).isEmpty()
            && QuoteCodec.bidPrice(of(RecordType.QUOTE).get(of(RecordType.QUOTE).size() - 1), 0) == bidTicks);
    }

    private void trade(final double price) throws IOException
    {
        sim.trade("MRDA", price, 100);
        final long ticks = Math.round(price * 100);
        pumpUntil("trade " + price, () -> !of(RecordType.TRADE).isEmpty()
            && TradeCodec.price(of(RecordType.TRADE).get(of(RecordType.TRADE).size() - 1), 0) == ticks);
    }

    /** Lets any report that a wrong simulator would send arrive before asserting that none came. */
    private void settle() throws IOException
    {
        final long until = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < until)
        {
            final long now = System.nanoTime();
            sim.doWork(now);
            gateway.doWork(now);
        }
    }

    private void order(final long clOrdId, final byte side, final byte type, final byte tif, final long price,
        final long auxPrice, final long qty)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 1, 1, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(b, 0, clOrdId);
        OrderCommandCodec.command(b, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(b, 0, side);
        OrderCommandCodec.orderType(b, 0, type);
        OrderCommandCodec.timeInForce(b, 0, tif);
        OrderCommandCodec.venueId(b, 0, VENUE);
        OrderCommandCodec.price(b, 0, price);
        OrderCommandCodec.auxPrice(b, 0, auxPrice);
        OrderCommandCodec.qty(b, 0, qty);
        gateway.onRecord(b, 0, OrderCommandCodec.LENGTH);
    }

    private void pumpUntil(final String what, final BooleanSupplier condition) throws IOException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.getAsBoolean())
        {
            final long now = System.nanoTime();
            if (now > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; exec reports: " + execs(-1));
            }
            sim.doWork(now);
            gateway.doWork(now);
        }
    }

    private List<UnsafeBuffer> of(final byte type)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer r : inbound)
        {
            if (Header.type(r, 0) == type)
            {
                out.add(r);
            }
        }
        return out;
    }

    /** EXEC_REPORTs of one order (all for -1): type, last price, last qty, leaves, cum[, reject code]. */
    private List<String> execs(final long clOrdId)
    {
        final List<String> out = new ArrayList<>();
        for (final UnsafeBuffer r : of(RecordType.EXEC_REPORT))
        {
            if (clOrdId == -1 || ExecReportCodec.clOrdId(r, 0) == clOrdId)
            {
                final short code = ExecReportCodec.rejectCode(r, 0);
                out.add((clOrdId == -1 ? ExecReportCodec.clOrdId(r, 0) + ":" : "")
                    + ExecType.name(ExecReportCodec.execType(r, 0)) + " " + ExecReportCodec.lastPrice(r, 0) + " "
                    + ExecReportCodec.lastQty(r, 0) + " " + ExecReportCodec.leavesQty(r, 0) + " "
                    + ExecReportCodec.cumQty(r, 0) + (code != 0 ? " " + code : ""));
            }
        }
        return out;
    }

    private boolean connectivity(final byte state)
    {
        final List<UnsafeBuffer> c = of(RecordType.CONNECTIVITY);
        return !c.isEmpty() && ConnectivityCodec.state(c.get(c.size() - 1), 0) == state;
    }
}
