/**
 * What every stage shares: the {@link io.meridian.engine.stage.EventSlot} an event travels in through all stages,
 * and the {@link io.meridian.engine.stage.InstrumentIndex} its instrument index refers to. Slots are owned by
 * whichever stage is processing them (the ring's sequence barriers hand a slot from one stage to the next); the
 * instrument index is immutable. Core package: no Disruptor, Chronicle, logging, streams, concurrency or clock.
 */
package io.meridian.engine.stage;
