package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.TwsFields;

/**
 * A listener that passes every message on to another; subclasses override what they watch.
 *
 * <p>Called on the connection's polling thread.
 */
public class ForwardingTwsListener implements TwsClientListener
{
    private final TwsClientListener delegate;

    /**
     * Forwards to {@code delegate}.
     *
     * @param delegate the listener that receives everything.
     */
    public ForwardingTwsListener(final TwsClientListener delegate)
    {
        this.delegate = delegate;
    }

    @Override
    public void onServerVersion(final int serverVersion, final TwsFields fields)
    {
        delegate.onServerVersion(serverVersion, fields);
    }

    @Override
    public void onReady(final int serverVersion, final long nextValidId)
    {
        delegate.onReady(serverVersion, nextValidId);
    }

    @Override
    public void onDisconnected(final DisconnectReason reason, final boolean wasReady)
    {
        delegate.onDisconnected(reason, wasReady);
    }

    @Override
    public void onNextValidId(final long orderId)
    {
        delegate.onNextValidId(orderId);
    }

    @Override
    public void onManagedAccounts(final TwsFields fields, final int field)
    {
        delegate.onManagedAccounts(fields, field);
    }

    @Override
    public void onTickPrice(
        final int reqId, final int tickType, final long price, final long size, final int attributes)
    {
        delegate.onTickPrice(reqId, tickType, price, size, attributes);
    }

    @Override
    public void onTickSize(final int reqId, final int tickType, final long size)
    {
        delegate.onTickSize(reqId, tickType, size);
    }

    @Override
    public void onTickGeneric(final int reqId, final int tickType, final long value)
    {
        delegate.onTickGeneric(reqId, tickType, value);
    }

    @Override
    public void onTickString(final int reqId, final int tickType, final TwsFields fields, final int field)
    {
        delegate.onTickString(reqId, tickType, fields, field);
    }

    @Override
    public void onOrderStatus(final OrderStatusView status)
    {
        delegate.onOrderStatus(status);
    }

    @Override
    public void onOpenOrder(final OpenOrderView order)
    {
        delegate.onOpenOrder(order);
    }

    @Override
    public void onOpenOrderEnd()
    {
        delegate.onOpenOrderEnd();
    }

    @Override
    public void onExecution(final ExecutionView execution)
    {
        delegate.onExecution(execution);
    }

    @Override
    public void onExecutionEnd(final int reqId)
    {
        delegate.onExecutionEnd(reqId);
    }

    @Override
    public void onCommission(final CommissionView commission)
    {
        delegate.onCommission(commission);
    }

    @Override
    public void onPosition(final PositionView position)
    {
        delegate.onPosition(position);
    }

    @Override
    public void onPositionEnd()
    {
        delegate.onPositionEnd();
    }

    @Override
    public void onContractDetails(final ContractDetailsView details)
    {
        delegate.onContractDetails(details);
    }

    @Override
    public void onContractDetailsEnd(final int reqId)
    {
        delegate.onContractDetailsEnd(reqId);
    }

    @Override
    public void onAccountSummary(final AccountSummaryView summary)
    {
        delegate.onAccountSummary(summary);
    }

    @Override
    public void onAccountSummaryEnd(final int reqId)
    {
        delegate.onAccountSummaryEnd(reqId);
    }

    @Override
    public void onError(final long id, final int code, final TwsFields fields, final int messageField)
    {
        delegate.onError(id, code, fields, messageField);
    }

    @Override
    public void onCurrentTime(final long epochSeconds)
    {
        delegate.onCurrentTime(epochSeconds);
    }

    @Override
    public void onBadMessage(final FrameError error, final int messageId, final int field)
    {
        delegate.onBadMessage(error, messageId, field);
    }
}
