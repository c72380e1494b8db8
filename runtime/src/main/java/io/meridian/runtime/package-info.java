/**
 * What the {@code meridian} command line (ops) and the benchmarks (bench) share, so that neither depends on the other:
 * the one event-merging driver ({@code driver}), the backtest on it ({@code backtest}), the one live topology
 * ({@code live}), and threads, pinning, pretouch, argument parsing and the JVM flags ({@code launch}). Depends on
 * config, engine, journal and gateway; only ops and bench depend on it.
 */
package io.meridian.runtime;
