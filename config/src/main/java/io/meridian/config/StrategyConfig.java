package io.meridian.config;

/**
 * Turning scores into target positions and orders.
 *
 * @param entryThresholdBps minimum expected edge in basis points before trading, 0 to 10000.
 * @param riskBudget        cash risked per unit of volatility when sizing, &gt; 0 and &lt;= 1e12.
 * @param maxTargetQty      largest absolute target position in lots, &gt;= 1.
 * @param orderTimeoutMs    cancel a working order after this many milliseconds, 1 to 3,600,000.
 * @param volFloorBps       volatility floor in basis points used when sizing, &gt; 0 and &lt;= 10000.
 * @param pricing           {@code join}: rest at the touch on our own side (buy at the bid) and earn the spread;
 *                          {@code cross}: take the far touch (buy at the ask), and enter only when the score also
 *                          beats the half spread.
 */
public record StrategyConfig(
    double entryThresholdBps,
    double riskBudget,
    long maxTargetQty,
    long orderTimeoutMs,
    double volFloorBps,
    String pricing)
{
    /** Rest at the touch on our own side. */
    public static final String PRICING_JOIN = "join";
    /** Take the far touch. */
    public static final String PRICING_CROSS = "cross";
}
