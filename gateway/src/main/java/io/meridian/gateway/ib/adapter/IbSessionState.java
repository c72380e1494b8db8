package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.AccountValueCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.gateway.ib.client.AccountSummaryView;
import io.meridian.gateway.ib.client.AsciiText;
import io.meridian.gateway.ib.client.CommissionView;
import io.meridian.gateway.ib.client.ContractDetailsView;
import io.meridian.gateway.ib.client.DisconnectReason;
import io.meridian.gateway.ib.client.ExecutionView;
import io.meridian.gateway.ib.client.IbOrderStatus;
import io.meridian.gateway.ib.client.IbOrderType;
import io.meridian.gateway.ib.client.OpenOrderView;
import io.meridian.gateway.ib.client.OrderStatusView;
import io.meridian.gateway.ib.client.PositionView;
import io.meridian.gateway.ib.client.TwsClientListener;
import io.meridian.gateway.ib.protocol.ErrorClass;
import io.meridian.gateway.ib.protocol.ErrorCodes;
import io.meridian.gateway.ib.protocol.TickTypes;
import io.meridian.gateway.ib.wire.TwsFields;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import java.util.Arrays;

/**
 * What the IB adapter knows about its session: the order table (IB order id and Meridian client order id of each
 * order, its side, quantity, filled quantity and how far its reports went), the top of book per instrument, the
 * start-up requests still to send and the contract checks. Receives the session's messages and turns them into the
 * adapter's records.
 *
 * <p>The broker's state (issue 9) goes to the engine as journaled records through {@link IbBrokerRecords}: account
 * values, positions, open orders and executions with their commissions, each snapshot closed by an END record. The
 * venue goes UP only when the contracts are checked and the open-order, position, execution and account snapshots
 * have ended, so the engine reconciles (and knows the broker's NAV) at UP. Orders of a previous session that IB
 * reports open are tracked again (by their order reference), and IB order ids are reserved above every id IB reports.
 * Error 100 (pacing) rejects the order it names with {@code VENUE_PACING_VIOLATION}, or without an order id holds
 * every request back for a second; error 1101 (connectivity restored, data lost) subscribes market data again and
 * takes a fresh snapshot before the venue is UP.
 *
 * <p>Over 500 lines: one listener for the whole TWS session; the broker-state handlers share its order table, contract
 * ids and start-up sequence.
 *
 * <p>Owned by the adapter's thread.
 */
final class IbSessionState implements TwsClientListener
{
    /** Order table, parallel arrays indexed by slot. */
    static final class Orders
    {
        final long[] clOrdId = new long[IbGateway.MAX_ORDERS];
        final long[] ibOrderId = new long[IbGateway.MAX_ORDERS];
        final int[] instrumentId = new int[IbGateway.MAX_ORDERS];
        final byte[] side = new byte[IbGateway.MAX_ORDERS];
        final long[] qty = new long[IbGateway.MAX_ORDERS];
        final long[] cum = new long[IbGateway.MAX_ORDERS];
        /** 0 sent, 1 acknowledged, 2 finished (filled, cancelled or rejected). */
        final byte[] stage = new byte[IbGateway.MAX_ORDERS];
        /** Tracked again from IB's open orders after a restart (an order of a previous adapter). */
        final boolean[] recovered = new boolean[IbGateway.MAX_ORDERS];
        int next;
    }

    private static final byte ACKED = 1;
    private static final byte FINISHED = 2;
    private static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower";

    final Orders orders = new Orders();
    final List<String> contractProblems = new ArrayList<>();
    private final IbGateway gateway;
    private final Long2LongHashMap slotByIbOrderId = IbGateway.newMap();
    private final Long2LongHashMap ibOrderIdByClOrdId = IbGateway.newMap();
    private final LongHashSet executionIds = new LongHashSet(IbGateway.MAX_ORDERS * 4);
    private final long[] bid;
    private final long[] ask;
    private final long[] bidQty;
    private final long[] askQty;
    private final boolean[] halted;
    private final boolean[] contractChecked;
    private long nextOrderId;
    private int startupStep = -1;
    private boolean connectivityLost;
    /** IB's contract id of each instrument, from its contract details (to map positions and executions). */
    private final long[] conIds;
    private boolean openOrdersEnded;
    private boolean positionsEnded;
    private boolean executionsEnded;
    private boolean accountEnded;
    private long pacingViolations;
    private long resubscriptions;

    IbSessionState(final IbGateway gateway, final int instruments)
    {
        this.gateway = gateway;
        bid = new long[instruments];
        ask = new long[instruments];
        bidQty = new long[instruments];
        askQty = new long[instruments];
        halted = new boolean[instruments];
        contractChecked = new boolean[instruments];
        conIds = new long[instruments];
    }

