/**
 * Strategy and sizing: scores to target positions, on the strategy stage's thread. No clock, no allocation.
 */
package io.meridian.engine.strategy;
