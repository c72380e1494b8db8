package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.testing.Frames;
import io.meridian.gateway.ib.wire.TwsFrameReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every message the client reads, from frames written by hand in the field order of the TWS API message reference
 * (server versions 148 to 151), and the values the decoder must produce. Prices and quantities are fixed point with
 * 8 decimals.
 */
class TwsMessageDecoderGoldenTest
{
    /** The contract as OPEN_ORDER, EXECUTION_DATA and POSITION_DATA carry it (no primaryExchange). */
    static final String[] AAPL_11 = {
        "265598", "AAPL", "STK", "", "0", "", "", "SMART", "USD", "AAPL", "NMS",
        // conId, symbol, secType, lastTradeDate, strike, right, multiplier, exchange, currency, localSymbol,
        // tradingClass
    };

    private final RecordingTwsListener listener = new RecordingTwsListener();
    private final TwsMessageDecoder decoder = new TwsMessageDecoder(listener);
    private final TwsFrameReader reader = new TwsFrameReader();

    @BeforeEach
    void handshake()
    {
        feed(Frames.frame("151", "20261202 15:30:00 EST"));     // server version, connection time
        assertEquals("serverVersion 151 20261202 15:30:00 EST", listener.last());
    }

    private String feed(final byte[] frame)
    {
        reader.append(new UnsafeBuffer(frame), 0, frame.length);
        reader.poll(decoder, 100);
        return listener.last();
    }

    static String[] fields(final Object... parts)
    {
        final List<String> out = new ArrayList<>();
        for (final Object part : parts)
        {
            if (part instanceof String[])
            {
                out.addAll(Arrays.asList((String[])part));
            }
            else
            {
                out.add((String)part);
            }
        }
        return out.toArray(new String[0]);
    }

    @Test
    void shouldDecodeSessionMessages()
    {
        assertEquals("nextValidId 1001", feed(Frames.frame("9", "1", "1001")));        // id, version, orderId
        assertEquals("managedAccounts DU123456,DU654321", feed(Frames.frame("15", "1", "DU123456,DU654321")));
        assertEquals("currentTime 1764689400", feed(Frames.frame("49", "1", "1764689400")));
        // id, version, id, code, message
        assertEquals("error -1 2104 Market data farm connection is OK:usfarm",
            feed(Frames.frame("4", "2", "-1", "2104", "Market data farm connection is OK:usfarm")));
        assertEquals("error 1001 201 Order rejected - reason:",
            feed(Frames.frame("4", "2", "1001", "201", "Order rejected - reason:")));
    }

    @Test
    void shouldDecodeTicks()
    {
        // id, version, reqId, tickType, price, size, attribute mask
        assertEquals("tickPrice 12 1 18725000000 30000000000 1", feed(Frames.frame("1", "6", "12", "1", "187.25",
            "300", "1")));
        // id, version, reqId, tickType, size
        assertEquals("tickSize 12 0 30000000000", feed(Frames.frame("2", "6", "12", "0", "300")));
        // id, version, reqId, tickType (49 halted), value
        assertEquals("tickGeneric 12 49 100000000", feed(Frames.frame("45", "6", "12", "49", "1")));
        // id, version, reqId, tickType (45 last timestamp), value
        assertEquals("tickString 12 45 1764689400", feed(Frames.frame("46", "6", "12", "45", "1764689400")));
        assertEquals("tickPrice 12 4 -100000000 0 0", feed(Frames.frame("1", "6", "12", "4", "-1", "0", "0")));
    }

    @Test
    void shouldDecodeOrderStatus()
    {
        // id, orderId, status, filled, remaining, avgFillPrice, permId, parentId, lastFillPrice, clientId, whyHeld,
        // mktCapPrice
        assertEquals("orderStatus 1001 SUBMITTED 4000000000 6000000000 18725000000 987654321 0 18725000000 7 0",
            feed(Frames.frame("3", "1001", "Submitted", "40", "60", "187.25", "987654321", "0", "187.25", "7", "",
                "0")));
        assertEquals("orderStatus 1001 FILLED 10000000000 0 18726000000 987654321 0 18727000000 7 0",
            feed(Frames.frame("3", "1001", "Filled", "100", "0", "187.26", "987654321", "0", "187.27", "7", "",
                "0")));
    }

