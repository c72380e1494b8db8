package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Oscillators: RSI, stochastic %K/%D, Williams %R, CCI, ROC, momentum, MFI, TRIX and the ultimate oscillator.
 *
 * <p>Over 500 lines: nine small oscillators, each with its engine-state snapshot methods (issue 9); one class per
 * file would scatter a family the catalogue names together.
 */
public final class Oscillators
{
    private Oscillators()
    {
    }

    /**
     * Relative strength index ({@code TTR::RSI}): Wilder's smoothing ({@code alpha = 1/n}, seeded with the simple
     * mean of the first n) of the up moves and of the down moves of the close; {@code 100 up / (up + down)}. Name
     * {@code rsi_n}.
     */
    public static final class Rsi extends BarIndicator
    {
        private final Ema up;
        private final Ema down;
        private double previousClose = Double.NaN;

        /**
         * RSI.
         *
         * @param n the period.
         */
        public Rsi(final int n)
        {
            super("rsi_" + n);
            up = Ema.wilder(n);
            down = Ema.wilder(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (!Double.isNaN(previousClose))
            {
                final double change = close - previousClose;
                final double u = up.update(change < 0 ? 0 : change);
                final double d = down.update(change < 0 ? -change : 0);
                set(0, 100 * u / (u + d));
            }
            previousClose = close;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            up.saveState(out);
            down.saveState(out);
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = up.loadState(in, i);
            i = down.loadState(in, i);
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Stochastic oscillator ({@code TTR::stoch}, bounded, no smoothing): fast %K = (close - lowest low) / (highest
     * high - lowest low) over n bars, as a fraction in [0, 1] as TTR returns it (0.5 when the range is 0); %D is the
     * SMA of %K over d bars. Names {@code stoch_k_n}, {@code stoch_d_n_d}.
     */
    public static final class Stochastic extends BarIndicator
    {
        private final RollingExtreme highs;
        private final RollingExtreme lows;
        private final RollingSum kSum;
        private final int d;

        /**
         * Stochastic oscillator.
         *
         * @param n %K window.
         * @param d %D window.
         */
        public Stochastic(final int n, final int d)
        {
            super("stoch_k_" + n, "stoch_d_" + n + "_" + d);
            highs = RollingExtreme.max(n);
            lows = RollingExtreme.min(n);
            kSum = new RollingSum(d);
            this.d = d;
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double hmax = highs.update(high);
            final double lmin = lows.update(low);
            if (highs.full())
            {
                final double ratio = (close - lmin) / (hmax - lmin);
                final double k = Double.isFinite(ratio) ? ratio : 0.5;
                set(0, k);
                set(1, kSum.update(k) / d);
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            highs.saveState(out);
            lows.saveState(out);
            kSum.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = highs.loadState(in, i);
            i = lows.loadState(in, i);
            i = kSum.loadState(in, i);
            return i;
        }
    }

    /**
     * Williams %R ({@code TTR::WPR}): (highest high - close) / (highest high - lowest low) over n bars, a fraction in
     * [0, 1] as TTR returns it (0.5 when the range is 0); multiply by -100 for the chart convention. Name
     * {@code willr_n}.
     */
    public static final class WilliamsR extends BarIndicator
    {
        private final RollingExtreme highs;
        private final RollingExtreme lows;

        /**
         * Williams %R.
         *
         * @param n the window.
         */
        public WilliamsR(final int n)
        {
            super("willr_" + n);
            highs = RollingExtreme.max(n);
            lows = RollingExtreme.min(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double hmax = highs.update(high);
            final double lmin = lows.update(low);
            if (highs.full())
            {
                final double r = (hmax - close) / (hmax - lmin);
                set(0, Double.isNaN(r) ? 0.5 : r);
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            highs.saveState(out);
            lows.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = highs.loadState(in, i);
            i = lows.loadState(in, i);
            return i;
        }
    }

    /**
     * Commodity channel index ({@code TTR::CCI}): typical price tp = (H + L + C) / 3,
     * {@code (tp - SMA(tp)) / (0.015 * mean |tp_i - SMA(tp)|)} over n bars. O(n) per bar: the mean absolute
     * deviation around a moving mean has no O(1) update (every distance changes when the mean moves), so the window
     * is summed each bar. Name {@code cci_n}.
     */
    public static final class Cci extends BarIndicator
    {
        private final int n;
        private final double[] window;
        private final RollingSum sum;
        private int cursor;

        /**
         * CCI.
         *
         * @param n the window.
         */
        public Cci(final int n)
        {
            super("cci_" + n);
            this.n = n;
            window = new double[n];
            sum = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double tp = (high + low + close) / 3;
            window[cursor] = tp;
            cursor = cursor + 1 == n ? 0 : cursor + 1;
            final double mean = sum.update(tp) / n;
            if (sum.full())
            {
                double deviation = 0;
                for (int i = 0; i < n; i++)
                {
                    deviation += Math.abs(window[i] - mean);
                }
                set(0, (tp - mean) / (0.015 * (deviation / n)));
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            StateValues.putDoubles(out, window);
            sum.saveState(out);
            out.addLong(cursor);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = StateValues.getDoubles(in, i, window);
            i = sum.loadState(in, i);
            cursor = (int)in[i++];
            return i;
        }
    }

    /** Discrete rate of change ({@code TTR::ROC}, type "discrete"): close / close[n] - 1. Name {@code roc_n}. */
    public static final class Roc extends BarIndicator
    {
        private final Lag lag;

        /**
         * ROC.
         *
         * @param n the lag.
         */
        public Roc(final int n)
        {
            super("roc_" + n);
            lag = new Lag(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, close / lag.update(close) - 1);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            lag.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = lag.loadState(in, i);
            return i;
        }
    }

    /** Momentum ({@code TTR::momentum}): close - close[n]. Name {@code momentum_n}. */
    public static final class Momentum extends BarIndicator
    {
        private final Lag lag;

        /**
         * Momentum.
         *
         * @param n the lag.
         */
        public Momentum(final int n)
        {
            super("momentum_" + n);
            lag = new Lag(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, close - lag.update(close));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            lag.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = lag.loadState(in, i);
            return i;
        }
    }

    /**
     * Money flow index ({@code TTR::MFI}): money flow tp * volume counted positive when the typical price rose and
     * negative when it fell; {@code 100 - 100 / (1 + positive / negative)} over n bars (100 when nothing fell, 50
     * when nothing moved). Name {@code mfi_n}.
     */
    public static final class Mfi extends BarIndicator
    {
        private final RollingSum positive;
        private final RollingSum negative;
        private double previousTypical = Double.NaN;

        /**
         * MFI.
         *
         * @param n the window.
         */
        public Mfi(final int n)
        {
            super("mfi_" + n);
            positive = new RollingSum(n);
            negative = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double tp = (high + low + close) / 3;
            if (!Double.isNaN(previousTypical))
            {
                final double flow = tp * volume;
                final double num = positive.update(tp > previousTypical ? flow : 0);
                final double den = negative.update(tp < previousTypical ? flow : 0);
                if (positive.full())
                {
                    final double mfi;
                    if (den == 0)
                    {
                        mfi = num == 0 ? 50 : 100;
                    }
                    else
                    {
                        mfi = 100 - 100 / (1 + num / den);
                    }
                    set(0, mfi);
                }
            }
            previousTypical = tp;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            positive.saveState(out);
            negative.saveState(out);
            StateValues.putDouble(out, previousTypical);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = positive.loadState(in, i);
            i = negative.loadState(in, i);
            previousTypical = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * TRIX ({@code TTR::TRIX}, percent): 100 times the one-bar discrete rate of change of a triple EMA(n) of the
     * close; signal = EMA(signal) of TRIX. TTR's own TRIX smooths its signal with n, not {@code nSig} (its code
     * passes {@code n}); here the signal uses its own period as documented, and the reference is
     * {@code EMA(TRIX(x, n)[, "TRIX"], nSig)}. Names {@code trix_n_s}, {@code trix_signal_n_s}.
     */
    public static final class Trix extends BarIndicator
    {
        private final Ema first;
        private final Ema second;
        private final Ema third;
        private final Ema signal;
        private double previous = Double.NaN;

        /**
         * TRIX.
         *
         * @param n       triple-EMA period.
         * @param signalN signal period.
         */
        public Trix(final int n, final int signalN)
        {
            super("trix_" + n + "_" + signalN, "trix_signal_" + n + "_" + signalN);
            first = Ema.of(n);
            second = Ema.of(n);
            third = Ema.of(n);
            signal = Ema.of(signalN);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double triple = third.update(second.update(first.update(close)));
            final double trix = 100 * (triple / previous - 1);
            previous = triple;
            set(0, trix);
            set(1, signal.update(trix));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            first.saveState(out);
            second.saveState(out);
            third.saveState(out);
            signal.saveState(out);
            StateValues.putDouble(out, previous);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = first.loadState(in, i);
            i = second.loadState(in, i);
            i = third.loadState(in, i);
            i = signal.loadState(in, i);
            previous = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Ultimate oscillator ({@code TTR::ultimateOscillator}): buying pressure close - min(low, previous close) over
     * the true range, summed over three windows and weighted; {@code 100 * sum(w_i * bp_i / tr_i) / sum(w)}. Name
     * {@code ultosc_a_b_c} (weights 4, 2, 1).
     */
    public static final class UltimateOscillator extends BarIndicator
    {
        private static final double[] WEIGHTS = {4, 2, 1};
        private final RollingSum[] pressure = new RollingSum[3];
        private final RollingSum[] range = new RollingSum[3];
        private double previousClose = Double.NaN;

        /**
         * Ultimate oscillator.
         *
         * @param a short window.
         * @param b middle window.
         * @param c long window.
         */
        public UltimateOscillator(final int a, final int b, final int c)
        {
            super("ultosc_" + a + "_" + b + "_" + c);
            final int[] windows = {a, b, c};
            for (int i = 0; i < 3; i++)
            {
                pressure[i] = new RollingSum(windows[i]);
                range[i] = new RollingSum(windows[i]);
            }
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (!Double.isNaN(previousClose))
            {
                final double trueLow = Math.min(low, previousClose);
                final double tr = Math.max(high, previousClose) - trueLow;
                final double bp = close - trueLow;
                double osc = 0;
                for (int i = 0; i < 3; i++)
                {
                    osc = osc + WEIGHTS[i] * (pressure[i].update(bp) / range[i].update(tr));
                }
                set(0, 100 * osc / (WEIGHTS[0] + WEIGHTS[1] + WEIGHTS[2]));
            }
            previousClose = close;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            for (final var part : pressure)
            {
                part.saveState(out);
            }
            for (final var part : range)
            {
                part.saveState(out);
            }
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            for (final var part : pressure)
            {
                i = part.loadState(in, i);
            }
            for (final var part : range)
            {
                i = part.loadState(in, i);
            }
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }
}
