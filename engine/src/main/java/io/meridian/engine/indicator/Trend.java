package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Trend indicators: MACD, ADX with +DI/-DI, Aroon, Parabolic SAR, Donchian and Keltner channels.
 */
public final class Trend
{
    private Trend()
    {
    }

    /**
     * MACD line {@code EMA(fast) - EMA(slow)} of the close, its signal {@code EMA(signal)} of the line and the
     * histogram line - signal ({@code TTR::MACD} with {@code percent = FALSE}: TTR's default is the percentage
     * {@code 100 (fast / slow - 1)}; the issue asks for the classic difference). Names {@code macd_f_s_g},
     * {@code macd_signal_f_s_g}, {@code macd_hist_f_s_g}.
     */
    public static final class Macd extends BarIndicator
    {
        private final Ema fast;
        private final Ema slow;
        private final Ema signal;

        /**
         * MACD.
         *
         * @param fastN   fast EMA period.
         * @param slowN   slow EMA period.
         * @param signalN signal EMA period.
         */
        public Macd(final int fastN, final int slowN, final int signalN)
        {
            super("macd_" + fastN + "_" + slowN + "_" + signalN, "macd_signal_" + fastN + "_" + slowN + "_" + signalN,
                "macd_hist_" + fastN + "_" + slowN + "_" + signalN);
            fast = Ema.of(fastN);
            slow = Ema.of(slowN);
            signal = Ema.of(signalN);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double line = fast.update(close) - slow.update(close);
            final double sig = signal.update(line);
            set(0, line);
            set(1, sig);
            set(2, line - sig);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            fast.saveState(out);
            slow.saveState(out);
            signal.saveState(out);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = fast.loadState(in, i);
            i = slow.loadState(in, i);
            i = signal.loadState(in, i);
            return i;
        }
    }

    /**
     * Wilder's directional movement ({@code TTR::ADX}): +DM and -DM from the change of high and low (zero when equal
     * or both negative), true range; +DI and -DI are 100 times Wilder sums (the plain sum of the first n - 1 values,
     * then {@code s = x + s (n-1)/n}, as TTR's {@code wilderSum}) of +DM, -DM over that of the true range;
     * DX = 100 |+DI - -DI| / (+DI + -DI); ADX is Wilder's smoothing of DX seeded with the mean of the first n. Names
     * {@code adx_n},
     * {@code plus_di_n}, {@code minus_di_n}.
     */
    public static final class Adx extends BarIndicator
    {
        private final int n;
        private final Ema adx;
        private long bars;
        private double previousHigh;
        private double previousLow;
        private double previousClose;
        private double plusSum;
        private double minusSum;
        private double rangeSum;

