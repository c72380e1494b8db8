package io.meridian.engine.pipeline;

import io.meridian.config.AccountConfig;
import io.meridian.config.BarsConfig;
import io.meridian.config.EngineConfig;
import io.meridian.config.FeatureConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.config.StrategyConfig;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.book.BarBuilder;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskReference;
import io.meridian.engine.risk.TradingCalendar;
import io.meridian.engine.strategy.ThresholdStrategy;
import java.util.List;

/**
 * Builds a {@link Pipeline} from a validated configuration. The same function builds the engine of a live run, a
 * backtest and a replay, which is what makes replay verification meaningful.
 */
public final class EngineFactory
{
    /** Live orders the order store can hold; far above one working order per instrument plus cancels in flight. */
    public static final int ORDER_CAPACITY = 4096;

    private EngineFactory()
    {
    }

    /**
     * The instrument index for a configuration.
     *
     * @param config validated configuration.
     * @return the index.
     */
    public static InstrumentIndex instruments(final EngineConfig config)
    {
        final List<InstrumentConfig> list = config.instruments();
        final int n = list.size();
        final int[] ids = new int[n];
        final String[] symbols = new String[n];
        final long[] priceScales = new long[n];
        final long[] qtyScales = new long[n];
        for (int i = 0; i < n; i++)
        {
            final InstrumentConfig instrument = list.get(i);
            ids[i] = instrument.id();
            symbols[i] = instrument.symbol();
            priceScales[i] = instrument.priceScale();
            qtyScales[i] = instrument.qtyScale();
        }
        return new InstrumentIndex(ids, symbols, priceScales, qtyScales);
    }

    private static boolean crossesSpread(final EngineConfig config)
    {
        return StrategyConfig.PRICING_CROSS.equals(config.strategy().pricing());
    }

    /**
     * Builds the pipeline.
     *
     * @param config validated configuration.
     * @param scorer the scorer (owned by the caller, who closes it).
     * @param sink where outbound records go.
     * @return the pipeline.
     */
    public static Pipeline create(final EngineConfig config, final Scorer scorer, final OutboundSink sink)
    {
        final InstrumentIndex instruments = instruments(config);
        final int n = instruments.count();
        final PreTradeRisk risk = PreTradeRisk.of(config, RiskReference.of(config, instruments), n);
        final KillSwitch killSwitch = new KillSwitch(config.kill(), n, config.risk().warnAt());
        final OrderManager orders = new OrderManager(
            instruments, config, risk, killSwitch, ORDER_CAPACITY, scorer.modelId(), sink);
        final ThresholdStrategy strategy = new ThresholdStrategy(
            n,
            config.strategy().entryThresholdBps(),
            config.strategy().riskBudget(),
            config.strategy().maxTargetQty(),
            config.strategy().volFloorBps(),
            config.model().horizonTicks(),
            crossesSpread(config));
        // the one ordered stage list: single mode, staged mode and the timed variant all run exactly this; adding a
        // stage is one line here (a timed run gives it its own histogram when PipelineLatency has one of its name)
        return new Pipeline(
            instruments,
            new MarketDataStage(instruments),
            featureStage(config, n),
            new ScoringStage(scorer),
            new StrategyStage(strategy, instruments),
            orders);
    }

    /**
     * The market-data part of the engine: the book and feature stages exactly as {@link #create} builds them, without
     * scoring, strategy or orders. Training builds its feature rows with this, so they cannot drift from the features
     * the engine computes live.
     *
     * @param config validated configuration.
     * @return a two-stage pipeline; after each event the slot holds the book's verdict, the top of book and (on an
     *     accepted quote) the feature vector.
     */
    public static Pipeline features(final EngineConfig config)
    {
        final InstrumentIndex instruments = instruments(config);
        return new Pipeline(
            instruments,
            new MarketDataStage(instruments),
            featureStage(config, instruments.count()));
    }

    private static FeatureStage featureStage(final EngineConfig config, final int instruments)
    {
        final FeatureConfig features = config.features();
        final FeatureEngine engine = new FeatureEngine(instruments, features.emaFastTicks(), features.emaSlowTicks(),
            features.volWindowTicks(), FeatureSchema.tickIndicators(features), FeatureSchema.barIndicators(features));
        final BarsConfig bars = features.bars();
        if (!bars.enabled() && !engine.hasBarIndicators())
        {
            return new FeatureStage(engine);
        }
        final BarBuilder builder = bars.enabled() ? new BarBuilder(instruments, barKind(bars), bars.threshold()) : null;
        final AccountConfig account = config.account();
        final TradingCalendar calendar = new TradingCalendar(account.timezone(), account.sessionOpen(),
            account.sessionClose(), account.holidays());
        return new FeatureStage(engine, builder, bars.fromQuotes(), calendar);
    }

    private static BarBuilder.Kind barKind(final BarsConfig bars)
    {
        switch (bars.kind())
        {
            case BarsConfig.KIND_TIME:
                return BarBuilder.Kind.TIME;
            case BarsConfig.KIND_VOLUME:
                return BarBuilder.Kind.VOLUME;
            case BarsConfig.KIND_DOLLAR:
                return BarBuilder.Kind.DOLLAR;
            default:
                throw new IllegalArgumentException("no bars of kind " + bars.kind());
        }
    }
}
