package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.TwsFields;
import java.util.ArrayList;
import java.util.List;

/** Test listener: one line of text per callback (allocates; tests only). */
class RecordingTwsListener implements TwsClientListener
{
    final List<String> events = new ArrayList<>();

    String last()
    {
        return events.isEmpty() ? "(none)" : events.get(events.size() - 1);
    }

    @Override
    public void onServerVersion(final int serverVersion, final TwsFields fields)
    {
        events.add("serverVersion " + serverVersion + " " + fields.text(1));
    }

    @Override
    public void onReady(final int serverVersion, final long nextValidId)
    {
        events.add("ready " + serverVersion + " " + nextValidId);
    }

    @Override
    public void onDisconnected(final DisconnectReason reason, final boolean wasReady)
    {
        events.add("disconnected " + reason + " " + wasReady);
    }

    @Override
    public void onNextValidId(final long orderId)
    {
        events.add("nextValidId " + orderId);
    }

    @Override
    public void onManagedAccounts(final TwsFields fields, final int field)
    {
        events.add("managedAccounts " + fields.text(field));
    }

    @Override
    public void onTickPrice(final int reqId, final int tickType, final long price, final long size, final int attrs)
    {
        events.add("tickPrice " + reqId + " " + tickType + " " + price + " " + size + " " + attrs);
    }

    @Override
    public void onTickSize(final int reqId, final int tickType, final long size)
    {
        events.add("tickSize " + reqId + " " + tickType + " " + size);
    }

    @Override
    public void onTickGeneric(final int reqId, final int tickType, final long value)
    {
        events.add("tickGeneric " + reqId + " " + tickType + " " + value);
    }

    @Override
    public void onTickString(final int reqId, final int tickType, final TwsFields fields, final int field)
    {
        events.add("tickString " + reqId + " " + tickType + " " + fields.text(field));
    }

    @Override
    public void onOrderStatus(final OrderStatusView s)
    {
        events.add("orderStatus " + s.orderId() + " " + s.status() + " " + s.filled() + " " + s.remaining() + " "
            + s.avgFillPrice() + " " + s.permId() + " " + s.parentId() + " " + s.lastFillPrice() + " "
            + s.clientId() + " " + s.mktCapPrice());
    }

    @Override
    public void onOpenOrder(final OpenOrderView o)
    {
        events.add("openOrder " + o.orderId() + " " + o.conId() + " " + o.symbol() + " " + (o.buy() ? "BUY" : "SELL")
            + " " + o.totalQuantity() + " " + o.orderType() + " " + o.limitPrice() + " " + o.auxPrice() + " "
            + o.timeInForce() + " " + o.account() + " " + o.orderRef() + " " + o.clientId() + " " + o.permId() + " "
            + o.outsideRth() + " " + o.status());
    }

    @Override
    public void onOpenOrderEnd()
    {
        events.add("openOrderEnd");
    }

    @Override
    public void onExecution(final ExecutionView e)
    {
        events.add("execution " + e.reqId() + " " + e.orderId() + " " + e.conId() + " " + e.execId() + " "
            + e.time() + " " + e.account() + " " + (e.buy() ? "BOT" : "SLD") + " " + e.shares() + " " + e.price()
            + " " + e.permId() + " " + e.clientId() + " " + e.cumQty() + " " + e.avgPrice() + " " + e.orderRef());
    }

    @Override
    public void onExecutionEnd(final int reqId)
    {
        events.add("executionEnd " + reqId);
    }

    @Override
    public void onCommission(final CommissionView c)
    {
        events.add("commission " + c.execId() + " " + c.commission() + " " + c.currency() + " " + c.realizedPnl());
    }

    @Override
    public void onPosition(final PositionView p)
    {
        events.add("position " + p.account() + " " + p.conId() + " " + p.symbol() + " " + p.position() + " "
            + p.avgCost());
    }

    @Override
    public void onPositionEnd()
    {
        events.add("positionEnd");
    }

    @Override
    public void onContractDetails(final ContractDetailsView d)
    {
        events.add("contractDetails " + d.reqId() + " " + d.conId() + " " + d.symbol() + " " + d.secType() + " "
            + d.exchange() + " " + d.currency() + " " + d.minTick() + " " + d.multiplier() + " "
            + d.primaryExchange());
    }

    @Override
    public void onContractDetailsEnd(final int reqId)
    {
        events.add("contractDetailsEnd " + reqId);
    }

    @Override
    public void onAccountSummary(final AccountSummaryView a)
    {
        events.add("accountSummary " + a.reqId() + " " + a.account() + " " + a.tag() + " " + a.value() + " "
            + a.numeric() + " " + a.currency());
    }

    @Override
    public void onAccountSummaryEnd(final int reqId)
    {
        events.add("accountSummaryEnd " + reqId);
    }

    @Override
    public void onError(final long id, final int code, final TwsFields fields, final int messageField)
    {
        events.add("error " + id + " " + code + " " + fields.text(messageField));
    }

    @Override
    public void onCurrentTime(final long epochSeconds)
    {
        events.add("currentTime " + epochSeconds);
    }

    @Override
    public void onBadMessage(final FrameError error, final int messageId, final int field)
    {
        events.add("bad " + error + " " + messageId + " " + field);
    }
}
