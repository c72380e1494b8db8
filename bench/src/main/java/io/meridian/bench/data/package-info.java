/**
 * Seeded, pre-generated inputs for the benchmarks: event tapes from the synthetic market (merged with timer events),
 * quote and feature-vector sets, an instant venue that closes the order loop without latency, a single-thread demo
 * backtest that writes a real journal, and the run manifest bench journals carry.
 *
 * <p>Everything here is built before a measurement starts (generation is never measured) and is used by one thread
 * at a time. May depend on engine, journal, gateway and config; never on ops.
 */
package io.meridian.bench.data;
