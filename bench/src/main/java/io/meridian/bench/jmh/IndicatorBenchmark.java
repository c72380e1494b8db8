package io.meridian.bench.jmh;

import io.meridian.engine.indicator.BarIndicator;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.engine.indicator.TickIndicator;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The indicator catalogue (issue 8 §5): one operation updates every catalogue entry with one input, beside ta4j
 * 0.17 computing its equivalents in the same run.
 *
 * <ul>
 *   <li>{@link #catalogueBarAndTick}: the 37 bar indicators (53 outputs) with the next bar and the 12 tick features
 *       with the next quote or trade;</li>
 *   <li>{@link #catalogueBars}: the bar indicators only, the like-for-like side of the comparison;</li>
 *   <li>{@link #ta4jBars}: the baseline: ta4j's streaming use, a {@code DoubleNum} bar series capped at 512 bars
 *       ({@code setMaximumBarCount}), one {@code addBar} then {@code getValue(endIndex)} of the ta4j indicators
 *       matching catalogue outputs (40 values; ta4j lacks momentum, TRIX, the ultimate oscillator, the
 *       realized-volatility estimators, z-scores and session VWAP, so its set is smaller than the catalogue's 53
 *       bar outputs).</li>
 *   <li>{@link #ta4jBarsUnbounded}: the same on an uncapped series (ta4j keeps every bar and cached value: memory
 *       grows with the run, as in a backtest).</li>
 * </ul>
 * Inputs: 4096 pre-generated bars and ticks of a seeded random walk in cents, cycled. Run with {@code -prof gc} for
 * bytes per operation; {@code -bm sample} for percentiles.
 */
@State(Scope.Thread)
public class IndicatorBenchmark extends BenchmarkDefaults
{
    private static final int N = 4096;
    private static final int MAX_BARS = 512;

    private final double[] open = new double[N];
    private final double[] high = new double[N];
    private final double[] low = new double[N];
    private final double[] close = new double[N];
    private final double[] volume = new double[N];
    private final double[][] ticks = new double[N][];
    private BarIndicator[] bars;
    private TickIndicator[] tickFeatures;
    private int next;
    private long barCount;

    private BarSeries series;
    private Indicator<?>[] ta4j;
    private BarSeries growingSeries;
    private Indicator<?>[] ta4jGrowing;
    private long growingCount;
    private ZonedDateTime start;

    /** Generates the inputs and builds the catalogue and the ta4j indicators. */
    @Setup(Level.Trial)
    public void setup()
    {
        final SplittableRandom random = new SplittableRandom(20261202L);
        double price = 100;
        for (int i = 0; i < N; i++)
        {
            final double o = Math.rint(price * 100) / 100;
            final double c = Math.rint(o * Math.exp(random.nextGaussian() * 0.004) * 100) / 100;
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) + Math.rint(Math.abs(random.nextGaussian()) * 20) / 100;
            low[i] = Math.min(o, c) - Math.rint(Math.abs(random.nextGaussian()) * 20) / 100;
            volume[i] = Math.rint(Math.exp(10 + random.nextGaussian() * 0.5));
            price = c;
            final double mid = c + 0.005;
            ticks[i] = random.nextDouble() < 0.6
                ? new double[] {0, mid - 0.005, 100 + random.nextInt(900), mid + 0.005, 100 + random.nextInt(900)}
                : new double[] {1, mid + (random.nextBoolean() ? 0.005 : -0.005), 1 + random.nextInt(500), 0, 0};
        }
        final List<BarIndicator> barList = new ArrayList<>();
        for (final String id : IndicatorCatalogue.defaultBarIds())
        {
            barList.add(IndicatorCatalogue.bar(id));
        }
        bars = barList.toArray(new BarIndicator[0]);
        final List<TickIndicator> tickList = new ArrayList<>();
        for (final String id : IndicatorCatalogue.defaultTickIds())
        {
            tickList.add(IndicatorCatalogue.tick(id));
        }
        tickFeatures = tickList.toArray(new TickIndicator[0]);
        start = ZonedDateTime.of(2026, 1, 2, 9, 30, 0, 0, ZoneOffset.UTC);
        series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        series.setMaximumBarCount(MAX_BARS);
        ta4j = ta4jIndicators(series);
        growingSeries = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        ta4jGrowing = ta4jIndicators(growingSeries);
    }

    private static Indicator<?>[] ta4jIndicators(final BarSeries series)
    {
        final ClosePriceIndicator c = new ClosePriceIndicator(series);
        final MACDIndicator macd = new MACDIndicator(c, 12, 26);
        final EMAIndicator signal = new EMAIndicator(macd, 9);
        final SMAIndicator sma = new SMAIndicator(c, 20);
        final StandardDeviationIndicator sd = new StandardDeviationIndicator(c, 20);
        final BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(sma);
        final Num two = DoubleNum.valueOf(2);
        final BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, two);
        final BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, two);
        final KeltnerChannelMiddleIndicator keltner = new KeltnerChannelMiddleIndicator(series, 20);
        final StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        return new Indicator<?>[] {
            sma, new EMAIndicator(c, 20), new WMAIndicator(c, 20), new DoubleEMAIndicator(c, 20),
            new TripleEMAIndicator(c, 20), new KAMAIndicator(c, 10, 2, 30), macd, signal,
            new ADXIndicator(series, 14), new PlusDIIndicator(series, 14), new MinusDIIndicator(series, 14),
            new AroonUpIndicator(series, 25), new AroonDownIndicator(series, 25),
            new AroonOscillatorIndicator(series, 25), new ParabolicSarIndicator(series),
            new DonchianChannelUpperIndicator(series, 20), new DonchianChannelMiddleIndicator(series, 20),
            new DonchianChannelLowerIndicator(series, 20), keltner, new KeltnerChannelUpperIndicator(keltner, 2, 20),
            new KeltnerChannelLowerIndicator(keltner, 2, 20), new RSIIndicator(c, 14), k,
            new StochasticOscillatorDIndicator(k), new WilliamsRIndicator(series, 14), new CCIIndicator(series, 20),
            new ROCIndicator(c, 10), new MoneyFlowIndexIndicator(series, 14), new TRIndicator(series),
            new ATRIndicator(series, 14), lower, middle, upper, new PercentBIndicator(c, 20, 2),
            new BollingerBandWidthIndicator(upper, middle, lower), sd, new OnBalanceVolumeIndicator(series),
            new AccumulationDistributionIndicator(series), new ChaikinMoneyFlowIndicator(series, 20),
            new VWAPIndicator(series, 20),
        };
    }

    /**
     * Every catalogue entry: the bar indicators with the next bar, the tick features with the next tick.
     *
     * @return a sum of outputs (so the work cannot be eliminated).
     */
    @Benchmark
    public double catalogueBarAndTick()
    {
        final int i = next;
        next = (i + 1) & (N - 1);
        double sum = updateBars(i);
        final double[] e = ticks[i];
        for (final TickIndicator t : tickFeatures)
        {
            if (e[0] == 0)
            {
                t.onQuote(e[1], e[2], e[3], e[4]);
            }
            else
            {
                t.onTrade(e[1], e[2]);
            }
            sum += t.value();
        }
        return sum;
    }

    /**
     * The bar indicators only, with the next bar.
     *
     * @return a sum of outputs.
     */
    @Benchmark
    public double catalogueBars()
    {
        final int i = next;
        next = (i + 1) & (N - 1);
        return updateBars(i);
    }

    private double updateBars(final int i)
    {
        double sum = 0;
        final long session = barCount++ / 26;
        for (final BarIndicator b : bars)
        {
            b.onBar(open[i], high[i], low[i], close[i], volume[i], session);
            sum += b.value(0);
        }
        return sum;
    }

    /**
     * Baseline without the cap: an unbounded ta4j series (every bar and every cached value kept, as in a backtest),
     * one {@code addBar} and the same evaluations.
     *
     * @return a sum of outputs.
     */
    @Benchmark
    public double ta4jBarsUnbounded()
    {
        final int i = next;
        next = (i + 1) & (N - 1);
        growingSeries.addBar(start.plusMinutes(growingCount++), DoubleNum.valueOf(open[i]),
            DoubleNum.valueOf(high[i]), DoubleNum.valueOf(low[i]), DoubleNum.valueOf(close[i]),
            DoubleNum.valueOf(volume[i]));
        final int end = growingSeries.getEndIndex();
        double sum = 0;
        for (final Indicator<?> indicator : ta4jGrowing)
        {
            sum += ((Num)indicator.getValue(end)).doubleValue();
        }
        return sum;
    }

    /**
     * Baseline: ta4j adds the next bar and evaluates its equivalents at the new last index.
     *
     * @return a sum of outputs.
     */
    @Benchmark
    public double ta4jBars()
    {
        final int i = next;
        next = (i + 1) & (N - 1);
        series.addBar(start.plusMinutes(barCount++), DoubleNum.valueOf(open[i]), DoubleNum.valueOf(high[i]),
            DoubleNum.valueOf(low[i]), DoubleNum.valueOf(close[i]), DoubleNum.valueOf(volume[i]));
        final int end = series.getEndIndex();
        double sum = 0;
        for (final Indicator<?> indicator : ta4j)
        {
            sum += ((Num)indicator.getValue(end)).doubleValue();
        }
        return sum;
    }
}
