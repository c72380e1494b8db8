package io.meridian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-order transaction-cost analysis worked out by hand: a partly filled and cancelled buy, a sell filled in two
 * pieces with no signal before it, a rejected buy; that a finished order waits for its markouts before it is handed
 * on; the worst-orders heap; and the CSV written, read back with FastCSV and compared field by field.
 */
final class OrderTcaTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_767_623_400L * S;
    private static final String[] SYMBOLS = {"AAA", "BBB"};
    private static final long[] HORIZONS_NS = {S, 5 * S};

    @TempDir
    Path tmp;

    private final List<OrderTca> rows = new ArrayList<>();
    private final double[] mids = new double[2];

    @Test
    void shouldSplitThePartlyFilledCancelledBuyByHand()
    {
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        buyPartlyFilledThenCancelled(book);
        assertTrue(rows.isEmpty(), "cancelled at 3 s, but its 5 s markout is due at 7 s");
        book.advanceTo(T0 + 6 * S, mids);
        assertTrue(rows.isEmpty(), "still due at 7 s");
        book.advanceTo(T0 + 8 * S, mids);
        assertEquals(1, rows.size());
        final OrderTca o = rows.get(0);
        assertEquals(7L, o.orderId());
        assertEquals("AAA", o.instrument());
        assertEquals("BUY", o.side());
        assertEquals("LIMIT", o.orderType());
        assertEquals("cancelled", o.status());
        assertEquals(T0, o.decisionNs(), "the signal's time");
        assertEquals(50.00, o.decisionPrice(), 0.0);
        assertEquals(T0 + S, o.arrivalNs());
        assertEquals(50.05, o.arrivalPrice(), 0.0);
        assertEquals(50.10, o.avgFillPrice(), 1e-12);
        assertEquals(0.6, o.fillRate(), 1e-15, "60 of 100");
        assertEquals(1.0, o.timeToFillS(), 0.0, "sent at 1 s, filled at 2 s");
        assertEquals(50.20, o.endPrice(), 0.0);
        // decision value 50.00 x 100 = 5,000: delay 0.05 x 60 = 3.00, execution 0.05 x 60 = 3.00,
        // opportunity 0.20 x 40 = 8.00, fees 0.60
        assertEquals(6.0, o.delayBps(), 1e-9);
        assertEquals(6.0, o.executionBps(), 1e-9);
        assertEquals(16.0, o.opportunityBps(), 1e-9);
        assertEquals(1.2, o.feesBps(), 1e-9);
        assertEquals(29.2, o.shortfallBps(), 1e-9);
        // the last mid at or before 3 s is 50.20 and at or before 7 s is 50.30
        assertEquals(0.10 / 50.10 * 1e4, o.markoutBps()[0], 1e-9);
        assertEquals(0.20 / 50.10 * 1e4, o.markoutBps()[1], 1e-9);
    }

    @Test
    void shouldTakeTheArrivalAsTheDecisionWithoutASignalAndCountMarkoutsCutByTheEnd()
    {
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        sellInTwoFills(book, false);
        book.finish(mids);
        assertEquals(1, rows.size());
        final OrderTca o = rows.get(0);
        assertEquals("filled", o.status());
        assertEquals(o.arrivalNs(), o.decisionNs());
        assertEquals(100.0, o.decisionPrice(), 0.0);
        assertEquals(99.85, o.avgFillPrice(), 1e-12);
        assertEquals(2.0, o.timeToFillS(), 0.0);
        assertEquals(0.0, o.delayBps(), 0.0);
        // a sell 0.15 under the arrival mid on 200 shares: 30.00 on a decision value of 20,000
        assertEquals(15.0, o.executionBps(), 1e-9);
        assertEquals(0.0, o.opportunityBps(), 0.0);
        assertEquals(15.0, o.shortfallBps(), 1e-9);
        // 1 s: fill 1 (99.90) against 99.70 at 2 s, fill 2 (99.80) against 99.70 at 3 s: both moved our way
        assertEquals((0.20 / 99.90 * 1e4 + 0.10 / 99.80 * 1e4) / 2, o.markoutBps()[0], 1e-9);
        assertTrue(Double.isNaN(o.markoutBps()[1]), "the journal ends before 5 s after either fill");
        assertEquals(2, book.unresolvedMarkouts());
    }

    @Test
    void shouldChargeTheWholeOrderAsOpportunityWhenRejected()
    {
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        mids[0] = 20.00;
        book.onSignal(0, 10, 20.00, T0);
        book.onNewOrder(9, 0, Side.BUY, OrderType.MARKET, 10, T0, 20.00);
        mids[0] = 20.10;
        book.onDone(9, 20.10, "rejected");
        assertEquals(1, rows.size(), "no fill, no markout to wait for");
        final OrderTca o = rows.get(0);
        assertEquals("rejected", o.status());
        assertEquals("MARKET", o.orderType());
        assertEquals(0.0, o.fillRate(), 0.0);
        assertTrue(Double.isNaN(o.avgFillPrice()));
        assertTrue(Double.isNaN(o.timeToFillS()));
        assertEquals(50.0, o.opportunityBps(), 1e-9, "0.10 x 10 on 200");
        assertEquals(50.0, o.shortfallBps(), 1e-9);
    }

    @Test
    void shouldAgreeWithTheAggregateOfASingleOrder()
    {
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        buyPartlyFilledThenCancelled(book);
        book.finish(mids);
        final Map<String, Object> aggregate = book.rows(new String[]{"1s", "5s"}).get("AAA/BUY/LIMIT");
        final OrderTca o = rows.get(0);
        assertEquals(o.shortfallBps(), (Double)aggregate.get("implementation_shortfall_bps"), 1e-9);
        assertEquals(o.opportunityBps(), (Double)aggregate.get("opportunity_bps"), 1e-9);
        assertEquals(o.fillRate(), (Double)aggregate.get("fill_rate"), 1e-15);
    }

    @Test
    void shouldRollTheAggregatesUpByInstrumentSideAndType()
    {
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        buyPartlyFilledThenCancelled(book);
        sellInTwoFills(book, true);
        book.finish(mids);
        final Map<String, Map<String, Object>> aggregates = book.rows(new String[]{"1s", "5s"});
        assertEquals(List.of("AAA/BUY/LIMIT", "AAA/SELL/LIMIT", "*/*/LIMIT", "*/BUY/*", "*/SELL/*", "AAA/*/*",
            "total"), List.copyOf(aggregates.keySet()));
        assertEquals(2L, aggregates.get("AAA/*/*").get("orders"));
        assertEquals(1L, aggregates.get("*/SELL/*").get("orders"));
        // value-weighted: (29.2 bps x 5,000 + 15 bps x 20,000) / 25,000 = 17.84 bps
        assertEquals(17.84, (Double)aggregates.get("*/*/LIMIT").get("implementation_shortfall_bps"), 1e-9);
        assertEquals(aggregates.get("total"), aggregates.get("AAA/*/*"), "one instrument: its roll-up is the total");
    }

    @Test
    void shouldKeepTheWorstOrdersAndWriteEveryOrderToCsvAndReadItBack() throws IOException
    {
        final Path file = tmp.resolve("tca/orders.csv");
        final TcaOrders orders = new TcaOrders(new String[]{"1s", "5s"}, file);
        final TcaBook book = new TcaBook(SYMBOLS, HORIZONS_NS, rows::add);
        buyPartlyFilledThenCancelled(book);
        book.advanceTo(T0 + 8 * S, mids);
        sellInTwoFills(book, true);
        for (int k = 0; k < 30; k++)
        {
            // 30 unfilled cancelled buys of 1 share decided at 10.00, cancelled with the mid at 10.00 + k cents:
            // opportunity k cents on 10.00 = 10 k bps
            mids[1] = 10.00;
            book.advanceTo(T0 + (20 + k) * S, mids);
            book.onSignal(1, 1000 + k, 10.00, T0 + (20 + k) * S);
            book.onNewOrder(100 + k, 1, Side.BUY, OrderType.LIMIT, 1, T0 + (20 + k) * S, 10.00);
            mids[1] = 10.00 + k / 100.0;
            book.onDone(100 + k, mids[1], "cancelled");
        }
        book.finish(mids);
        rows.forEach(orders);
        orders.close();
        assertEquals(32, orders.count());
        final List<OrderTca> worst = orders.worst();
        assertEquals(TcaOrders.WORST, worst.size());
        assertEquals(129L, worst.get(0).orderId(), "k = 29: 290 bps");
        assertEquals(290.0, worst.get(0).shortfallBps(), 1e-6);
        assertEquals(110L, worst.get(TcaOrders.WORST - 1).orderId(), "k = 10: 100 bps, the 20th worst");
        assertEquals(32, orders.listed().size());
        assertTrue(orders.note().startsWith("all 32 orders"), orders.note());

        final String text = Files.readString(file);
        assertFalse(text.contains("-0.0"), "a sell's zero delay is written 0.0, not -0.0:\n" + text);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file))
        {
            final List<CsvRecord> records = reader.stream().toList();
            assertEquals(33, records.size(), "header and 32 orders");
            assertEquals(List.of(OrderTca.header(new String[]{"1s", "5s"})), records.get(0).getFields());
            assertEquals("markout_5s_bps", records.get(0).getField(21));
            final CsvRecord buy = records.get(1);
            final OrderTca o = rows.get(0);
            assertEquals("7", buy.getField(0));
            assertEquals("AAA", buy.getField(1));
            assertEquals("cancelled", buy.getField(4));
            assertEquals(Instant.ofEpochSecond(0, T0).toString(), buy.getField(5));
            assertEquals(Instant.ofEpochSecond(0, T0 + S).toString(), buy.getField(7));
            assertEquals(o.avgFillPrice(), Double.parseDouble(buy.getField(9)), 0.0, "round trip exact");
            assertEquals(o.shortfallBps(), Double.parseDouble(buy.getField(15)), 0.0);
            assertEquals(o.markoutBps()[1], Double.parseDouble(buy.getField(21)), 0.0);
            final CsvRecord sell = records.get(2);
            assertEquals("SELL", sell.getField(2));
            assertEquals("0.0", sell.getField(16), "delay");
            assertEquals("8", sell.getField(0), "emitted once its 5 s markouts resolved at 20 s");
            assertFalse(sell.getField(21).isEmpty());
            final CsvRecord unfilled = records.get(3);
            assertEquals("100", unfilled.getField(0));
            assertEquals("", unfilled.getField(9), "no fill: no average price");
            assertEquals("0.0", unfilled.getField(12), "fill rate");
            assertEquals("", unfilled.getField(21), "no fill: no markout");
        }
    }

    private void buyPartlyFilledThenCancelled(final TcaBook book)
    {
        mids[0] = 50.00;
        book.advanceTo(T0, mids);
        book.onSignal(0, 100, 50.00, T0);
        book.advanceTo(T0 + S, mids);
        mids[0] = 50.05;
        book.onNewOrder(7, 0, Side.BUY, OrderType.LIMIT, 100, T0 + S, 50.05);
        book.advanceTo(T0 + 2 * S, mids);
        book.onFill(7, 60, 50.10, 0.60, T0 + 2 * S);
        book.advanceTo(T0 + 3 * S, mids);
        mids[0] = 50.20;
        book.onDone(7, 50.20, "cancelled");
        book.advanceTo(T0 + 4 * S, mids);
        mids[0] = 50.30;
    }

    private void sellInTwoFills(final TcaBook book, final boolean signalled)
    {
        final long t = T0 + 10 * S;
        mids[0] = 100.00;
        book.advanceTo(t, mids);
        if (signalled)
        {
            book.onSignal(0, -200, 100.00, t);
        }
        book.onNewOrder(8, 0, Side.SELL, OrderType.LIMIT, 200, t, 100.00);
        book.advanceTo(t + S, mids);
        book.onFill(8, 100, 99.90, 0, t + S);
        book.advanceTo(t + 2 * S, mids);
        mids[0] = 99.70;
        book.onFill(8, 100, 99.80, 0, t + 2 * S);
        book.onDone(8, 99.70, "filled");
        book.advanceTo(t + 3 * S, mids);
        book.advanceTo(t + 4 * S, mids);
    }
}
