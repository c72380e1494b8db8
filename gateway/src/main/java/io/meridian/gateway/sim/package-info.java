/**
 * The simulation ports ({@link io.meridian.gateway.sim.MarketDataSource},
 * {@link io.meridian.gateway.sim.SimulatedVenuePort}) that the runtime's event-merging driver pulls, and the
 * simulated venue: deterministic matching of our order commands against the top of book learned from market
 * data, with a configurable one-way latency, driven by a discrete-event clock (see
 * {@link io.meridian.gateway.sim.SimulatedVenue}). Its execution reports are complete EXEC_REPORT records that the
 * backtest driver publishes into the engine's inbound ring.
 *
 * <p>Threading: everything here is owned by the single thread that drives the backtest (or paper session).
 * No wall clock is read; time comes from the records and from the caller.
 *
 * <p>Dependencies: {@code io.meridian.engine.api}, {@code io.meridian.engine.codec}, Agrona and the JDK only.
 */
package io.meridian.gateway.sim;
