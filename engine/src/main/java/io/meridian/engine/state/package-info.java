/**
 * The engine-state snapshot's value encoding (issue 9): every stateful class of the pipeline writes its state as a
 * sequence of {@code long}s ({@code saveState(LongArrayList)}) and reads it back in the same order
 * ({@code loadState(long[], int)}, returning the next position); {@link io.meridian.engine.state.StateValues} holds
 * the helpers for doubles (raw bits, so they restore bit for bit) and arrays (length-prefixed and checked). Used on
 * the pipeline thread, off the per-event path (a snapshot is saved periodically and restored once). Depends on Agrona
 * only.
 */
package io.meridian.engine.state;
