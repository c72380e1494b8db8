package io.meridian.config;

/**
 * The simulated venue.
 *
 * @param latencyUs one-way latency between engine and simulated venue in microseconds, 0 to 10,000,000.
 */
public record VenueConfig(long latencyUs)
{
}
