/**
 * The indicator catalogue: incremental, causal, allocation-free technical indicators over bars
 * ({@link io.meridian.engine.indicator.BarIndicator}) and microstructure features over quotes and trades
 * ({@link io.meridian.engine.indicator.TickIndicator}), created by name and parameters from
 * {@link io.meridian.engine.indicator.IndicatorCatalogue}.
 *
 * <p>Every indicator is a state machine fed one input at a time: its outputs after an input depend only on that input
 * and earlier ones (causal by construction, checked by a test per indicator), each update is O(1) (O(1) amortised for
 * the monotonic-deque window extremes; CCI's mean deviation is the one O(n) window, see
 * {@link io.meridian.engine.indicator.Oscillators.Cci}), and nothing is allocated after construction. Outputs are
 * {@code NaN} until the indicator has seen enough inputs (its warm-up). Conventions follow R's TTR package where TTR
 * has the indicator; each class says which, and where it departs from TTR and why.
 *
 * <p>Owned by one thread: the feature stage's thread inside the pipeline, or the thread of the {@code features}
 * command. Core package: no Disruptor, Chronicle, logging, streams, concurrency or clock.
 */
package io.meridian.engine.indicator;
