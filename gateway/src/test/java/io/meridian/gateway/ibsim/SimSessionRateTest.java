package io.meridian.gateway.ibsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The simulator's count of messages within the last second (a sliding window over arrival times), which both IB's
 * pacing limit (fault {@code pacing}) and the most-messages-in-one-second figure read. Times are passed in, so the
 * cases are exact.
 */
class SimSessionRateTest
{
    private static final long MS = 1_000_000L;

    @Test
    void countsTheMessagesOfTheLastSecondIncludingThisOne()
    {
        final SimSession s = new SimSession(null);
        assertEquals(1, s.received(0));
        assertEquals(2, s.received(500 * MS));
        assertEquals(3, s.received(999 * MS));
        // the first message is exactly one second old: outside the window
        assertEquals(3, s.received(1_000 * MS));
        assertEquals(3, s.received(1_600 * MS), "999, 1,000 and 1,600 ms");
        assertEquals(2, s.received(2_000 * MS), "1,600 and 2,000 ms; 1,000 ms is exactly a second old");
    }

    @Test
    void fortyFiveMessagesPacedEvenlyNeverPutFortySixInOneSecond()
    {
        final SimSession s = new SimSession(null);
        final long spacing = (1_000 * MS + 44) / 45;     // the client's token spacing at 45/s, rounded up
        int most = 0;
        for (int i = 0; i < 500; i++)
        {
            most = Math.max(most, s.received(i * spacing));
        }
        assertEquals(45, most);
    }

    @Test
    void aBurstIsCountedUpToTheRingsSixtyFour()
    {
        final SimSession s = new SimSession(null);
        int last = 0;
        for (int i = 0; i < 100; i++)
        {
            last = s.received(i * MS);
        }
        assertEquals(64, last);
    }
}
