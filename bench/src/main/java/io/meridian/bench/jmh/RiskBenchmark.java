package io.meridian.bench.jmh;

import io.meridian.bench.data.DemoWorld;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.risk.OrderContext;
import io.meridian.engine.risk.RiskReference;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.gateway.world.SimulatedWorld;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage 5: the whole pre-trade catalogue for one order ({@link PreTradeRisk#check}, 39 checks, every one enabled: the
 * demo profile with the two it switches off, duplicates and concentration, switched back on at the SPEC values),
 * over 1024 pre-generated orders that pass the whole table (so no check short-circuits), beside
 * {@link NaiveRiskChain} (the first nine checks written the naive way). Event time advances 100 ms per order so the
 * rate limits always have room. Goal (bench/README.md): p99 at most 1 us, 0 B.
 */
@State(Scope.Thread)
public class RiskBenchmark extends BenchmarkDefaults
{
    private static final int ORDERS = 1024;
    private static final long STEP_NS = 100_000_000L;
    private static final long MARKET_DATA_AGE_NS = 1_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private PreTradeRisk risk;
    private OrderContext context;
    private NaiveRiskChain naive;
    private long cashMultiplier;
    private final byte[] side = new byte[ORDERS];
    private final long[] qty = new long[ORDERS];
    private final long[] price = new long[ORDERS];
    private final long[] position = new long[ORDERS];
    private final long[] reference = new long[ORDERS];
    private int next;
    private long nowNs = SimulatedWorld.START_TIME_NS;

    /**
     * Builds the risk chain as the engine factory does and generates the orders.
     */
    @Setup(Level.Trial)
    public void setup()
    {
        final EngineConfig config = DemoWorld.config(
            List.of("risk.duplicateWindowMs=1000", "risk.maxConcentration=0.5"));
        final long staleNs = config.kill().staleMarketDataMs() * NANOS_PER_MILLI;
        final long maxNotional = Scales.toFixed(config.risk().maxOrderNotional(), Scales.CASH_SCALE);
        final InstrumentIndex index = EngineFactory.instruments(config);
        final RiskReference referenceData = RiskReference.of(config, index);
        risk = PreTradeRisk.of(config, referenceData, index.count());
        final long[] multipliers = new long[index.count()];
        for (int i = 0; i < multipliers.length; i++)
        {
            multipliers[i] = index.cashMultiplier(i);
        }
        context = new OrderContext(multipliers, referenceData);
        context.tradingState = TradingState.ACTIVE;
        context.instrumentState = TradingState.ACTIVE;
        context.venueUp = true;
        context.regime = OrderContext.REGIME_NORMAL;
        context.epochDay = java.time.LocalDate.of(2026, 1, 5).toEpochDay();
        context.nav = config.account().startOfDayNav();
        context.cash = config.account().startOfDayNav();
        naive = new NaiveRiskChain(config.risk().maxOrderQty(), maxNotional, config.risk().priceCollar(),
            config.risk().maxOrdersPerSecond(), config.risk().maxPosition(), staleNs);
        final InstrumentIndex instruments = EngineFactory.instruments(config);
        cashMultiplier = instruments.cashMultiplier(0);
        final long mid = Math.round(config.instruments().get(0).startPrice() * instruments.priceScale(0));
        final long spread = config.instruments().get(0).spreadTicks();
        final long maxQty = Math.min(config.risk().maxOrderQty(), config.risk().maxPosition() / 3);
        final SplittableRandom random = new SplittableRandom(config.run().seed());
        for (int i = 0; i < ORDERS; i++)
        {
            side[i] = random.nextBoolean() ? Side.BUY : Side.SELL;
            qty[i] = 1 + random.nextLong(maxQty);
            reference[i] = mid + random.nextLong(-50 * spread, 50 * spread);
            price[i] = reference[i] + (side[i] == Side.BUY ? spread / 2 : -spread / 2);
            position[i] = random.nextLong(-maxQty, maxQty + 1);
        }
    }

    /**
     * The engine's whole check chain for one order that passes.
     *
     * @return the reject code (0, NONE).
     */
    @Benchmark
    public int check()
    {
        final int i = next;
        next = (i + 1) & (ORDERS - 1);
        final long now = nowNs += STEP_NS;
        final OrderContext o = context;
        o.index = 0;
        o.side = side[i];
        o.qty = qty[i];
        o.parentQty = qty[i];
        o.price = price[i];
        o.referencePrice = reference[i];
        o.bid = reference[i] - 1;
        o.ask = reference[i] + 1;
        o.marks[0] = reference[i];
        o.positions[0] = position[i];
        o.nowNs = now;
        o.lastMarketDataNs = now - MARKET_DATA_AGE_NS;
        return risk.check(o).code();
    }

    /**
     * Baseline: the same checks on a boxed order object and boxed collections.
     *
     * @return "NONE" or the failing check.
     */
    @Benchmark
    public String naiveBoxedCheck()
    {
        final int i = next;
        next = (i + 1) & (ORDERS - 1);
        final long now = nowNs += STEP_NS;
        return naive.check(new NaiveRiskChain.Order(TradingState.ACTIVE, true, side[i], qty[i], price[i],
            cashMultiplier, position[i], 0L, reference[i], now - MARKET_DATA_AGE_NS, now));
    }

    /**
     * The engine's risk chain (for tests).
     *
     * @return the chain.
     */
    PreTradeRisk risk()
    {
        return risk;
    }

    /**
     * Whether a code means the order passed.
     *
     * @param code a code returned by {@link #check()}.
     * @return true for NONE.
     */
    static boolean passed(final int code)
    {
        return code == RejectReason.NONE.code();
    }
}
