package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Exponential moving average with TTR's conventions ({@code TTR::EMA}): the first value is the simple mean of the
 * first {@code n} inputs (accumulated as the sum of {@code x / n}, as TTR does), then
 * {@code ema = x * alpha + ema * (1 - alpha)} with {@code alpha = 2 / (n + 1)}, or {@code alpha = 1 / n} for
 * Wilder's smoothing ({@link #wilder}). Leading {@code NaN} inputs are skipped, so averages can be chained (DEMA,
 * TEMA, MACD signal, TRIX). O(1), allocation-free.
 */
public final class Ema
{
    private final int n;
    private final double alpha;
    private int seen;
    private double seed;
    private double value = Double.NaN;

    private Ema(final int n, final double alpha)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("EMA period must be at least 1: " + n);
        }
        this.n = n;
        this.alpha = alpha;
    }

    /**
     * An EMA with {@code alpha = 2 / (n + 1)}.
     *
     * @param n the period.
     * @return the average.
     */
    public static Ema of(final int n)
    {
        return new Ema(n, 2.0 / (n + 1));
    }

    /**
     * Wilder's smoothing: an EMA with {@code alpha = 1 / n}, seeded with the simple mean of the first n inputs.
     *
     * @param n the period.
     * @return the average.
     */
    public static Ema wilder(final int n)
    {
        return new Ema(n, 1.0 / n);
    }

    /**
     * Feeds the next input.
     *
     * @param x the input; {@code NaN} before the first number is skipped.
     * @return the average, {@code NaN} until {@code n} numbers have been seen.
     */
    public double update(final double x)
    {
        if (seen < n)
        {
            if (Double.isNaN(x))
            {
                return Double.NaN;
            }
            seed += x / n;
            seen++;
            if (seen == n)
            {
                value = seed;
            }
            return value;
        }
        value = x * alpha + value * (1 - alpha);
        return value;
    }

    /**
     * The current average.
     *
     * @return the value, {@code NaN} before warm-up.
     */
    public double value()
    {
        return value;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        out.addLong(seen);
        StateValues.putDouble(out, seed);
        StateValues.putDouble(out, value);
    }

    /**
     * Replaces this object's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this object's state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int at)
    {
        int i = at;
        seen = (int)in[i++];
        seed = StateValues.getDouble(in, i++);
        value = StateValues.getDouble(in, i++);
        return i;
    }
}
