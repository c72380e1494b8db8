package io.meridian.bench.jmh;

import io.meridian.bench.data.DemoWorld;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.OrderContext;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskMonitor;
import io.meridian.engine.risk.RiskReference;
import io.meridian.engine.stage.InstrumentIndex;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The risk monitor and the kill switch on the order stage's thread. {@link #snapshot}: one RISK_SNAPSHOT's statistics,
 * a NAV sample into {@link RiskMonitor} with the default window of 500 returns (historical VaR/CVaR at 95% and 99% by
 * selection, parametric by one pass), against {@link #naiveSnapshot}: the same figures from a fresh copy of the window
 * sorted with {@code Arrays.sort} (allocating). Budget: a snapshot every 100 ms of event time. {@link
 * #killTripToGateClosed}: the daily-loss trigger fires ({@link KillSwitch#onAccount} at the limit) and the next order
 * is refused by the check table ({@code RISK_HALTED}); the operator RESUME that re-arms it for the next operation is
 * included. Goal (DESIGN §7): at most 10 us. {@link #snapshotWithInstruments}: the statistics of a snapshot as the
 * monitor now journals it, the portfolio's and each of the demo's three instruments' own (RISK_INSTRUMENT_SNAPSHOT):
 * four returns added and four sets of figures recomputed.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
public class RiskMonitorBenchmark extends BenchmarkDefaults
{
    private static final int WINDOW = 500;
    private static final int NAVS = 4096;

    private RiskMonitor monitor;
    private final long[] navs = new long[NAVS];
    private final double[] ring = new double[WINDOW];
    private int count;
    private int cursor;
    private long previous;
    private int nextMonitor;
    private int nextNaive;

    private KillSwitch kill;
    private PreTradeRisk risk;
    private OrderContext order;
    private long startNavCash;

    /**
     * A monitor with a full window, NAVs of a random walk, and a kill switch with the demo's limits.
     */
    @Setup(Level.Trial)
    public void setup()
    {
        monitor = new RiskMonitor(WINDOW);
        final SplittableRandom random = new SplittableRandom(7);
        long nav = 10_000_000L * 10_000;
        for (int i = 0; i < NAVS; i++)
        {
            nav += random.nextLong(-2_000_000_000L, 2_000_000_001L);
            navs[i] = nav;
        }
        for (int i = 0; i < 2 * WINDOW; i++)
        {
            snapshot();
            naiveSnapshot();
        }
        final EngineConfig config = DemoWorld.config(List.of());
        final InstrumentIndex index = EngineFactory.instruments(config);
        final RiskReference reference = RiskReference.of(config, index);
        risk = PreTradeRisk.of(config, reference, index.count());
        kill = new KillSwitch(config.kill(), index.count(), config.risk().warnAt());
        final long[] multipliers = new long[index.count()];
        for (int i = 0; i < multipliers.length; i++)
        {
            multipliers[i] = index.cashMultiplier(i);
        }
        order = new OrderContext(multipliers, reference);
        order.index = 0;
        order.side = Side.BUY;
        order.qty = 10;
        order.price = 500_000;
        order.bid = 499_999;
        order.ask = 500_001;
        order.referencePrice = 500_000;
        order.nav = config.account().startOfDayNav();
        order.cash = config.account().startOfDayNav();
        order.venueUp = true;
        startNavCash = Math.round(config.account().startOfDayNav() * 10_000);
    }

    /**
     * One snapshot's statistics: a NAV sample, the return added, every VaR and CVaR figure recomputed.
     *
     * @return historical VaR 99.
     */
    @Benchmark
    public double snapshot()
    {
        final int i = nextMonitor;
        nextMonitor = (i + 1) & (NAVS - 1);
        monitor.onNav(navs[i]);
        return monitor.histVar99() + monitor.paramCvar99() + monitor.histCvar95();
    }

    /**
     * Baseline: the same historical figures from a sorted fresh copy of the window.
     *
     * @return historical VaR 99.
     */
    @Benchmark
    public double naiveSnapshot()
    {
        final int i = nextNaive;
        nextNaive = (i + 1) & (NAVS - 1);
        final long nav = navs[i];
        if (previous != 0)
        {
            ring[cursor] = (nav - previous) / (double)previous;
            cursor = (cursor + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        }
        previous = nav;
        final double[] sorted = Arrays.copyOf(ring, count);
        Arrays.sort(sorted);
        final double var99 = -quantile(sorted, 0.01);
        final double var95 = -quantile(sorted, 0.05);
        double tail = 0;
        int n = 0;
        for (final double r : sorted)
        {
            if (-r >= var95)
            {
                tail -= r;
                n++;
            }
        }
        double sum = 0;
        for (final double r : sorted)
        {
            sum += r;
        }
        return var99 + (n == 0 ? 0 : tail / n) + sum / Math.max(1, sorted.length);
    }

    private static double quantile(final double[] sorted, final double p)
    {
        if (sorted.length == 0)
        {
            return 0;
        }
        final double h = (sorted.length - 1) * p;
        final int lo = (int)h;
        final int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The daily-loss trigger, then the next order refused by the gate; then RESUME.
     *
     * @return the refused order's reason code ({@code RISK_HALTED}).
     */
    @Benchmark
    public int killTripToGateClosed()
    {
        kill.onAccount(-startNavCash, startNavCash, 0, 0);
        order.tradingState = kill.state();
        order.instrumentState = TradingState.ACTIVE;
        final RejectReason reason = risk.check(order);
        kill.resume();
        return reason.code();
    }

    /**
     * For tests: one trip and what the gate said.
     *
     * @return the reason code.
     */
    int tripOnce()
    {
        return killTripToGateClosed();
    }

    double monitorVar99()
    {
        return monitor.histVar99();
    }

    double naiveVar99()
    {
        final double[] sorted = Arrays.copyOf(ring, count);
        Arrays.sort(sorted);
        return -quantile(sorted, 0.01);
    }

    private static final int INSTRUMENTS = 3;
    private final RiskMonitor[] instrumentMonitors = new RiskMonitor[INSTRUMENTS];
    private RiskMonitor portfolio;
    private int nextInstrumentSnapshot;

    /**
     * The portfolio's and three instruments' monitors with full windows (the instruments' returns: the same random walk
     * at three offsets).
     */
    @Setup(Level.Trial)
    public void setupInstruments()
    {
        portfolio = new RiskMonitor(WINDOW);
        for (int k = 0; k < INSTRUMENTS; k++)
        {
            instrumentMonitors[k] = new RiskMonitor(WINDOW);
        }
        for (int i = 0; i < 2 * WINDOW; i++)
        {
            snapshotWithInstruments();
        }
    }

    /**
     * One snapshot's statistics with the per-instrument figures: the portfolio's NAV sample and each instrument's
     * return, every VaR and CVaR figure of the four recomputed.
     *
     * @return a sum of figures, so that none is dead code.
     */
    @Benchmark
    public double snapshotWithInstruments()
    {
        final int i = nextInstrumentSnapshot;
        nextInstrumentSnapshot = (i + 1) & (NAVS - 1);
        portfolio.onNav(navs[i]);
        double sum = portfolio.histVar99() + portfolio.paramCvar99();
        for (int k = 0; k < INSTRUMENTS; k++)
        {
            final int j = (i + 1 + 977 * k) & (NAVS - 1);
            final long before = navs[(j - 1) & (NAVS - 1)];
            instrumentMonitors[k].addReturn((navs[j] - before) / (double)before / INSTRUMENTS);
            sum += instrumentMonitors[k].histVar95() + instrumentMonitors[k].paramCvar95();
        }
        return sum;
    }

    int instrumentReturns(final int k)
    {
        return instrumentMonitors[k].count();
    }
}
