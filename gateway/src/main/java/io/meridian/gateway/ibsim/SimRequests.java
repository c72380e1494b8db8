package io.meridian.gateway.ibsim;

import io.meridian.gateway.ib.protocol.ErrorCodes;
import io.meridian.gateway.ib.protocol.OutgoingMessageIds;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.util.List;

/**
 * Handles the simulator's requests, reading each message's fields by their index in the TWS API message reference
 * (server versions 148 to 151), and sends the broker's order reports. Owned by the simulator's thread.
 */
final class SimRequests implements SimBroker.Reports
{
    /** PLACE_ORDER fields for server versions 148 to 150 (151 adds usePriceMgmtAlgo). */
    static final int PLACE_ORDER_FIELDS = 109;
    private static final int ERROR_READING_REQUEST = 320;

    long duplicateOrderIds;
    long pacingViolations;
    /** The most messages one session sent within one second (sliding), counted up to 64. */
    int mostInOneSecond;
    private final IbSimulator sim;
    private final SimBroker broker;

    SimRequests(final IbSimulator sim, final SimBroker broker)
    {
        this.sim = sim;
        this.broker = broker;
    }

    void handle(final SimSession s, final List<String> f)
    {
        final int id;
        try
        {
            id = Integer.parseInt(f.get(0));
        }
        catch (final RuntimeException ex)
        {
            s.send(SimMessages.error(-1, ERROR_READING_REQUEST, "Error reading request: bad message id"));
            return;
        }
        final int limit = sim.faults().pacingLimit();
        final int inLastSecond = s.received(sim.nowNs());
        mostInOneSecond = Math.max(mostInOneSecond, inLastSecond);
        if (limit > 0 && inLastSecond > limit)
        {
            pacingViolations++;
            s.send(SimMessages.error(-1, ErrorCodes.MAX_RATE_EXCEEDED,
                "Max rate of messages per second has been exceeded:max=" + limit + " rec=" + (limit + 1)));
            return;
        }
        if (!s.started && id != OutgoingMessageIds.START_API)
        {
            s.send(SimMessages.error(-1, ErrorCodes.NOT_CONNECTED, "Not connected: START_API first"));
            return;
        }
        try
        {
            dispatch(s, id, f);
        }
        catch (final RuntimeException ex)
        {
            s.send(SimMessages.error(-1, ERROR_READING_REQUEST, "Error reading request. Message id " + id + ". "
                + ex.getMessage()));
        }
    }

    private void dispatch(final SimSession s, final int id, final List<String> f)
    {
        switch (id)
        {
            case OutgoingMessageIds.START_API -> startApi(s, f);
            case OutgoingMessageIds.REQ_CURRENT_TIME -> s.send(SimMessages.currentTime(sim.epochSeconds()));
            case OutgoingMessageIds.REQ_IDS -> s.send(SimMessages.nextValidId(broker.maxOrderId() + 1));
            case OutgoingMessageIds.REQ_CONTRACT_DATA -> contractDetails(s, f);
            case OutgoingMessageIds.REQ_MKT_DATA -> marketData(s, f);
            case OutgoingMessageIds.CANCEL_MKT_DATA -> s.marketDataReqIds.remove(Integer.parseInt(f.get(2)));
            case OutgoingMessageIds.PLACE_ORDER -> placeOrder(s, f);
            case OutgoingMessageIds.CANCEL_ORDER -> cancelOrder(s, Long.parseLong(f.get(2)));
            case OutgoingMessageIds.REQ_GLOBAL_CANCEL ->
            {
                for (final SimOrder o : broker.orders.values())
                {
                    broker.cancel(o.orderId, this);
                }
            }
            case OutgoingMessageIds.REQ_OPEN_ORDERS -> openOrders(s);
            case OutgoingMessageIds.REQ_EXECUTIONS -> executions(s, f);
            case OutgoingMessageIds.REQ_POSITIONS -> positions(s);
            case OutgoingMessageIds.REQ_ACCOUNT_SUMMARY -> accountSummary(s, f);
            case OutgoingMessageIds.CANCEL_ACCOUNT_SUMMARY, OutgoingMessageIds.CANCEL_POSITIONS -> { }
            default -> s.send(SimMessages.error(-1, ERROR_READING_REQUEST, "Unsupported message id " + id));
        }
    }

