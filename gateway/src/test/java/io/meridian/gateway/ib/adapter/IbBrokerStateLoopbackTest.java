package io.meridian.gateway.ib.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.AccountValueCodec;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.gateway.ib.client.IbContract;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ib.protocol.ErrorCodes;
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

/**
 * The broker's state as the IB adapter journals it, against ib-sim over loopback (issue 9): account values, positions,
 * open orders and executions arrive as ACCOUNT_VALUE / POSITION / OPEN_ORDER / EXECUTION records, each snapshot closed
 * by its END, all before the venue goes UP; IB error 1101 (connectivity restored, data lost) subscribes market data
 * again and takes a new snapshot before UP; IB error 100 (pacing) holds every request back for a second.
 */
class IbBrokerStateLoopbackTest
{
    private static final long DEADLINE_NS = 10_000_000_000L;

    private final List<UnsafeBuffer> inbound = new ArrayList<>();
    private IbSimulator sim;
    private IbGateway gateway;
    private int port;

    private void start() throws IOException
    {
        sim = new IbSimulator(SimConfig.defaults().withPort(0).withPartialFillQty(10), SimFaults.none(),
            1_764_689_400_000L);
        port = sim.bind();
        final List<IbInstrument> instruments = List.of(
            new IbInstrument(1, 100, 1, new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "", "")),
            new IbInstrument(2, 100, 1, new IbContract(900_002, "MRDB", "STK", "SMART", "NYSE", "USD", "", "")));
        gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 1, 45, 1, 5_000_000_000L,
            5_000_000_000L, 10_000_000L, 50_000_000L), instruments, "DU0000001", 7, (b, o, l) ->
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

    @Test
    void theBrokersStateIsJournaledAndTheVenueGoesUpOnlyAfterItsSnapshots() throws IOException
    {
        start();
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        assertSnapshotBeforeLastUp(1);
        final List<UnsafeBuffer> nav = values(AccountValueCodec.TAG_NAV);
        assertTrue(!nav.isEmpty(), "NetLiquidation journaled");
        assertTrue(AccountValueCodec.value(nav.get(0), 0) > 1_000 * Scales.CASH_SCALE, "NAV in cash units");

        command(OrderCommandType.NEW, 41, Side.BUY, OrderType.MARKET, 0, 25);
        pumpUntil("fill", () -> reports(41).contains("FILL"));
        final List<UnsafeBuffer> executions = executionsOf(41);
        assertEquals(3, executions.size(), "three executions of 10, 10 and 5");
        assertEquals(25, ExecutionCodec.cumQty(executions.get(2), 0));
        assertEquals(1, Header.instrumentId(executions.get(2), 0));
        assertEquals(ExecutionCodec.KIND_LIVE_EXECUTION, ExecutionCodec.kind(executions.get(2), 0), "reported live");
        pumpUntil("commissions", () -> of(RecordType.EXECUTION).stream()
            .filter(r -> ExecutionCodec.kind(r, 0) == ExecutionCodec.KIND_COMMISSION).count() >= 3);

        command(OrderCommandType.NEW, 42, Side.SELL, OrderType.LIMIT, 999_900, 7);
        pumpUntil("ack", () -> reports(42).contains("ACK"));

        // a new session: the snapshot shows the position of 25 and the working order 42 by its order reference
        inbound.clear();
        sim.disconnectAll();
        pumpUntil("venue down", () -> connectivity(ConnectivityState.DOWN));
        pumpUntil("venue up again", () -> connectivity(ConnectivityState.UP));
        assertSnapshotBeforeLastUp(1);
        final List<UnsafeBuffer> positions = of(RecordType.POSITION);
        assertTrue(positions.stream().anyMatch(p -> Header.instrumentId(p, 0) == 1
            && PositionCodec.position(p, 0) == 25 && PositionCodec.conId(p, 0) == 900_001), "MRDA 25");
        final List<UnsafeBuffer> open = of(RecordType.OPEN_ORDER);
        assertTrue(open.stream().anyMatch(o -> OpenOrderCodec.clOrdId(o, 0) == 42 && OpenOrderCodec.qty(o, 0) == 7
            && OpenOrderCodec.price(o, 0) == 999_900 && OpenOrderCodec.side(o, 0) == Side.SELL
            && OpenOrderCodec.status(o, 0) == OpenOrderCodec.STATUS_PENDING), "order 42 open at the broker");
        assertEquals(3, executionsOf(41).size(), "the day's executions again, by order reference");
        assertTrue(executionsOf(41).stream().allMatch(e -> ExecutionCodec.kind(e, 0) == ExecutionCodec.KIND_EXECUTION),
            "in answer to the request for the day's executions");
        assertTrue(reports(41).isEmpty(), "executions already reported are not reported twice");
    }

    @Test
    void aRestartedAdapterReportsOnlyFillsBeyondTheBrokersCumulativeQuantityOfAPartlyFilledOrder() throws IOException
    {
        start();
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        // 200 at market, executed 10 at a time (one execution per market event): dropped after the first fills
        command(OrderCommandType.NEW, 61, Side.BUY, OrderType.MARKET, 0, 200);
        pumpUntil("a partial fill", () -> reports(61).contains("PARTIAL_FILL"));
        final long before = reportedQty(61);
        gateway.close();

        // a new adapter (the restarted engine's) on the same simulator: the broker's executions of order 61 come in
        // its snapshot; the fills the previous adapter reported must not be reported again
        inbound.clear();
        restartAdapter(before);
        pumpUntil("venue up after the restart", () -> connectivity(ConnectivityState.UP));
        pumpUntil("the rest filled", () -> reports(61).contains("FILL"));
        final long brokerAtSnapshot = executionsOf(61).stream()
            .filter(e -> ExecutionCodec.kind(e, 0) == ExecutionCodec.KIND_EXECUTION)
            .mapToLong(e -> ExecutionCodec.qty(e, 0)).sum();
        assertTrue(brokerAtSnapshot >= before, "the snapshot holds the fills reported before the drop");
        assertEquals(200 - before, reportedQty(61), "only fills beyond what the engine held are reported");
        final List<UnsafeBuffer> r = of(RecordType.EXEC_REPORT).stream()
            .filter(x -> ExecReportCodec.clOrdId(x, 0) == 61 && ExecReportCodec.lastQty(x, 0) > 0).toList();
        final UnsafeBuffer last = r.get(r.size() - 1);
        assertEquals(200, ExecReportCodec.cumQty(last, 0), "the cumulative quantity carried over");
        assertEquals(0, ExecReportCodec.leavesQty(last, 0));
    }

    private void restartAdapter(final long engineFilled61)
    {
        final List<IbInstrument> instruments = List.of(
            new IbInstrument(1, 100, 1, new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "", "")),
            new IbInstrument(2, 100, 1, new IbContract(900_002, "MRDB", "STK", "SMART", "NYSE", "USD", "", "")));
        gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 1, 45, 1, 5_000_000_000L,
            5_000_000_000L, 10_000_000L, 50_000_000L), instruments, "DU0000001", 7, (b, o, l) ->
            {
                final byte[] copy = new byte[l];
                b.getBytes(o, copy);
                inbound.add(new UnsafeBuffer(copy));
            }, new SystemEpochNanoClock());
        gateway.filledBefore(id -> id == 61 ? engineFilled61 : 0);    // the restarted engine's recovered state
        gateway.start(System.nanoTime());
    }

    private long reportedQty(final long clOrdId)
    {
        return of(RecordType.EXEC_REPORT).stream().filter(r -> ExecReportCodec.clOrdId(r, 0) == clOrdId)
            .mapToLong(r -> ExecReportCodec.lastQty(r, 0)).sum();
    }

    @Test
    void error1101ResubscribesMarketDataAndTakesANewSnapshotBeforeUp() throws IOException
    {
        start();
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        sim.notice(ErrorCodes.CONNECTIVITY_LOST, "Connectivity between IB and TWS has been lost");
        pumpUntil("down on 1100", () -> connectivity(ConnectivityState.DOWN));
        inbound.clear();
        sim.notice(ErrorCodes.CONNECTIVITY_RESTORED_DATA_LOST, "Connectivity restored - data lost");
        pumpUntil("up after 1101", () -> connectivity(ConnectivityState.UP));
        assertEquals(1, gateway.resubscriptions());
        assertSnapshotBeforeLastUp(1);
        final int quotes = of(RecordType.QUOTE).size();
        pumpUntil("quotes after the resubscription", () -> of(RecordType.QUOTE).size() > quotes + 5);
    }

    @Test
    void error100HoldsRequestsBackForASecondWithoutDroppingAnOrder() throws IOException
    {
        start();
        pumpUntil("venue up", () -> connectivity(ConnectivityState.UP));
        sim.notice(ErrorCodes.MAX_RATE_EXCEEDED, "Max rate of messages per second has been exceeded");
        pumpUntil("the notice", () -> gateway.pacingViolations() == 1);
        final long sent = System.nanoTime();
        command(OrderCommandType.NEW, 51, Side.SELL, OrderType.LIMIT, 999_900, 3);
        assertEquals(1, gateway.pacedRequests(), "held in the pacing queue");
        pumpUntil("ack", () -> reports(51).contains("ACK"));
        assertTrue(System.nanoTime() - sent > 500_000_000L, "held back after error 100");
        assertEquals(0, gateway.pacedRequests());
    }

    private void assertSnapshotBeforeLastUp(final int ends)
    {
        int up = -1;
        for (int i = 0; i < inbound.size(); i++)
        {
            final UnsafeBuffer r = inbound.get(i);
            if (Header.type(r, 0) == RecordType.CONNECTIVITY
                && ConnectivityCodec.state(r, 0) == ConnectivityState.UP)
            {
                up = i;
            }
        }
        final List<UnsafeBuffer> before = inbound.subList(0, up);
        assertEquals(ends, before.stream().filter(r -> Header.type(r, 0) == RecordType.OPEN_ORDER
            && OpenOrderCodec.kind(r, 0) == OpenOrderCodec.KIND_END).count(), "open orders ended before UP");
        assertEquals(ends, before.stream().filter(r -> Header.type(r, 0) == RecordType.POSITION
            && PositionCodec.kind(r, 0) == PositionCodec.KIND_END).count(), "positions ended before UP");
        assertEquals(ends, before.stream().filter(r -> Header.type(r, 0) == RecordType.EXECUTION
            && ExecutionCodec.kind(r, 0) == ExecutionCodec.KIND_END).count(), "executions ended before UP");
    }

    private List<UnsafeBuffer> values(final byte tag)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer r : of(RecordType.ACCOUNT_VALUE))
        {
            if (AccountValueCodec.tag(r, 0) == tag && AccountValueCodec.kind(r, 0) == AccountValueCodec.KIND_VALUE)
            {
                out.add(r);
            }
        }
        return out;
    }

    private List<UnsafeBuffer> executionsOf(final long clOrdId)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer r : of(RecordType.EXECUTION))
        {
            if (ExecutionCodec.clOrdId(r, 0) == clOrdId && (ExecutionCodec.kind(r, 0) == ExecutionCodec.KIND_EXECUTION
                || ExecutionCodec.kind(r, 0) == ExecutionCodec.KIND_LIVE_EXECUTION))
            {
                out.add(r);
            }
        }
        return out;
    }

    private List<String> reports(final long clOrdId)
    {
        final List<String> out = new ArrayList<>();
        for (final UnsafeBuffer r : of(RecordType.EXEC_REPORT))
        {
            if (ExecReportCodec.clOrdId(r, 0) == clOrdId)
            {
                out.add(ExecType.name(ExecReportCodec.execType(r, 0)));
            }
        }
        return out;
    }

    private void pumpUntil(final String what, final BooleanSupplier condition) throws IOException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.getAsBoolean())
        {
            final long now = System.nanoTime();
            if (now > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
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

    private boolean connectivity(final byte state)
    {
        final List<UnsafeBuffer> c = of(RecordType.CONNECTIVITY);
        return !c.isEmpty() && ConnectivityCodec.state(c.get(c.size() - 1), 0) == state;
    }

    private void command(final byte command, final long clOrdId, final byte side, final byte type, final long price,
        final long qty)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 1, 1, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(b, 0, clOrdId);
        OrderCommandCodec.command(b, 0, command);
        OrderCommandCodec.side(b, 0, side);
        OrderCommandCodec.orderType(b, 0, type);
        OrderCommandCodec.venueId(b, 0, 7);
        OrderCommandCodec.price(b, 0, price);
        OrderCommandCodec.qty(b, 0, qty);
        gateway.onRecord(b, 0, OrderCommandCodec.LENGTH);
    }
}
