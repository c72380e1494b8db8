package io.meridian.config;

/**
 * One tradable instrument, and the parameters of its synthetic price process.
 *
 * @param id          engine instrument id, 1 to 1023, unique.
 * @param symbol      symbol, 1 to 16 characters of {@code A-Z 0-9 . _}, unique.
 * @param priceScale  price ticks per currency unit, a power of ten; {@code priceScale * qtyScale} divides 10000.
 * @param qtyScale    quantity lots per share, a power of ten; {@code priceScale * qtyScale} divides 10000.
 * @param startPrice  first mid price of the synthetic market, in currency units, &gt; 0 and &lt;= 1e6.
 * @param volatility  annualised volatility as a fraction, &gt; 0 and &lt;= 5.
 * @param spreadTicks quoted spread in price ticks, 1 to 100000.
 * @param quoteSize   size quoted on each side in lots, 1 to 10,000,000.
 */
public record InstrumentConfig(
    int id,
    String symbol,
    long priceScale,
    long qtyScale,
    double startPrice,
    double volatility,
    long spreadTicks,
    long quoteSize)
{
}
