package io.meridian.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bar fill models ({@code venue.barFill}, {@code venue.barSlippageBps}): an order decided on a bar fills against
 * the next bar's open, close or typical price, one tick plus the slippage away; every price below is worked out by
 * hand from the bars' fields.
 */
class SimulatedVenueBarFillTest
{
    private static final long LATENCY = 500;
    private static final int ID = 1;
    private static final long DAY = 86_400_000_000_000L;

    /** The fill of a marketable order sent after one bar, at the next bar (open 10_300, high 10_610, low 10_200,
     *  close 10_550). */
    private static VenueScript.Report fill(final int model, final double slippageBps, final byte side)
    {
        final VenueScript script = new VenueScript(new SimulatedVenue.Params(LATENCY, 7, 64, model, slippageBps));
        script.bar(ID, DAY, 10_000, 10_500, 9_900, 10_400, 5_000);
        script.limit(DAY, ID, 11, side, side == Side.BUY ? 20_000 : 1, 100);
        script.venue.poll(DAY + LATENCY);
        assertTrue(script.drain().isEmpty(), "held until the next bar");
        script.bar(ID, 2 * DAY, 10_300, 10_610, 10_200, 10_550, 4_000);
        script.venue.poll(2 * DAY);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size(), reports.toString());
        assertEquals(ExecType.FILL, reports.get(1).execType());
        assertEquals(2 * DAY, reports.get(1).eventTimeNs());
        return reports.get(1);
    }

    @Test
    void shouldFillAtTheNextBarsOpenByDefault()
    {
        assertEquals(10_301, fill(SimulatedVenue.BAR_FILL_OPEN, 0.0, Side.BUY).lastPrice());
        assertEquals(10_299, fill(SimulatedVenue.BAR_FILL_OPEN, 0.0, Side.SELL).lastPrice());
        final VenueScript defaults = new VenueScript(LATENCY, 64);
        assertEquals(SimulatedVenue.BAR_FILL_OPEN, new SimulatedVenue.Params(LATENCY, 7, 64).barFill());
        assertEquals(0, defaults.venue.workingOrderCount());
    }

    @Test
    void shouldFillAtTheNextBarsCloseOrTypicalPrice()
    {
        assertEquals(10_551, fill(SimulatedVenue.BAR_FILL_CLOSE, 0.0, Side.BUY).lastPrice());
        assertEquals(10_549, fill(SimulatedVenue.BAR_FILL_CLOSE, 0.0, Side.SELL).lastPrice());
        // typical = (10_610 + 10_200 + 10_550) / 3 = 31_360 / 3 = 10_453.33, the nearest tick 10_453
        assertEquals(10_454, fill(SimulatedVenue.BAR_FILL_TYPICAL, 0.0, Side.BUY).lastPrice());
        assertEquals(10_452, fill(SimulatedVenue.BAR_FILL_TYPICAL, 0.0, Side.SELL).lastPrice());
    }

    @Test
    void shouldRoundATypicalPriceOfTwoThirdsUp()
    {
        final VenueScript script = new VenueScript(new SimulatedVenue.Params(LATENCY, 7, 64,
            SimulatedVenue.BAR_FILL_TYPICAL, 0.0));
        script.bar(ID, DAY, 10_000, 10_000, 10_000, 10_000, 5_000);
        script.limit(DAY, ID, 11, Side.BUY, 20_000, 10);
        script.bar(ID, 2 * DAY, 10_000, 10_001, 10_000, 10_001, 5_000);   // 30_002 / 3 = 10_000.67 -> 10_001
        script.venue.poll(2 * DAY);
        assertEquals(10_002, script.drain().get(1).lastPrice());
    }

    @Test
    void shouldAddSlippageInBasisPointsRoundedUpToATick()
    {
        // open 10_300: 25 bps = 25.75 ticks, rounded up to 26, beyond the one-tick half spread
        assertEquals(10_300 + 1 + 26, fill(SimulatedVenue.BAR_FILL_OPEN, 25.0, Side.BUY).lastPrice());
        assertEquals(10_300 - 1 - 26, fill(SimulatedVenue.BAR_FILL_OPEN, 25.0, Side.SELL).lastPrice());
        // close 10_550: 10 bps = 10.55 ticks -> 11
        assertEquals(10_550 + 1 + 11, fill(SimulatedVenue.BAR_FILL_CLOSE, 10.0, Side.BUY).lastPrice());
    }

    @Test
    void shouldRejectBadBarParameters()
    {
        final IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
            () -> new SimulatedVenue.Params(0, 7, 64, 3, 0.0));
        assertTrue(model.getMessage().contains("barFill=3"), model.getMessage());
        final IllegalArgumentException slip = assertThrows(IllegalArgumentException.class,
            () -> new SimulatedVenue.Params(0, 7, 64, SimulatedVenue.BAR_FILL_OPEN, Double.NaN));
        assertTrue(slip.getMessage().contains("barSlippageBps=NaN"), slip.getMessage());
    }
}
