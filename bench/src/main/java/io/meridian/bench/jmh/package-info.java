/**
 * JMH microbenchmarks, one class per unit under test: a full pipeline pass, the feature stage, the pre-trade risk
 * chain and the two scorers, each beside a naive boxed-collections baseline measured in the same run.
 *
 * <p>Benchmark state is {@code @State(Scope.Thread)}: each benchmark thread owns its engine objects, as the engine's
 * pipeline thread does. Forks get the launcher's JVM flags through {@link io.meridian.bench.jmh.BenchmarkDefaults}.
 * May depend on engine, journal, gateway, config and {@code io.meridian.bench.data}.
 */
package io.meridian.bench.jmh;