        /**
         * ADX.
         *
         * @param n the period.
         */
        public Adx(final int n)
        {
            super("adx_" + n, "plus_di_" + n, "minus_di_" + n);
            if (n < 1)
            {
                throw new IllegalArgumentException("period must be at least 1: " + n);
            }
            this.n = n;
            adx = Ema.wilder(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (bars > 0)
            {
                final double up = high - previousHigh;
                final double down = previousLow - low;
                // TTR: zero when the moves are equal or both negative; equal moves fail both strict comparisons
                final boolean none = up < 0 && down < 0;
                final double plus = none || up <= down ? 0 : up;
                final double minus = none || up >= down ? 0 : down;
                final double range = Math.max(high, previousClose) - Math.min(low, previousClose);
                if (bars < n)
                {
                    plusSum += plus;
                    minusSum += minus;
                    rangeSum += range;
                }
                else
                {
                    plusSum = plus + plusSum * (n - 1) / n;
                    minusSum = minus + minusSum * (n - 1) / n;
                    rangeSum = range + rangeSum * (n - 1) / n;
                }
                if (bars >= n)
                {
                    final double plusDi = 100 * plusSum / rangeSum;
                    final double minusDi = 100 * minusSum / rangeSum;
                    final double dx = 100 * (Math.abs(plusDi - minusDi) / (plusDi + minusDi));
                    set(0, adx.update(dx));
                    set(1, plusDi);
                    set(2, minusDi);
                }
            }
            previousHigh = high;
            previousLow = low;
            previousClose = close;
            bars++;
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            adx.saveState(out);
            out.addLong(bars);
            StateValues.putDouble(out, previousHigh);
            StateValues.putDouble(out, previousLow);
            StateValues.putDouble(out, previousClose);
            StateValues.putDouble(out, plusSum);
            StateValues.putDouble(out, minusSum);
            StateValues.putDouble(out, rangeSum);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = adx.loadState(in, i);
            bars = in[i++];
            previousHigh = StateValues.getDouble(in, i++);
            previousLow = StateValues.getDouble(in, i++);
            previousClose = StateValues.getDouble(in, i++);
            plusSum = StateValues.getDouble(in, i++);
            minusSum = StateValues.getDouble(in, i++);
            rangeSum = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Aroon ({@code TTR::aroon}): up = 100 (n - bars since the highest high of the last n + 1 bars) / n, down the
     * same for the lowest low (the most recent of equal extremes counts), oscillator up - down; defined from the n-th
     * bar. Names {@code aroon_up_n}, {@code aroon_down_n}, {@code aroon_osc_n}. Amortised O(1) (monotonic deques).
     */
    public static final class Aroon extends BarIndicator
    {
        private final int n;
        private final RollingExtreme highs;
        private final RollingExtreme lows;
        private long bars;

        /**
         * Aroon.
         *
         * @param n the period.
         */
        public Aroon(final int n)
        {
            super("aroon_up_" + n, "aroon_down_" + n, "aroon_osc_" + n);
            this.n = n;
            highs = RollingExtreme.max(n + 1);
            lows = RollingExtreme.min(n + 1);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            highs.update(high);
            lows.update(low);
            bars++;
            if (bars >= n)
            {
                final double up = 100.0 * (n - highs.age()) / n;
                final double down = 100.0 * (n - lows.age()) / n;
                set(0, up);
                set(1, down);
                set(2, up - down);
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            highs.saveState(out);
            lows.saveState(out);
            out.addLong(bars);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = highs.loadState(in, i);
            i = lows.loadState(in, i);
            bars = in[i++];
            return i;
        }
    }

    /**
     * Wilder's parabolic stop-and-reverse, with {@code TTR::SAR}'s rules (start long with the first low as the stop
     * and the first high as the extreme point; the stop never enters the last two bars' range; a new extreme raises
     * the acceleration by {@code step} up to {@code max}; a reversal puts the stop at the extreme point and resets
     * the acceleration). Two departures from TTR, both to keep it causal and as published: TTR starts the stop one
     * standard deviation of (high - low) over the whole series below the first low, which looks ahead, so here the
     * start gap is 0; and TTR stops raising the acceleration only when it equals {@code max} exactly, which with
     * steps of 0.02 never happens in binary floating point, so here it is capped ({@code min(af + step, max)}).
     * Name {@code psar_step_max}. O(1).
     */
    public static final class ParabolicSar extends BarIndicator
    {
        private final double step;
        private final double max;
        private long bars;
        private boolean longSide;
        private double extreme;
        private double acceleration;
        private double sar;
        private double previousHigh;
        private double previousLow;

        /**
         * Parabolic SAR.
         *
         * @param step acceleration step (and start).
         * @param max  largest acceleration.
         */
        public ParabolicSar(final double step, final double max)
        {
            super("psar_" + IndicatorCatalogue.format(step) + "_" + IndicatorCatalogue.format(max));
            this.step = step;
            this.max = max;
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            if (bars++ == 0)
            {
                longSide = true;
                extreme = high;
                acceleration = step;
                sar = low;
            }
            else
            {
                advance(high, low);
            }
            previousHigh = high;
            previousLow = low;
            set(0, sar);
        }

        private void advance(final double high, final double low)
        {
            final boolean wasLong = longSide;
            final double oldExtreme = extreme;
            final double oldAcceleration = acceleration;
            final double localMin = Math.min(previousLow, low);
            final double localMax = Math.max(previousHigh, high);
            if (wasLong)
            {
                longSide = low > sar;
                extreme = Math.max(localMax, oldExtreme);
            }
            else
            {
                longSide = !(high < sar);
                extreme = Math.min(localMin, oldExtreme);
            }
            if (longSide == wasLong)
            {
                sar = sar + (oldExtreme - sar) * oldAcceleration;
                final double raised = Math.min(oldAcceleration + step, max);
                if (longSide)
                {
                    acceleration = extreme > oldExtreme ? raised : oldAcceleration;
                    sar = Math.min(sar, localMin);
                }
                else
                {
                    acceleration = extreme < oldExtreme ? raised : oldAcceleration;
                    sar = Math.max(sar, localMax);
                }
            }
            else
            {
                acceleration = step;
                sar = extreme;
            }
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            out.addLong(bars);
            StateValues.putBoolean(out, longSide);
            StateValues.putDouble(out, extreme);
            StateValues.putDouble(out, acceleration);
            StateValues.putDouble(out, sar);
            StateValues.putDouble(out, previousHigh);
            StateValues.putDouble(out, previousLow);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            bars = in[i++];
            longSide = in[i++] != 0;
            extreme = StateValues.getDouble(in, i++);
            acceleration = StateValues.getDouble(in, i++);
            sar = StateValues.getDouble(in, i++);
            previousHigh = StateValues.getDouble(in, i++);
            previousLow = StateValues.getDouble(in, i++);
            return i;
        }
    }

    /**
     * Donchian channel ({@code TTR::DonchianChannel}, no lag): highest high and lowest low of the last n bars and
     * their midpoint. Names {@code donchian_upper_n}, {@code donchian_middle_n}, {@code donchian_lower_n}.
     */
    public static final class Donchian extends BarIndicator
    {
        private final RollingExtreme highs;
        private final RollingExtreme lows;

        /**
         * Donchian channel.
         *
         * @param n the window.
         */
        public Donchian(final int n)
        {
            super("donchian_upper_" + n, "donchian_middle_" + n, "donchian_lower_" + n);
            highs = RollingExtreme.max(n);
            lows = RollingExtreme.min(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double upper = highs.update(high);
            final double lower = lows.update(low);
            if (highs.full())
            {
                set(0, upper);
                set(1, (upper + lower) / 2);
                set(2, lower);
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
     * Keltner channel ({@code TTR::keltnerChannels}): middle = EMA(n) of the typical price (H + L + C) / 3, bands at
     * {@code k} times ATR(n) (Wilder) around it. Names {@code keltner_lower_n_k}, {@code keltner_middle_n_k},
     * {@code keltner_upper_n_k}.
     */
    public static final class Keltner extends BarIndicator
    {
        private final double k;
        private final Ema middle;
        private final Ema atr;
        private double previousClose = Double.NaN;

        /**
         * Keltner channel.
         *
         * @param n the period.
         * @param k band width in ATRs.
         */
        public Keltner(final int n, final double k)
        {
            super("keltner_lower_" + n + "_" + IndicatorCatalogue.format(k),
                "keltner_middle_" + n + "_" + IndicatorCatalogue.format(k),
                "keltner_upper_" + n + "_" + IndicatorCatalogue.format(k));
            this.k = k;
            middle = Ema.of(n);
            atr = Ema.wilder(n);
        }

        @Override
        public void onBar(
            final double open, final double high, final double low, final double close, final double volume,
            final long session)
        {
            final double mid = middle.update((high + low + close) / 3);
            final double range = Volatility.trueRange(high, low, close, previousClose);
            final double average = atr.update(range);
            previousClose = close;
            set(0, mid - k * average);
            set(1, mid);
            set(2, mid + k * average);
        }

        @Override
        protected void saveOwnState(final LongArrayList out)
        {
            middle.saveState(out);
            atr.saveState(out);
            StateValues.putDouble(out, previousClose);
        }

        @Override
        protected int loadOwnState(final long[] in, final int at)
        {
            int i = at;
            i = middle.loadState(in, i);
            i = atr.loadState(in, i);
            previousClose = StateValues.getDouble(in, i++);
            return i;
        }
    }
}