    private void startApi(final SimSession s, final List<String> f)
    {
        expect(f, 4);
        final int clientId = Integer.parseInt(f.get(2));
        for (final SimSession other : sim.sessions())
        {
            if (other != s && other.started && !other.closed && other.clientId == clientId)
            {
                s.send(SimMessages.error(-1, ErrorCodes.CLIENT_ID_IN_USE, "Unable to connect as the client id is "
                    + "already in use. Retry with a unique client id."));
                s.flush(sim.nowNs());
                s.close();
                return;
            }
        }
        s.clientId = clientId;
        s.started = true;
        s.send(SimMessages.nextValidId(broker.maxOrderId() + 1));
        s.send(SimMessages.managedAccounts(sim.config().account()));
        s.send(SimMessages.error(-1, ErrorCodes.MARKET_DATA_FARM_OK, "Market data farm connection is OK:simfarm"));
        s.send(SimMessages.error(-1, ErrorCodes.HISTORICAL_FARM_OK, "HMDS data farm connection is OK:simhmds"));
        s.send(SimMessages.error(-1, ErrorCodes.SEC_DEF_FARM_OK, "Sec-def data farm connection is OK:simsecdef"));
    }

    private int instrument(final List<String> f, final int conIdField)
    {
        final String conId = f.get(conIdField);
        return broker.instrumentIndex(conId.isEmpty() ? 0 : Long.parseLong(conId), f.get(conIdField + 1));
    }

    private void contractDetails(final SimSession s, final List<String> f)
    {
        expect(f, 18);
        final int reqId = Integer.parseInt(f.get(2));
        final int i = instrument(f, 3);
        if (i < 0)
        {
            s.send(SimMessages.error(reqId, ErrorCodes.NO_SECURITY_DEFINITION,
                "No security definition has been found for the request"));
            return;
        }
        s.send(SimMessages.contractDetails(reqId, sim.config().instruments().get(i)));
        s.send(SimMessages.contractDetailsEnd(reqId));
    }

    private void marketData(final SimSession s, final List<String> f)
    {
        expect(f, 20);
        final int reqId = Integer.parseInt(f.get(2));
        final int i = instrument(f, 3);
        if (i < 0)
        {
            s.send(SimMessages.error(reqId, ErrorCodes.NO_SECURITY_DEFINITION,
                "No security definition has been found for the request"));
            return;
        }
        s.marketDataReqIds.put(reqId, i);
        sim.feed().sendSnapshot(s, reqId, i);
    }

    private void placeOrder(final SimSession s, final List<String> f)
    {
        expect(f, s.serverVersion >= TwsProtocol.PRICE_MGMT_ALGO_SERVER_VERSION ? PLACE_ORDER_FIELDS + 1
            : PLACE_ORDER_FIELDS);
        final long orderId = Long.parseLong(f.get(1));
        final SimOrder existing = broker.orders.get(orderId);
        if (existing != null && !existing.working())
        {
            duplicateOrderIds++;
            s.send(SimMessages.error(orderId, ErrorCodes.DUPLICATE_ORDER_ID, "Duplicate order id"));
            return;
        }
        final int i = instrument(f, 2);
        if (i < 0)
        {
            s.send(SimMessages.error(orderId, ErrorCodes.NO_SECURITY_DEFINITION,
                "No security definition has been found for the request"));
            return;
        }
        final SimOrder o = existing != null ? existing : new SimOrder();
        o.orderId = orderId;
        o.clientId = s.clientId;
        o.instrument = i;
        o.buy = "BUY".equals(f.get(16));
        o.quantity = Math.round(Double.parseDouble(f.get(17)));
        o.type = f.get(18);
        o.limitPrice = f.get(19).isEmpty() ? 0 : Double.parseDouble(f.get(19));
        o.stopPrice = f.get(20).isEmpty() ? 0 : Double.parseDouble(f.get(20));
        o.tif = f.get(21);
        o.account = f.get(23).isEmpty() ? sim.config().account() : f.get(23);
        o.orderRef = sim.orderRefFor(f.get(26), existing == null);
        o.outsideRth = "1".equals(f.get(33));
        if (!o.account.equals(sim.config().account()))
        {
            // IB validates the account before anything else: only the session's managed account may trade
            rejectOrder(s, o, ErrorCodes.ERROR_VALIDATING_REQUEST, "account " + o.account + " is not managed by this "
                + "session (" + sim.config().account() + ")");
            return;
        }
        final String reason = validate(o, f.get(16));
        final int reject = sim.takeRejectCode();
        if (reason != null || reject != 0)
        {
            rejectOrder(s, o, reason != null ? ErrorCodes.ORDER_REJECTED : reject, reason);
            return;
        }
        if (existing != null)
        {
            sim.sendOrderReport(o.clientId, SimMessages.openOrder(o, instrumentOf(o), s.serverVersion));
            return;
        }
        o.permId = broker.newPermId();
        sim.sendOrderReport(o.clientId, SimMessages.openOrder(o, instrumentOf(o), s.serverVersion));
        broker.accept(o, sim.timeText(), this);
    }

