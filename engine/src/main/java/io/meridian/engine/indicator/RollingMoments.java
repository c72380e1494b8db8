package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Mean and variance of the last {@code n} inputs. O(1) per update with the sliding form of Welford's update
 * (replacing {@code y} by {@code x}: {@code mean += (x - y) / n}, {@code m2 += (x - y) * (x - mean' + y - mean)}),
 * which keeps precision where the textbook {@code sum(x^2) - n * mean^2} cancels; once per pass over the window the
 * mean and the sum of squared deviations are recomputed exactly (two passes), so drift cannot build up (amortised
 * O(1)). Allocation-free after construction.
 */
public final class RollingMoments
{
    private final double[] window;
    private long count;
    private int cursor;
    private double mean;
    private double m2;

    /**
     * A window of {@code n} inputs.
     *
     * @param n the window length, at least 2.
     */
    public RollingMoments(final int n)
    {
        if (n < 2)
        {
            throw new IllegalArgumentException("window must be at least 2: " + n);
        }
        window = new double[n];
    }

    /**
     * Feeds the next input.
     *
     * @param x the input.
     */
    public void update(final double x)
    {
        final int n = window.length;
        if (count < n)
        {
            final double delta = x - mean;
            mean += delta / (count + 1);
            m2 += delta * (x - mean);
        }
        else
        {
            final double y = window[cursor];
            final double oldMean = mean;
            mean += (x - y) / n;
            m2 += (x - y) * (x - mean + y - oldMean);
        }
        window[cursor] = x;
        cursor = cursor + 1 == n ? 0 : cursor + 1;
        count++;
        if (cursor == 0)
        {
            recompute();
        }
    }

    private void recompute()
    {
        final int n = window.length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += window[i];
        }
        final double exactMean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            final double d = window[i] - exactMean;
            squares += d * d;
        }
        mean = exactMean;
        m2 = squares;
    }

    /**
     * Whether n inputs have been seen.
     *
     * @return true when full.
     */
    public boolean full()
    {
        return count >= window.length;
    }

    /**
     * Mean of the window.
     *
     * @return the mean, {@code NaN} before n inputs.
     */
    public double mean()
    {
        return full() ? mean : Double.NaN;
    }

    /**
     * Sample variance (divisor n - 1) of the window.
     *
     * @return the variance, {@code NaN} before n inputs.
     */
    public double sampleVariance()
    {
        return full() ? Math.max(0.0, m2) / (window.length - 1) : Double.NaN;
    }

    /**
     * Population variance (divisor n) of the window.
     *
     * @return the variance, {@code NaN} before n inputs.
     */
    public double populationVariance()
    {
        return full() ? Math.max(0.0, m2) / window.length : Double.NaN;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, window);
        out.addLong(count);
        out.addLong(cursor);
        StateValues.putDouble(out, mean);
        StateValues.putDouble(out, m2);
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
        i = StateValues.getDoubles(in, i, window);
        count = in[i++];
        cursor = (int)in[i++];
        mean = StateValues.getDouble(in, i++);
        m2 = StateValues.getDouble(in, i++);
        return i;
    }
}
