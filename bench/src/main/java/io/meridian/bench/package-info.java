/**
 * Meridian bench module: JMH microbenchmarks ({@code io.meridian.bench.jmh}), the end-to-end latency and replay
 * harnesses ({@code io.meridian.bench.latency}) and their pre-generated inputs ({@code io.meridian.bench.data}).
 * Nothing in the engine depends on it; it depends on engine, journal, gateway and config, never on ops.
 */
package io.meridian.bench;
