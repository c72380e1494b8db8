package io.meridian.config;

/**
 * Pre-trade risk limits, applied to every order.
 *
 * @param maxOrderQty        largest order in lots, &gt;= 1.
 * @param maxOrderNotional   largest order notional in cash, &gt; 0 and &lt;= 1e12.
 * @param priceCollar        largest distance of a limit price from the last trade (the mid before any trade), as a
 *                           fraction, &gt; 0 and &lt;= 1.
 * @param maxOrdersPerSecond accepted orders allowed in any trailing second of event time, all instruments together,
 *                           1 to 1,000,000.
 * @param maxPosition        largest absolute position in lots, &gt;= 1.
 */
public record RiskConfig(
    long maxOrderQty,
    double maxOrderNotional,
    double priceCollar,
    int maxOrdersPerSecond,
    long maxPosition)
{
}
