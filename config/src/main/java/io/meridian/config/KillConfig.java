package io.meridian.config;

/**
 * Kill-switch triggers (SPEC decision 5: the eight triggers, plus the RTS 6 throttle).
 *
 * @param dailyLossLimit    (1) halt (and cancel all orders) when the session's loss reaches this cash amount,
 *                          &gt; 0 and &lt;= 1e12; the smaller of this and {@code dailyLossNav} applies.
 * @param staleMarketDataMs (4) refuse new orders for an instrument whose market data is older than this, and drop to
 *                          REDUCING (no new risk) while any instrument is that stale inside the session; 1 to
 *                          2,678,400,000 (31 days: daily bars are days apart) (60,000).
 * @param dailyLossNav      (1) the same trigger as a fraction of start-of-day NAV (0.02).
 * @param venueDownMs       (3) halt when the venue session has been down this long (30,000).
 * @param slippage          (5) a fill more than this fraction worse than the decision price cancels the instrument's
 *                          orders and makes it REDUCING (0.01).
 * @param volSpikeReduce    (6) share of every position sold down when the CRISIS volatility level is reached (0.5).
 * @param maxDrawdown       (8) halt when NAV falls this fraction below its peak (0.10).
 * @param maxMonthLoss      (8) halt when the month-to-date loss reaches this fraction of the month's start NAV (0.08).
 * @param throttleHaltAfter RTS 6: orders throttled (message rate or order-to-trade ratio) in one session before the
 *                          throttle becomes a HALT (100), 1 to 1,000,000.
 */
public record KillConfig(
    double dailyLossLimit,
    long staleMarketDataMs,
    double dailyLossNav,
    long venueDownMs,
    double slippage,
    double volSpikeReduce,
    double maxDrawdown,
    double maxMonthLoss,
    long throttleHaltAfter)
{
}
