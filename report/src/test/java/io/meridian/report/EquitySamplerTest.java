package io.meridian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The equity sampling rule of issue 10 §3: one point per configured interval (a simulated minute by default), made
 * finer when the run would have fewer than about {@code minEquityPoints} (250) points; every point holds the state
 * after every event at or before its time.
 */
final class EquitySamplerTest
{
    private static final long S = 1_000_000_000L;
    private static final long MINUTE = 60 * S;
    private static final long T0 = 1_767_623_400L * S;

    @Test
    void shouldSampleALongRunOncePerMinute()
    {
        final EquitySampler s = run(400 * 60);
        assertEquals(MINUTE, s.intervalNs(), "400 minutes give 401 points a minute apart: no need to go finer");
        assertEquals(401, s.count());
        assertEquals(60.0 * 7, s.series(0)[7], 0.0, "point 7 holds the event at 7 minutes");
    }

    @Test
    void shouldKeepOneMinuteJustAboveTwoHundredFiftyPoints()
    {
        final EquitySampler s = run(260 * 60);
        assertEquals(MINUTE, s.intervalNs(), "261 points at a minute");
        assertEquals(261, s.count());
    }

    @Test
    void shouldGoFinerWhenAMinuteGivesFewerThanTwoHundredFiftyPoints()
    {
        final EquitySampler s = run(240 * 60);
        assertEquals(MINUTE / 2, s.intervalNs(), "241 points at a minute are too few; 481 at 30 s");
        assertEquals(481, s.count());
        final EquitySampler halfHour = run(30 * 60);
        assertEquals(MINUTE / 16, halfHour.intervalNs(), "half an hour: 3.75 s, 481 points (7.5 s would give 241)");
        assertEquals(481, halfHour.count());
        for (int k = 0; k < halfHour.count(); k++)
        {
            // events every second with value = seconds since start: the point at k x 3.75 s holds the last whole
            // second at or before it
            assertEquals(Math.floor(k * 3.75), halfHour.series(0)[k], 0.0, "point " + k);
        }
    }

    /** One event a second for {@code seconds} seconds, the series' value being the event's second. */
    private static EquitySampler run(final int seconds)
    {
        final EquitySampler s = new EquitySampler(MINUTE, 250, 1);
        final double[] current = new double[1];
        for (int t = 0; t <= seconds; t++)
        {
            s.advanceTo(T0 + t * S, current);
            current[0] = t;
        }
        s.finish(T0 + seconds * S, current);
        return s;
    }
}
