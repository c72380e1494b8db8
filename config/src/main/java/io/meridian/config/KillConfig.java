package io.meridian.config;

/**
 * Kill-switch triggers.
 *
 * @param dailyLossLimit    halt (and cancel all orders) when the loss since the start of the run reaches this cash
 *                          amount, &gt; 0 and &lt;= 1e12.
 * @param staleMarketDataMs refuse new orders for an instrument whose market data is older than this, and drop to
 *                          REDUCING (reduce-only) while any instrument is that stale; 1 to 2,678,400,000 (31 days:
 *                          daily bars are days apart).
 */
public record KillConfig(double dailyLossLimit, long staleMarketDataMs)
{
}