    long nextOrderId()
    {
        return nextOrderId++;
    }

    long ibOrderIdOf(final long clOrdId)
    {
        return ibOrderIdByClOrdId.get(clOrdId);
    }

    int track(final long clOrdId, final long ibOrderId, final int instrumentId, final byte side, final long qty)
    {
        final int slot = orders.next;
        orders.next = (orders.next + 1) % IbGateway.MAX_ORDERS;
        if (orders.ibOrderId[slot] > 0)
        {
            slotByIbOrderId.remove(orders.ibOrderId[slot]);
            ibOrderIdByClOrdId.remove(orders.clOrdId[slot]);
        }
        orders.clOrdId[slot] = clOrdId;
        orders.ibOrderId[slot] = ibOrderId;
        orders.instrumentId[slot] = instrumentId;
        orders.side[slot] = side;
        orders.qty[slot] = qty;
        orders.cum[slot] = 0;
        orders.stage[slot] = 0;
        orders.recovered[slot] = false;
        if (ibOrderId > 0)
        {
            slotByIbOrderId.put(ibOrderId, slot);
            ibOrderIdByClOrdId.put(clOrdId, ibOrderId);
        }
        return slot;
    }

    /**
     * Sends the next start-up request when a pacing token is free: contract details of each instrument, then market
     * data of each, then open orders, positions, executions and the account summary.
     */
    int sendStartupRequests(final long now)
    {
        final int n = gateway.instruments.length;
        int work = 0;
        while (startupStep >= 0 && startupStep < 2 * n + 4 && gateway.connection.tryAcquire(now))
        {
            final int step = startupStep++;
            if (step < n)
            {
                gateway.connection.requests().reqContractDetails(IbGateway.CONTRACT_REQ_ID + step,
                    gateway.instruments[step].contract());
            }
            else if (step < 2 * n)
            {
                gateway.connection.requests().reqMktData(IbGateway.MARKET_DATA_REQ_ID + step - n,
                    gateway.instruments[step - n].contract());
            }
            else if (step == 2 * n)
            {
                gateway.connection.requests().reqOpenOrders();
            }
            else if (step == 2 * n + 1)
            {
                gateway.connection.requests().reqPositions();
            }
            else if (step == 2 * n + 2)
            {
                gateway.connection.requests().reqExecutions(1, gateway.connection.config().clientId(),
                    gateway.executionsAfter());
            }
            else
            {
                gateway.connection.requests().reqAccountSummary(2, SUMMARY_TAGS);
            }
            work++;
        }
        return work;
    }

    @Override
    public void onReady(final int serverVersion, final long nextValidId)
    {
        nextOrderId = Math.max(nextOrderId, nextValidId);
        startupStep = 0;
        connectivityLost = false;
        openOrdersEnded = false;
        positionsEnded = false;
        executionsEnded = false;
        accountEnded = false;
        Arrays.fill(contractChecked, false);
        Arrays.fill(bid, 0);
        Arrays.fill(ask, 0);
    }

    @Override
    public void onDisconnected(final DisconnectReason reason, final boolean wasReady)
    {
        startupStep = -1;
        gateway.sessionLost();
        gateway.connectivity(false);
    }

    @Override
    public void onContractDetails(final ContractDetailsView d)
    {
        final int i = d.reqId() - IbGateway.CONTRACT_REQ_ID;
        if (i < 0 || i >= gateway.instruments.length)
        {
            return;
        }
        final IbInstrument instrument = gateway.instruments[i];
        final long expectedConId = instrument.contract().conId();
        final String name = instrument.contract().toString();
        if (expectedConId > 0 && d.conId() != expectedConId)
        {
            contractProblems.add(name + ": IB conId " + d.conId() + " differs from the configured " + expectedConId);
        }
        if (d.minTick() != instrument.wirePerTick())
        {
            contractProblems.add(name + ": IB minTick " + d.minTick() / (double)TwsFields.SCALE
                + " differs from the configured price tick " + 1.0 / instrument.priceScale());
        }
        if (!d.currency().contentEquals(instrument.contract().currency()))
        {
            contractProblems.add(name + ": IB currency " + d.currency() + " differs from the configured "
                + instrument.contract().currency());
        }
        contractChecked[i] = true;
        conIds[i] = d.conId();
        maybeUp();
    }

    private void maybeUp()
    {
        if (!contractProblems.isEmpty() || connectivityLost || !openOrdersEnded || !positionsEnded
            || !executionsEnded || !accountEnded)
        {
            return;     // UP only once the broker's snapshot is complete, so the engine reconciles at UP
        }
        for (final boolean checked : contractChecked)
        {
            if (!checked)
            {
                return;
            }
        }
        gateway.connectivity(true);
    }

