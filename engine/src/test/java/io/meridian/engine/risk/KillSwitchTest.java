package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.KillConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import org.junit.jupiter.api.Test;

/**
 * Each trigger of SPEC decision 5 in the kill switch's state machine: just below its limit nothing happens, at (or
 * just over) it the scope changes state with the trigger, value and limit; trips latch until RESUME. The scenario of
 * each trigger through the simulated venue is {@code KillSwitchScenarioTest} (runtime module).
 */
class KillSwitchTest
{
    private static final long STALE_MS = 5_000;
    private static final long T = 100_000_000_000L;
    private static final long MS = 1_000_000L;
    /** Start-of-day NAV 1,000,000.00 in cash units; 2% of it is 20,000.00, the cash limit is 1,000.00. */
    private static final long NAV = 1_000_000L * 10_000;
    private static final long CASH_LIMIT = 1_000L * 10_000;

    private final KillSwitch kill = new KillSwitch(
        new KillConfig(1_000, STALE_MS, 0.02, 30_000, 0.01, 0.5, 0.10, 0.08, 3), 3, 0.9);

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
        assertTrue(kill.resume());
        assertState(TradingState.ACTIVE, TradingState.HALTED, RejectReason.KILL_OPERATOR_RESUME);
        assertFalse(kill.resume(), "a second resume is not a transition");
    }

    @Test
    void shouldHaltWhenTheSessionLossReachesTheSmallerLimitAndWarnAtNinetyPercent()
    {
        assertFalse(kill.onAccount(-CASH_LIMIT * 9 / 10 + 1, NAV, 0, 0));
        assertEquals(0, kill.warningCount());
        assertFalse(kill.onAccount(-CASH_LIMIT * 9 / 10, NAV, 0, 0));
        assertEquals(1, kill.warningCount(), "warning at 90% of the limit");
        assertEquals(RejectReason.KILL_DAILY_LOSS, kill.warningReason(0));
        assertEquals(1_000.0, kill.warningLimit(0));
        assertFalse(kill.onAccount(-CASH_LIMIT + 1, NAV, 0, 0));
        assertEquals(0, kill.warningCount(), "warned once");
        assertTrue(kill.onAccount(-CASH_LIMIT, NAV, 0, 0));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DAILY_LOSS);
        assertEquals(1_000.0, kill.lastLimit());
        assertEquals(1_000.0, kill.lastValue());
        assertEquals(KillSwitch.GLOBAL, kill.lastScope());
        assertFalse(kill.onAccount(-2 * CASH_LIMIT, NAV, 0, 0), "latched");
    }

    @Test
    void shouldUseTheNavShareWhenItIsTheSmallerDailyLimit()
    {
        final KillSwitch navLimited = new KillSwitch(
            new KillConfig(1e9, STALE_MS, 0.02, 30_000, 0.01, 0.5, 0.10, 0.08, 3), 3, 0.9);
        assertFalse(navLimited.onAccount(-NAV / 50 + 1, NAV, 0, 0));
        assertTrue(navLimited.onAccount(-NAV / 50, NAV, 0, 0));
        assertEquals(20_000.0, navLimited.lastLimit());
    }

    @Test
    void shouldHaltOnDrawdownFromPeakAndOnMonthToDateLoss()
    {
        assertFalse(kill.onAccount(0, NAV, 0.0999, 0));
        assertTrue(kill.onAccount(0, NAV, 0.10, 0));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_DRAWDOWN);

        final KillSwitch month = new KillSwitch(
            new KillConfig(1e9, STALE_MS, 1, 30_000, 0.01, 0.5, 0.10, 0.08, 3), 3, 0.9);
        assertFalse(month.onAccount(0, NAV, 0, 0.0799));
        assertTrue(month.onAccount(0, NAV, 0, 0.08));
        assertEquals(RejectReason.KILL_MONTH_LOSS, month.lastReason());
    }

    @Test
    void shouldReduceOnStaleDataInSessionOnlyAndRecover()
    {
        assertFalse(kill.onMarketDataAge(T, T + STALE_MS * MS, true), "at the limit");
        assertFalse(kill.onMarketDataAge(T, T + STALE_MS * MS + 1, false), "out of session data is not expected");
        assertTrue(kill.onMarketDataAge(T, T + STALE_MS * MS + 1, true));
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_STALE_MARKET_DATA);
        assertTrue(kill.staleTripped());
        assertTrue(kill.onMarketDataAge(T + STALE_MS * MS, T + STALE_MS * MS + 1, true));
        assertState(TradingState.ACTIVE, TradingState.REDUCING, RejectReason.KILL_MARKET_DATA_RECOVERED);
    }

    @Test
    void shouldHaltWhenTheVenueIsDownLongerThanTheLimit()
    {
        kill.onVenue(false, T);
        assertFalse(kill.onVenueTime(T + 30_000 * MS), "at the limit");
        assertTrue(kill.onVenueTime(T + 30_000 * MS + 1));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_VENUE_DOWN);
        assertEquals(30_000.0, kill.lastLimit());

        final KillSwitch back = new KillSwitch(
            new KillConfig(1_000, STALE_MS, 0.02, 30_000, 0.01, 0.5, 0.10, 0.08, 3), 3, 0.9);
        back.onVenue(false, T);
        back.onVenue(true, T + 29_000 * MS);
        assertFalse(back.onVenueTime(T + 60_000 * MS), "reconnected in time");
    }

    @Test
    void shouldMakeOneInstrumentReducingOnSlippageAndOnAPositionBreach()
    {
        assertFalse(kill.onFill(1, Side.BUY, 10_100, 10_000), "1% worse: at the limit");
        assertFalse(kill.onFill(1, Side.SELL, 11_000, 10_000), "better than decided is not slippage");
        assertTrue(kill.onFill(1, Side.BUY, 10_101, 10_000));
        assertEquals(1, kill.lastScope());
        assertEquals(TradingState.REDUCING, kill.instrumentState(1));
        assertEquals(TradingState.ACTIVE, kill.state(), "the global state is untouched");
        assertEquals(RejectReason.KILL_SLIPPAGE, kill.lastReason());

        assertFalse(kill.onPosition(2, 1_500, 1_500), "at the limit");
        assertTrue(kill.onPosition(2, 1_501, 1_500));
        assertEquals(2, kill.lastScope());
        assertEquals(RejectReason.KILL_POSITION_LIMIT, kill.lastReason());
        assertEquals(TradingState.REDUCING, kill.lastState());

        kill.resume();
        assertEquals(TradingState.ACTIVE, kill.instrumentState(1));
        assertEquals(TradingState.ACTIVE, kill.instrumentState(2));
    }

    @Test
    void shouldHaltAndResumeOneInstrumentOnOperatorCommands()
    {
        assertTrue(kill.haltInstrument(0));
        assertEquals(0, kill.lastScope());
        assertEquals(TradingState.HALTED, kill.lastState());
        assertEquals(TradingState.ACTIVE, kill.previousState());
        assertEquals(RejectReason.KILL_OPERATOR_HALT, kill.lastReason());
        assertEquals(TradingState.HALTED, kill.instrumentState(0));
        assertEquals(TradingState.ACTIVE, kill.instrumentState(1), "the other instruments are untouched");
        assertEquals(TradingState.ACTIVE, kill.state(), "the global state is untouched");
        assertFalse(kill.haltInstrument(0), "a second halt is not a transition");
        assertFalse(kill.onPosition(0, 1_501, 1_500), "a halted instrument does not fall back to REDUCING");

        assertTrue(kill.resumeInstrument(0));
        assertEquals(RejectReason.KILL_OPERATOR_RESUME, kill.lastReason());
        assertEquals(TradingState.HALTED, kill.previousState());
        assertEquals(TradingState.ACTIVE, kill.instrumentState(0));
        assertFalse(kill.resumeInstrument(0), "a second resume is not a transition");

        assertTrue(kill.onPosition(2, 1_501, 1_500));
        assertTrue(kill.resumeInstrument(2), "an instrument's resume also ends its own REDUCING");
        assertEquals(TradingState.ACTIVE, kill.instrumentState(2));
    }

    @Test
    void shouldReduceOnceAtTheCrisisVolatilityLevel()
    {
        assertFalse(kill.onVolatility(false, 39.9, 40));
        assertTrue(kill.onVolatility(true, 40, 40));
        assertTrue(kill.lastTripChangedState());
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_VOLATILITY_SPIKE);
        assertFalse(kill.onVolatility(true, 45, 40), "latched");
    }

    @Test
    void shouldHaltAfterTooManyThrottledOrders()
    {
        assertFalse(kill.onThrottled(2));
        assertTrue(kill.onThrottled(3));
        assertState(TradingState.HALTED, TradingState.ACTIVE, RejectReason.KILL_THROTTLE);
    }

    @Test
    void shouldDeclareFlatOnlyWhenNothingWorksAndNoPositionIsLeft()
    {
        assertTrue(kill.flatten());
        assertState(TradingState.FLATTENING, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_FLATTEN);
        assertFalse(kill.onFlatCheck(true, 0), "a cancel not yet confirmed");
        assertFalse(kill.onFlatCheck(false, 5), "a position left");
        assertTrue(kill.onFlatCheck(false, 0));
        assertState(TradingState.HALTED, TradingState.FLATTENING, RejectReason.KILL_FLAT_CONFIRMED);
        assertFalse(kill.onFlatCheck(false, 0), "declared once");
    }

    @Test
    void shouldReArmTheVolatilityTriggerOnceVolatilityFallsBelowTheCrisisLevel()
    {
        assertFalse(kill.onVolatilityCalm(false, 10, 40), "nothing to re-arm");
        assertTrue(kill.onVolatility(true, 41, 40));
        assertFalse(kill.onVolatilityCalm(true, 40, 40), "still at the crisis level");
        assertTrue(kill.volatilityTripped());
        assertTrue(kill.onVolatilityCalm(false, 39.5, 40));
        assertState(TradingState.ACTIVE, TradingState.REDUCING, RejectReason.KILL_VOLATILITY_PASSED);
        assertEquals(39.5, kill.lastValue());
        assertEquals(40.0, kill.lastLimit());
        assertFalse(kill.volatilityTripped());
        assertFalse(kill.onVolatilityCalm(false, 30, 40), "re-armed once");
        assertTrue(kill.onVolatility(true, 42, 40), "trips again after re-arming");
        assertState(TradingState.REDUCING, TradingState.ACTIVE, RejectReason.KILL_VOLATILITY_SPIKE);
    }

    @Test
    void shouldStayReducingWhileStaleDataStillHoldsItWhenVolatilityPasses()
    {
        assertTrue(kill.onMarketDataAge(T - (STALE_MS + 1) * MS, T, true));
        assertTrue(kill.onVolatility(true, 41, 40));
        assertFalse(kill.lastTripChangedState(), "already REDUCING");
        assertFalse(kill.onVolatilityCalm(false, 39, 40), "stale data still holds REDUCING");
        assertEquals(TradingState.REDUCING, kill.state());
        assertTrue(kill.onMarketDataAge(T, T, true));
        assertState(TradingState.ACTIVE, TradingState.REDUCING, RejectReason.KILL_MARKET_DATA_RECOVERED);
    }

    @Test
    void shouldNotLeaveAHaltWhenVolatilityPasses()
    {
        assertTrue(kill.onVolatility(true, 41, 40));
        assertTrue(kill.halt());
        assertFalse(kill.onVolatilityCalm(false, 39, 40));
        assertEquals(TradingState.HALTED, kill.state());
        assertFalse(kill.volatilityTripped(), "re-armed all the same");
    }
}
