package io.meridian.engine.testing;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.model.LinearModel;
import io.meridian.engine.model.LinearScorer;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Engines for tests, built from the demo profile with overrides.
 */
public final class TestEngines
{
    /** Weights that make imbalance and microprice drive the score strongly, so tests see plenty of orders. */
    private static final double[] ACTIVE_WEIGHTS = {0.05, 0.02, 0.0, 4.0, 1.5, 0.0};

    private TestEngines()
    {
    }

    /**
     * What the fixtures rely on, whatever the demo profile says: 4-decimal prices (TestMarket quotes around
     * 1,000,000 ticks = 100.00), orders that cross the spread (TestMarket fills every NEW at once), and order and
     * position limits that sizing alone never breaks; no RISK_SNAPSHOT records (the fixtures assert exact record
     * sequences; the monitor's own tests, RiskSnapshotsTest and PipelineAllocationTest, switch it on).
     */
    public static final List<String> BASE = List.of(
        "instruments[0].priceScale=10000", "instruments[1].priceScale=10000", "instruments[2].priceScale=10000",
        "strategy.pricing=cross", "strategy.entryThresholdBps=0.5", "strategy.maxTargetQty=800",
        "risk.maxOrderQty=2000", "risk.maxOrderNotional=1000000", "risk.maxPosition=1500", "monitor.intervalMs=0");

    /**
     * The demo profile with {@link #BASE} and then the given overrides.
     *
     * @param overrides {@code key=value} overrides.
     * @return the configuration.
     */
    public static EngineConfig config(final String... overrides)
    {
        final List<String> all = new ArrayList<>(BASE);
        all.addAll(List.of(overrides));
        return ConfigLoader.loadProfile("demo", all);
    }

    /**
     * A pure-Java scorer with fixed weights.
     *
     * @param weights one per feature.
     * @param bias the intercept.
     * @return the scorer.
     */
    public static Scorer linear(final double[] weights, final double bias)
    {
        return new LinearScorer(new LinearModel("test-model", "input", "output", weights, bias));
    }

    /**
     * A pipeline on the demo profile with an active linear scorer.
     *
     * @param sink outbound sink.
     * @param overrides configuration overrides.
     * @return the pipeline.
     */
    public static Pipeline pipeline(final OutboundSink sink, final String... overrides)
    {
        return EngineFactory.create(config(overrides), linear(ACTIVE_WEIGHTS, 0.0), sink);
    }
}
