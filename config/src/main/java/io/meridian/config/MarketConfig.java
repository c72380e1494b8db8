package io.meridian.config;

/**
 * The synthetic market generator used by {@code demo} and {@code backtest}.
 *
 * @param meanIntervalNs          mean time between synthetic events in nanoseconds, 1000 to 60,000,000,000.
 * @param tradeProbability        probability that an event is a trade rather than a quote, 0 to 1.
 * @param jumpProbability         probability of a price jump per event, 0 to 1.
 * @param jumpSizeBps             typical jump size in basis points, 0 to 5000 (the synthetic market's limit).
 * @param regimeSwitchProbability probability per event of switching between calm and high-volatility regimes, 0 to 1.
 * @param highVolMultiplier       volatility multiplier in the high-volatility regime, 1 to 100.
 * @param timerIntervalMs         interval of the engine timer events in milliseconds, 1 to 3,600,000.
 */
public record MarketConfig(
    long meanIntervalNs,
    double tradeProbability,
    double jumpProbability,
    double jumpSizeBps,
    double regimeSwitchProbability,
    double highVolMultiplier,
    long timerIntervalMs)
{
}
