package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.protocol.ErrorCodes;
import io.meridian.gateway.ib.protocol.TickTypes;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against the simulator over loopback, both polled from the test's thread: session start, contract
 * details, market data, orders through fills and cancels, positions, account summary, reconnect, pacing and the
 * IB error codes.
 */
class TwsSessionLoopbackTest
{
    private static final long DEADLINE_NS = 10_000_000_000L;
    private static final IbContract MRDA = new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "", "");

    private final RecordingTwsListener listener = new RecordingTwsListener();
    private IbSimulator sim;
    private TwsConnection connection;

    private void start(final SimConfig config, final SimFaults faults, final int clientId) throws IOException
    {
        sim = new IbSimulator(config.withPort(0), faults, 1_764_689_400_000L);
        final int port = sim.bind();
        connection = new TwsConnection(new TwsConnectionConfig("127.0.0.1", port, clientId, 45, 1,
            5_000_000_000L, 5_000_000_000L, 10_000_000L, 50_000_000L), listener);
        connection.start(System.nanoTime());
    }

    @AfterEach
    void stop()
    {
        if (connection != null)
        {
            connection.close(System.nanoTime());
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
                throw new AssertionError("timed out waiting for " + what + "; events: " + listener.events);
            }
            sim.doWork(now);
            connection.doWork(now);
        }
    }

    private boolean seen(final String prefix)
    {
        return listener.events.stream().anyMatch(e -> e.startsWith(prefix));
    }

    private long count(final String prefix)
    {
        return listener.events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    private void send(final Runnable request) throws IOException
    {
        pumpUntil("a pacing token", () -> connection.tryAcquire(System.nanoTime()));
        request.run();
    }

    @Test
    void shouldStartASessionAndNegotiateTheConfiguredVersion() throws IOException
    {
        start(SimConfig.defaults().withServerVersion(149), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        assertEquals(149, connection.serverVersion());
        assertTrue(seen("serverVersion 149 20251202 15:30:00 UTC"), listener.events.toString());
        assertTrue(seen("nextValidId 1"));
        assertTrue(seen("managedAccounts DU0000001"));
        assertTrue(seen("ready 149 1"));
        pumpUntil("farm notices", () -> seen("error -1 " + ErrorCodes.SEC_DEF_FARM_OK));
    }

    @Test
    void shouldReadContractDetailsAndMarketData() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        send(() -> connection.requests().reqContractDetails(3, MRDA));
        pumpUntil("contract details", () -> seen("contractDetailsEnd 3"));
        assertTrue(seen("contractDetails 3 900001 MRDA STK SMART USD 1000000  NASDAQ"), listener.events.toString());
        send(() -> connection.requests().reqContractDetails(4, new IbContract(0, "NOPE", "STK", "SMART", "", "USD",
            "", "")));
        pumpUntil("no security definition", () -> seen("error 4 " + ErrorCodes.NO_SECURITY_DEFINITION));
        send(() -> connection.requests().reqMktData(5, MRDA));
        pumpUntil("bid and ask ticks", () -> seen("tickPrice 5 " + TickTypes.BID) && seen("tickPrice 5 "
            + TickTypes.ASK));
        pumpUntil("a trade", () -> seen("tickPrice 5 " + TickTypes.LAST) && seen("tickString 5 "
            + TickTypes.LAST_TIMESTAMP));
    }

    @Test
    void shouldFillInPartsReportCommissionsPositionsAndAccount() throws IOException
    {
        start(SimConfig.defaults().withPartialFillQty(10), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        final IbOrder buy = new IbOrder().set(1, true, 35_00000000L, IbOrderType.MKT, 0, 0, IbTimeInForce.DAY,
            false, 501);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, buy));
        pumpUntil("filled", () -> seen("orderStatus 1 FILLED 3500000000 0"));
        assertTrue(seen("openOrder 1 900001 MRDA BUY 3500000000 MKT 0 0 DAY DU0000001 501 7"), listener.events
            .toString());
        assertEquals(4, count("execution -1 1 "));              // 10 + 10 + 10 + 5
        pumpUntil("commissions", () -> count("commission ") == 4);
        assertEquals(35, sim.position("MRDA"));
        send(() -> connection.requests().reqPositions());
        pumpUntil("positions", () -> seen("positionEnd"));
        assertTrue(seen("position DU0000001 900001 MRDA 3500000000 "), listener.events.toString());
        send(() -> connection.requests().reqExecutions(8, 7));
        pumpUntil("executions", () -> seen("executionEnd 8"));
        assertEquals(4, count("execution 8 1 "));
        send(() -> connection.requests().reqAccountSummary(9, "NetLiquidation,TotalCashValue,BuyingPower"));
        pumpUntil("account summary", () -> seen("accountSummaryEnd 9"));
        assertEquals(3, count("accountSummary 9 DU0000001 "));
    }

    @Test
    void shouldCancelARestingOrderAndReportUnknownCancels() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        final IbOrder bid = new IbOrder().set(1, true, 100_00000000L, IbOrderType.LMT, 1_00000000L, 0,
            IbTimeInForce.GTC, true, 77);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, bid));
        pumpUntil("submitted", () -> seen("orderStatus 1 SUBMITTED"));
        send(() -> connection.requests().reqOpenOrders());
        pumpUntil("open orders", () -> seen("openOrderEnd"));
        assertTrue(seen("openOrder 1 900001 MRDA BUY 10000000000 LMT 100000000 0 GTC DU0000001 77 7"), listener
            .events.toString());
        send(() -> connection.requests().cancelOrder(1));
        pumpUntil("cancelled", () -> seen("orderStatus 1 CANCELLED"));
        pumpUntil("error 202", () -> seen("error 1 " + ErrorCodes.ORDER_CANCELLED));
        send(() -> connection.requests().cancelOrder(99));
        pumpUntil("cancel of an unknown order", () -> seen("error 99 " + ErrorCodes.ORDER_TO_CANCEL_NOT_FOUND));
        assertTrue(sim.workingOrderIds().isEmpty());
    }

    @Test
    void shouldReportRejectsAndGlobalCancel() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.parse("reject@0=201"), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(1, false, 5_00000000L, IbOrderType.LMT, 999_00000000L, 0, IbTimeInForce.DAY, false, 1)));
        pumpUntil("reject", () -> seen("error 1 " + ErrorCodes.ORDER_REJECTED) && seen("orderStatus 1 INACTIVE"));
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(2, false, 5_00000000L, IbOrderType.STP, 0, 1_00000000L, IbTimeInForce.DAY, false, 2)));
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(3, false, 5_00000000L, IbOrderType.LMT, 999_00000000L, 0, IbTimeInForce.DAY, false, 3)));
        pumpUntil("both working", () -> sim.workingOrderIds().size() == 2);
        send(() -> connection.requests().reqGlobalCancel());
        pumpUntil("both cancelled", () -> seen("orderStatus 2 CANCELLED") && seen("orderStatus 3 CANCELLED"));
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(3, false, 5_00000000L, IbOrderType.LMT, 999_00000000L, 0, IbTimeInForce.DAY, false, 3)));
        pumpUntil("duplicate id", () -> seen("error 3 103"));
        assertEquals(1, sim.duplicateOrderIds());
    }

    @Test
    void shouldReconnectAfterADisconnectAndFindItsOrders() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(1, true, 1_00000000L, IbOrderType.LMT, 1_00000000L, 0, IbTimeInForce.GTC, false, 11)));
        pumpUntil("submitted", () -> seen("orderStatus 1 SUBMITTED"));
        sim.disconnectAll();
        pumpUntil("disconnected", () -> seen("disconnected PEER_CLOSED true"));
        pumpUntil("second session", () -> connection.sessions() == 2 && connection.state()
            == TwsConnection.State.READY);
        assertTrue(seen("ready 151 2"), listener.events.toString());   // next valid id moved past order 1
        send(() -> connection.requests().reqOpenOrders());
        pumpUntil("open orders", () -> seen("openOrderEnd"));
        assertTrue(seen("openOrder 1 900001 MRDA BUY 100000000 LMT"), listener.events.toString());
    }

    @Test
    void shouldRefuseASecondSessionWithTheSameClientId() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        final RecordingTwsListener second = new RecordingTwsListener();
        final TwsConnection other = new TwsConnection(new TwsConnectionConfig("127.0.0.1",
            connection.config().port(), 7, 45, 1, 5_000_000_000L, 5_000_000_000L, 10_000_000L, 50_000_000L), second);
        other.start(System.nanoTime());
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (second.events.stream().noneMatch(e -> e.startsWith("disconnected")))
        {
            assertTrue(System.nanoTime() < deadline, "timed out: " + second.events);
            final long now = System.nanoTime();
            sim.doWork(now);
            other.doWork(now);
            connection.doWork(now);
        }
        other.close(System.nanoTime());
        assertTrue(second.events.stream().anyMatch(e -> e.startsWith("error -1 " + ErrorCodes.CLIENT_ID_IN_USE)),
            second.events.toString());
    }

    @Test
    void shouldNeverExceedTheSimulatorsPacingLimit() throws IOException
    {
        // the simulator enforces IB's own limit (50 in any second, counted on arrival); the client paces at 45/s, so
        // socket and scheduling jitter (a few messages arriving together) stays inside the limit
        start(SimConfig.defaults(), SimFaults.parse("pacing=50"), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        final long began = System.nanoTime();
        for (int i = 0; i < 100; i++)
        {
            send(() -> connection.requests().reqCurrentTime());
        }
        pumpUntil("100 answers", () -> count("currentTime ") >= 100);
        final double seconds = (System.nanoTime() - began) / 1e9;
        assertEquals(0, sim.pacingViolations());
        assertTrue(seconds >= 99 / 45.0 * 0.99, "100 requests at 45/s take at least 2.2 s, took " + seconds);
        assertTrue(sim.mostMessagesInOneSecond() > 1 && sim.mostMessagesInOneSecond() <= 50,
            "counted on arrival, inside IB's limit: " + sim.mostMessagesInOneSecond());
    }

    @Test
    void shouldReportOnlyExecutionsAfterTheFilterTime() throws IOException
    {
        start(SimConfig.defaults(), SimFaults.none(), 7);
        pumpUntil("ready", () -> connection.state() == TwsConnection.State.READY);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(1, true, 5_00000000L, IbOrderType.MKT, 0, 0, IbTimeInForce.DAY, false, 601)));
        pumpUntil("order 1 filled", () -> seen("orderStatus 1 FILLED"));
        final long later = System.nanoTime() + 2_100_000_000L;
        pumpUntil("two seconds", () -> System.nanoTime() > later);
        send(() -> connection.requests().placeOrder(connection.serverVersion(), MRDA, new IbOrder()
            .set(2, true, 5_00000000L, IbOrderType.MKT, 0, 0, IbTimeInForce.DAY, false, 602)));
        pumpUntil("order 2 filled", () -> seen("orderStatus 2 FILLED"));
        final long first = executionSecond("execution -1 1 ");
        assertTrue(executionSecond("execution -1 2 ") >= first + 2, "order 2 executed two seconds later");

        send(() -> connection.requests().reqExecutions(20, 7, first));
        pumpUntil("executions after order 1's", () -> seen("executionEnd 20"));
        assertEquals(0, count("execution 20 1 "), "an execution at the filter time is not after it");
        assertEquals(1, count("execution 20 2 "));
        send(() -> connection.requests().reqExecutions(21, 7, first - 1));
        pumpUntil("executions after the second before", () -> seen("executionEnd 21"));
        assertEquals(1, count("execution 21 1 "));
        assertEquals(1, count("execution 21 2 "));
        final long commissions = count("commission ");
        send(() -> connection.requests().reqExecutions(22, 7, first + 3_600));
        pumpUntil("executions an hour later", () -> seen("executionEnd 22"));
        assertEquals(0, count("execution 22 "));
        assertEquals(commissions, count("commission "), "no commission report for an execution left out");
    }

    /** The time of the live execution with this prefix, read from its text ("yyyyMMdd HH:mm:ss UTC"). */
    private long executionSecond(final String prefix)
    {
        final String[] t = listener.events.stream().filter(e -> e.startsWith(prefix)).findFirst().orElseThrow()
            .split(" ");
        assertEquals("UTC", t[7], String.join(" ", t));
        return java.time.LocalDateTime.parse(t[5] + t[6], java.time.format.DateTimeFormatter.ofPattern(
            "yyyyMMddHH:mm:ss")).toEpochSecond(java.time.ZoneOffset.UTC);
    }
}