    @Test
    void shouldDecodeOpenOrderAndItsEnd()
    {
        assertEquals("openOrder 1001 265598 AAPL BUY 10000000000 LMT 18725000000 0 DAY DU123456 42 7 987654321 "
            + "false SUBMITTED", feed(Frames.frame(openOrder(true))));
        assertEquals("openOrder 1001 265598 AAPL BUY 10000000000 LMT 18725000000 0 DAY DU123456 42 7 987654321 "
            + "false SUBMITTED", feed(Frames.frame(openOrder(false))));
        assertEquals("openOrderEnd", feed(Frames.frame("53", "1")));
    }

    /** OPEN_ORDER for server versions 145 and later, every field; {@code v151} adds usePriceMgmtAlgo. */
    static String[] openOrder(final boolean v151)
    {
        final String[] f = fields("5", "1001", AAPL_11,                     // id, orderId, contract
            "BUY", "100", "LMT", "187.25", "1.7976931348623157E308",         // action, qty, type, lmt, aux (unset)
            "DAY", "", "DU123456", "", "0", "42",                            // tif, ocaGroup, account, openClose,
                                                                             // origin, orderRef
            "7", "987654321", "0", "0", "0", "",                             // clientId, permId, outsideRth,
                                                                             // hidden, discretionaryAmt, GAT
            "", "", "", "", "", "", "",                                      // sharesAllocation, faGroup, faMethod,
                                                                             // faPercentage, faProfile, modelCode,
                                                                             // goodTillDate
            "", "", "", "0", "", "-1",                                       // rule80A, percentOffset, settling
                                                                             // firm, shortSaleSlot, desigLoc, exempt
            "0", "", "", "", "", "",                                         // auctionStrategy, startingPrice,
                                                                             // stockRefPrice, delta, rangeLo, rangeHi
            "0", "0", "0", "0", "", "0",                                     // displaySize, block, sweep, allOrNone,
                                                                             // minQty, ocaType
            "0", "0", "", "0", "0",                                          // eTradeOnly, firmQuote, nbboCap,
                                                                             // parentId, triggerMethod
            "", "", "", "",                                                  // volatility, volType, dnOrderType,
                                                                             // dnAuxPrice
            "0", "", "", "", "", "", "",                                     // continuousUpdate, refPriceType,
                                                                             // trailStop, trailingPct, basisPoints,
                                                                             // basisPointsType, comboLegsDescrip
            "0", "0", "0",                                                   // combo legs, order combo legs, smart
                                                                             // combo routing params
            "", "", "",                                                      // scaleInit, scaleSubs, scalePriceIncr
            "",                                                              // hedgeType
            "0", "", "", "0",                                                // optOutSmart, clrAcct, clrIntent,
                                                                             // notHeld
            "0", "",                                                         // dnContract present, algoStrategy
            "0", "0", "Submitted",                                           // solicited, whatIf, status
            "", "", "", "", "", "",                                          // margins before and change
            "", "", "", "", "", "", "", "",                                  // margins after, commission, min, max,
                                                                             // commissionCurrency, warningText
            "0", "0",                                                        // randomizeSize, randomizePrice
            "0",                                                             // conditions
            "", "", "", "", "", "", "", "0",                                 // adjustedOrderType, triggerPrice,
                                                                             // trailStop, lmtPriceOffset, adjStop,
                                                                             // adjStopLimit, adjTrailAmt, adjUnit
            "", "", "", "",                                                  // softDollar name, val, display, cashQty
            "0", "0", "0");                                                  // dontUseAuto, isOmsContainer,
                                                                             // discretionaryUpToLimitPrice
        return v151 ? fields(f, "") : f;                                     // usePriceMgmtAlgo
    }