    private String validate(final SimOrder o, final String action)
    {
        if (!"BUY".equals(action) && !"SELL".equals(action))
        {
            return "action '" + action + "' is not BUY or SELL";
        }
        if (o.quantity <= 0)
        {
            return "quantity must be positive";
        }
        if (!"LMT".equals(o.type) && !"MKT".equals(o.type) && !"STP".equals(o.type) && !"STP LMT".equals(o.type))
        {
            return "order type '" + o.type + "' is not supported";
        }
        if (!"DAY".equals(o.tif) && !"IOC".equals(o.tif) && !"GTC".equals(o.tif))
        {
            return "time in force '" + o.tif + "' is not supported";
        }
        if (broker.halted[o.instrument])
        {
            return "the contract is halted";
        }
        final double tick = instrumentOf(o).minTick();
        if ((o.hasLimit() && offTick(o.limitPrice, tick)) || (o.isStop() && offTick(o.stopPrice, tick)))
        {
            return "PRICE_VARIATION";
        }
        return null;
    }

    private static boolean offTick(final double price, final double tick)
    {
        final double ticks = price / tick;
        return price <= 0 || Math.abs(ticks - Math.rint(ticks)) > 1e-6;
    }

    private void rejectOrder(final SimSession s, final SimOrder o, final int code, final String reason)
    {
        if ("PRICE_VARIATION".equals(reason))
        {
            s.send(SimMessages.error(o.orderId, ErrorCodes.PRICE_VARIATION,
                "The price does not conform to the minimum price variation for this contract."));
            return;
        }
        o.permId = broker.newPermId();
        o.status = "Inactive";
        broker.orders.put(o.orderId, o);
        final String why = reason == null ? "simulated" : reason;
        s.send(SimMessages.error(o.orderId, code, code == ErrorCodes.ERROR_VALIDATING_REQUEST
            ? "Error validating request: cause - " + why : "Order rejected - reason:" + why));
        sim.sendOrderReport(o.clientId, SimMessages.orderStatus(o));
    }

    private void cancelOrder(final SimSession s, final long orderId)
    {
        final boolean cancelled = sim.faults().lateExecution()
            ? broker.cancelAfterLateExecution(orderId, sim.timeText(), this) : broker.cancel(orderId, this);
        if (!cancelled)
        {
            s.send(SimMessages.error(orderId, ErrorCodes.ORDER_TO_CANCEL_NOT_FOUND,
                "OrderId " + orderId + " that needs to be cancelled is not found."));
            return;
        }
        s.send(SimMessages.error(orderId, ErrorCodes.ORDER_CANCELLED, "Order Canceled - reason:"));
    }

    private void openOrders(final SimSession s)
    {
        for (final SimOrder o : broker.orders.values())
        {
            if (o.working() && o.clientId == s.clientId)
            {
                s.send(SimMessages.openOrder(o, instrumentOf(o), s.serverVersion));
                s.send(SimMessages.orderStatus(o));
            }
        }
        s.send(SimMessages.openOrderEnd());
    }

