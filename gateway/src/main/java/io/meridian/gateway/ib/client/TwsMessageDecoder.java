package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.protocol.IncomingMessageIds;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import io.meridian.gateway.ib.wire.FrameError;
import io.meridian.gateway.ib.wire.FrameHandler;
import io.meridian.gateway.ib.wire.TwsFields;

/**
 * Decodes the frames of a TWS session into {@link TwsClientListener} calls, checking each message's field count
 * against its layout for the negotiated server version and every number it reads. The first frame is the handshake
 * reply (server version, connection time); a version outside the supported range is a fatal
 * {@link FrameError#UNSUPPORTED_SERVER_VERSION}. A bad message is reported through
 * {@link TwsClientListener#onBadMessage} and skipped; allocates nothing per message.
 *
 * <p>Field indexes below count from 0 = the message id, in the order of the TWS API message reference.
 *
 * <p>Over 500 lines: one dispatch over every message id Meridian reads, each with its layout check, kept in one
 * place so that the field indexes can be read against the message reference side by side.
 *
 * <p>Owned by the connection's polling thread.
 */
public final class TwsMessageDecoder implements FrameHandler
{
    private final TwsClientListener listener;
    private final OrderStatusView orderStatus = new OrderStatusView();
    private final OpenOrderView openOrder = new OpenOrderView();
    private final ExecutionView execution = new ExecutionView();
    private final CommissionView commission = new CommissionView();
    private final PositionView position = new PositionView();
    private final ContractDetailsView contractDetails = new ContractDetailsView();
    private final AccountSummaryView accountSummary = new AccountSummaryView();
    private final OpenOrderDecoding openOrderDecoding;
    private int serverVersion;
    private FrameError fatal;
    private long messages;
    private long rejected;

    /**
     * A decoder for one session.
     *
     * @param listener receives the messages.
     */
    public TwsMessageDecoder(final TwsClientListener listener)
    {
        this.listener = listener;
        this.openOrderDecoding = new OpenOrderDecoding(openOrder);
    }

    /** Starts over for a new connection: the next frame is a handshake reply. */
    public void reset()
    {
        serverVersion = 0;
        fatal = null;
    }

    /**
     * The negotiated server version, 0 before the handshake.
     *
     * @return the version.
     */
    public int serverVersion()
    {
        return serverVersion;
    }

    /**
     * The fatal error that ended the session, or {@code null}.
     *
     * @return the error.
     */
    public FrameError fatal()
    {
        return fatal;
    }

    /**
     * Messages decoded.
     *
     * @return the count.
     */
    public long messages()
    {
        return messages;
    }

    /**
     * Frames and messages rejected.
     *
     * @return the count.
     */
    public long rejected()
    {
        return rejected;
    }

    @Override
    public void onFrameError(final FrameError error, final int frameLength)
    {
        rejected++;
        if (error.fatal())
        {
            fatal = error;
        }
        listener.onBadMessage(error, -1, -1);
    }

    @Override
    public void onFrame(final TwsFields fields)
    {
        if (serverVersion == 0)
        {
            onHandshake(fields);
            return;
        }
        final long id = fields.integer(0);
        if (fields.error() != null)
        {
            reject(FrameError.BAD_MESSAGE_ID, -1, 0);
            return;
        }
        final int messageId = (int)id;
        final boolean known = decode(messageId, fields);
        if (!known)
        {
            reject(FrameError.UNKNOWN_MESSAGE_ID, messageId, 0);
        }
    }

    private void onHandshake(final TwsFields fields)
    {
        final long version = fields.count() == 2 ? fields.integer(0) : -1;
        if (fields.count() != 2 || fields.error() != null)
        {
            fatal = FrameError.BAD_HANDSHAKE;
            rejected++;
            listener.onBadMessage(fatal, -1, 0);
            return;
        }
        if (version < TwsProtocol.MIN_SERVER_VERSION || version > TwsProtocol.MAX_SERVER_VERSION)
        {
            fatal = FrameError.UNSUPPORTED_SERVER_VERSION;
            rejected++;
            listener.onBadMessage(fatal, -1, 0);
            return;
        }
        serverVersion = (int)version;
        messages++;
        listener.onServerVersion(serverVersion, fields);
    }

