package io.meridian.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mass cancel on bars acts on arrival, not at the next bar: it cancels the working orders of its scope and
 * withdraws the commands held for the next bar (a held NEW is reported CANCELLED and never trades; a held CANCEL is
 * dropped), so nothing it covers fills at the next open.
 */
class BarMassCancelTest
{
    private static final long LATENCY = 500;
    private static final long DAY = 86_400_000_000_000L;

    private final VenueScript script = new VenueScript(LATENCY, 64);
    private final SimulatedVenue venue = script.venue;

    @Test
    void shouldCancelHeldOrdersOfItsInstrumentAndLeaveOthers()
    {
        script.bar(1, DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        script.bar(2, DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        // a resting sell on instrument 1 from the first bar, then, after the second, two held NEWs and a held CANCEL
        script.limit(DAY, 1, 10, Side.SELL, 10_500, 10);
        script.bar(1, 2 * DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        venue.poll(2 * DAY);
        assertEquals(List.of(ExecType.ACK), script.drain().stream().map(VenueScript.Report::execType).toList());
        script.limit(2 * DAY, 1, 11, Side.BUY, 10_001, 10);
        script.limit(2 * DAY, 2, 12, Side.BUY, 5_001, 10);
        script.cancel(2 * DAY + 1, 1, 13, 10);
        script.massCancel(2 * DAY + 2, 1, 14);
        venue.poll(2 * DAY + 2 + LATENCY);

        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size(), "the mass cancel is not held for the next bar: " + reports);
        assertEquals(10, reports.get(0).clOrdId(), "the working order first");
        assertEquals(ExecType.CANCELLED, reports.get(0).execType());
        assertEquals(11, reports.get(1).clOrdId(), "then the held NEW of its instrument");
        assertEquals(ExecType.CANCELLED, reports.get(1).execType());
        assertEquals(0, reports.get(1).venueOrderId(), "never acknowledged");
        assertEquals(0, reports.get(1).leavesQty());
        assertEquals(0, reports.get(1).cumQty());
        assertEquals(2 * DAY + 2 + LATENCY, reports.get(1).eventTimeNs());

        script.bar(1, 3 * DAY, 9_000, 9_000, 9_000, 9_000, 1_000);          // would have filled order 11
        script.bar(2, 3 * DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        venue.poll(3 * DAY);
        final List<VenueScript.Report> next = script.drain();
        assertEquals(List.of(12L, 12L), next.stream().map(VenueScript.Report::clOrdId).toList(),
            "only instrument 2's held order trades at the next open: " + next);
        assertEquals(ExecType.FILL, next.get(1).execType());
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldCancelHeldOrdersOfEveryInstrumentForInstrumentZero()
    {
        script.bar(1, DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        script.bar(2, DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        script.limit(DAY, 1, 21, Side.BUY, 10_001, 10);
        script.limit(DAY, 2, 22, Side.SELL, 4_999, 10);
        script.massCancel(DAY + 1, 0, 23);
        venue.poll(DAY + 1 + LATENCY);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(List.of(21L, 22L), reports.stream().map(VenueScript.Report::clOrdId).toList());
        assertTrue(reports.stream().allMatch(r -> r.execType() == ExecType.CANCELLED), reports.toString());
        script.bar(1, 2 * DAY, 10_000, 10_000, 10_000, 10_000, 1_000);
        script.bar(2, 2 * DAY, 5_000, 5_000, 5_000, 5_000, 1_000);
        venue.poll(2 * DAY);
        assertTrue(script.drain().isEmpty(), "nothing left to trade at the next bar");
    }
}
