package io.meridian.engine.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The microstructure features have no independent library here, so each is checked on a short sequence worked by
 * hand from its published formula (the arithmetic is in the comments).
 */
class MicrostructureTest
{
    private static final double EPS = 1e-12;

    @Test
    void shouldComputeQuotedSpreadMicropriceAndImbalance()
    {
        final TickIndicator spread = IndicatorCatalogue.tick("quoted_spread");
        final TickIndicator micro = IndicatorCatalogue.tick("microprice");
        final TickIndicator imbalance = IndicatorCatalogue.tick("l1_imbalance");
        spread.onQuote(99.0, 300, 101.0, 100);
        micro.onQuote(99.0, 300, 101.0, 100);
        imbalance.onQuote(99.0, 300, 101.0, 100);
        assertEquals(0.02, spread.value(), EPS);                  // (101 - 99) / 100
        assertEquals(100.5, micro.value(), EPS);                  // (99 * 100 + 101 * 300) / 400 = 40200 / 400
        assertEquals(0.5, imbalance.value(), EPS);                // (300 - 100) / 400
    }

    @Test
    void shouldComputeEffectiveAndRealizedSpread()
    {
        final TickIndicator effective = IndicatorCatalogue.tick("effective_spread");
        final TickIndicator realized = IndicatorCatalogue.tick("realized_spread_2");
        assertTrue(Double.isNaN(realized.value()));
        for (final TickIndicator t : new TickIndicator[] {effective, realized})
        {
            t.onQuote(99.98, 100, 100.02, 100);                   // mid 100
            t.onTrade(100.02, 10);                                // buy at the ask (above mid: Lee-Ready +1)
        }
        assertEquals(0.0004, effective.value(), EPS);             // 2 * |100.02 - 100| / 100
        realized.onQuote(100.00, 100, 100.04, 100);               // mid 100.02, 1 quote after the trade
        assertTrue(Double.isNaN(realized.value()), "published before its horizon");
        realized.onQuote(100.02, 100, 100.06, 100);               // mid 100.04, 2 quotes after: horizon reached
        assertEquals(2 * 1 * (100.02 - 100.04) / 100, realized.value(), EPS);   // -0.0004: the buyer gained
    }

    @Test
    void shouldComputeOrderFlowImbalanceOfContKukanovStoikov()
    {
        final TickIndicator ofi = IndicatorCatalogue.tick("ofi_2");
        ofi.onQuote(10.00, 100, 10.02, 200);
        ofi.onQuote(10.00, 150, 10.02, 200);   // bid same: +150 - 100; ask same: -200 + 200 -> e = 50
        ofi.onQuote(10.01, 80, 10.02, 120);    // bid up: +80; ask same: -120 + 200 -> e = 160; sum of 2 = 210
        assertEquals(210, ofi.value(), EPS);
        ofi.onQuote(10.00, 70, 10.01, 90);     // bid down: -80; ask down: -90 -> e = -170; window {160, -170}
        assertEquals(-10, ofi.value(), EPS);
    }

    @Test
    void shouldSignTradesByTickRuleAndLeeReady()
    {
        final TickIndicator tick = IndicatorCatalogue.tick("trade_sign_tick");
        final TickIndicator lr = IndicatorCatalogue.tick("trade_sign_lr");
        final TickIndicator signed = IndicatorCatalogue.tick("signed_volume_3");
        final double[][] trades = {{10.00, 5}, {10.01, 7}, {10.01, 2}, {10.00, 4}};
        final double[] tickSigns = {0, 1, 1, -1};               // first unknown, uptick, zero-uptick, downtick
        final double[] lrSigns = {-1, 1, 1, -1};                // vs mid 10.005: below, above, above, below
        for (final TickIndicator t : new TickIndicator[] {tick, lr, signed})
        {
            t.onQuote(10.00, 100, 10.01, 100);
        }
        for (int i = 0; i < trades.length; i++)
        {
            tick.onTrade(trades[i][0], trades[i][1]);
            lr.onTrade(trades[i][0], trades[i][1]);
            signed.onTrade(trades[i][0], trades[i][1]);
            assertEquals(tickSigns[i], tick.value(), "tick rule, trade " + i);
            assertEquals(lrSigns[i], lr.value(), "Lee-Ready, trade " + i);
        }
        assertEquals(7 + 2 - 4, signed.value(), EPS);            // last 3 trades: +7 +2 -4
        lr.onQuote(10.00, 100, 10.02, 100);                       // mid 10.01: a trade at the mid uses the tick rule
        lr.onTrade(10.01, 1);                                     // 10.01 > 10.00 (last trade): uptick
        assertEquals(1, lr.value());
    }