    private void executions(final SimSession s, final List<String> f)
    {
        expect(f, 10);
        final int reqId = Integer.parseInt(f.get(2));
        final int clientFilter = f.get(3).isEmpty() ? 0 : Integer.parseInt(f.get(3));
        final String accountFilter = f.get(4);
        final java.time.Instant after;
        try
        {
            after = SimExecutionFilter.time(f.get(5));
        }
        catch (final java.time.format.DateTimeParseException ex)
        {
            s.send(SimMessages.error(reqId, ERROR_READING_REQUEST, "Error reading request: execution filter time '"
                + f.get(5) + "' is not yyyyMMdd HH:mm:ss [zone] or yyyyMMdd-HH:mm:ss"));
            s.send(SimMessages.executionEnd(reqId));
            return;
        }
        final String symbolFilter = f.get(6);
        final boolean otherAccount = !accountFilter.isEmpty() && !accountFilter.equals(sim.config().account());
        for (final SimBroker.Execution e : broker.executions)
        {
            final SimConfig.Instrument in = sim.config().instruments().get(e.order().instrument);
            if ((clientFilter == 0 || e.clientId() == clientFilter) && !otherAccount
                && (symbolFilter.isEmpty() || symbolFilter.equals(in.symbol()))
                && (after == null || SimExecutionFilter.time(e.time()).isAfter(after)))
            {
                s.send(SimMessages.execution(reqId, e, in));
                s.send(SimMessages.commission(e.execId(), e.commission(), in.currency()));
            }
        }
        s.send(SimMessages.executionEnd(reqId));
    }

    private void positions(final SimSession s)
    {
        final List<SimConfig.Instrument> list = sim.config().instruments();
        for (int i = 0; i < list.size(); i++)
        {
            if (broker.position[i] != 0)
            {
                s.send(SimMessages.position(sim.config().account(), list.get(i), broker.position[i],
                    broker.avgCost[i]));
            }
        }
        s.send(SimMessages.positionEnd());
    }

    private void accountSummary(final SimSession s, final List<String> f)
    {
        expect(f, 5);
        final int reqId = Integer.parseInt(f.get(2));
        final String account = sim.config().account();
        for (final String tag : f.get(4).split(",", -1))
        {
            final double value = switch (tag)
            {
                case "NetLiquidation" -> broker.netLiquidation();
                case "TotalCashValue", "BuyingPower", "AvailableFunds" -> broker.cash;
                default -> Double.NaN;
            };
            if (!Double.isNaN(value))
            {
                final String text = SimMessages.num(Math.round(value * 100) / 100.0);
                s.send(SimMessages.accountSummary(reqId, account, tag, text, "USD"));
            }
        }
        s.send(SimMessages.accountSummaryEnd(reqId));
    }

    private SimConfig.Instrument instrumentOf(final SimOrder o)
    {
        return sim.config().instruments().get(o.instrument);
    }

    private static void expect(final List<String> f, final int count)
    {
        if (f.size() != count)
        {
            throw new IllegalArgumentException("expected " + count + " fields, got " + f.size());
        }
    }

    @Override
    public void onStatus(final SimOrder order)
    {
        final byte[] status = SimMessages.orderStatus(order);
        sim.sendOrderReport(order.clientId, status);
        if (sim.faults().duplicateStatus())
        {
            sim.sendOrderReport(order.clientId, status);
        }
    }

    @Override
    public void onExecution(final SimOrder order, final SimBroker.Execution execution)
    {
        final SimConfig.Instrument in = instrumentOf(order);
        final byte[] exec = SimMessages.execution(-1, execution, in);
        final byte[] commission = SimMessages.commission(execution.execId(), execution.commission(), in.currency());
        if (sim.faults().reorderStatus())
        {
            sim.sendOrderReport(order.clientId, SimMessages.orderStatus(order));
        }
        sim.sendOrderReport(order.clientId, exec);
        sim.sendOrderReport(order.clientId, commission);
    }
}
