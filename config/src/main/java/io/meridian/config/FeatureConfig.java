package io.meridian.config;

/**
 * Feature windows, in ticks (market-data updates of one instrument).
 *
 * @param emaFastTicks   fast EMA span, 1 to 100000.
 * @param emaSlowTicks   slow EMA span, greater than {@code emaFastTicks} and at most 1,000,000.
 * @param volWindowTicks realised-volatility window, a power of two from 2 to 65536.
 */
public record FeatureConfig(int emaFastTicks, int emaSlowTicks, int volWindowTicks)
{
}
