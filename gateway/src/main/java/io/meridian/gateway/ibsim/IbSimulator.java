package io.meridian.gateway.ibsim;

import io.meridian.gateway.ib.protocol.ErrorCodes;
import io.meridian.gateway.ib.protocol.TickTypes;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import io.meridian.gateway.market.SyntheticMarket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A TWS API server on 127.0.0.1 for tests and paper runs without a broker: handshake with a configurable server
 * version, START_API, next valid id, managed accounts, contract details and L1 market data for the configured
 * instruments (driven by the synthetic market on the simulator's clock), order handling with acknowledgements,
 * partial fills, fills, cancels, commissions, positions, executions and account summary, and the faults of
 * {@link SimFaults}, scripted or on demand. Driven by {@link #doWork(long)}; creates no thread and reads no clock.
 *
 * <p>Over 500 lines: this is the simulator's whole public surface, its on-demand faults and scripted market events
 * for tests beside the duty cycle; the work itself is in {@link SimBroker}, {@link SimRequests} and
 * {@link SimMarketFeed}.
 *
 * <p>Owned by the thread that calls {@code doWork}; the on-demand fault methods must be called on it too.
 */
public final class IbSimulator implements AutoCloseable
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SimConfig config;
    private final SimFaults faults;
    private final long epochMsAtStart;
    private final SimBroker broker;
    private final SimMarketFeed feed;
    private final List<SimSession> sessions = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final SimRequests requests;
    private ServerSocketChannel server;
    private long startNs = Long.MIN_VALUE;
    private long nowNs;
    private int nextTimed;
    private long refuseUntilNs;
    private long staleUntilNs;
    private boolean connectivityLost;
    private int rejectNextCode;
    private long sessionsAccepted;
    private boolean duplicateNextRef;
    private String lastOrderRef;

    /**
     * A simulator that is not yet listening.
     *
     * @param config what to simulate.
     * @param faults which faults to inject.
     * @param epochMsAtStart wall-clock time of the first {@code doWork}, for the times the protocol carries.
     */
    public IbSimulator(final SimConfig config, final SimFaults faults, final long epochMsAtStart)
    {
        this.config = config;
        this.faults = faults;
        this.epochMsAtStart = epochMsAtStart;
        this.broker = new SimBroker(config);
        this.requests = new SimRequests(this, broker);
        this.feed = new SimMarketFeed(this, broker, requests, new SyntheticMarket(SimMarketFeed.marketParams(config)));
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @return the port (the configured one, or the one chosen for port 0).
     * @throws IOException when the port cannot be bound.
     */
    public int bind() throws IOException
    {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()));
        server.configureBlocking(false);
        return ((InetSocketAddress)server.getLocalAddress()).getPort();
    }

    /**
     * The broker's truth, for tests and reports.
     *
     * @return the broker state (read on the simulator's thread only).
     */
    SimBroker broker()
    {
        return broker;
    }

    /**
     * Signed position in one instrument.
     *
     * @param symbol the symbol.
     * @return shares.
     */
    public long position(final String symbol)
    {
        final int i = broker.instrumentIndex(0, symbol);
        return i < 0 ? 0 : broker.position[i];
    }

    /**
     * Commission charged on one instrument's executions so far.
     *
     * @param symbol the symbol.
     * @return the sum, in the account currency.
     */
    public double commissions(final String symbol)
    {
        final int i = broker.instrumentIndex(0, symbol);
        double sum = 0;
        for (final SimBroker.Execution e : broker.executions)
        {
            sum += e.order().instrument == i ? e.commission() : 0;
        }
        return sum;
    }

    /**
     * Orders still working, by IB order id.
     *
     * @return the ids in arrival order.
     */
    public List<Long> workingOrderIds()
    {
        final List<Long> ids = new ArrayList<>();
        broker.orders.values().forEach(o ->
        {
            if (o.working())
            {
                ids.add(o.orderId);
            }
        });
        return ids;
    }

    /**
     * The order references (a client's durable order ids) of the orders still working, in arrival order; an order
     * whose reference is not a number is listed as -1.
     *
     * @return the references.
     */
    public List<Long> workingOrderRefs()
    {
        final List<Long> refs = new ArrayList<>();
        broker.orders.values().forEach(o ->
        {
            if (o.working())
            {
                long ref = -1;
                try
                {
                    ref = Long.parseLong(o.orderRef);
                }
                catch (final RuntimeException notANumber)
                {
                    // listed as -1
                }
                refs.add(ref);
            }
        });
        return refs;
    }

    /**
     * What the simulator knows of the order with this order reference (a client's durable order id): its IB order id,
     * type, time in force, status and filled quantity, or that no order carried it. For harness reports.
     *
     * @param orderRef the order reference.
     * @return a one-line description.
     */
    public String describeOrderRef(final long orderRef)
    {
        final String ref = Long.toString(orderRef);
        for (final SimOrder o : broker.orders.values())
        {
            if (ref.equals(o.orderRef))
            {
                return "ib order " + o.orderId + " " + o.type + " " + o.tif + " " + o.status + " filled " + o.filled
                    + "/" + o.quantity;
            }
        }
        return "never received";
    }

    /**
     * Orders received (every PLACE_ORDER with a new id).
     *
     * @return the count.
     */
    public int ordersReceived()
    {
        return broker.orders.size();
    }

    /**
     * Executions so far.
     *
     * @return the count.
     */
    public int executions()
    {
        return broker.executions.size();
    }

    /**
     * PLACE_ORDERs that reused the id of a finished order (error 103).
     *
     * @return the count.
     */
    public long duplicateOrderIds()
    {
        return requests.duplicateOrderIds;
    }

    /**
     * Requests refused for pacing (error 100).
     *
     * @return the count.
     */
    public long pacingViolations()
    {
        return requests.pacingViolations;
    }

    /**
     * The most messages one client session sent within any one second (a sliding window over arrival times, whether
     * or not the {@code pacing} fault is on), counted up to 64.
     *
     * @return the count.
     */
    public int mostMessagesInOneSecond()
    {
        return requests.mostInOneSecond;
    }

    /**
     * Connections accepted.
     *
     * @return the count.
     */
    public long sessionsAccepted()
    {
        return sessionsAccepted;
    }

    /**
     * Sessions with a started API.
     *
     * @return the count.
     */
    public int activeSessions()
    {
        int n = 0;
        for (final SimSession s : sessions)
        {
            n += s.started && !s.closed ? 1 : 0;
        }
        return n;
    }

    /**
     * One duty cycle: faults due, new connections, requests, market events due, output.
     *
     * @param now the current time (monotonic nanoseconds).
     * @return work done.
     * @throws IOException when the listening socket fails.
     */
    public int doWork(final long now) throws IOException
    {
        if (startNs == Long.MIN_VALUE)
        {
            startNs = now;
        }
        nowNs = now;
        int work = fireTimedFaults();
        work += accept();
        for (int i = 0; i < sessions.size(); i++)
        {
            work += read(sessions.get(i));
        }
        work += feed.advance(now - startNs, staleUntilNs, connectivityLost);
        for (final SimSession s : sessions)
        {
            work += s.flush(now);
        }
        sessions.removeIf(s -> s.closed);
        return work;
    }

    @Override
    public void close()
    {
        for (final SimSession s : sessions)
        {
            s.close();
        }
        sessions.clear();
        if (server != null)
        {
            try
            {
                server.close();
            }
            catch (final IOException ignored)
            {
                // closing: nothing more to do
            }
        }
    }

    /** Closes every client connection now (fault). */
    public void disconnectAll()
    {
        for (final SimSession s : sessions)
        {
            s.close();
        }
    }

    /**
     * Closes every connection and refuses new ones for a while (fault: the server restarted; orders stay).
     *
     * @param downMs how long to refuse connections.
     */
    public void restart(final long downMs)
    {
        disconnectAll();
        refuseUntilNs = nowNs + downMs * 1_000_000L;
    }

    /**
     * Rejects the next order with an IB error code (fault).
     *
     * @param code e.g. 201.
     */
    public void rejectNextOrder(final int code)
    {
        rejectNextCode = code;
    }

    /**
     * Sends a notice (error message with id -1) to every started session, e.g. a farm status (fault).
     *
     * @param code the code.
     * @param message the text.
     */
    public void notice(final int code, final String message)
    {
        for (final SimSession s : sessions)
        {
            if (s.started)
            {
                s.send(SimMessages.error(-1, code, message));
            }
        }
    }

    /**
     * Halts or resumes one instrument (fault): a TICK_GENERIC halted tick goes to its subscribers.
     *
     * @param symbol the symbol.
     * @param halt true to halt.
     */
    public void halt(final String symbol, final boolean halt)
    {
        final int i = broker.instrumentIndex(0, symbol);
        if (i < 0)
        {
            throw new IllegalArgumentException("halt: unknown symbol '" + symbol + "'");
        }
        broker.halted[i] = halt;
        for (final SimSession s : sessions)
        {
            s.marketDataReqIds.forEach((reqId, instrument) ->
            {
                if (instrument == i)
                {
                    s.send(SimMessages.tickGeneric(reqId, TickTypes.HALTED, halt ? 1 : 0));
                }
            });
        }
    }

    /**
     * The trading session ends (fault, and {@code session-end@T}): every working DAY order is cancelled at the
     * broker and reported Cancelled to its client; GTC orders keep working (across this and any reconnect).
     *
     * @return how many orders were cancelled.
     */
    public int endSession()
    {
        return broker.endSession(requests);
    }

    /**
     * Regular trading hours end or start (faults {@code rth-end@T}, {@code rth-start@T}): outside them only orders
     * placed with outsideRth execute; the others wait for the hours to start again.
     *
     * @param outside true when the market is now outside regular trading hours.
     */
    public void outsideRegularHours(final boolean outside)
    {
        broker.outsideRegularHours = outside;
    }

    /**
     * Fault {@code duplicate-ref}: the next new order is reported with the order reference of the order its client
     * placed before it.
     */
    public void duplicateNextOrderRef()
    {
        duplicateNextRef = true;
    }

    /** The order reference the broker keeps for a new order (the client's, unless {@code duplicate-ref} is due). */
    String orderRefFor(final String clientRef, final boolean newOrder)
    {
        if (!newOrder)
        {
            return clientRef;
        }
        final String previous = lastOrderRef;
        lastOrderRef = clientRef;
        if (duplicateNextRef && previous != null)
        {
            duplicateNextRef = false;
            return previous;
        }
        return clientRef;
    }

    /**
     * A scripted quote for one instrument (on demand; a test with a very long {@code marketIntervalMs} drives the
     * whole market this way): the broker matches working orders on it, and subscribers get its ticks.
     *
     * @param symbol the symbol.
     * @param bid bid price.
     * @param bidSize bid size, shares.
     * @param ask ask price.
     * @param askSize ask size, shares.
     */
    public void quote(final String symbol, final double bid, final long bidSize, final double ask,
        final long askSize)
    {
        feed.quote(index(symbol), bid, bidSize, ask, askSize, true);
    }

    /**
     * A scripted last trade for one instrument (on demand): stops trigger on it, the broker matches, and subscribers
     * get its ticks.
     *
     * @param symbol the symbol.
     * @param price trade price.
     * @param size trade size, shares.
     */
    public void trade(final String symbol, final double price, final long size)
    {
        feed.trade(index(symbol), price, size, true);
    }

    private int index(final String symbol)
    {
        final int i = broker.instrumentIndex(0, symbol);
        if (i < 0)
        {
            throw new IllegalArgumentException("ib-sim: unknown symbol '" + symbol + "'");
        }
        return i;
    }

    /**
     * Stops market data for a while (fault: stale data).
     *
     * @param ms how long.
     */
    public void stale(final long ms)
    {
        staleUntilNs = nowNs + ms * 1_000_000L;
    }

    SimMarketFeed feed()
    {
        return feed;
    }

    long nowNs()
    {
        return nowNs;
    }

    SimConfig config()
    {
        return config;
    }

    SimFaults faults()
    {
        return faults;
    }

    List<SimSession> sessions()
    {
        return sessions;
    }

    int takeRejectCode()
    {
        final int code = rejectNextCode != 0 ? rejectNextCode : faults.rejectAllCode();
        rejectNextCode = 0;
        return code;
    }

    String timeText()
    {
        return TIME.format(Instant.ofEpochMilli(epochMsAtStart + (nowNs - startNs) / 1_000_000L));
    }

    long epochSeconds()
    {
        return (epochMsAtStart + (nowNs - startNs) / 1_000_000L) / 1000;
    }

    private int fireTimedFaults()
    {
        int work = 0;
        final List<SimFaults.Event> timed = faults.timed();
        while (nextTimed < timed.size() && timed.get(nextTimed).atMs() * 1_000_000L <= nowNs - startNs)
        {
            fire(timed.get(nextTimed++));
            work++;
        }
        return work;
    }

    private void fire(final SimFaults.Event e)
    {
        switch (e.name())
        {
            case "disconnect" -> disconnectAll();
            case "restart" -> restart(e.arg().isEmpty() ? 1000 : Long.parseLong(e.arg()));
            case "reject" -> rejectNextOrder(e.arg().isEmpty() ? ErrorCodes.ORDER_REJECTED
                : Integer.parseInt(e.arg()));
            case "farm" -> notice(Integer.parseInt(e.arg()), "farm status (simulated)");
            case "connectivity" ->
            {
                final int code = Integer.parseInt(e.arg());
                connectivityLost = code == ErrorCodes.CONNECTIVITY_LOST;
                notice(code, "connectivity (simulated)");
            }
            case "stale" -> stale(Math.round(Double.parseDouble(e.arg()) * 1000));
            case "session-end" -> endSession();
            case "duplicate-ref" -> duplicateNextOrderRef();
            case "rth-end" -> outsideRegularHours(true);
            case "rth-start" -> outsideRegularHours(false);
            case "halt" -> halt(e.arg(), true);
            case "resume" -> halt(e.arg(), false);
            default -> throw new IllegalStateException("unknown timed fault " + e.name());
        }
    }

    private int accept() throws IOException
    {
        int work = 0;
        SocketChannel channel;
        while ((channel = server.accept()) != null)
        {
            if (nowNs < refuseUntilNs)
            {
                channel.close();
                continue;
            }
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(true);
            sessions.add(new SimSession(channel));
            sessionsAccepted++;
            work++;
        }
        return work;
    }

    private int read(final SimSession s)
    {
        if (s.closed)
        {
            return 0;
        }
        int work = 0;
        try
        {
            readBuffer.clear();
            final int n = s.channel.read(readBuffer);
            if (n < 0)
            {
                s.close();
                return 1;
            }
            readBuffer.flip();
            s.inbound.add(readBuffer);
            work += n;
            if (s.serverVersion == 0 && !handshake(s))
            {
                return work;
            }
            List<String> fields;
            while (!s.closed && (fields = s.inbound.next()) != null)
            {
                requests.handle(s, fields);
                work++;
            }
        }
        catch (final IOException | IllegalStateException ex)
        {
            s.close();
        }
        return work;
    }

    private boolean handshake(final SimSession s)
    {
        final String range = s.inbound.handshake();
        if (range == null)
        {
            return false;
        }
        final int space = range.indexOf(' ');
        final String versions = space < 0 ? range : range.substring(0, space);
        final int dots = versions.indexOf("..");
        if (!versions.startsWith("v") || dots < 0)
        {
            throw new IllegalStateException("bad version range '" + range + "'");
        }
        final int min = Integer.parseInt(versions.substring(1, dots));
        final int max = Integer.parseInt(versions.substring(dots + 2));
        final int chosen = Math.min(max, config.serverVersion());
        if (chosen < min || chosen < TwsProtocol.MIN_SERVER_VERSION)
        {
            throw new IllegalStateException("no common server version with " + range);
        }
        s.serverVersion = chosen;
        s.send(SimMessages.handshakeReply(chosen, timeText()));
        return true;
    }

    /** Sends an order report to the session of the client that placed it, honouring the delay fault. */
    void sendOrderReport(final int clientId, final byte[] bytes)
    {
        for (final SimSession s : sessions)
        {
            if (s.started && !s.closed && s.clientId == clientId)
            {
                if (faults.delayStatusMs() > 0)
                {
                    s.sendAt(nowNs + faults.delayStatusMs() * 1_000_000L, bytes);
                }
                else
                {
                    s.send(bytes);
                }
            }
        }
    }
}