    private boolean decode(final int messageId, final TwsFields f)
    {
        switch (messageId)
        {
            case IncomingMessageIds.TICK_PRICE:
                if (expect(messageId, f, 7))
                {
                    final int reqId = f.int32(2);
                    final int tickType = f.int32(3);
                    final long price = f.decimal(4);
                    final long size = f.decimal(5);
                    final int attributes = f.int32(6);
                    if (ok(messageId, f))
                    {
                        listener.onTickPrice(reqId, tickType, price, size, attributes);
                    }
                }
                return true;
            case IncomingMessageIds.TICK_SIZE:
                if (expect(messageId, f, 5))
                {
                    final int reqId = f.int32(2);
                    final int tickType = f.int32(3);
                    final long size = f.decimal(4);
                    if (ok(messageId, f))
                    {
                        listener.onTickSize(reqId, tickType, size);
                    }
                }
                return true;
            case IncomingMessageIds.TICK_GENERIC:
                if (expect(messageId, f, 5))
                {
                    final int reqId = f.int32(2);
                    final int tickType = f.int32(3);
                    final long value = f.decimal(4);
                    if (ok(messageId, f))
                    {
                        listener.onTickGeneric(reqId, tickType, value);
                    }
                }
                return true;
            case IncomingMessageIds.TICK_STRING:
                if (expect(messageId, f, 5))
                {
                    final int reqId = f.int32(2);
                    final int tickType = f.int32(3);
                    if (ok(messageId, f))
                    {
                        listener.onTickString(reqId, tickType, f, 4);
                    }
                }
                return true;
            case IncomingMessageIds.ORDER_STATUS:
                decodeOrderStatus(messageId, f);
                return true;
            case IncomingMessageIds.ERR_MSG:
                if (expect(messageId, f, 5))
                {
                    final long id = f.integer(2);
                    final int code = f.int32(3);
                    if (ok(messageId, f))
                    {
                        listener.onError(id, code, f, 4);
                    }
                }
                return true;
            case IncomingMessageIds.OPEN_ORDER:
                openOrderDecoding.decode(f);
                if (ok(messageId, f))
                {
                    listener.onOpenOrder(openOrder);
                }
                return true;
            default:
                return decodeMore(messageId, f);
        }
    }

    private boolean decodeMore(final int messageId, final TwsFields f)
    {
        switch (messageId)
        {
            case IncomingMessageIds.NEXT_VALID_ID:
                if (expect(messageId, f, 3))
                {
                    final long orderId = f.integer(2);
                    if (ok(messageId, f))
                    {
                        listener.onNextValidId(orderId);
                    }
                }
                return true;
            case IncomingMessageIds.MANAGED_ACCTS:
                if (expect(messageId, f, 3) && ok(messageId, f))
                {
                    listener.onManagedAccounts(f, 2);
                }
                return true;
            case IncomingMessageIds.CURRENT_TIME:
                if (expect(messageId, f, 3))
                {
                    final long time = f.integer(2);
                    if (ok(messageId, f))
                    {
                        listener.onCurrentTime(time);
                    }
                }
                return true;
            case IncomingMessageIds.CONTRACT_DATA:
                decodeContractDetails(messageId, f);
                return true;
            case IncomingMessageIds.EXECUTION_DATA:
                decodeExecution(messageId, f);
                return true;
            case IncomingMessageIds.COMMISSION_REPORT:
                decodeCommission(messageId, f);
                return true;
            case IncomingMessageIds.POSITION_DATA:
                decodePosition(messageId, f);
                return true;
            case IncomingMessageIds.ACCOUNT_SUMMARY:
                decodeAccountSummary(messageId, f);
                return true;
            default:
                return decodeEnds(messageId, f);
        }
    }

    private boolean decodeEnds(final int messageId, final TwsFields f)
    {
        switch (messageId)
        {
            case IncomingMessageIds.OPEN_ORDER_END:
                if (expect(messageId, f, 2) && ok(messageId, f))
                {
                    listener.onOpenOrderEnd();
                }
                return true;
            case IncomingMessageIds.POSITION_END:
                if (expect(messageId, f, 2) && ok(messageId, f))
                {
                    listener.onPositionEnd();
                }
                return true;
            case IncomingMessageIds.EXECUTION_DATA_END:
            case IncomingMessageIds.CONTRACT_DATA_END:
            case IncomingMessageIds.ACCOUNT_SUMMARY_END:
                if (expect(messageId, f, 3))
                {
                    final int reqId = f.int32(2);
                    if (ok(messageId, f))
                    {
                        endOf(messageId, reqId);
                    }
                }
                return true;
            case IncomingMessageIds.MARKET_DATA_TYPE:
            case IncomingMessageIds.TICK_REQ_PARAMS:
            case IncomingMessageIds.TICK_SNAPSHOT_END:
            case IncomingMessageIds.ACCT_VALUE:
            case IncomingMessageIds.ACCT_UPDATE_TIME:
            case IncomingMessageIds.ACCT_DOWNLOAD_END:
            case IncomingMessageIds.PORTFOLIO_VALUE:
                messages++;     // known and not used by Meridian: counted, not passed on
                return true;
            default:
                return false;
        }
    }

    private void endOf(final int messageId, final int reqId)
    {
        if (messageId == IncomingMessageIds.EXECUTION_DATA_END)
        {
            listener.onExecutionEnd(reqId);
        }
        else if (messageId == IncomingMessageIds.CONTRACT_DATA_END)
        {
            listener.onContractDetailsEnd(reqId);
        }
        else
        {
            listener.onAccountSummaryEnd(reqId);
        }
    }