    @Override
    public void onTickPrice(final int reqId, final int tickType, final long price, final long size, final int attrs)
    {
        final int i = reqId - IbGateway.MARKET_DATA_REQ_ID;
        if (i < 0 || i >= bid.length || price <= 0 || price == TwsFields.UNSET)
        {
            return;
        }
        final IbInstrument instrument = gateway.instruments[i];
        final long ticks = (price + instrument.wirePerTick() / 2) / instrument.wirePerTick();
        final long lots = size / instrument.wirePerLot();
        if (tickType == TickTypes.BID)
        {
            bid[i] = ticks;
            bidQty[i] = lots;
            publishQuote(i);
        }
        else if (tickType == TickTypes.ASK)
        {
            ask[i] = ticks;
            askQty[i] = lots;
            publishQuote(i);
        }
        else if (tickType == TickTypes.LAST && !halted[i] && lots > 0)
        {
            gateway.trade(instrument.id(), ticks, lots);
        }
    }

    @Override
    public void onTickSize(final int reqId, final int tickType, final long size)
    {
        final int i = reqId - IbGateway.MARKET_DATA_REQ_ID;
        if (i < 0 || i >= bid.length)
        {
            return;
        }
        final long lots = size / gateway.instruments[i].wirePerLot();
        if (tickType == TickTypes.BID_SIZE && lots != bidQty[i])
        {
            bidQty[i] = lots;
            publishQuote(i);
        }
        else if (tickType == TickTypes.ASK_SIZE && lots != askQty[i])
        {
            askQty[i] = lots;
            publishQuote(i);
        }
    }

    @Override
    public void onTickGeneric(final int reqId, final int tickType, final long value)
    {
        final int i = reqId - IbGateway.MARKET_DATA_REQ_ID;
        if (i >= 0 && i < bid.length && tickType == TickTypes.HALTED)
        {
            halted[i] = value != 0;
        }
    }

    private void publishQuote(final int i)
    {
        if (!halted[i] && bid[i] > 0 && ask[i] > bid[i] && bidQty[i] > 0 && askQty[i] > 0)
        {
            gateway.quote(gateway.instruments[i].id(), bid[i], bidQty[i], ask[i], askQty[i]);
        }
    }

    @Override
    public void onOrderStatus(final OrderStatusView s)
    {
        final int slot = (int)slotByIbOrderId.get(s.orderId());
        if (slot < 0 || orders.stage[slot] == FINISHED)
        {
            return;
        }
        final IbOrderStatus status = s.status();
        if ((status == IbOrderStatus.SUBMITTED || status == IbOrderStatus.PRE_SUBMITTED) && orders.stage[slot] == 0)
        {
            orders.stage[slot] = ACKED;
            gateway.execReport(slot, ExecType.ACK, 0, 0, (short)0);
        }
        else if (status == IbOrderStatus.CANCELLED || status == IbOrderStatus.API_CANCELLED)
        {
            orders.stage[slot] = FINISHED;
            gateway.execReport(slot, ExecType.CANCELLED, 0, 0, (short)0);
        }
        else if (status == IbOrderStatus.INACTIVE)
        {
            orders.stage[slot] = FINISHED;
            gateway.reject(slot, RejectReason.VENUE_REJECT);
        }
    }

