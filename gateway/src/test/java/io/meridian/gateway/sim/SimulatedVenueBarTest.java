package io.meridian.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The venue's next-bar-open fill model: an order sent after a bar is held until the instrument's next bar and then
 * matched against a quote one tick either side of that bar's open; never at a price of the bar it reacted to.
 */
class SimulatedVenueBarTest
{
    private static final long LATENCY = 500;
    private static final int ID = 1;
    private static final long DAY = 86_400_000_000_000L;

    private final VenueScript script = new VenueScript(LATENCY, 64);
    private final SimulatedVenue venue = script.venue;

    @Test
    void shouldFillAMarketableOrderAtTheNextBarsOpenPlusOneTick()
    {
        script.bar(ID, DAY, 10_000, 10_500, 9_900, 10_400, 5_000);
        script.limit(DAY, ID, 11, Side.BUY, 10_401, 100);                 // decided on the close, 10_400
        venue.poll(DAY + LATENCY);
        assertTrue(script.drain().isEmpty(), "held until the next bar: nothing at this bar's prices");
        assertEquals(Long.MAX_VALUE, venue.nextEventTimeNs());

        script.bar(ID, 2 * DAY, 10_300, 10_600, 10_200, 10_550, 4_000);  // opens at 10_300
        assertEquals(2 * DAY, venue.nextEventTimeNs(), "the held order is due at the bar's time");
        venue.poll(2 * DAY);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size(), reports.toString());
        assertEquals(ExecType.ACK, reports.get(0).execType());
        assertEquals(ExecType.FILL, reports.get(1).execType());
        assertEquals(10_301, reports.get(1).lastPrice(), "the next open plus one tick");
        assertEquals(100, reports.get(1).lastQty());
        assertEquals(2 * DAY, reports.get(1).eventTimeNs());
    }

    @Test
    void shouldRestANonMarketableLimitUntilALaterOpenCrossesIt()
    {
        script.bar(ID, DAY, 10_000, 10_500, 9_900, 10_400, 5_000);
        script.limit(DAY, ID, 12, Side.SELL, 10_399, 100);
        script.bar(ID, 2 * DAY, 10_200, 10_450, 10_100, 10_300, 4_000);  // bid 10_199 < 10_399: rests
        venue.poll(2 * DAY);
        List<VenueScript.Report> reports = script.drain();
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(ExecType.ACK, reports.get(0).execType());
        assertEquals(1, venue.workingOrderCount(), "the bar's high 10_450 is not used for fills");

        script.bar(ID, 3 * DAY, 10_600, 10_700, 10_500, 10_650, 3_000);  // bid 10_599 crosses the limit
        venue.poll(3 * DAY);
        reports = script.drain();
        assertEquals(1, reports.size(), reports.toString());
        assertEquals(ExecType.FILL, reports.get(0).execType());
        assertEquals(10_399, reports.get(0).lastPrice(), "a resting limit fills at its own price");
        assertEquals(3 * DAY, reports.get(0).eventTimeNs());
    }

    @Test
    void shouldReleaseHeldCommandsInArrivalOrderAndOnlyForTheirInstrument()
    {
        script.bar(ID, DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        script.bar(2, DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        script.limit(DAY, ID, 21, Side.BUY, 10_001, 10);
        script.limit(DAY, 2, 22, Side.BUY, 5_001, 10);
        script.cancel(DAY + 1, ID, 23, 21);
        venue.poll(DAY + 2 * LATENCY);
        assertTrue(script.drain().isEmpty());

        script.bar(2, 2 * DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        venue.poll(2 * DAY);
        List<VenueScript.Report> reports = script.drain();
        assertEquals(List.of(22L, 22L), reports.stream().map(VenueScript.Report::clOrdId).toList());
        assertEquals(5_001, reports.get(1).lastPrice());

        script.bar(ID, 2 * DAY + 1, 10_100, 10_100, 10_100, 10_100, 1_000);  // ask 10_101 > 10_001: rests
        venue.poll(2 * DAY + 1);
        reports = script.drain();
        assertEquals(ExecType.ACK, reports.get(0).execType());
        assertEquals(ExecType.CANCELLED, reports.get(1).execType(), "the cancel follows its order");
        assertEquals(21, reports.get(1).clOrdId());
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldLeaveBarModeOnAQuote()
    {
        script.bar(ID, DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        script.quote(ID, DAY + 1, 9_999, 100, 10_001, 100);
        script.limit(DAY + 2, ID, 31, Side.BUY, 10_001, 10);
        venue.poll(DAY + 2 + LATENCY);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size());
        assertEquals(10_001, reports.get(1).lastPrice());
    }
}
