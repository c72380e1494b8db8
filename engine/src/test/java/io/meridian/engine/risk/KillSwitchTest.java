package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;
import org.junit.jupiter.api.Test;

class KillSwitchTest
{
    private static final long LIMIT = 1_000;
    private static final long STALE = 5_000_000_000L;
    private static final long T = 100_000_000_000L;

    private final KillSwitch kill = new KillSwitch(LIMIT, STALE);

    private void assertState(final byte state, final byte previous, final RejectReason reason)
    {
        assertEquals(TradingState.name(state), TradingState.name(kill.state()), "state");
        assertEquals(TradingState.name(previous), TradingState.name(kill.previousState()), "previous state");
        assertEquals(reason, kill.lastReason(), "reason");
    }

    @Test
    void shouldStartActive()
    {
        assertState(TradingState.ACTIVE, TradingState.ACTIVE, RejectReason.NONE);
        assertFalse(kill.staleTripped());
    }

    @Test
    void shouldHaltAndResumeOnOperatorCommands()
    {
        assertTrue(kill.halt());
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_HALT);
        assertFalse(kill.halt(), "a second halt is not a transition");
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_HALT);

        assertTrue(kill.resume());
        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
        assertFalse(kill.resume(), "a second resume is not a transition");
        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
    }

    @Test
    void shouldHaltWhenTheLossReachesTheLimit()
    {
        assertFalse(kill.onPnl(500));
        assertFalse(kill.onPnl(-LIMIT + 1));
        assertState(TradingState.ACTIVE, TradingState.ACTIVE, RejectReason.NONE);

        assertTrue(kill.onPnl(-LIMIT));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS);
    }

    @Test
    void shouldLatchTheLossHaltUntilResume()
    {
        assertTrue(kill.onPnl(-2_000));

        assertFalse(kill.onPnl(-3_000), "no duplicate transition while latched");
        assertFalse(kill.onPnl(0), "recovering P&L does not resume");
        assertFalse(kill.onPnl(5_000));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS);
        assertFalse(kill.onMarketDataAge(T, T), "fresh data does not resume either");
        assertEquals(TradingState.HALTED, kill.state());

        assertTrue(kill.resume());
        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
    }

    @Test
    void shouldReFireTheLossHaltAfterResumeWhenStillLosing()
    {
        assertTrue(kill.onPnl(-1_500));
        assertTrue(kill.resume());

        assertTrue(kill.onPnl(-1_500));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS);
        assertFalse(kill.onPnl(-1_500));
    }

    @Test
    void shouldStayActiveAfterResumeWhenTheLossIsGone()
    {
        assertTrue(kill.onPnl(-1_500));
        assertTrue(kill.resume());

        assertFalse(kill.onPnl(-999));
        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
    }

    @Test
    void shouldLatchALossThatHappensWhileOperatorHalted()
    {
        assertTrue(kill.halt());

        assertFalse(kill.onPnl(-5_000), "already halted: no transition");
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_HALT);

        assertTrue(kill.resume());
        assertTrue(kill.onPnl(-5_000), "resume clears the latch, so the loss fires again");
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS);
    }

    @Test
    void shouldReduceOnStaleDataAndRecoverWhenFresh()
    {
        assertFalse(kill.onMarketDataAge(T - STALE, T), "exactly at the limit is fresh");
        assertEquals(TradingState.ACTIVE, kill.state());

        assertTrue(kill.onMarketDataAge(T - STALE - 1, T));
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_STALE_MARKET_DATA);
        assertTrue(kill.staleTripped());
        assertFalse(kill.onMarketDataAge(T - STALE - 1, T + 1), "no duplicate transition while stale");
        assertFalse(kill.onMarketDataAge(T - 2 * STALE, T + 2));

        assertTrue(kill.onMarketDataAge(T + 3, T + 3));
        assertState(TradingState.ACTIVE, TradingState.REDUCING, RejectReason.KILL_MARKET_DATA_RECOVERED);
        assertFalse(kill.staleTripped());
        assertFalse(kill.onMarketDataAge(T + 3, T + 4), "no duplicate recovery");
    }

    @Test
    void shouldTripStaleAgainAfterRecovery()
    {
        assertTrue(kill.onMarketDataAge(0, T));
        assertTrue(kill.onMarketDataAge(T, T));

        assertTrue(kill.onMarketDataAge(T, T + STALE + 1));
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_STALE_MARKET_DATA);
    }

    @Test
    void shouldNotLeaveAnOperatorHaltWhenDataTurnsFresh()
    {
        assertTrue(kill.onMarketDataAge(0, T));
        assertTrue(kill.halt());
        assertState(TradingState.HALTED, TradingState.REDUCING, RejectReason.KILL_OPERATOR_HALT);

        assertFalse(kill.onMarketDataAge(T, T));
        assertState(TradingState.HALTED, TradingState.REDUCING, RejectReason.KILL_OPERATOR_HALT);
        assertFalse(kill.staleTripped(), "the stale trigger is cleared");
        assertFalse(kill.onMarketDataAge(T, T + 1));
        assertEquals(TradingState.HALTED, kill.state());
    }

    @Test
    void shouldNotLeaveALossHaltWhenDataTurnsFresh()
    {
        assertTrue(kill.onMarketDataAge(0, T));
        assertTrue(kill.onPnl(-LIMIT));
        assertState(TradingState.HALTED, TradingState.REDUCING, RejectReason.KILL_DAILY_LOSS);

        assertFalse(kill.onMarketDataAge(T, T));
        assertState(TradingState.HALTED, TradingState.REDUCING, RejectReason.KILL_DAILY_LOSS);
    }

    @Test
    void shouldNotTripStaleWhileHalted()
    {
        assertTrue(kill.halt());

        assertFalse(kill.onMarketDataAge(0, T));
        assertFalse(kill.staleTripped());
        assertEquals(TradingState.HALTED, kill.state());

        // after resume, still-stale data trips on the next check
        assertTrue(kill.resume());
        assertTrue(kill.onMarketDataAge(0, T + 1));
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_STALE_MARKET_DATA);
    }

    @Test
    void shouldResumeFromReducingAndTripAgainIfStillStale()
    {
        assertTrue(kill.onMarketDataAge(0, T));

        assertTrue(kill.resume());
        assertState(TradingState.ACTIVE, TradingState.REDUCING, RejectReason.KILL_OPERATOR_RESUME);
        assertFalse(kill.staleTripped());

        assertTrue(kill.onMarketDataAge(0, T + 1));
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_STALE_MARKET_DATA);
    }

    @Test
    void shouldHaltFromReducingOnOperatorHaltAndResumeToActive()
    {
        assertTrue(kill.onMarketDataAge(0, T));
        assertTrue(kill.halt());
        assertTrue(kill.resume());

        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
        assertFalse(kill.onMarketDataAge(T, T), "fresh data after resume is not a transition");
    }
}
