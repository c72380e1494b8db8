/**
 * The backtest: the engine's pipeline on the event-merging driver on one thread with a discrete-event clock,
 * journaled, deterministic (the demo, {@code meridian backtest}, the replay bench's journal). Everything here runs
 * on the caller's thread, except {@link io.meridian.runtime.backtest.JournalThread}'s appends, which run on the journal
 * thread it starts.
 */
package io.meridian.runtime.backtest;
