package io.meridian.config;

/**
 * What one run does: how many events to generate or replay and the seed of every random stream.
 *
 * @param events number of synthetic events for {@code demo}/{@code backtest}, 1 to 1,000,000,000.
 * @param seed   seed of the synthetic market and any other random stream; any 64-bit integer.
 */
public record RunConfig(long events, long seed)
{
}
