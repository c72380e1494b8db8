package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.testing.Frames;
import io.meridian.gateway.ib.wire.TwsFrameWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every request the client sends, byte for byte, against frames written by hand from the TWS API message reference
 * (field names beside each value).
 */
class TwsRequestEncoderGoldenTest
{
    static final IbContract AAPL = new IbContract(265598, "AAPL", "STK", "SMART", "NASDAQ", "USD", "", "");
    /** The contract's twelve fields as the reference orders them. */
    static final String[] AAPL_FIELDS = {
        "265598",   // conId
        "AAPL",     // symbol
        "STK",      // secType
        "",         // lastTradeDateOrContractMonth
        "0",        // strike
        "",         // right
        "",         // multiplier
        "SMART",    // exchange
        "NASDAQ",   // primaryExchange
        "USD",      // currency
        "",         // localSymbol
        "",         // tradingClass
    };

    private final TwsFrameWriter writer = new TwsFrameWriter(64 * 1024);
    private final TwsRequestEncoder encoder = new TwsRequestEncoder(writer);

    private String written()
    {
        final byte[] bytes = new byte[writer.pendingBytes()];
        writer.buffer().getBytes(0, bytes);
        writer.clear();
        return Frames.show(bytes);
    }

    private static String expected(final Object... parts)
    {
        final List<String> fields = new ArrayList<>();
        for (final Object part : parts)
        {
            if (part instanceof String[])
            {
                fields.addAll(Arrays.asList((String[])part));
            }
            else
            {
                fields.add((String)part);
            }
        }
        return Frames.show(Frames.frame(fields.toArray(new String[0])));
    }

    @Test
    void shouldEncodeSimpleRequests()
    {
        encoder.startApi(7);
        assertEquals(expected("71", "2", "7", ""), written());                 // id, version, clientId, capabilities
        encoder.reqCurrentTime();
        assertEquals(expected("49", "1"), written());
        encoder.reqIds();
        assertEquals(expected("8", "1", "1"), written());                      // id, version, numIds
        encoder.cancelMktData(3);
        assertEquals(expected("2", "2", "3"), written());                      // id, version, reqId
        encoder.cancelOrder(1001);
        assertEquals(expected("4", "1", "1001"), written());                   // id, version, orderId
        encoder.reqOpenOrders();
        assertEquals(expected("5", "1"), written());
        encoder.reqPositions();
        assertEquals(expected("61", "1"), written());
        encoder.reqGlobalCancel();
        assertEquals(expected("58", "1"), written());
        encoder.reqAccountSummary(9, "NetLiquidation,TotalCashValue,BuyingPower");
        // id, version, reqId, group, tags
        assertEquals(expected("62", "1", "9", "All", "NetLiquidation,TotalCashValue,BuyingPower"), written());
        encoder.reqExecutions(4, 7);
        // id, version, reqId, filter: clientId, acctCode, time, symbol, secType, exchange, side
        assertEquals(expected("7", "3", "4", "7", "", "", "", "", "", ""), written());
        // with a time filter: 1,764,689,400 s = 2025-12-02 15:30:00 UTC (20,424 days after 1970-01-01, 55,800 s
        // into the day; checked with date -u -d @1764689400)
        encoder.reqExecutions(4, 7, 1_764_689_400L);
        assertEquals(expected("7", "3", "4", "7", "", "20251202 15:30:00 UTC", "", "", "", ""), written());
        // a leap day, a year end and the epoch's first second
        encoder.reqExecutions(5, 7, 951_868_799L);      // 2000-02-29 23:59:59 UTC
        assertEquals(expected("7", "3", "5", "7", "", "20000229 23:59:59 UTC", "", "", "", ""), written());
        encoder.reqExecutions(6, 7, 1_798_761_599L);    // 2026-12-31 23:59:59 UTC
        assertEquals(expected("7", "3", "6", "7", "", "20261231 23:59:59 UTC", "", "", "", ""), written());
        encoder.reqExecutions(7, 7, 1L);
        assertEquals(expected("7", "3", "7", "7", "", "19700101 00:00:01 UTC", "", "", "", ""), written());
        encoder.reqExecutions(8, 7, 0L);
        assertEquals(expected("7", "3", "8", "7", "", "", "", "", "", ""), written(), "0: no time filter");
    }

    @Test
    void shouldEncodeContractRequests()
    {
        encoder.reqContractDetails(11, AAPL);
        // id, version 8, reqId, contract, includeExpired, secIdType, secId
        assertEquals(expected("9", "8", "11", AAPL_FIELDS, "0", "", ""), written());
        encoder.reqMktData(12, AAPL);
        // id, version 11, reqId, contract, deltaNeutralContract present, genericTickList, snapshot,
        // regulatorySnapshot, mktDataOptions
        assertEquals(expected("1", "11", "12", AAPL_FIELDS, "0", "", "0", "0", ""), written());
    }

    @Test
    void shouldEncodeALimitOrderForServerVersion151()
    {
        final IbOrder order = new IbOrder()
            .set(1001, true, 100_00000000L, IbOrderType.LMT, 187_25000000L, 0, IbTimeInForce.DAY, false, 42)
            .account("DU123456");
        encoder.placeOrder(151, AAPL, order);
        assertEquals(expected(placeOrderFields("1001", "BUY", "100", "LMT", "187.25", "", "DAY", "DU123456",
            "42", "0", true)), written());
    }

