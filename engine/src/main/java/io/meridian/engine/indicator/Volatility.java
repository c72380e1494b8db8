package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Volatility: true range, ATR, Bollinger bands, rolling standard deviation, z-score and the realized-volatility
 * estimators close-to-close, Parkinson, Garman-Klass, Rogers-Satchell and Yang-Zhang.
 */
public final class Volatility
{
    private static final double LOG2 = Math.log(2);

    private Volatility()
    {
    }

    /**
     * True range: max(high, previous close) - min(low, previous close) ({@code TTR::ATR}'s {@code tr}).
     *
     * @param high          the bar's high.
     * @param low           the bar's low.
     * @param close         the bar's close (unused: the range ends at this bar's high and low).
     * @param previousClose the previous bar's close, {@code NaN} on the first bar.
     * @return the true range, {@code NaN} on the first bar (as TTR).
     */
    public static double trueRange(final double high, final double low, final double close, final double previousClose)
    {
        if (Double.isNaN(previousClose))
        {
            return Double.NaN;
        }
        return Math.max(high, previousClose) - Math.min(low, previousClose);
    }

    /** True range ({@code TTR::ATR}'s {@code tr}); undefined on the first bar. Name {@code true_range}. */
    public static final class TrueRange extends BarIndicator
    {
        private double previousClose = Double.NaN;

        /** The true range. */
        public TrueRange()
        {
            super("true_range");
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, trueRange(high, low, close, previousClose));
            previousClose = close;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Average true range ({@code TTR::ATR}): Wilder's smoothing ({@code alpha = 1/n}) of the true range, seeded with
     * the simple mean of the first n true ranges (bars 2..n+1). Name {@code atr_n}.
     */
    public static final class Atr extends BarIndicator
    {
        private final Ema average;
        private double previousClose = Double.NaN;

