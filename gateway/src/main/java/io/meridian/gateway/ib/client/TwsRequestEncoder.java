package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.protocol.OutgoingMessageIds;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import io.meridian.gateway.ib.wire.TwsFields;
import io.meridian.gateway.ib.wire.TwsFrameWriter;

/**
 * Writes the requests Meridian sends, one frame each, in the field order of the TWS API message reference for server
 * versions {@value TwsProtocol#MIN_SERVER_VERSION} to {@value TwsProtocol#MAX_SERVER_VERSION}. Every method
 * allocates nothing. Unset numbers are empty fields; booleans are {@code 0}/{@code 1}.
 *
 * <p>Owned by the thread that sends on the connection.
 */
public final class TwsRequestEncoder
{
    /** Largest frame any method here writes, with its length prefix: a send buffer needs this much room. */
    public static final int MAX_REQUEST_BYTES = 1024;

    private static final int DECIMALS = TwsFields.DECIMALS;
    private static final byte[] BUY = {'B', 'U', 'Y'};
    private static final byte[] SELL = {'S', 'E', 'L', 'L'};

    private final TwsFrameWriter writer;
    private final byte[] filterTime = new byte[UTC_TIME_LENGTH];

    /**
     * An encoder writing into a send buffer.
     *
     * @param writer the send buffer.
     */
    public TwsRequestEncoder(final TwsFrameWriter writer)
    {
        this.writer = writer;
    }

