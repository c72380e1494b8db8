/**
 * Market-data sources: the deterministic synthetic market ({@link io.meridian.gateway.market.SyntheticMarket}) and
 * its seeded generator ({@link io.meridian.gateway.market.SplitMix64}). Sources write the engine's QUOTE and TRADE
 * records with a complete header (sequence and receive time left for the sequencer).
 *
 * <p>Threading: a source is owned by the thread that drives it (the backtest driver or a feed agent).
 * No wall clock is read and {@code java.util.Random} is not used: output is a pure function of the parameters.
 *
 * <p>Dependencies: {@code io.meridian.engine.api}, {@code io.meridian.engine.codec}, Agrona and the JDK only.
 */
package io.meridian.gateway.market;
