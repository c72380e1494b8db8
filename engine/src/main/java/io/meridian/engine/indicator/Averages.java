package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Moving averages of the close: SMA, EMA, WMA, DEMA, TEMA and KAMA.
 */
public final class Averages
{
    private Averages()
    {
    }

    /** Simple moving average of the last n closes ({@code TTR::SMA}); name {@code sma_n}. O(1). */
    public static final class Sma extends BarIndicator
    {
        private final int n;
        private final RollingSum sum;

        /**
         * SMA over n bars.
         *
         * @param n the window, at least 1.
         */
        public Sma(final int n)
        {
            super("sma_" + n);
            this.n = n;
            sum = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, sum.update(close) / n);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            sum.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = sum.loadState(in, i);
            return i;
        }
    }

    /** EMA of the close seeded with the SMA of the first n closes ({@code TTR::EMA}); name {@code ema_n}. */
    public static final class ExponentialAverage extends BarIndicator
    {
        private final Ema ema;

        /**
         * EMA with alpha = 2 / (n + 1).
         *
         * @param n the period.
         */
        public ExponentialAverage(final int n)
        {
            super("ema_" + n);
            ema = Ema.of(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            set(0, ema.update(close));
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            ema.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = ema.loadState(in, i);
            return i;
        }
    }

    /**
     * Linearly weighted moving average, weights 1..n with n on the latest close ({@code TTR::WMA}); name
     * {@code wma_n}. O(1): the weighted sum moves by {@code n * x - (sum of the previous n closes)}; it is re-summed
     * exactly once per pass over the window.
     */
    public static final class Wma extends BarIndicator
    {
        private final int n;
        private final double[] window;
        private final double weightSum;
        private long count;
        private int cursor;
        private double plainSum;
        private double weightedSum;

        /**
         * WMA over n bars.
         *
         * @param n the window, at least 1.
         */
        public Wma(final int n)
        {
            super("wma_" + n);
            if (n < 1)
            {
                throw new IllegalArgumentException("window must be at least 1: " + n);
            }
            this.n = n;
            window = new double[n];
            weightSum = n * (n + 1) / 2.0;
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            weightedSum += n * close - plainSum;
            plainSum += close - window[cursor];
            window[cursor] = close;
            cursor = cursor + 1 == n ? 0 : cursor + 1;
            count++;
            if (cursor == 0)
            {
                double plain = 0;
                double weighted = 0;
                for (int i = 0; i < n; i++)
                {
                    plain += window[i];
                    weighted += (i + 1) * window[i];
                }
                plainSum = plain;
                weightedSum = weighted;
            }
            set(0, count >= n ? weightedSum / weightSum : Double.NaN);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            StateValues.putDoubles(out, window);
            out.addLong(count);
            out.addLong(cursor);
            StateValues.putDouble(out, plainSum);
            StateValues.putDouble(out, weightedSum);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = StateValues.getDoubles(in, i, window);
            count = in[i++];
            cursor = (int)in[i++];
            plainSum = StateValues.getDouble(in, i++);
            weightedSum = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /** Double EMA, {@code 2 EMA - EMA(EMA)} ({@code TTR::DEMA}, v = 1); name {@code dema_n}. */
    public static final class Dema extends BarIndicator
    {
        private final Ema first;
        private final Ema second;

        /**
         * DEMA with period n.
         *
         * @param n the period.
         */
        public Dema(final int n)
        {
            super("dema_" + n);
            first = Ema.of(n);
            second = Ema.of(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double e1 = first.update(close);
            final double e2 = second.update(e1);
            set(0, 2 * e1 - e2);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            first.saveState(out);
            second.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = first.loadState(in, i);
            i = second.loadState(in, i);
            return i;
        }
    }

    /**
     * Triple EMA, {@code 3 EMA - 3 EMA(EMA) + EMA(EMA(EMA))} (Mulloy), each EMA seeded as {@code TTR::EMA}; TTR has
     * no TEMA, so its reference is that composition of {@code TTR::EMA}. Name {@code tema_n}.
     */
    public static final class Tema extends BarIndicator
    {
        private final Ema first;
        private final Ema second;
        private final Ema third;

        /**
         * TEMA with period n.
         *
         * @param n the period.
         */
        public Tema(final int n)
        {
            super("tema_" + n);
            first = Ema.of(n);
            second = Ema.of(n);
            third = Ema.of(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double e1 = first.update(close);
            final double e2 = second.update(e1);
            final double e3 = third.update(e2);
            set(0, 3 * e1 - 3 * e2 + e3);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            first.saveState(out);
            second.saveState(out);
            third.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = first.loadState(in, i);
            i = second.loadState(in, i);
            i = third.loadState(in, i);
            return i;
        }
    }

    /**
     * Kaufman's adaptive moving average (TTR has none; convention of ta4j's {@code KAMAIndicator}): efficiency ratio
     * {@code ER = |close - close[n]| / sum of |close change| over n bars} (0 when the price did not move),
     * {@code sc = (ER (2/(fast+1) - 2/(slow+1)) + 2/(slow+1))^2}, {@code kama += sc (close - kama)}, started at the
     * (n+1)-th bar from the previous close. Name {@code kama_n_fast_slow}. O(1).
     */
    public static final class Kama extends BarIndicator
    {
        private final double fastest;
        private final double slowest;
        private final Lag lag;
        private final RollingSum volatility;
        private double previousClose = Double.NaN;
        private double kama = Double.NaN;

        /**
         * KAMA.
         *
         * @param n    efficiency-ratio window.
         * @param fast fast period.
         * @param slow slow period.
         */
        public Kama(final int n, final int fast, final int slow)
        {
            super("kama_" + n + "_" + fast + "_" + slow);
            fastest = 2.0 / (fast + 1);
            slowest = 2.0 / (slow + 1);
            lag = new Lag(n);
            volatility = new RollingSum(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double old = lag.update(close);
            final double path = Double.isNaN(previousClose) ? Double.NaN
                : volatility.update(Math.abs(close - previousClose));
            if (!Double.isNaN(old))
            {
                final double er = path == 0 ? 0 : Math.abs(close - old) / path;
                final double root = er * (fastest - slowest) + slowest;
                final double sc = root * root;
                final double prior = Double.isNaN(kama) ? previousClose : kama;
                kama = prior + sc * (close - prior);
                set(0, kama);
            }
            previousClose = close;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            lag.saveState(out);
            volatility.saveState(out);
            StateValues.putDouble(out, previousClose);
            StateValues.putDouble(out, kama);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = lag.loadState(in, i);
            i = volatility.loadState(in, i);
            previousClose = StateValues.getDouble(in, i++);
            kama = StateValues.getDouble(in, i++);
            return i;
        }
    }
}
