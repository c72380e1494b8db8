package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.TwsFields;

/**
 * Receives the decoded messages of a TWS session. Views and fields are reused: valid during the call only. Every
 * method has an empty default so a listener implements what it needs.
 *
 * <p>Called on the connection's polling thread.
 */
public interface TwsClientListener
{
    /**
     * The handshake completed.
     *
     * @param serverVersion the version the server chose.
     * @param fields the handshake frame (field 1 is the server's connection time).
     */
    default void onServerVersion(final int serverVersion, final TwsFields fields)
    {
    }

    /**
     * The session is ready for requests: the server version is known, START_API was sent and both NEXT_VALID_ID and
     * MANAGED_ACCTS arrived.
     *
     * @param serverVersion the negotiated version.
     * @param nextValidId the next order id the server accepts.
     */
    default void onReady(final int serverVersion, final long nextValidId)
    {
    }

    /**
     * The session ended (a reconnect follows after a backoff unless the connection was closed).
     *
     * @param reason why.
     * @param wasReady whether the session had reached READY.
     */
    default void onDisconnected(final DisconnectReason reason, final boolean wasReady)
    {
    }

    /**
     * NEXT_VALID_ID.
     *
     * @param orderId the next order id the server accepts.
     */
    default void onNextValidId(final long orderId)
    {
    }

    /**
     * MANAGED_ACCTS.
     *
     * @param fields the frame.
     * @param field index of the comma-separated account list.
     */
    default void onManagedAccounts(final TwsFields fields, final int field)
    {
    }

    /**
     * TICK_PRICE.
     *
     * @param reqId the subscription.
     * @param tickType the tick type.
     * @param price the price, fixed point.
     * @param size the size that goes with it, fixed point.
     * @param attributes the attribute mask (bit 0 can auto-execute, bit 1 past limit, bit 2 pre-open).
     */
    default void onTickPrice(
        final int reqId, final int tickType, final long price, final long size, final int attributes)
    {
    }

    /**
     * TICK_SIZE.
     *
     * @param reqId the subscription.
     * @param tickType the tick type.
     * @param size the size, fixed point.
     */
    default void onTickSize(final int reqId, final int tickType, final long size)
    {
    }

    /**
     * TICK_GENERIC (e.g. the halted state).
     *
     * @param reqId the subscription.
     * @param tickType the tick type.
     * @param value the value, fixed point.
     */
    default void onTickGeneric(final int reqId, final int tickType, final long value)
    {
    }

    /**
     * TICK_STRING.
     *
     * @param reqId the subscription.
     * @param tickType the tick type.
     * @param fields the frame.
     * @param field index of the value.
     */
    default void onTickString(final int reqId, final int tickType, final TwsFields fields, final int field)
    {
    }

    /**
     * ORDER_STATUS.
     *
     * @param status the message.
     */
    default void onOrderStatus(final OrderStatusView status)
    {
    }

    /**
     * OPEN_ORDER.
     *
     * @param order the message.
     */
    default void onOpenOrder(final OpenOrderView order)
    {
    }

    /** OPEN_ORDER_END. */
    default void onOpenOrderEnd()
    {
    }

    /**
     * EXECUTION_DATA.
     *
     * @param execution the message.
     */
    default void onExecution(final ExecutionView execution)
    {
    }

    /**
     * EXECUTION_DATA_END.
     *
     * @param reqId the request.
     */
    default void onExecutionEnd(final int reqId)
    {
    }

    /**
     * COMMISSION_REPORT.
     *
     * @param commission the message.
     */
    default void onCommission(final CommissionView commission)
    {
    }

    /**
     * POSITION_DATA.
     *
     * @param position the message.
     */
    default void onPosition(final PositionView position)
    {
    }

    /** POSITION_END. */
    default void onPositionEnd()
    {
    }

    /**
     * CONTRACT_DATA.
     *
     * @param details the message.
     */
    default void onContractDetails(final ContractDetailsView details)
    {
    }

    /**
     * CONTRACT_DATA_END.
     *
     * @param reqId the request.
     */
    default void onContractDetailsEnd(final int reqId)
    {
    }

    /**
     * ACCOUNT_SUMMARY.
     *
     * @param summary the message.
     */
    default void onAccountSummary(final AccountSummaryView summary)
    {
    }

    /**
     * ACCOUNT_SUMMARY_END.
     *
     * @param reqId the request.
     */
    default void onAccountSummaryEnd(final int reqId)
    {
    }

    /**
     * ERR_MSG: an error or a notice.
     *
     * @param id the request or order id it is about (-1 when none).
     * @param code IB's code.
     * @param fields the frame.
     * @param messageField index of the message text.
     */
    default void onError(final long id, final int code, final TwsFields fields, final int messageField)
    {
    }

    /**
     * CURRENT_TIME (the keep-alive's answer).
     *
     * @param epochSeconds the server's time.
     */
    default void onCurrentTime(final long epochSeconds)
    {
    }

    /**
     * A message or frame was rejected.
     *
     * @param error why.
     * @param messageId the message id (-1 when it could not be read).
     * @param field the offending field (-1 when none).
     */
    default void onBadMessage(final FrameError error, final int messageId, final int field)
    {
    }
}