    @Test
    void shouldComputeVpinOverVolumeBuckets()
    {
        final TickIndicator vpin = IndicatorCatalogue.tick("vpin_10_2");
        vpin.onTrade(10.00, 50);               // no sign yet: not counted
        vpin.onTrade(10.01, 6);                // buy 6
        vpin.onTrade(10.00, 8);                // sell 8: 4 fill bucket 1 (buy 6, sell 4: |2|), 4 start bucket 2
        assertTrue(Double.isNaN(vpin.value()), "needs 2 full buckets");
        vpin.onTrade(10.02, 16);               // buy 16: 6 fill bucket 2 (sell 4, buy 6: |2|), 10 fill bucket 3 (|10|)
        assertEquals((2 + 10) / (2 * 10.0), vpin.value(), EPS);  // last 2 buckets: (|2| + |10|) / (2 * 10)
    }

    @Test
    void shouldComputeKyleLambdaAsOlsSlope()
    {
        final TickIndicator kyle = IndicatorCatalogue.tick("kyle_lambda_3");
        // trades at the ask or bid (Lee-Ready signs them), mid moves between trades
        kyle.onQuote(9.99, 1, 10.01, 1);       // mid 10.00
        kyle.onTrade(10.01, 100);              // first trade: no previous mid yet
        kyle.onQuote(10.00, 1, 10.02, 1);      // mid 10.01
        kyle.onTrade(10.02, 100);              // x = +100, y = +0.01
        kyle.onQuote(10.02, 1, 10.04, 1);      // mid 10.03
        kyle.onTrade(10.04, 200);              // x = +200, y = +0.02
        kyle.onQuote(10.01, 1, 10.03, 1);      // mid 10.02
        kyle.onTrade(10.01, 100);              // x = -100, y = -0.01
        // y = 0.0001 x exactly for all three points: slope 1e-4
        assertEquals(1e-4, kyle.value(), 1e-12);
    }

    @Test
    void shouldComputeAmihudIlliquidity()
    {
        final TickIndicator amihud = IndicatorCatalogue.tick("amihud_2");
        amihud.onTrade(100, 10);
        amihud.onTrade(110, 20);               // |ln(1.1)| / (110 * 20)
        amihud.onTrade(99, 5);                 // |ln(0.9)| / (99 * 5)
        final double expected = (Math.log(1.1) / 2200 + Math.abs(Math.log(0.9)) / 495) / 2;
        assertEquals(expected, amihud.value(), 1e-15);
    }

    @Test
    void shouldComputeOrderFlowImbalanceWhenTheAskRisesAndRollTheWindow()
    {
        final TickIndicator ofi = IndicatorCatalogue.tick("ofi_2");
        ofi.onQuote(10.00, 100, 10.02, 200);
        assertTrue(Double.isNaN(ofi.value()), "no update yet");
        ofi.onQuote(10.00, 100, 10.03, 50);    // bid same: +100 - 100 = 0; ask up: + old ask size 200 -> e = 200
        assertTrue(Double.isNaN(ofi.value()), "1 of 2 updates");
        ofi.onQuote(9.99, 40, 10.04, 60);      // bid down: - old bid size 100; ask up: + old ask size 50 -> e = -50
        assertEquals(200 - 50, ofi.value(), EPS);
        ofi.onQuote(10.00, 30, 10.05, 10);     // bid up: + new bid size 30; ask up: + old ask size 60 -> e = 90
        assertEquals(-50 + 90, ofi.value(), EPS);   // window {-50, 90}: the 200 has left
    }