        /**
         * ATR.
         *
         * @param n the period.
         */
        public Atr(final int n)
        {
            super("atr_" + n);
            average = Ema.wilder(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, average.update(trueRange(high, low, close, previousClose)));
            previousClose = close;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            average.saveState(out);
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = average.loadState(in, i);
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Bollinger bands of the close ({@code TTR::BBands} on a close series): middle SMA(n), bands at k population
     * standard deviations (divisor n, as TTR's {@code runSD(sample = FALSE)}), %B = (close - lower) / (upper -
     * lower) and bandwidth (upper - lower) / middle (bandwidth is not in TTR; its reference is that formula over
     * {@code BBands}' columns). Names {@code bb_lower_n_k}, {@code bb_middle_n_k}, {@code bb_upper_n_k},
     * {@code bb_pctb_n_k}, {@code bb_width_n_k}.
     */
    public static final class Bollinger extends BarIndicator
    {
        private final double k;
        private final RollingMoments moments;
        private final RollingSum sum;
        private final int n;

        /**
         * Bollinger bands.
         *
         * @param n the window, at least 2.
         * @param k band width in standard deviations.
         */
        public Bollinger(final int n, final double k)
        {
            super("bb_lower_" + n + "_" + IndicatorCatalogue.format(k),
                "bb_middle_" + n + "_" + IndicatorCatalogue.format(k),
                "bb_upper_" + n + "_" + IndicatorCatalogue.format(k),
                "bb_pctb_" + n + "_" + IndicatorCatalogue.format(k),
                "bb_width_" + n + "_" + IndicatorCatalogue.format(k));
            this.k = k;
            this.n = n;
            moments = new RollingMoments(n);
            sum = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            moments.update(close);
            final double middle = sum.update(close) / n;
            if (moments.full())
            {
                final double sd = Math.sqrt(moments.populationVariance());
                final double upper = middle + k * sd;
                final double lower = middle - k * sd;
                set(0, lower);
                set(1, middle);
                set(2, upper);
                set(3, (close - lower) / (upper - lower));
                set(4, (upper - lower) / middle);
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            moments.saveState(out);
            sum.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = moments.loadState(in, i);
            i = sum.loadState(in, i);
            return i;
        }
    }

    /** Rolling sample standard deviation of the close, divisor n - 1 ({@code TTR::runSD}). Name {@code stdev_n}. */
    public static final class RollingSd extends BarIndicator
    {
        private final RollingMoments moments;

        /**
         * Rolling standard deviation.
         *
         * @param n the window, at least 2.
         */
        public RollingSd(final int n)
        {
            super("stdev_" + n);
            moments = new RollingMoments(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            moments.update(close);
            set(0, Math.sqrt(moments.sampleVariance()));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            moments.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = moments.loadState(in, i);
            return i;
        }
    }

    /**
     * Z-score of the close: (close - SMA(n)) / sample SD(n) over the same window including this bar (TTR has no
     * z-score; its reference is {@code (x - runMean(x, n)) / runSD(x, n)}). Name {@code zscore_n}.
     */
    public static final class ZScore extends BarIndicator
    {
        private final RollingMoments moments;

        /**
         * Z-score.
         *
         * @param n the window, at least 2.
         */
        public ZScore(final int n)
        {
            super("zscore_" + n);
            moments = new RollingMoments(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            moments.update(close);
            set(0, (close - moments.mean()) / Math.sqrt(moments.sampleVariance()));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            moments.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = moments.loadState(in, i);
            return i;
        }
    }

    /** The realized-volatility estimators of {@code TTR::volatility}. */
    public enum Estimator
    {
        /** Close-to-close: sample SD of the last n - 1 log returns (TTR's window), times sqrt(N). */
        CLOSE("rv_close"),
        /** Parkinson: sqrt(N / (4 n ln 2) * sum ln(H/L)^2). */
        PARKINSON("rv_parkinson"),
        /** Garman-Klass: sqrt(N / n * sum(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2)). */
        GARMAN_KLASS("rv_gk"),
        /** Rogers-Satchell: sqrt(N / n * sum(ln(H/C) ln(H/O) + ln(L/C) ln(L/O))). */
        ROGERS_SATCHELL("rv_rs"),
        /**
         * Yang-Zhang: sqrt(N var(ln(O/C_prev)) + k N var(ln(C/O)) + (1 - k) RS^2), sample variances over n,
         * k = 0.34 / (1.34 + (n + 1) / (n - 1)).
         */
        YANG_ZHANG("rv_yz");

        private final String prefix;

        Estimator(final String prefix)
        {
            this.prefix = prefix;
        }

        /**
         * The name prefix.
         *
         * @return e.g. {@code rv_gk}.
         */
        public String prefix()
        {
            return prefix;
        }
    }

    /**
     * Realized volatility over n bars with annualisation factor N (bars per year; TTR's default 260 for daily
     * bars), as {@code TTR::volatility} with {@code mean0 = FALSE} computes it. Name {@code <estimator>_n_N}, e.g.
     * {@code rv_yz_20_260}. O(1).
     */
    public static final class RealizedVolatility extends BarIndicator
    {
        private final Estimator estimator;
        private final int n;
        private final double annualisation;
        private final RollingSum sum;
        private final RollingMoments first;
        private final RollingMoments second;
        private final double yzWeight;
        private double previousClose = Double.NaN;

        /**
         * A realized-volatility estimator.
         *
         * @param estimator     which estimator.
         * @param n             window in bars (at least 3 for close-to-close, 2 otherwise).
         * @param annualisation N, bars per year.
         */
        public RealizedVolatility(final Estimator estimator, final int n, final double annualisation)
        {
            super(estimator.prefix() + "_" + n + "_" + IndicatorCatalogue.format(annualisation));
            this.estimator = estimator;
            this.n = n;
            this.annualisation = annualisation;
            sum = new RollingSum(n);
            first = new RollingMoments(estimator == Estimator.CLOSE ? n - 1 : n);
            second = new RollingMoments(n);
            yzWeight = 0.34 / (1.34 + (n + 1.0) / (n - 1.0));
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            switch (estimator)
            {
                case CLOSE:
                    if (!Double.isNaN(previousClose))
                    {
                        first.update(Math.log(close / previousClose));
                        set(0, Math.sqrt(annualisation) * Math.sqrt(first.sampleVariance()));
                    }
                    break;
                case PARKINSON:
                    final double hl = Math.log(high / low);
                    set(0, Math.sqrt(annualisation / (4 * n * LOG2) * sum.update(hl * hl)));
                    break;
                case GARMAN_KLASS:
                    final double range = Math.log(high / low);
                    final double body = Math.log(close / open);
                    set(0, Math.sqrt(annualisation / n * sum.update(0.5 * range * range
                        - (2 * LOG2 - 1) * body * body)));
                    break;
                case ROGERS_SATCHELL:
                    set(0, Math.sqrt(annualisation / n * sum.update(rogersSatchell(open, high, low, close))));
                    break;
                case YANG_ZHANG:
                    final double rs = annualisation / n * sum.update(rogersSatchell(open, high, low, close));
                    if (!Double.isNaN(previousClose))
                    {
                        first.update(Math.log(open / previousClose));
                        second.update(Math.log(close / open));
                        set(0, Math.sqrt(annualisation * first.sampleVariance()
                            + yzWeight * (annualisation * second.sampleVariance()) + (1 - yzWeight) * rs));
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown estimator " + estimator);
            }
            previousClose = close;
        }

        private static double rogersSatchell(final double open, final double high, final double low, final double close)
        {
            return Math.log(high / close) * Math.log(high / open) + Math.log(low / close) * Math.log(low / open);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            sum.saveState(out);
            first.saveState(out);
            second.saveState(out);
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = sum.loadState(in, i);
            i = first.loadState(in, i);
            i = second.loadState(in, i);
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }
}
