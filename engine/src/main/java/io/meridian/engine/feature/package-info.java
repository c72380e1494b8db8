/**
 * Incremental, causal features computed per quote on the feature stage's thread. Core package: no Disruptor,
 * Chronicle, logging, streams, concurrency or clock.
 */
package io.meridian.engine.feature;
