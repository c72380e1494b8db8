package io.meridian.bench.jmh;

import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.FeatureInputs;
import io.meridian.config.EngineConfig;
import io.meridian.config.FeatureConfig;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.pipeline.EngineFactory;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage 2: every feature update for one quote ({@link FeatureEngine#onQuote}), over 4096 pre-generated quotes of the
 * demo market cycled in order, beside {@link NaiveFeatures}, the same arithmetic on boxed collections. Goal
 * (bench/README.md, "Against the goals"): p99 at most 1 us and 0 B per quote.
 */
@State(Scope.Thread)
public class FeatureBenchmark extends BenchmarkDefaults
{
    private static final int QUOTES = 4096;

    private FeatureInputs inputs;
    private FeatureEngine engine;
    private NaiveFeatures naive;
    private final double[] out = new double[FeatureSchema.COUNT];
    private int next;

    /**
     * Generates the quotes and builds both feature engines from the demo configuration.
     */
    @Setup(Level.Trial)
    public void setup()
    {
        final EngineConfig config = DemoWorld.config(List.of());
        final InstrumentIndex instruments = EngineFactory.instruments(config);
        final FeatureConfig features = config.features();
        inputs = FeatureInputs.demo(config, QUOTES);
        engine = new FeatureEngine(
            instruments.count(), features.emaFastTicks(), features.emaSlowTicks(), features.volWindowTicks());
        naive = new NaiveFeatures(features.emaFastTicks(), features.emaSlowTicks(), features.volWindowTicks());
    }

    /**
     * The engine's feature update for one quote.
     *
     * @return one feature (so the work cannot be eliminated).
     */
    @Benchmark
    public double onQuote()
    {
        final int i = next;
        next = (i + 1) & (QUOTES - 1);
        final FeatureInputs q = inputs;
        engine.onQuote(q.index[i], q.bid[i], q.bidQty[i], q.ask[i], q.askQty[i], out);
        return out[FeatureSchema.MICROPRICE];
    }

    /**
     * Baseline: the same update on boxed collections.
     *
     * @return the named features (null while warming up).
     */
    @Benchmark
    public Map<String, Double> naiveBoxedOnQuote()
    {
        final int i = next;
        next = (i + 1) & (QUOTES - 1);
        final FeatureInputs q = inputs;
        return naive.onQuote(q.index[i], q.bid[i], q.bidQty[i], q.ask[i], q.askQty[i]);
    }

    /**
     * The engine's feature engine (for tests).
     *
     * @return the engine.
     */
    FeatureEngine engine()
    {
        return engine;
    }
}
