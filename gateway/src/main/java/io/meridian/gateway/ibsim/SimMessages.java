package io.meridian.gateway.ibsim;

import io.meridian.gateway.ib.protocol.IncomingMessageIds;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The messages the simulator sends, each built field by field in the order of the TWS API message reference for
 * server versions 148 to 151 (see the golden tests). Unset doubles are written as IB writes them,
 * {@code 1.7976931348623157E308}.
 */
final class SimMessages
{
    /** IB's text for an unset double. */
    static final String UNSET_DOUBLE = "1.7976931348623157E308";

    private SimMessages()
    {
    }

    static String num(final double value)
    {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static byte[] handshakeReply(final int version, final String connectionTime)
    {
        return SimWire.frame(version, connectionTime);
    }

    static byte[] nextValidId(final long orderId)
    {
        return SimWire.frame(IncomingMessageIds.NEXT_VALID_ID, 1, orderId);
    }

    static byte[] managedAccounts(final String accounts)
    {
        return SimWire.frame(IncomingMessageIds.MANAGED_ACCTS, 1, accounts);
    }

    static byte[] error(final long id, final int code, final String message)
    {
        return SimWire.frame(IncomingMessageIds.ERR_MSG, 2, id, code, message);
    }

    static byte[] currentTime(final long epochSeconds)
    {
        return SimWire.frame(IncomingMessageIds.CURRENT_TIME, 1, epochSeconds);
    }

    static byte[] tickPrice(final int reqId, final int tickType, final double price, final long size, final int mask)
    {
        return SimWire.frame(IncomingMessageIds.TICK_PRICE, 6, reqId, tickType, num(price), size, mask);
    }

    static byte[] tickSize(final int reqId, final int tickType, final long size)
    {
        return SimWire.frame(IncomingMessageIds.TICK_SIZE, 6, reqId, tickType, size);
    }

    static byte[] tickGeneric(final int reqId, final int tickType, final double value)
    {
        return SimWire.frame(IncomingMessageIds.TICK_GENERIC, 6, reqId, tickType, num(value));
    }

    static byte[] tickString(final int reqId, final int tickType, final String value)
    {
        return SimWire.frame(IncomingMessageIds.TICK_STRING, 6, reqId, tickType, value);
    }

    static byte[] orderStatus(final SimOrder o)
    {
        return SimWire.frame(IncomingMessageIds.ORDER_STATUS, o.orderId, o.status, o.filled, o.remaining(),
            num(o.avgPrice), o.permId, 0, num(o.lastFillPrice), o.clientId, "", 0);
    }

    /** The eleven contract fields of OPEN_ORDER, EXECUTION_DATA and POSITION_DATA. */
    private static List<Object> contract11(final SimConfig.Instrument i)
    {
        return List.of(i.conId(), i.symbol(), "STK", "", 0, "", "", i.exchange(), i.currency(), i.symbol(), "");
    }

    static byte[] openOrder(final SimOrder o, final SimConfig.Instrument i, final int serverVersion)
    {
        final List<Object> f = new ArrayList<>();
        f.add(IncomingMessageIds.OPEN_ORDER);
        f.add(o.orderId);
        f.addAll(contract11(i));
        Collections.addAll(f, o.buy ? "BUY" : "SELL", o.quantity, o.type,
            o.hasLimit() ? num(o.limitPrice) : UNSET_DOUBLE, o.isStop() ? num(o.stopPrice) : UNSET_DOUBLE,
            o.tif, "", o.account, "", 0, o.orderRef,        // tif, ocaGroup, account, openClose, origin, orderRef
            o.clientId, o.permId, o.outsideRth, false, 0, "", // clientId, permId, outsideRth, hidden, discr, GAT
            "", "", "", "", "", "", "",                       // sharesAlloc, fa x4, modelCode, goodTillDate
            "", UNSET_DOUBLE, "", 0, "", -1,                  // rule80A, pctOffset, settlingFirm, shortSaleSlot,
                                                              // designatedLocation, exemptCode
            0, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, // auction, startPx, stockRef,
                                                              // delta, rangeLower, rangeUpper
            0, false, false, false, Integer.MAX_VALUE, 3,     // displaySize, block, sweep, allOrNone, minQty, ocaType
            false, false, UNSET_DOUBLE, 0, 0,                 // eTradeOnly, firmQuote, nbboCap, parentId, trigger
            UNSET_DOUBLE, Integer.MAX_VALUE, "", UNSET_DOUBLE,   // volatility, volType, dnOrderType, dnAux
            false, 0, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, Integer.MAX_VALUE, "", // contUpdate, refPxType,
                                                              // trailStop, trailPct, basisPts, basisPtsType, legs
            0, 0, 0,                                          // combo legs, order combo legs, smart combo params
            Integer.MAX_VALUE, Integer.MAX_VALUE, UNSET_DOUBLE, // scaleInit, scaleSubs, scalePriceIncrement
            "",                                               // hedgeType
            false, "", "", false,                             // optOutSmart, clrAcct, clrIntent, notHeld
            false, "",                                        // delta-neutral contract present, algoStrategy
            false, false, o.status,                           // solicited, whatIf, status
            UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, // margins before/chg
            UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE,         // margins after
            UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, "", "", // commission, min, max, currency, warningText
            false, false,                                     // randomizeSize, randomizePrice
            0,                                                // conditions
            "", UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, 0, // adjusted
            "", "", "", UNSET_DOUBLE,                         // softDollar name, value, displayName, cashQty
            false, false, false);                             // dontUseAuto, isOmsContainer, discrUpToLimit
        if (serverVersion >= TwsProtocol.PRICE_MGMT_ALGO_SERVER_VERSION)
        {
            f.add("");                                        // usePriceMgmtAlgo
        }
        return SimWire.frame(f.toArray());
    }

    static byte[] openOrderEnd()
    {
        return SimWire.frame(IncomingMessageIds.OPEN_ORDER_END, 1);
    }

    static byte[] contractDetails(final int reqId, final SimConfig.Instrument i)
    {
        return SimWire.frame(IncomingMessageIds.CONTRACT_DATA, 8, reqId,
            i.symbol(), "STK", "", 0, "",                     // symbol, secType, lastTradeDate, strike, right
            i.exchange(), i.currency(), i.symbol(), "NMS", "NMS", // exchange, currency, localSymbol, market, class
            i.conId(), num(i.minTick()), 100, "",             // conId, minTick, mdSizeMultiplier, multiplier
            "LMT,MKT,STP,STPLMT", "SMART," + i.primaryExchange(), 1, 0, // orderTypes, validExch, magnifier, underId
            i.symbol() + " SIMULATED", i.primaryExchange(), "", // longName, primaryExchange, contractMonth
            "", "", "", "US/Eastern",                         // industry, category, subcategory, timeZoneId
            "", "", "", "",                                   // tradingHours, liquidHours, evRule, evMultiplier
            0,                                                // number of security ids
            1, "", "", "", "");                               // aggGroup, underSymbol, underSecType, marketRuleIds,
                                                              // realExpirationDate
    }

    static byte[] contractDetailsEnd(final int reqId)
    {
        return SimWire.frame(IncomingMessageIds.CONTRACT_DATA_END, 1, reqId);
    }

    static byte[] execution(final int reqId, final SimBroker.Execution e, final SimConfig.Instrument i)
    {
        final SimOrder o = e.order();
        final List<Object> f = new ArrayList<>();
        Collections.addAll(f, IncomingMessageIds.EXECUTION_DATA, reqId, o.orderId);
        f.addAll(contract11(i));
        Collections.addAll(f, e.execId(), e.time(), o.account, i.primaryExchange(), o.buy ? "BOT" : "SLD",
            e.shares(), num(e.price()), o.permId, o.clientId, 0, e.cumQty(), num(e.avgPrice()), o.orderRef,
            "", "", "", 1);                                   // evRule, evMultiplier, modelCode, lastLiquidity
        return SimWire.frame(f.toArray());
    }

    static byte[] executionEnd(final int reqId)
    {
        return SimWire.frame(IncomingMessageIds.EXECUTION_DATA_END, 1, reqId);
    }

    static byte[] commission(final String execId, final double commission, final String currency)
    {
        return SimWire.frame(IncomingMessageIds.COMMISSION_REPORT, 1, execId, num(commission), currency,
            UNSET_DOUBLE, UNSET_DOUBLE, "");
    }

    static byte[] position(final String account, final SimConfig.Instrument i, final long position,
        final double avgCost)
    {
        final List<Object> f = new ArrayList<>();
        Collections.addAll(f, IncomingMessageIds.POSITION_DATA, 3, account);
        f.addAll(contract11(i));
        Collections.addAll(f, position, num(avgCost));
        return SimWire.frame(f.toArray());
    }

    static byte[] positionEnd()
    {
        return SimWire.frame(IncomingMessageIds.POSITION_END, 1);
    }

    static byte[] accountSummary(final int reqId, final String account, final String tag, final String value,
        final String currency)
    {
        return SimWire.frame(IncomingMessageIds.ACCOUNT_SUMMARY, 1, reqId, account, tag, value, currency);
    }

    static byte[] accountSummaryEnd(final int reqId)
    {
        return SimWire.frame(IncomingMessageIds.ACCOUNT_SUMMARY_END, 1, reqId);
    }
}
