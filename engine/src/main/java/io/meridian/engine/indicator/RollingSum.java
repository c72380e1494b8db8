package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Sum of the last {@code n} inputs ({@code TTR::runSum}). O(1) per update: the running sum adds the new input and
 * subtracts the one leaving; once per pass over the window it is re-summed exactly, so floating-point drift cannot
 * build up (amortised O(1)). Allocation-free after construction.
 */
public final class RollingSum
{
    private final double[] window;
    private long count;
    private int cursor;
    private double sum;

    /**
     * A window of {@code n} inputs.
     *
     * @param n the window length, at least 1.
     */
    public RollingSum(final int n)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("window must be at least 1: " + n);
        }
        window = new double[n];
    }

    /**
     * Feeds the next input.
     *
     * @param x the input.
     * @return the sum of the last n inputs, {@code NaN} until n inputs have been seen.
     */
    public double update(final double x)
    {
        final int n = window.length;
        sum += x - window[cursor];
        window[cursor] = x;
        cursor = cursor + 1 == n ? 0 : cursor + 1;
        count++;
        if (cursor == 0)
        {
            double exact = 0;
            for (int i = 0; i < n; i++)
            {
                exact += window[i];
            }
            sum = exact;
        }
        return count >= n ? sum : Double.NaN;
    }

    /**
     * The current sum.
     *
     * @return the sum of the last n inputs, {@code NaN} before n inputs.
     */
    public double sum()
    {
        return count >= window.length ? sum : Double.NaN;
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
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, window);
        out.addLong(count);
        out.addLong(cursor);
        StateValues.putDouble(out, sum);
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
        sum = StateValues.getDouble(in, i++);
        return i;
    }
}
