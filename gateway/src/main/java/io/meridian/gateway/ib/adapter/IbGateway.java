package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.InboundSink;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.OrderSentCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.ib.client.IbOrder;
import io.meridian.gateway.ib.client.IbOrderType;
import io.meridian.gateway.ib.client.IbTimeInForce;
import io.meridian.gateway.ib.client.TwsConnection;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The IB adapter, the counterpart of the simulated venue and the synthetic market for a TWS session. Outbound it
 * takes the engine's ORDER_COMMAND records ({@link #onRecord}): NEW becomes PLACE_ORDER (LMT, MKT, STP or STP LMT with
 * the command's limit and stop (aux) prices; DAY, IOC or GTC; outsideRth from its flags; the adapter's account; and
 * Meridian's client order id as the durable order reference; an order type or time in force IB has no name for is
 * rejected with {@link RejectReason#VENUE_UNSUPPORTED_ORDER}), CANCEL becomes CANCEL_ORDER,
 * MASS_CANCEL becomes REQ_GLOBAL_CANCEL. Every request takes a pacing token first; without one it waits in a bounded
 * queue sent from {@link #doWork}, and when that queue is full the order is rejected with
 * {@link RejectReason#VENUE_PACING} (never dropped silently). Without a ready, verified session a NEW is rejected
 * with {@link RejectReason#VENUE_NOT_CONNECTED}. When the session leaves READY (dropped, closed, or IB error 1100)
 * every NEW still waiting for a token is rejected at once with {@link RejectReason#VENUE_NOT_SENT} (it was never
 * sent, and the engine finishes it); queued CANCEL and MASS_CANCEL requests stay queued and go out on the next
 * session (IB order ids outlive a reconnect of the same client id), see {@link #sessionLost}.
 *
 * <p>Inbound it writes the engine's records to an {@link InboundSink}: QUOTE (bid and ask ticks, when both sides are
 * known and not crossed; nothing while the instrument is halted), TRADE (last-price ticks), EXEC_REPORT (ACK on the
 * first Submitted status, PARTIAL_FILL / FILL from each execution, de-duplicated by execution id, CANCELLED and
 * REJECTED once each, from the order status and the 201 / 202 errors), ORDER_SENT as each PLACE_ORDER is written
 * to the session (so a restarted engine can tell an order that never left the process from one IB lost), the
 * broker's state (ACCOUNT_VALUE, POSITION,
 * OPEN_ORDER, EXECUTION, see {@link IbBrokerRecords}), and CONNECTIVITY (UP once the session is ready, every
 * contract's details matched the configuration and the open-order, position and execution snapshots have ended;
 * DOWN when the session drops or IB reports 1100; UP
 * again on 1101 / 1102). Order statuses only ever move an order forward, so duplicated or out-of-order statuses do
 * not produce reports twice. Market data records carry source id {@link #MARKET_SOURCE_ID}, venue reports
 * {@link #VENUE_SOURCE_ID}; the event time is the adapter's clock at receipt.
 *
 * <p>Over 500 lines: the outbound side (order mapping, the pacing queue and what happens to it when a session is
 * lost) and the record writers share one order table and one session; split, each half would reach into the other.
 *
 * <p>Owned by the thread that calls {@link #doWork} and {@link #onRecord}; allocation-free per message once the
 * session is up (the order tables are sized at construction).
 */
public final class IbGateway implements OutboundSink, AutoCloseable
{
    /** Source id of the QUOTE and TRADE records this adapter writes. */
    public static final int MARKET_SOURCE_ID = 5;
    /** Source id of the EXEC_REPORT and CONNECTIVITY records this adapter writes. */
    public static final int VENUE_SOURCE_ID = 6;
    /** Most orders one session tracks. */
    public static final int MAX_ORDERS = 1 << 16;
    /** Most requests waiting for a pacing token. */
    public static final int PACING_QUEUE = 256;

    static final int MARKET_DATA_REQ_ID = 1000;
    /** Command byte of a queued NEW that a CANCEL withdrew before it was sent. */
    private static final byte WITHDRAWN = 0;
    static final int CONTRACT_REQ_ID = 2000;

    final IbInstrument[] instruments;
    final TwsConnection connection;
    final IbSessionState state;
    final IbBrokerRecords broker;
    private final InboundSink sink;
    private final EpochNanoClock clock;
    private final String account;
    private final int venueId;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private final IbOrder order = new IbOrder();
    private final byte[][] pending = new byte[PACING_QUEUE][OrderCommandCodec.LENGTH];
    private final UnsafeBuffer pendingView = new UnsafeBuffer(new byte[0]);
    private int pendingHead;
    private int pendingCount;
    private long marketSequence;
    private long venueSequence;
    private boolean up;
    private long pacingRejects;
    private long notConnectedRejects;
    private long nowNs;
    /** After IB error 100 no request is sent until this time (the pacing queue holds them). */
    private long pacingPauseUntilNs = Long.MIN_VALUE;

    /**
     * An adapter that is not yet connecting.
     *
     * @param config the TWS session.
     * @param instruments the instruments to trade (at most 999).
     * @param account the IB account orders are for.
     * @param venueId the engine's venue id of IB.
     * @param sink receives the inbound records.
     * @param clock stamps the event time of inbound records.
     */
    public IbGateway(
        final TwsConnectionConfig config,
        final List<IbInstrument> instruments,
        final String account,
        final int venueId,
        final InboundSink sink,
        final EpochNanoClock clock)
    {
        if (instruments.isEmpty() || instruments.size() >= MARKET_DATA_REQ_ID)
        {
            throw new IllegalArgumentException("ib: 1 to 999 instruments, got " + instruments.size());
        }
        this.instruments = instruments.toArray(new IbInstrument[0]);
        this.sink = sink;
        this.clock = clock;
        this.account = account;
        this.venueId = venueId;
        this.order.account(account);
        this.broker = new IbBrokerRecords(sink, clock);
        this.state = new IbSessionState(this, this.instruments.length);
        this.connection = new TwsConnection(config, state);
    }

    /**
     * Starts connecting (and reconnecting after drops).
     *
     * @param now monotonic nanoseconds.
     */
    public void start(final long now)
    {
        connection.start(now);
    }

    /**
     * One duty cycle: the session's I/O, the start-up requests, and requests waiting for a pacing token.
     *
     * @param now monotonic nanoseconds.
     * @return work done.
     */
    public int doWork(final long now)
    {
        nowNs = now;
        int work = connection.doWork(now);
        work += state.sendStartupRequests(now);
        while (pendingCount > 0 && connection.state() == TwsConnection.State.READY)
        {
            pendingView.wrap(pending[pendingHead]);
            final boolean withdrawn = OrderCommandCodec.command(pendingView, 0) == WITHDRAWN;
            if (!withdrawn && (now < pacingPauseUntilNs || !connection.tryAcquire(now)))
            {
                break;
            }
            pendingHead = (pendingHead + 1) % PACING_QUEUE;
            pendingCount--;
            if (!withdrawn)
            {
                send(pendingView);
            }
            work++;
        }
        return work;
    }

    @Override
    public void close()
    {
        connection.close(nowNs);
    }

    /**
     * Whether the venue is up for the engine (last CONNECTIVITY record written was UP).
     *
     * @return true when up.
     */
    public boolean up()
    {
        return up;
    }

    /**
     * Orders rejected because the pacing queue was full.
     *
     * @return the count.
     */
    public long pacingRejects()
    {
        return pacingRejects;
    }

    /**
     * Orders rejected because there was no verified session.
     *
     * @return the count.
     */
    public long notConnectedRejects()
    {
        return notConnectedRejects;
    }

    /**
     * Requests waiting for a pacing token.
     *
     * @return the count.
     */
    public int pacedRequests()
    {
        return pendingCount;
    }

    /**
     * Contract details that did not match the configuration (start-up only; empty when all matched).
     *
     * @return one line per problem.
     */
    public List<String> contractProblems()
    {
        return new ArrayList<>(state.contractProblems);
    }

    /**
     * The session.
     *
     * @return the connection.
     */
    public TwsConnection connection()
    {
        return connection;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        if (Header.type(buffer, offset) != RecordType.ORDER_COMMAND)
        {
            return;
        }
        final byte command = OrderCommandCodec.command(buffer, offset);
        if (command == OrderCommandType.NEW && !(up && connection.state() == TwsConnection.State.READY))
        {
            notConnectedRejects++;
            final int slot = state.track(OrderCommandCodec.clOrdId(buffer, offset), 0,
                Header.instrumentId(buffer, offset), OrderCommandCodec.side(buffer, offset),
                OrderCommandCodec.qty(buffer, offset));
            reject(slot, RejectReason.VENUE_NOT_CONNECTED);
            return;
        }
        if (command == OrderCommandType.CANCEL && withdrawQueued(OrderCommandCodec.origClOrdId(buffer, offset)))
        {
            return;
        }
        if (pendingCount == 0 && nowNs >= pacingPauseUntilNs && connection.tryAcquire(nowNs))
        {
            send(buffer, offset);
            return;
        }
        if (pendingCount == PACING_QUEUE)
        {
            if (command == OrderCommandType.NEW)
            {
                pacingRejects++;
                final int slot = state.track(OrderCommandCodec.clOrdId(buffer, offset), 0,
                    Header.instrumentId(buffer, offset), OrderCommandCodec.side(buffer, offset),
                    OrderCommandCodec.qty(buffer, offset));
                reject(slot, RejectReason.VENUE_PACING);
            }
            return;     // a cancel that cannot be queued: the global cancel at the next reconnect covers it
        }
        final int tail = (pendingHead + pendingCount) % PACING_QUEUE;
        buffer.getBytes(offset, pending[tail], 0, OrderCommandCodec.LENGTH);
        pendingCount++;
    }

    /**
     * Cancels a NEW that is still waiting for a pacing token: it is withdrawn from the queue (never sent) and
     * reported CANCELLED at once.
     */
    private boolean withdrawQueued(final long clOrdId)
    {
        for (int i = 0; i < pendingCount; i++)
        {
            final byte[] queued = pending[(pendingHead + i) % PACING_QUEUE];
            pendingView.wrap(queued);
            if (OrderCommandCodec.command(pendingView, 0) == OrderCommandType.NEW
                && OrderCommandCodec.clOrdId(pendingView, 0) == clOrdId)
            {
                final int slot = state.track(clOrdId, 0, Header.instrumentId(pendingView, 0),
                    OrderCommandCodec.side(pendingView, 0), OrderCommandCodec.qty(pendingView, 0));
                queued[OrderCommandCodec.COMMAND_OFFSET] = WITHDRAWN;
                execReport(slot, ExecType.CANCELLED, 0, 0, (short)0);
                return true;
            }
        }
        return false;
    }

    private void send(final DirectBuffer buffer)
    {
        send(buffer, 0);
    }

    private void send(final DirectBuffer buffer, final int offset)
    {
        final byte command = OrderCommandCodec.command(buffer, offset);
        if (command == OrderCommandType.MASS_CANCEL)
        {
            connection.requests().reqGlobalCancel();
            return;
        }
        if (command == OrderCommandType.CANCEL)
        {
            final long ibOrderId = state.ibOrderIdOf(OrderCommandCodec.origClOrdId(buffer, offset));
            if (ibOrderId > 0)
            {
                connection.requests().cancelOrder(ibOrderId);
            }
            return;
        }
        final int instrumentId = Header.instrumentId(buffer, offset);
        final IbInstrument instrument = instrument(instrumentId);
        final long clOrdId = OrderCommandCodec.clOrdId(buffer, offset);
        final long ibOrderId = state.nextOrderId();
        final byte side = OrderCommandCodec.side(buffer, offset);
        final long qty = OrderCommandCodec.qty(buffer, offset);
        final int slot = state.track(clOrdId, ibOrderId, instrumentId, side, qty);
        if (instrument == null)
        {
            reject(slot, RejectReason.MD_UNKNOWN_INSTRUMENT);
            return;
        }
        final IbOrderType type = IbOrderMapping.orderType(OrderCommandCodec.orderType(buffer, offset));
        final IbTimeInForce tif = IbOrderMapping.timeInForce(OrderCommandCodec.timeInForce(buffer, offset));
        if (type == null || tif == null)
        {
            reject(slot, RejectReason.VENUE_UNSUPPORTED_ORDER);
            return;
        }
        order.set(ibOrderId, side == Side.BUY, qty * instrument.wirePerLot(), type,
            OrderCommandCodec.price(buffer, offset) * instrument.wirePerTick(),
            OrderCommandCodec.auxPrice(buffer, offset) * instrument.wirePerTick(), tif,
            (OrderCommandCodec.orderFlags(buffer, offset) & OrderCommandCodec.FLAG_OUTSIDE_RTH) != 0, clOrdId);
        connection.requests().placeOrder(connection.serverVersion(), instrument.contract(), order);
        orderSent(instrumentId, clOrdId, ibOrderId);
    }

    IbInstrument instrument(final int instrumentId)
    {
        for (final IbInstrument instrument : instruments)
        {
            if (instrument.id() == instrumentId)
            {
                return instrument;
            }
        }
        return null;
    }

    void reject(final int slot, final RejectReason reason)
    {
        execReport(slot, ExecType.REJECTED, 0, 0, reason.code());
    }

    void execReport(final int slot, final byte execType, final long lastPrice, final long lastQty, final short code)
    {
        final IbSessionState.Orders o = state.orders;
        record.setMemory(0, ExecReportCodec.LENGTH, (byte)0);
        Header.write(record, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, o.instrumentId[slot], 0,
            clock.nanoTime(), 0, VENUE_SOURCE_ID, ++venueSequence);
        ExecReportCodec.clOrdId(record, 0, o.clOrdId[slot]);
        ExecReportCodec.venueOrderId(record, 0, o.ibOrderId[slot]);
        ExecReportCodec.execType(record, 0, execType);
        ExecReportCodec.side(record, 0, o.side[slot]);
        ExecReportCodec.rejectCode(record, 0, code);
        ExecReportCodec.lastPrice(record, 0, lastPrice);
        ExecReportCodec.lastQty(record, 0, lastQty);
        ExecReportCodec.leavesQty(record, 0, execType == ExecType.CANCELLED || execType == ExecType.REJECTED ? 0
            : o.qty[slot] - o.cum[slot]);
        ExecReportCodec.cumQty(record, 0, o.cum[slot]);
        sink.onRecord(record, 0, ExecReportCodec.LENGTH);
    }

    void quote(final int instrumentId, final long bid, final long bidQty, final long ask, final long askQty)
    {
        record.setMemory(0, QuoteCodec.LENGTH, (byte)0);
        Header.write(record, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, instrumentId, 0, clock.nanoTime(), 0,
            MARKET_SOURCE_ID, ++marketSequence);
        QuoteCodec.bidPrice(record, 0, bid);
        QuoteCodec.bidQty(record, 0, bidQty);
        QuoteCodec.askPrice(record, 0, ask);
        QuoteCodec.askQty(record, 0, askQty);
        sink.onRecord(record, 0, QuoteCodec.LENGTH);
    }

    void trade(final int instrumentId, final long price, final long qty)
    {
        record.setMemory(0, TradeCodec.LENGTH, (byte)0);
        Header.write(record, 0, TradeCodec.TYPE, TradeCodec.LENGTH, instrumentId, 0, clock.nanoTime(), 0,
            MARKET_SOURCE_ID, ++marketSequence);
        TradeCodec.price(record, 0, price);
        TradeCodec.qty(record, 0, qty);
        TradeCodec.aggressorSide(record, 0, Side.NONE);
        sink.onRecord(record, 0, TradeCodec.LENGTH);
    }

    void connectivity(final boolean nowUp)
    {
        if (nowUp == up)
        {
            return;
        }
        up = nowUp;
        record.setMemory(0, ConnectivityCodec.LENGTH, (byte)0);
        Header.write(record, 0, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH, 0, 0, clock.nanoTime(), 0,
            VENUE_SOURCE_ID, ++venueSequence);
        ConnectivityCodec.venueId(record, 0, venueId);
        ConnectivityCodec.state(record, 0, nowUp ? ConnectivityState.UP : ConnectivityState.DOWN);
        sink.onRecord(record, 0, ConnectivityCodec.LENGTH);
    }

    String account()
    {
        return account;
    }

    static Long2LongHashMap newMap()
    {
        return new Long2LongHashMap(MAX_ORDERS * 2, 0.5f, -1);
    }

    /**
     * IB error 100 (pacing violation) without an order id: IB dropped a message. Nothing is sent for a second (new
     * orders wait in the pacing queue, or are rejected with {@code VENUE_PACING} when it is full), so the session
     * falls back under IB's limit instead of being disconnected.
     */
    void pacingViolation()
    {
        pacingPauseUntilNs = nowNs + 1_000_000_000L;
    }

    /**
     * IB pacing violations (error 100) reported in this adapter's sessions.
     *
     * @return the count.
     */
    public long pacingViolations()
    {
        return state.pacingViolations();
    }

    /**
     * Market-data resubscriptions after IB error 1101 (connectivity restored, data lost).
     *
     * @return the count.
     */
    public long resubscriptions()
    {
        return state.resubscriptions();
    }

    private long notSentRejects;

    /**
     * The session left READY (a drop, an orderly close, or IB error 1100): each NEW still waiting for a pacing token
     * can never be sent on this session, so it is rejected now with {@link RejectReason#VENUE_NOT_SENT} (an
     * EXEC_REPORT REJECTED input: the engine finishes the order, and the next reconciliation does not find it missing
     * at the broker). Rejecting at the drop rather than sending it on the next session keeps the engine's view true
     * at once: an order the broker never got is not counted as working while the venue is down. Queued cancels (and
     * mass cancels) are kept, in order, and sent on the next session: the order they cancel stays at IB across a
     * reconnect under the same IB order id, and neither the reconciliation (an engine order pending cancel that IB
     * still lists is no difference) nor the reconnect (a global cancel only after a venue-down halt) would cancel it
     * otherwise. Withdrawn entries are dropped. Allocation-free: the queue is compacted in place. The engine may act on
     * a reject inside this call (the reject is processed at once): a NEW then meets a session that is not READY (a
     * drop) or a venue already DOWN (1100, whose DOWN is written first) and is rejected as not connected, and a cancel
     * it queues is appended behind the entries still to be visited, so the count is read on every pass.
     */
    void sessionLost()
    {
        int kept = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            final int at = (pendingHead + i) % PACING_QUEUE;
            final byte[] queued = pending[at];
            pendingView.wrap(queued);
            final byte command = OrderCommandCodec.command(pendingView, 0);
            if (command == OrderCommandType.NEW)
            {
                notSentRejects++;
                final int slot = state.track(OrderCommandCodec.clOrdId(pendingView, 0), 0,
                    Header.instrumentId(pendingView, 0), OrderCommandCodec.side(pendingView, 0),
                    OrderCommandCodec.qty(pendingView, 0));
                reject(slot, RejectReason.VENUE_NOT_SENT);
            }
            else if (command != WITHDRAWN)
            {
                final int to = (pendingHead + kept) % PACING_QUEUE;
                if (to != at)
                {
                    System.arraycopy(queued, 0, pending[to], 0, OrderCommandCodec.LENGTH);
                }
                kept++;
            }
        }
        pendingCount = kept;
    }

    /**
     * Orders rejected with {@link RejectReason#VENUE_NOT_SENT}: queued for a pacing token when their session left
     * READY.
     *
     * @return the count.
     */
    public long notSentRejects()
    {
        return notSentRejects;
    }

    private LongUnaryOperator filledBefore = clOrdId -> 0L;

    /**
     * How much of an order the engine already holds as filled (issue 9: after a restart, from its recovered state).
     * An order of a previous session that IB reports open starts its cumulative quantity there, so the executions IB
     * reports again are applied only beyond it. Set before {@link #start}; by default 0.
     *
     * @param filled lots filled by client order id, 0 for an order the engine does not know.
     */
    public void filledBefore(final LongUnaryOperator filled)
    {
        this.filledBefore = filled;
    }

    long filledBefore(final long clOrdId)
    {
        return filledBefore.applyAsLong(clOrdId);
    }

    /**
     * ORDER_SENT: the PLACE_ORDER of this order is written to the session's send buffer, which goes onto the socket in
     * this or the next duty cycle. Marked at the write, not at IB's acknowledgement: an order marked sent whose bytes a
     * drop then discarded is reported as unknown to the broker (halting, the safe side), never as never sent.
     */
    private void orderSent(final int instrumentId, final long clOrdId, final long ibOrderId)
    {
        record.setMemory(0, OrderSentCodec.LENGTH, (byte)0);
        Header.write(record, 0, OrderSentCodec.TYPE, OrderSentCodec.LENGTH, instrumentId, 0, clock.nanoTime(), 0,
            VENUE_SOURCE_ID, ++venueSequence);
        OrderSentCodec.clOrdId(record, 0, clOrdId);
        OrderSentCodec.venueOrderId(record, 0, ibOrderId);
        sink.onRecord(record, 0, OrderSentCodec.LENGTH);
    }

    /**
     * New orders waiting for a pacing token (cancels not counted).
     *
     * @return the count.
     */
    public int pacedNewOrders()
    {
        int n = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            n += pending[(pendingHead + i) % PACING_QUEUE][OrderCommandCodec.COMMAND_OFFSET] == OrderCommandType.NEW
                ? 1 : 0;
        }
        return n;
    }

    private LongSupplier executionsAfter = () -> 0L;

    /**
     * Where the executions snapshot starts (issue 9 §3: executions since the last journaled one): each session's
     * REQ_EXECUTIONS asks IB only for executions after the time this returns, in UTC seconds since the epoch (0: the
     * day's, no time filter). Read once per session, when the request is sent; set before {@link #start}.
     *
     * @param epochSeconds the filter time.
     */
    public void executionsAfter(final LongSupplier epochSeconds)
    {
        this.executionsAfter = epochSeconds;
    }

    long executionsAfter()
    {
        return executionsAfter.getAsLong();
    }

    /**
     * Numbers this adapter's market-data records after {@code sequence}: a restarted engine's recovered book remembers
     * the previous process's last source sequence and refuses anything at or below it as a duplicate or out of order.
     * Call before {@link #start}.
     *
     * @param sequence the highest source sequence the engine accepted ({@link Long#MIN_VALUE} for none).
     */
    public void continueMarketSequenceAfter(final long sequence)
    {
        marketSequence = Math.max(marketSequence, sequence);
    }
}
