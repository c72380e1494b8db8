/**
 * Order state, positions and P&amp;L, owned by the order stage's thread. Core package: no Disruptor, Chronicle,
 * logging, streams, concurrency or clock.
 */
package io.meridian.engine.order;
