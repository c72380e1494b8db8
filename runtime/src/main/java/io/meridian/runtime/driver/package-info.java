/**
 * The one event-merging loop ({@link io.meridian.runtime.driver.EventMerger}): market data, simulated venue
 * reports, timers and operator commands merged by event time into one inbound stream, for the backtest, the live
 * run's feed and the latency harness. Owned by the one thread that drives it (the backtest thread or the feeding
 * thread); allocation-free per event. Depends on the gateway's simulation ports and simulated world, the engine's
 * api and codec.
 */
package io.meridian.runtime.driver;