    @Override
    public void onExecution(final ExecutionView e)
    {
        final int slot = (int)slotByIbOrderId.get(e.orderId());
        nextOrderId = Math.max(nextOrderId, e.orderId() + 1);
        final int index = indexOf(e.conId(), null, slot >= 0 ? orders.instrumentId[slot] : 0);
        if (index >= 0)
        {
            final IbInstrument in = gateway.instruments[index];
            gateway.broker.execution(in.id(), e.orderRef() > 0 ? e.orderRef() : slot >= 0 ? orders.clOrdId[slot] : 0,
                e.orderId(), (e.price() + in.wirePerTick() / 2) / in.wirePerTick(), e.shares() / in.wirePerLot(),
                e.cumQty() / in.wirePerLot(), 0, hash(e.execId()), e.buy() ? Side.BUY : Side.SELL,
                e.reqId() == -1 ? ExecutionCodec.KIND_LIVE_EXECUTION : ExecutionCodec.KIND_EXECUTION);
        }
        if (slot < 0 || !executionIds.add(hash(e)))
        {
            return;     // not one of this session's orders, or seen before (duplicate or re-sent execution)
        }
        final IbInstrument instrument = gateway.instrument(orders.instrumentId[slot]);
        if (instrument == null)
        {
            return;
        }
        long lots = e.shares() / instrument.wirePerLot();
        if (orders.recovered[slot])
        {
            // an order of a previous session, after a restart: its cumulative quantity started from what the engine
            // already holds, and IB reports the day's executions again; only what goes beyond it (by IB's cumulative
            // quantity of the order) is a new fill
            final long fresh = Math.min(orders.qty[slot], e.cumQty() / instrument.wirePerLot()) - orders.cum[slot];
            if (fresh <= 0)
            {
                return;
            }
            lots = fresh;
        }
        final long ticks = (e.price() + instrument.wirePerTick() / 2) / instrument.wirePerTick();
        orders.cum[slot] = Math.min(orders.qty[slot], orders.cum[slot] + lots);
        final boolean done = orders.cum[slot] >= orders.qty[slot];
        if (orders.stage[slot] == 0)
        {
            orders.stage[slot] = ACKED;
        }
        if (done)
        {
            orders.stage[slot] = FINISHED;
        }
        gateway.execReport(slot, done ? ExecType.FILL : ExecType.PARTIAL_FILL, ticks, lots, (short)0);
    }

    private static long hash(final ExecutionView e)
    {
        return hash(e.execId());
    }

