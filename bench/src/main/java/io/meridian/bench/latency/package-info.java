/**
 * Command-line harnesses: {@code LatencyMain} (end-to-end tick-to-order latency of the live Disruptor topology under
 * fixed-rate, coordinated-omission-corrected load, with a raw Disruptor hop and a raw Chronicle append measured as
 * baselines in the same run) and {@code ReplayBenchMain} (journal read and replay-verification throughput).
 *
 * <p>Threads: the main thread is the paced producer and the only busy-spinning thread; the Disruptor consumer threads
 * use a yielding (or configured) wait strategy; one background thread pretouches the journal. May depend on engine,
 * journal (and Chronicle Queue directly, for the raw baselines), gateway, config, LMAX Disruptor, HdrHistogram, Agrona,
 * OpenHFT affinity and {@code io.meridian.bench.data}; never on ops.
 */
package io.meridian.bench.latency;
