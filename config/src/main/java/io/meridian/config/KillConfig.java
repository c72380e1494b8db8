package io.meridian.config;

/**
 * Kill-switch triggers.
 *
 * @param dailyLossLimit    halt when the day's loss exceeds this cash amount, &gt; 0 and &lt;= 1e12.
 * @param staleMarketDataMs halt when an instrument has had no market data for this many milliseconds, 1 to 86,400,000.
 */
public record KillConfig(double dailyLossLimit, long staleMarketDataMs)
{
}