    @Test
    void shouldComputeEffectiveAndRealizedSpreadOfASell()
    {
        final TickIndicator effective = IndicatorCatalogue.tick("effective_spread");
        final TickIndicator realized = IndicatorCatalogue.tick("realized_spread_1");
        for (final TickIndicator t : new TickIndicator[] {effective, realized})
        {
            t.onQuote(99.98, 100, 100.02, 100);                   // mid 100
            t.onTrade(99.98, 10);                                 // sell at the bid (below mid: Lee-Ready -1)
        }
        assertEquals(0.0004, effective.value(), EPS);             // 2 * |99.98 - 100| / 100
        realized.onQuote(99.94, 100, 99.98, 100);                 // mid 99.96 one quote later
        assertEquals(-0.0004, realized.value(), EPS);             // 2 * (-1) * (99.98 - 99.96) / 100: the seller gained
    }

    @Test
    void shouldComputeKyleLambdaOnScatteredPointsAndRollTheWindow()
    {
        final TickIndicator kyle = IndicatorCatalogue.tick("kyle_lambda_3");
        kyle.onQuote(9.99, 1, 10.01, 1);       // mid 10.00
        kyle.onTrade(10.01, 100);              // no previous mid: no point
        kyle.onQuote(10.01, 1, 10.03, 1);      // mid 10.02
        kyle.onTrade(10.01, 50);               // at the bid: x = -50, y = 10.02 - 10.00 = +0.02
        kyle.onQuote(10.00, 1, 10.02, 1);      // mid 10.01
        kyle.onTrade(10.02, 200);              // at the ask: x = +200, y = -0.01
        assertTrue(Double.isNaN(kyle.value()), "2 of 3 points");
        kyle.onQuote(10.03, 1, 10.05, 1);      // mid 10.04
        kyle.onTrade(10.05, 100);              // x = +100, y = +0.03
        // Sx = 250, Sy = 0.04, Sxx = 2500 + 40000 + 10000 = 52500, Sxy = -1 - 2 + 3 = 0
        // slope = (3 * 0 - 250 * 0.04) / (3 * 52500 - 250^2) = -10 / 95000 = -1 / 9500
        // (centred: Sxy - 3 mx my = -3.333..., Sxx - 3 mx^2 = 31666.67, ratio -1.0526e-4, the same)
        assertEquals(-1.0 / 9500, kyle.value(), 1e-13);
        kyle.onQuote(10.02, 1, 10.04, 1);      // mid 10.03
        kyle.onTrade(10.02, 100);              // at the bid: x = -100, y = -0.01; (-50, 0.02) leaves the window
        // Sx = 200, Sy = 0.01, Sxx = 40000 + 10000 + 10000 = 60000, Sxy = -2 + 3 + 1 = 2
        // slope = (3 * 2 - 200 * 0.01) / (3 * 60000 - 200^2) = 4 / 140000 = 1 / 35000
        assertEquals(1.0 / 35000, kyle.value(), 1e-13);
    }

    @Test
    void shouldRollTheAmihudWindowAndWaitForIt()
    {
        final TickIndicator amihud = IndicatorCatalogue.tick("amihud_2");
        amihud.onTrade(100, 10);
        amihud.onTrade(110, 20);               // |ln(110 / 100)| / (110 * 20): 1 of 2 terms
        assertTrue(Double.isNaN(amihud.value()), "1 of 2 terms");
        amihud.onTrade(99, 5);                 // |ln(99 / 110)| / (99 * 5)
        amihud.onTrade(99, 7);                 // |ln(1)| / (99 * 7) = 0; the first term leaves the window
        assertEquals(Math.abs(Math.log(0.9)) / 495 / 2, amihud.value(), 1e-15);   // (0.10536 / 495 + 0) / 2
    }
}
