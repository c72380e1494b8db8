/**
 * What the pipeline publishes for readers on other threads (the ops server): {@link
 * io.meridian.engine.telemetry.EngineState}, one single-writer block of counters and a state snapshot behind a
 * sequence lock, written by the pipeline thread through {@link io.meridian.engine.telemetry.StatePublisher} (the
 * order stage's thread in staged mode) and copied out by any number of reader threads into their own {@link
 * io.meridian.engine.telemetry.EngineStateView}. The writer never blocks, never waits for a reader and allocates
 * nothing; a reader retries when it raced a write. Depends on Agrona and the engine's order, risk and stage
 * packages only; nothing published here reaches a decision.
 */
package io.meridian.engine.telemetry;