    @Test
    void shouldDecodeExecutionsAndCommissions()
    {
        assertEquals("execution 4 1001 265598 0000e0d5.67a3c1b2.01.01 20261202 15:31:02 DU123456 BOT 4000000000 "
            + "18725000000 987654321 7 4000000000 18725000000 42", feed(Frames.frame(fields("11", "4", "1001",
                AAPL_11,                                                // id, reqId, orderId, contract
                "0000e0d5.67a3c1b2.01.01", "20261202 15:31:02",         // execId, time
                "DU123456", "ISLAND", "BOT", "40", "187.25",            // acctNumber, exchange, side, shares, price
                "987654321", "7", "0", "40", "187.25", "42",            // permId, clientId, liquidation, cumQty,
                                                                        // avgPrice, orderRef
                "", "", "", "2"))));                                    // evRule, evMultiplier, modelCode,
                                                                        // lastLiquidity
        assertEquals("executionEnd 4", feed(Frames.frame("55", "1", "4")));
        // id, version, execId, commission, currency, realizedPNL, yield, yieldRedemptionDate
        assertEquals("commission 0000e0d5.67a3c1b2.01.01 35000000 USD 9223372036854775807",
            feed(Frames.frame("59", "1", "0000e0d5.67a3c1b2.01.01", "0.35", "USD", "1.7976931348623157E308", "",
                "")));
    }

    @Test
    void shouldDecodePositionsContractDetailsAndAccountSummary()
    {
        // id, version, account, contract, position, avgCost
        assertEquals("position DU123456 265598 AAPL -15000000000 18710000000",
            feed(Frames.frame(fields("61", "3", "DU123456", AAPL_11, "-150", "187.1"))));
        assertEquals("positionEnd", feed(Frames.frame("62", "1")));
        assertEquals("contractDetails 11 265598 AAPL STK SMART USD 1000000 1 NASDAQ",
            feed(Frames.frame(contractDetails("1"))));
        assertEquals("contractDetailsEnd 11", feed(Frames.frame("52", "1", "11")));
        // id, version, reqId, account, tag, value, currency
        assertEquals("accountSummary 9 DU123456 NetLiquidation 100000012500000 true USD",
            feed(Frames.frame("63", "1", "9", "DU123456", "NetLiquidation", "1000000.125", "USD")));
        assertEquals("accountSummary 9 DU123456 AccountType 0 false ",
            feed(Frames.frame("63", "1", "9", "DU123456", "AccountType", "INDIVIDUAL", "")));
        assertEquals("accountSummaryEnd 9", feed(Frames.frame("64", "1", "9")));
    }

    /** CONTRACT_DATA, version 8, with one security id. */
    static String[] contractDetails(final String multiplier)
    {
        return new String[] {
            "10", "8", "11",                        // id, version, reqId
            "AAPL", "STK", "", "0", "",             // symbol, secType, lastTradeDate (+time), strike, right
            "SMART", "USD", "AAPL", "NMS", "NMS",   // exchange, currency, localSymbol, marketName, tradingClass
            "265598", "0.01", "100", multiplier,    // conId, minTick, mdSizeMultiplier, multiplier
            "ACTIVETIM,LMT,MKT,STP,STPLMT",         // orderTypes
            "SMART,ISLAND,NYSE", "1", "0",          // validExchanges, priceMagnifier, underConId
            "APPLE INC", "NASDAQ", "",              // longName, primaryExchange, contractMonth
            "Technology", "Computers", "Computers", // industry, category, subcategory
            "US/Eastern",                           // timeZoneId
            "20261202:0400-20261202:2000", "20261202:0930-20261202:1600", // tradingHours, liquidHours
            "", "",                                 // evRule, evMultiplier
            "1", "ISIN", "US0378331005",            // number of security ids, tag, value
            "1", "", "", "26,26", "",               // aggGroup, underSymbol, underSecType, marketRuleIds,
                                                    // realExpirationDate
        };
    }
}
