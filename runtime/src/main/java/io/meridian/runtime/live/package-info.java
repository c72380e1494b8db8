/**
 * The one live topology ({@link io.meridian.runtime.live.LiveTopology}) used by {@code meridian run} and
 * {@code meridian bench latency}: the Disruptor pipeline with the real journal, fed from the event-merging driver
 * by the caller's thread (the feeder, which also drives the simulated venue), order commands handed back to the
 * feeder through a single-producer ring. Threads: the caller feeds; the pipeline thread (and, with parallel
 * journaling or staged mode, more consumer threads) come from {@code runtime.launch}.
 */
package io.meridian.runtime.live;
