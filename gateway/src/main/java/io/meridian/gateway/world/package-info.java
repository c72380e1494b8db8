/**
 * The simulated world built from configuration: the synthetic market, the simulated venue and the timer events of
 * a run. Used by the backtest and demo driver, the live run and the benchmarks. May depend on {@code config}, the
 * gateway's market and venue, and the engine's codec.
 */
package io.meridian.gateway.world;