    /**
     * START_API: tells the server which client id this session is.
     *
     * @param clientId the client id.
     */
    public void startApi(final int clientId)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.START_API).putLong(2).putLong(clientId).putEmpty().endFrame();
    }

    /**
     * REQ_CURRENT_TIME: the keep-alive (the server answers CURRENT_TIME).
     */
    public void reqCurrentTime()
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_CURRENT_TIME).putLong(1).endFrame();
    }

    /**
     * REQ_IDS: asks for the next valid order id.
     */
    public void reqIds()
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_IDS).putLong(1).putLong(1).endFrame();
    }

    /**
     * REQ_CONTRACT_DATA for one contract.
     *
     * @param reqId request id.
     * @param contract the contract.
     */
    public void reqContractDetails(final int reqId, final IbContract contract)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_CONTRACT_DATA).putLong(8).putLong(reqId);
        contract.write(writer);
        writer.putBoolean(false).putEmpty().putEmpty().endFrame();
    }

    /**
     * REQ_MKT_DATA: streaming L1 data, default tick set plus no generic ticks.
     *
     * @param reqId request (ticker) id.
     * @param contract the contract.
     */
    public void reqMktData(final int reqId, final IbContract contract)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_MKT_DATA).putLong(11).putLong(reqId);
        contract.write(writer);
        writer.putBoolean(false)   // no delta-neutral contract
            .putEmpty()            // generic tick list
            .putBoolean(false)     // snapshot
            .putBoolean(false)     // regulatory snapshot
            .putEmpty()            // options
            .endFrame();
    }

    /**
     * CANCEL_MKT_DATA.
     *
     * @param reqId request id of the subscription.
     */
    public void cancelMktData(final int reqId)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.CANCEL_MKT_DATA).putLong(2).putLong(reqId).endFrame();
    }

    /**
     * CANCEL_ORDER.
     *
     * @param orderId the IB order id.
     */
    public void cancelOrder(final long orderId)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.CANCEL_ORDER).putLong(1).putLong(orderId).endFrame();
    }

    /** REQ_OPEN_ORDERS: this client's open orders (OPEN_ORDER, ORDER_STATUS each, then OPEN_ORDER_END). */
    public void reqOpenOrders()
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_OPEN_ORDERS).putLong(1).endFrame();
    }

    /**
     * REQ_EXECUTIONS with a filter on this client id only.
     *
     * @param reqId request id.
     * @param clientId the client id to filter on.
     */
    public void reqExecutions(final int reqId, final int clientId)
    {
        reqExecutions(reqId, clientId, 0);
    }

    /**
     * REQ_EXECUTIONS with a filter on this client id and, when {@code afterEpochSeconds} is above 0, on time: IB
     * returns only the executions reported after it. The time field is IB's {@code yyyyMMdd HH:mm:ss} followed by the
     * time zone, here always {@code UTC} (e.g. {@code 20251202 15:30:00 UTC}), so it does not depend on the time zone
     * TWS runs in.
     *
     * @param reqId request id.
     * @param clientId the client id to filter on.
     * @param afterEpochSeconds executions after this time (UTC seconds since the epoch); 0 or less: no time filter.
     */
    public void reqExecutions(final int reqId, final int clientId, final long afterEpochSeconds)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_EXECUTIONS).putLong(3).putLong(reqId)
            .putLong(clientId)
            .putEmpty();           // account
        if (afterEpochSeconds > 0)
        {
            writer.putBytes(filterTime, utcTime(afterEpochSeconds, filterTime));
        }
        else
        {
            writer.putEmpty();
        }
        writer
            .putEmpty()            // symbol
            .putEmpty()            // secType
            .putEmpty()            // exchange
            .putEmpty()            // side
            .endFrame();
    }

    /** REQ_POSITIONS: every position of every account (POSITION_DATA each, then POSITION_END). */
    public void reqPositions()
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_POSITIONS).putLong(1).endFrame();
    }

    /** REQ_GLOBAL_CANCEL: cancels every open order, whichever client placed it. */
    public void reqGlobalCancel()
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_GLOBAL_CANCEL).putLong(1).endFrame();
    }

    /**
     * REQ_ACCOUNT_SUMMARY for group "All" and the tags Meridian uses.
     *
     * @param reqId request id.
     * @param tags comma-separated tags, e.g. {@code NetLiquidation,TotalCashValue,BuyingPower}.
     */
    public void reqAccountSummary(final int reqId, final CharSequence tags)
    {
        writer.beginFrame().putLong(OutgoingMessageIds.REQ_ACCOUNT_SUMMARY).putLong(1).putLong(reqId)
            .putText("All").putText(tags).endFrame();
    }

    /**
     * PLACE_ORDER: a new order (or a modification of an open one, same order id).
     *
     * @param serverVersion the negotiated server version.
     * @param contract the contract.
     * @param order the order.
     */
    public void placeOrder(final int serverVersion, final IbContract contract, final IbOrder order)
    {
        final TwsFrameWriter w = writer;
        w.beginFrame().putLong(OutgoingMessageIds.PLACE_ORDER).putLong(order.orderId);
        contract.write(w);
        w.putEmpty().putEmpty();                                    // secIdType, secId
        w.putBytes(order.buy ? BUY : SELL).putDecimal(order.quantity, DECIMALS).putText(order.type.wire());
        if (order.type.hasLimit())
        {
            w.putDecimal(order.limitPrice, DECIMALS);
        }
        else
        {
            w.putEmpty();
        }
        if (order.type.hasStop())
        {
            w.putDecimal(order.stopPrice, DECIMALS);
        }
        else
        {
            w.putEmpty();
        }
        w.putText(order.timeInForce.wire()).putEmpty();            // tif, ocaGroup
        writeAccount(w, order);
        w.putEmpty().putLong(0).putLong(order.orderRef);            // openClose, origin (customer), orderRef
        w.putBoolean(true).putLong(0).putBoolean(false).putBoolean(false); // transmit, parentId, block, sweep
        w.putLong(0).putLong(0).putBoolean(order.outsideRth).putBoolean(false); // display, trigger, rth, hidden
        w.putEmpty().putLong(0).putEmpty().putEmpty();              // (deprecated), discretionaryAmt, GAT, GTD
        w.putEmpty().putEmpty().putEmpty().putEmpty().putEmpty();   // faGroup, faMethod, faPct, faProfile, model
        w.putLong(0).putEmpty().putLong(-1).putLong(0);             // shortSaleSlot, desigLoc, exemptCode, ocaType
        w.putEmpty().putEmpty().putBoolean(false).putEmpty();       // rule80A, settlingFirm, allOrNone, minQty
        w.putEmpty().putBoolean(false).putBoolean(false).putEmpty(); // pctOffset, eTradeOnly, firmQuote, nbboCap
        w.putLong(0).putEmpty().putEmpty().putEmpty();              // auctionStrategy, startPx, stockRefPx, delta
        w.putEmpty().putEmpty().putBoolean(false);                  // stockRangeLower, upper, overridePct
        w.putEmpty().putEmpty().putEmpty().putEmpty();              // volatility, volType, dnOrderType, dnAuxPx
        w.putBoolean(false).putEmpty().putEmpty().putEmpty();       // contUpdate, refPxType, trailStop, trailPct
        w.putEmpty().putEmpty().putEmpty().putEmpty();              // scaleInit, scaleSubs, scalePxIncr, table
        w.putEmpty().putEmpty().putEmpty();                         // activeStart, activeStop, hedgeType
        w.putBoolean(false).putEmpty().putEmpty().putBoolean(false); // optOutSmart, clrAcct, clrIntent, notHeld
        w.putBoolean(false).putEmpty().putEmpty().putBoolean(false); // dnContract, algoStrategy, algoId, whatIf
        w.putEmpty().putBoolean(false).putBoolean(false).putBoolean(false); // miscOpts, solicited, randSz, randPx
        w.putLong(0);                                               // conditions
        w.putEmpty().putEmpty().putEmpty().putEmpty().putEmpty();   // adjType, trigger, lmtOffset, adjStop, adjSL
        w.putEmpty().putLong(0).putEmpty();                         // adjTrailAmt, adjTrailUnit, extOperator
        w.putEmpty().putEmpty().putEmpty();                         // softDollar name, value, cashQty
        w.putEmpty().putEmpty().putEmpty().putEmpty();              // mifid2 x4
        w.putBoolean(false).putBoolean(false).putBoolean(false);    // dontUseAuto, isOmsContainer, discrUpToLmt
        if (serverVersion >= TwsProtocol.PRICE_MGMT_ALGO_SERVER_VERSION)
        {
            w.putEmpty();                                           // usePriceMgmtAlgo: unset
        }
        w.endFrame();
    }

    private static void writeAccount(final TwsFrameWriter w, final IbOrder order)
    {
        if (order.accountLength == 0)
        {
            w.putEmpty();
            return;
        }
        w.putBytes(order.account, order.accountLength);
    }

    /** Length of {@code yyyyMMdd HH:mm:ss UTC}. */
    static final int UTC_TIME_LENGTH = 21;

    /**
     * Writes {@code yyyyMMdd HH:mm:ss UTC} for a time (the proleptic Gregorian calendar's civil date of the epoch day,
     * by the usual era arithmetic) into {@code out}, without allocating.
     *
     * @return the number of bytes written ({@link #UTC_TIME_LENGTH}).
     */
    static int utcTime(final long epochSeconds, final byte[] out)
    {
        final long days = Math.floorDiv(epochSeconds, 86_400L);
        final long secondOfDay = epochSeconds - days * 86_400L;
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long dayOfEra = z - era * 146_097L;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        digits(out, 0, year, 4);
        digits(out, 4, month, 2);
        digits(out, 6, day, 2);
        out[8] = ' ';
        digits(out, 9, secondOfDay / 3600, 2);
        out[11] = ':';
        digits(out, 12, secondOfDay / 60 % 60, 2);
        out[14] = ':';
        digits(out, 15, secondOfDay % 60, 2);
        out[17] = ' ';
        out[18] = 'U';
        out[19] = 'T';
        out[20] = 'C';
        return UTC_TIME_LENGTH;
    }

    private static void digits(final byte[] out, final int at, final long value, final int width)
    {
        long v = value;
        for (int i = width - 1; i >= 0; i--)
        {
            out[at + i] = (byte)('0' + v % 10);
            v /= 10;
        }
    }
}
