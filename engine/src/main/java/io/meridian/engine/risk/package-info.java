/**
 * Pre-trade risk checks and the kill switch, owned by the order stage's thread (they share its position and order
 * state). Outcomes are {@code RejectReason} codes, never exceptions. Core package: no Disruptor, Chronicle, logging,
 * streams, concurrency or clock.
 */
package io.meridian.engine.risk;
