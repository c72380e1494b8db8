/**
 * Stage 1: decodes each event into its slot, validates market data and keeps the L1 book per instrument, owned by
 * the book stage's thread. Core package: no Disruptor, Chronicle, logging, streams, concurrency or clock.
 */
package io.meridian.engine.book;
