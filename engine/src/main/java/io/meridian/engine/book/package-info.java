/**
 * Stage 1: decodes each event into its slot, validates market data (quotes, trades and bars) and keeps the L1 book
 * per instrument, owned by the book stage's thread; and {@link io.meridian.engine.book.BarBuilder}, time, volume and
 * dollar bars built incrementally from trades on the same thread. Core package: no Disruptor, Chronicle, logging,
 * streams, concurrency or clock.
 */
package io.meridian.engine.book;