    private void decodeOrderStatus(final int messageId, final TwsFields f)
    {
        if (!expect(messageId, f, 12))
        {
            return;
        }
        final OrderStatusView v = orderStatus;
        v.orderId = f.integer(1);
        v.status = IbOrderStatus.of(f, 2);
        if (v.status == null)
        {
            f.fail(FrameError.BAD_VALUE, 2);
        }
        v.filled = f.decimal(3);
        v.remaining = f.decimal(4);
        v.avgFillPrice = f.decimal(5);
        v.permId = f.integer(6);
        v.parentId = f.integer(7);
        v.lastFillPrice = f.decimal(8);
        v.clientId = f.integer(9);
        v.mktCapPrice = f.decimal(11);
        if (ok(messageId, f))
        {
            listener.onOrderStatus(v);
        }
    }

    private void decodeContractDetails(final int messageId, final TwsFields f)
    {
        // 33 fixed fields up to numSecIds, 2 per security id, then 5: aggGroup .. realExpirationDate
        if (f.count() < 38)
        {
            reject(FrameError.TOO_FEW_FIELDS, messageId, f.count());
            return;
        }
        final long secIds = f.integer(32);
        if (f.error() == null && (secIds < 0 || secIds > 64))
        {
            f.fail(FrameError.BAD_VALUE, 32);
        }
        if (f.error() == null && f.count() != 38 + 2 * (int)secIds)
        {
            reject(f.count() < 38 + 2 * (int)secIds ? FrameError.TOO_FEW_FIELDS : FrameError.TOO_MANY_MESSAGE_FIELDS,
                messageId, f.count());
            return;
        }
        final ContractDetailsView v = contractDetails;
        v.reqId = f.int32(2);
        v.symbol.set(f, 3);
        v.secType.set(f, 4);
        v.exchange.set(f, 8);
        v.currency.set(f, 9);
        v.conId = f.integer(13);
        v.minTick = f.decimal(14);
        v.multiplier.set(f, 16);
        v.primaryExchange.set(f, 22);
        if (ok(messageId, f))
        {
            listener.onContractDetails(v);
        }
    }

    private void decodeExecution(final int messageId, final TwsFields f)
    {
        if (!expect(messageId, f, 31))
        {
            return;
        }
        final ExecutionView v = execution;
        v.reqId = f.int32(1);
        v.orderId = f.integer(2);
        v.conId = f.integer(3);
        v.execId.set(f, 14);
        v.time.set(f, 15);
        v.account.set(f, 16);
        v.buy = f.equalsAscii(18, "BOT");
        if (!v.buy && !f.equalsAscii(18, "SLD"))
        {
            f.fail(FrameError.BAD_VALUE, 18);
        }
        v.shares = f.decimal(19);
        v.price = f.decimal(20);
        v.permId = f.integer(21);
        v.clientId = f.integer(22);
        v.cumQty = f.decimal(24);
        v.avgPrice = f.decimal(25);
        v.orderRef = orderRef(f, 26);
        if (ok(messageId, f))
        {
            listener.onExecution(v);
        }
    }

    private void decodeCommission(final int messageId, final TwsFields f)
    {
        if (!expect(messageId, f, 8))
        {
            return;
        }
        final CommissionView v = commission;
        v.execId.set(f, 2);
        v.commission = f.decimal(3);
        v.currency.set(f, 4);
        v.realizedPnl = f.decimal(5);
        if (ok(messageId, f))
        {
            listener.onCommission(v);
        }
    }

    private void decodePosition(final int messageId, final TwsFields f)
    {
        if (!expect(messageId, f, 16))
        {
            return;
        }
        final PositionView v = position;
        v.account.set(f, 2);
        v.conId = f.integer(3);
        v.symbol.set(f, 4);
        v.position = f.decimal(14);
        v.avgCost = f.decimal(15);
        if (ok(messageId, f))
        {
            listener.onPosition(v);
        }
    }

    private void decodeAccountSummary(final int messageId, final TwsFields f)
    {
        if (!expect(messageId, f, 7))
        {
            return;
        }
        final AccountSummaryView v = accountSummary;
        v.reqId = f.int32(2);
        v.account.set(f, 3);
        v.tag.set(f, 4);
        v.currency.set(f, 6);
        if (f.error() != null)
        {
            reject(f.error(), messageId, f.errorField());
            return;
        }
        v.value = f.decimal(5);
        v.numeric = f.error() == null;
        if (!v.numeric)
        {
            v.value = 0;                // a text value (e.g. AccountType): kept as not numeric, not a bad message
            f.clearError();
        }
        messages++;
        listener.onAccountSummary(v);
    }

    static long orderRef(final TwsFields f, final int field)
    {
        final int length = f.length(field);
        if (length == 0 || length > 18)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final int digit = f.buffer().getByte(f.offset(field) + i) - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    boolean expect(final int messageId, final TwsFields f, final int count)
    {
        if (f.count() == count)
        {
            return true;
        }
        reject(f.count() < count ? FrameError.TOO_FEW_FIELDS : FrameError.TOO_MANY_MESSAGE_FIELDS,
            messageId, f.count());
        return false;
    }

    boolean ok(final int messageId, final TwsFields f)
    {
        if (f.error() != null)
        {
            reject(f.error(), messageId, f.errorField());
            return false;
        }
        messages++;
        return true;
    }

    void reject(final FrameError error, final int messageId, final int field)
    {
        rejected++;
        listener.onBadMessage(error, messageId, field);
    }
}