    private static long hash(final AsciiText execId)
    {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < execId.length(); i++)
        {
            h = (h ^ (execId.byteAt(i) & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    @Override
    public void onError(final long id, final int code, final TwsFields fields, final int messageField)
    {
        final int contract = (int)id - IbGateway.CONTRACT_REQ_ID;
        if (contract >= 0 && contract < gateway.instruments.length && code == ErrorCodes.NO_SECURITY_DEFINITION)
        {
            contractProblems.add(gateway.instruments[contract].contract() + ": IB has no security definition ("
                + fields.text(messageField) + ")");
            return;
        }
        switch (ErrorClass.of(code))
        {
            case CONNECTIVITY_LOST:
                connectivityLost = true;
                // DOWN first: the socket stays READY through 1100, so an order the engine decides while it takes the
                // rejects must meet a venue that is already down, not go out
                gateway.connectivity(false);
                gateway.sessionLost();
                break;
            case CONNECTIVITY_RESTORED:
                connectivityLost = false;
                if (code == ErrorCodes.CONNECTIVITY_RESTORED_DATA_LOST)
                {
                    // 1101: IB lost the market-data subscriptions: subscribe again, then take a fresh snapshot of
                    // orders, positions and executions; the venue is UP (and the engine reconciles) once it is in
                    resubscribe();
                }
                else
                {
                    maybeUp();
                }
                break;
            case PACING:
                pacingViolations++;
                final int paced = (int)slotByIbOrderId.get(id);
                if (paced >= 0 && orders.stage[paced] != FINISHED)
                {
                    orders.stage[paced] = FINISHED;
                    gateway.reject(paced, RejectReason.VENUE_PACING_VIOLATION);
                }
                else
                {
                    gateway.pacingViolation();
                }
                break;
            case ORDER_REJECTED:
                final int slot = (int)slotByIbOrderId.get(id);
                if (slot >= 0 && orders.stage[slot] != FINISHED)
                {
                    orders.stage[slot] = FINISHED;
                    gateway.reject(slot, RejectReason.VENUE_REJECT);
                }
                break;
            default:
                break;
        }
    }

    /**
     * After IB error 1101: market data again from the first subscription, then the broker snapshot; the venue stays
     * down until the snapshot is complete.
     */
    private void resubscribe()
    {
        final int n = gateway.instruments.length;
        startupStep = n;
        openOrdersEnded = false;
        positionsEnded = false;
        executionsEnded = false;
        accountEnded = false;
        resubscriptions++;
    }

    long resubscriptions()
    {
        return resubscriptions;
    }

    long pacingViolations()
    {
        return pacingViolations;
    }

    /**
     * The instrument of an IB contract: by the contract id from its details, else by symbol, else the fallback
     * instrument id (e.g. the order's).
     */
    private int indexOf(final long conId, final AsciiText symbol, final int fallbackInstrumentId)
    {
        for (int i = 0; i < conIds.length; i++)
        {
            if (conId != 0 && (conIds[i] == conId || gateway.instruments[i].contract().conId() == conId))
            {
                return i;
            }
        }
        for (int i = 0; symbol != null && i < conIds.length; i++)
        {
            if (symbol.contentEquals(gateway.instruments[i].contract().symbol()))
            {
                return i;
            }
        }
        for (int i = 0; i < conIds.length; i++)
        {
            if (fallbackInstrumentId != 0 && gateway.instruments[i].id() == fallbackInstrumentId)
            {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void onAccountSummary(final AccountSummaryView v)
    {
        final byte tag = v.tag().contentEquals("NetLiquidation") ? AccountValueCodec.TAG_NAV
            : v.tag().contentEquals("TotalCashValue") ? AccountValueCodec.TAG_CASH
            : v.tag().contentEquals("BuyingPower") ? AccountValueCodec.TAG_BUYING_POWER : 0;
        if (tag != 0 && v.numeric())
        {
            gateway.broker.accountValue(tag, v.value() / (TwsFields.SCALE / Scales.CASH_SCALE),
                AccountValueCodec.KIND_VALUE);
        }
    }

    @Override
    public void onAccountSummaryEnd(final int reqId)
    {
        accountEnded = true;
        gateway.broker.accountValue((byte)0, 0, AccountValueCodec.KIND_END);
        maybeUp();
    }

    @Override
    public void onPosition(final PositionView p)
    {
        final int index = indexOf(p.conId(), p.symbol(), 0);
        if (index < 0)
        {
            gateway.broker.position(0, p.position() / TwsFields.SCALE, 0, p.conId(), PositionCodec.KIND_POSITION);
            return;
        }
        final IbInstrument in = gateway.instruments[index];
        gateway.broker.position(in.id(), p.position() / in.wirePerLot(),
            (p.avgCost() + in.wirePerTick() / 2) / in.wirePerTick(), p.conId(), PositionCodec.KIND_POSITION);
    }

    @Override
    public void onPositionEnd()
    {
        positionsEnded = true;
        gateway.broker.position(0, 0, 0, 0, PositionCodec.KIND_END);
        maybeUp();
    }

    @Override
    public void onOpenOrder(final OpenOrderView o)
    {
        nextOrderId = Math.max(nextOrderId, o.orderId() + 1);
        final int index = indexOf(o.conId(), o.symbol(), 0);
        final long clOrdId = o.orderRef() > 0 ? o.orderRef() : 0;
        final IbOrderStatus status = o.status();
        final boolean done = status == IbOrderStatus.FILLED || status == IbOrderStatus.CANCELLED
            || status == IbOrderStatus.API_CANCELLED || status == IbOrderStatus.INACTIVE;
        final IbInstrument in = index >= 0 ? gateway.instruments[index] : null;
        final IbOrderType ibType = o.orderType();
        final boolean limit = ibType == IbOrderType.LMT || ibType == IbOrderType.STP_LMT;
        final byte type = IbOrderMapping.engineOrderType(ibType);
        final long lots = in == null ? o.totalQuantity() / TwsFields.SCALE : o.totalQuantity() / in.wirePerLot();
        if (in != null && clOrdId > 0 && !done && slotByIbOrderId.get(o.orderId()) < 0)
        {
            // an order of a previous session (a restart): tracked, so its statuses, fills and cancels map again
            final int slot = track(clOrdId, o.orderId(), in.id(), o.buy() ? Side.BUY : Side.SELL, lots);
            orders.stage[slot] = ACKED;
            orders.recovered[slot] = true;
            orders.cum[slot] = Math.min(lots, Math.max(0, gateway.filledBefore(clOrdId)));
        }
        gateway.broker.openOrder(in == null ? 0 : in.id(), clOrdId, o.orderId(),
            limit && in != null ? (o.limitPrice() + in.wirePerTick() / 2) / in.wirePerTick() : 0, lots,
            o.buy() ? Side.BUY : Side.SELL, type,
            done ? OpenOrderCodec.STATUS_DONE : status == null ? OpenOrderCodec.STATUS_OTHER
            : OpenOrderCodec.STATUS_PENDING, OpenOrderCodec.KIND_ORDER);
    }

    @Override
    public void onOpenOrderEnd()
    {
        openOrdersEnded = true;
        gateway.broker.openOrder(0, 0, 0, 0, 0, (byte)0, (byte)0, (byte)0, OpenOrderCodec.KIND_END);
        maybeUp();
    }

    @Override
    public void onExecutionEnd(final int reqId)
    {
        executionsEnded = true;
        gateway.broker.execution(0, 0, 0, 0, 0, 0, 0, 0, (byte)0, ExecutionCodec.KIND_END);
        maybeUp();
    }

    @Override
    public void onCommission(final CommissionView c)
    {
        gateway.broker.execution(0, 0, 0, 0, 0, 0, c.commission() / (TwsFields.SCALE / Scales.CASH_SCALE),
            hash(c.execId()), (byte)0, ExecutionCodec.KIND_COMMISSION);
    }
}
