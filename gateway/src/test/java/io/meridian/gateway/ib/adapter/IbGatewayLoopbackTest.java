package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.OrderSentCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IB adapter against the simulator over loopback: the engine's records in and out, as the simulated venue
 * produces them.
 */
class IbGatewayLoopbackTest
{
    private static final long DEADLINE_NS = 10_000_000_000L;
    private static final int VENUE = 7;

    private final List<UnsafeBuffer> inbound = new ArrayList<>();
    private IbSimulator sim;
    private IbGateway gateway;

    private void start(final SimFaults faults, final long partialFillQty, final long conIdA) throws IOException
    {
        start(faults, partialFillQty, conIdA, 100);
    }

    private void start(final SimFaults faults, final long partialFillQty, final long conIdA, final long scaleA)
        throws IOException
    {
        start(faults, partialFillQty, conIdA, scaleA, 45);
    }

    private void start(
        final SimFaults faults, final long partialFillQty, final long conIdA, final long scaleA,
        final int messagesPerSecond) throws IOException
    {
        sim = new IbSimulator(SimConfig.defaults().withPort(0).withPartialFillQty(partialFillQty), faults,
            1_764_689_400_000L);
        final int port = sim.bind();
        final List<IbInstrument> instruments = List.of(
            new IbInstrument(1, scaleA, 1, new IbContract(conIdA, "MRDA", "STK", "SMART", "NASDAQ", "USD", "", "")),
            new IbInstrument(2, 100, 1, new IbContract(900_002, "MRDB", "STK", "SMART", "NYSE", "USD", "", "")));
        gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 1, messagesPerSecond, 1, 5_000_000_000L,
            5_000_000_000L, 10_000_000L, 50_000_000L), instruments, "DU0000001", VENUE, (b, o, l) ->
            {
                final byte[] copy = new byte[l];
                b.getBytes(o, copy);
                inbound.add(new UnsafeBuffer(copy));
            }, new SystemEpochNanoClock());
        gateway.start(System.nanoTime());
    }

    @AfterEach
    void stop()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        if (sim != null)
        {
            sim.close();
        }
    }

    private void pumpUntil(final String what, final BooleanSupplier condition) throws IOException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.getAsBoolean())
        {
            final long now = System.nanoTime();
            if (now > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; records: " + describe());
            }
            sim.doWork(now);
            gateway.doWork(now);
        }
    }

    private String describe()
    {
        final StringBuilder sb = new StringBuilder();
        for (final UnsafeBuffer r : inbound)
        {
            if (Header.type(r, 0) == RecordType.EXEC_REPORT)
            {
                sb.append(" EXEC(").append(ExecReportCodec.clOrdId(r, 0)).append(' ')
                    .append(ExecType.name(ExecReportCodec.execType(r, 0))).append(')');
            }
            else if (Header.type(r, 0) == RecordType.CONNECTIVITY)
            {
                sb.append(" CONN(").append(ConnectivityState.name(ConnectivityCodec.state(r, 0))).append(')');
            }
        }
        return sb.toString();
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

    private List<String> execs(final long clOrdId)
    {
        final List<String> out = new ArrayList<>();
        for (final UnsafeBuffer r : of(RecordType.EXEC_REPORT))
        {
            if (ExecReportCodec.clOrdId(r, 0) == clOrdId)
            {
                out.add(ExecType.name(ExecReportCodec.execType(r, 0)) + " " + ExecReportCodec.lastQty(r, 0) + " "
                    + ExecReportCodec.leavesQty(r, 0) + " " + ExecReportCodec.cumQty(r, 0) + " "
                    + ExecReportCodec.rejectCode(r, 0));
            }
        }
        return out;
    }

    private void command(final byte command, final long clOrdId, final byte side, final byte type, final long price,
        final long qty, final long origClOrdId)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 1, 1, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(b, 0, clOrdId);
        OrderCommandCodec.command(b, 0, command);
        OrderCommandCodec.side(b, 0, side);
        OrderCommandCodec.orderType(b, 0, type);
        OrderCommandCodec.venueId(b, 0, VENUE);
        OrderCommandCodec.price(b, 0, price);
        OrderCommandCodec.qty(b, 0, qty);
        OrderCommandCodec.origClOrdId(b, 0, origClOrdId);
        gateway.onRecord(b, 0, OrderCommandCodec.LENGTH);
    }

    private boolean connectivity(final byte state)
    {
        final List<UnsafeBuffer> c = of(RecordType.CONNECTIVITY);
        return !c.isEmpty() && ConnectivityCodec.state(c.get(c.size() - 1), 0) == state;
    }

    @Test
    void shouldGoUpAfterContractsMatchAndTradeThroughFillsAndCancels() throws IOException
    {
        start(SimFaults.parse("duplicate-status"), 10, 900_001);
        command(OrderCommandType.NEW, 1, Side.BUY, OrderType.LIMIT, 10_000, 5, 0);
        assertEquals(List.of("REJECTED 0 0 0 " + RejectReason.VENUE_NOT_CONNECTED.code()), execs(1));
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        assertTrue(gateway.contractProblems().isEmpty());
        pumpUntil("quotes for both instruments", () -> of(RecordType.QUOTE).stream()
            .map(r -> Header.instrumentId(r, 0)).distinct().count() == 2);
        final UnsafeBuffer quote = of(RecordType.QUOTE).get(of(RecordType.QUOTE).size() - 1);
        assertTrue(QuoteCodec.askPrice(quote, 0) > QuoteCodec.bidPrice(quote, 0));
        assertEquals(IbGateway.MARKET_SOURCE_ID, Header.sourceId(quote, 0));

        command(OrderCommandType.NEW, 2, Side.BUY, OrderType.MARKET, 0, 25, 0);
        pumpUntil("fill", () -> execs(2).stream().anyMatch(e -> e.startsWith("FILL")));
        assertEquals(List.of("ACK 0 25 0 0", "PARTIAL_FILL 10 15 10 0", "PARTIAL_FILL 10 5 20 0", "FILL 5 0 25 0"),
            execs(2), "one ACK although every status came twice");
        assertEquals(25, sim.position("MRDA"));

        command(OrderCommandType.NEW, 3, Side.SELL, OrderType.LIMIT, 999_900, 7, 0);
        pumpUntil("ack", () -> execs(3).contains("ACK 0 7 0 0"));
        command(OrderCommandType.CANCEL, 4, Side.SELL, OrderType.LIMIT, 0, 0, 3);
        pumpUntil("cancelled", () -> execs(3).contains("CANCELLED 0 0 0 0"));
        assertEquals(2, execs(3).size());
    }

    @Test
    void shouldStayDownWhenAContractIsUnknown() throws IOException
    {
        start(SimFaults.none(), 0, 123_456);
        pumpUntil("contract problem", () -> !gateway.contractProblems().isEmpty());
        assertTrue(gateway.contractProblems().get(0).contains("MRDA STK SMART USD (conId 123456): IB has no security "
            + "definition"), gateway.contractProblems().toString());
        pumpUntil("the other contract's check", () -> of(RecordType.QUOTE).size() > 3);
        assertFalse(gateway.up());
    }

    @Test
    void shouldStayDownWhenAContractDoesNotMatch() throws IOException
    {
        start(SimFaults.none(), 0, 0, 1000);
        pumpUntil("contract problem", () -> !gateway.contractProblems().isEmpty());
        assertTrue(gateway.contractProblems().get(0).contains("IB minTick 0.01 differs from the configured price "
            + "tick 0.001"), gateway.contractProblems().toString());
        for (int i = 0; i < 1000; i++)
        {
            final long now = System.nanoTime();
            sim.doWork(now);
            gateway.doWork(now);
        }
        assertFalse(connectivity(ConnectivityState.UP));
        assertFalse(gateway.up());
    }

    @Test
    void shouldReportDownOnDisconnectAndUpAfterReconnectAndRejectsWithIbCodes() throws IOException
    {
        start(SimFaults.none(), 0, 900_001);
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        sim.disconnectAll();
        pumpUntil("venue down", () -> connectivity(ConnectivityState.DOWN));
        pumpUntil("venue up again", () -> connectivity(ConnectivityState.UP));
        assertEquals(3, of(RecordType.CONNECTIVITY).size());
        sim.rejectNextOrder(201);
        command(OrderCommandType.NEW, 9, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        pumpUntil("reject", () -> !execs(9).isEmpty());
        assertEquals(List.of("REJECTED 0 0 0 " + RejectReason.VENUE_REJECT.code()), execs(9));
        sim.notice(1100, "Connectivity between IB and TWS has been lost");
        pumpUntil("down on 1100", () -> connectivity(ConnectivityState.DOWN));
        sim.notice(1102, "Connectivity restored - data maintained");
        pumpUntil("up on 1102", () -> connectivity(ConnectivityState.UP));
    }

    @Test
    void shouldQueueOrdersBeyondThePacingBudgetAndRejectWhenTheQueueIsFull() throws IOException
    {
        start(SimFaults.parse("pacing=45"), 0, 900_001);
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        final int orders = IbGateway.PACING_QUEUE + 10;
        for (int i = 0; i < orders; i++)
        {
            command(OrderCommandType.NEW, 100 + i, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        }
        assertTrue(gateway.pacedRequests() >= IbGateway.PACING_QUEUE - 1, "queued " + gateway.pacedRequests());
        final long rejected = gateway.pacingRejects();
        assertTrue(rejected >= 9 && rejected <= 10, "rejected " + rejected);
        assertEquals(rejected, of(RecordType.EXEC_REPORT).stream()
            .filter(r -> ExecReportCodec.rejectCode(r, 0) == RejectReason.VENUE_PACING.code()).count());
        final long lastQueued = 100 + IbGateway.PACING_QUEUE - 5;
        command(OrderCommandType.CANCEL, 9_999, Side.SELL, OrderType.LIMIT, 0, 0, lastQueued);
        assertEquals(List.of("CANCELLED 0 0 0 0"), execs(lastQueued), "withdrawn from the queue, never sent");
        pumpUntil("20 acks", () -> of(RecordType.EXEC_REPORT).stream()
            .filter(r -> ExecReportCodec.execType(r, 0) == ExecType.ACK).count() >= 20);
        assertEquals(0, sim.pacingViolations());
    }

    @Test
    void shouldRejectQueuedOrdersWithNotSentWhenTheSessionDropsAndSendQueuedCancelsOnTheNextSession()
        throws IOException
    {
        start(SimFaults.none(), 0, 900_001, 100, 5);
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        command(OrderCommandType.NEW, 1, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        pumpUntil("ack of order 1", () -> execs(1).contains("ACK 0 1 0 0"));
        for (int id = 2; id <= 6; id++)
        {
            command(OrderCommandType.NEW, id, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        }
        command(OrderCommandType.CANCEL, 7, Side.SELL, OrderType.LIMIT, 0, 0, 1);
        final int queued = gateway.pacedRequests();
        assertTrue(queued >= 5, "at 5 messages/s at most one of orders 2-6 had a token: queued " + queued);
        final int recordsBefore = inbound.size();
        sim.disconnectAll();
        pumpUntil("venue down", () -> connectivity(ConnectivityState.DOWN));

        final List<Long> notSent = new ArrayList<>();
        int downAt = -1;
        for (int i = 0; i < inbound.size(); i++)
        {
            final UnsafeBuffer r = inbound.get(i);
            if (Header.type(r, 0) == RecordType.EXEC_REPORT
                && ExecReportCodec.rejectCode(r, 0) == RejectReason.VENUE_NOT_SENT.code())
            {
                assertEquals(-1, downAt, "every reject before the DOWN record");
                assertEquals(ExecType.REJECTED, ExecReportCodec.execType(r, 0));
                assertEquals(0, ExecReportCodec.leavesQty(r, 0));
                notSent.add(ExecReportCodec.clOrdId(r, 0));
            }
            else if (Header.type(r, 0) == RecordType.CONNECTIVITY && i >= recordsBefore && downAt < 0)
            {
                downAt = i;
            }
        }
        assertEquals(queued - 1, notSent.size(), "each queued NEW rejected, the queued CANCEL kept: " + notSent);
        assertEquals(queued - 1, gateway.notSentRejects());
        assertEquals(1, gateway.pacedRequests(), "the cancel of order 1 waits for the next session");
        for (final long id : notSent)
        {
            assertTrue(id >= 2 && id <= 6, "order " + id);
            assertEquals(List.of("REJECTED 0 0 0 " + RejectReason.VENUE_NOT_SENT.code()), execs(id));
            assertEquals("never received", sim.describeOrderRef(id));
            assertEquals(0, sent(id), "no ORDER_SENT for order " + id);
        }
        assertEquals(1, sent(1), "one ORDER_SENT for order 1, written with its PLACE_ORDER");
        pumpUntil("venue up again", () -> connectivity(ConnectivityState.UP));
        pumpUntil("order 1 cancelled on the new session", () -> execs(1).contains("CANCELLED 0 0 0 0"));
        assertEquals(0, gateway.pacedRequests());
        for (final long id : notSent)
        {
            assertEquals("never received", sim.describeOrderRef(id), "a rejected order is never sent later");
        }
    }

    @Test
    void shouldRejectQueuedOrdersWithNotSentOnIbError1100AfterTheDownRecord() throws IOException
    {
        start(SimFaults.none(), 0, 900_001, 100, 5);
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        for (int id = 1; id <= 4; id++)
        {
            command(OrderCommandType.NEW, id, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        }
        final int queued = gateway.pacedNewOrders();
        assertTrue(queued >= 3, "queued " + queued);
        final int received = sim.ordersReceived();
        sim.notice(1100, "Connectivity between IB and TWS has been lost");
        pumpUntil("down on 1100", () -> connectivity(ConnectivityState.DOWN));
        int downAt = -1;
        int rejects = 0;
        for (int i = 0; i < inbound.size(); i++)
        {
            final UnsafeBuffer r = inbound.get(i);
            if (Header.type(r, 0) == RecordType.CONNECTIVITY
                && ConnectivityCodec.state(r, 0) == ConnectivityState.DOWN && downAt < 0)
            {
                downAt = i;
            }
            else if (Header.type(r, 0) == RecordType.EXEC_REPORT
                && ExecReportCodec.rejectCode(r, 0) == RejectReason.VENUE_NOT_SENT.code())
            {
                assertTrue(downAt >= 0, "a 1100 writes DOWN before the rejects");
                rejects++;
            }
        }
        assertEquals(queued, rejects);
        assertEquals(0, gateway.pacedNewOrders());
        command(OrderCommandType.NEW, 5, Side.SELL, OrderType.LIMIT, 999_900, 1, 0);
        assertEquals(List.of("REJECTED 0 0 0 " + RejectReason.VENUE_NOT_CONNECTED.code()), execs(5));
        for (int i = 0; i < 200; i++)
        {
            final long now = System.nanoTime();
            sim.doWork(now);
            gateway.doWork(now);
        }
        assertTrue(sim.ordersReceived() <= received + 4 - queued, "nothing sent after the 1100");
    }

    /** ORDER_SENT records of an order. */
    private long sent(final long clOrdId)
    {
        return of(RecordType.ORDER_SENT).stream().filter(r -> OrderSentCodec.clOrdId(r, 0) == clOrdId
            && Header.instrumentId(r, 0) == 1 && OrderSentCodec.venueOrderId(r, 0) > 0).count();
    }
}