    @Test
    void shouldEncodeAStopLimitOrderForServerVersion148WithoutPriceManagementField()
    {
        final IbOrder order = new IbOrder()
            .set(77, false, 250_50000000L, IbOrderType.STP_LMT, 99_50000000L, 100_00000000L, IbTimeInForce.GTC,
                true, 9_000_000_001L);
        encoder.placeOrder(148, AAPL, order);
        assertEquals(expected(placeOrderFields("77", "SELL", "250.5", "STP LMT", "99.5", "100", "GTC", "",
            "9000000001", "1", false)), written());
    }

    @Test
    void shouldEncodeMarketAndStopOrdersWithUnsetPricesEmpty()
    {
        encoder.placeOrder(151, AAPL, new IbOrder()
            .set(5, true, 1_00000000L, IbOrderType.MKT, 123, 456, IbTimeInForce.IOC, false, 1));
        assertEquals(expected(placeOrderFields("5", "BUY", "1", "MKT", "", "", "IOC", "", "1", "0", true)),
            written());
        encoder.placeOrder(151, AAPL, new IbOrder()
            .set(6, false, 1_00000000L, IbOrderType.STP, 123, 95_00000000L, IbTimeInForce.DAY, false, 2));
        assertEquals(expected(placeOrderFields("6", "SELL", "1", "STP", "", "95", "DAY", "", "2", "0", true)),
            written());
    }

    @Test
    void shouldEncodeEveryOrderTypeWithEveryTimeInForce()
    {
        // orderType, lmtPrice and auxPrice as the reference has them: a price only where the type uses it
        final String[][] types = {
            {"LMT", "187.25", ""},
            {"MKT", "", ""},
            {"STP", "", "190.5"},
            {"STP LMT", "187.25", "190.5"},
        };
        final IbOrderType[] ibTypes = {IbOrderType.LMT, IbOrderType.MKT, IbOrderType.STP, IbOrderType.STP_LMT};
        final IbTimeInForce[] tifs = {IbTimeInForce.DAY, IbTimeInForce.IOC, IbTimeInForce.GTC};
        long orderId = 500;
        for (int t = 0; t < ibTypes.length; t++)
        {
            for (final IbTimeInForce tif : tifs)
            {
                final boolean outsideRth = tif == IbTimeInForce.GTC;
                encoder.placeOrder(151, AAPL, new IbOrder()
                    .set(++orderId, t % 2 == 0, 3_00000000L, ibTypes[t], 187_25000000L, 190_50000000L, tif,
                        outsideRth, 7000 + orderId)
                    .account("DU123456"));
                assertEquals(expected(placeOrderFields(Long.toString(orderId), t % 2 == 0 ? "BUY" : "SELL", "3",
                    types[t][0], types[t][1], types[t][2], tif.name(), "DU123456", Long.toString(7000 + orderId),
                    outsideRth ? "1" : "0", true)), written(), types[t][0] + " " + tif);
            }
        }
    }

    /** PLACE_ORDER for server versions 145 and later (no message version), field by field. */
    private static Object[] placeOrderFields(
        final String orderId, final String action, final String qty, final String type, final String lmt,
        final String aux, final String tif, final String account, final String orderRef, final String outsideRth,
        final boolean priceMgmtField)
    {
        final List<Object> f = new ArrayList<>(List.of("3", orderId, AAPL_FIELDS,
            "", "",                                 // secIdType, secId
            action, qty, type, lmt, aux,            // action, totalQuantity, orderType, lmtPrice, auxPrice
            tif, "",                                // tif, ocaGroup
            account, "", "0", orderRef,             // account, openClose, origin, orderRef
            "1", "0", "0", "0",                     // transmit, parentId, blockOrder, sweepToFill
            "0", "0", outsideRth, "0",              // displaySize, triggerMethod, outsideRth, hidden
            "", "0", "", "",                        // sharesAllocation (deprecated), discretionaryAmt, GAT, GTD
            "", "", "", "", "",                     // faGroup, faMethod, faPercentage, faProfile, modelCode
            "0", "", "-1", "0",                     // shortSaleSlot, designatedLocation, exemptCode, ocaType
            "", "", "0", "",                        // rule80A, settlingFirm, allOrNone, minQty
            "", "0", "0", "",                       // percentOffset, eTradeOnly, firmQuoteOnly, nbboPriceCap
            "0", "", "", "",                        // auctionStrategy, startingPrice, stockRefPrice, delta
            "", "", "0",                            // stockRangeLower, stockRangeUpper, overridePctConstraints
            "", "", "", "",                         // volatility, volatilityType, dnOrderType, dnAuxPrice
            "0", "", "", "",                        // continuousUpdate, referencePriceType, trailStop, trailingPct
            "", "", "", "",                         // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncr, table
            "", "", "",                             // activeStartTime, activeStopTime, hedgeType
            "0", "", "", "0",                       // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
            "0", "", "", "0",                       // deltaNeutralContract present, algoStrategy, algoId, whatIf
            "", "0", "0", "0",                      // orderMiscOptions, solicited, randomizeSize, randomizePrice
            "0",                                    // number of conditions
            "", "", "", "", "",                     // adjustedOrderType, triggerPrice, lmtPriceOffset,
                                                    // adjustedStopPrice, adjustedStopLimitPrice
            "", "0", "",                            // adjustedTrailingAmount, adjustableTrailingUnit, extOperator
            "", "", "",                             // softDollarTier name, value, cashQty
            "", "", "", "",                         // mifid2 decisionMaker, decisionAlgo, executionTrader, -Algo
            "0", "0", "0"));                        // dontUseAutoPriceForHedge, isOmsContainer,
                                                    // discretionaryUpToLimitPrice
        if (priceMgmtField)
        {
            f.add("");                              // usePriceMgmtAlgo (server version 151)
        }
        return f.toArray();
    }
}
