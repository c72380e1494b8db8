package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Maximum or minimum of the last {@code n} inputs, and how many inputs ago it occurred, with a monotonic deque:
 * amortised O(1) per update (each input enters and leaves the deque once). Of equal extremes the most recent wins
 * (as {@code TTR::aroon} counts). Allocation-free after construction.
 */
public final class RollingExtreme
{
    private final boolean max;
    private final int n;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long count;

    private RollingExtreme(final int n, final boolean max)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("window must be at least 1: " + n);
        }
        this.n = n;
        this.max = max;
        values = new double[n];
        positions = new long[n];
    }

    /**
     * A rolling maximum.
     *
     * @param n window length.
     * @return the window.
     */
    public static RollingExtreme max(final int n)
    {
        return new RollingExtreme(n, true);
    }

    /**
     * A rolling minimum.
     *
     * @param n window length.
     * @return the window.
     */
    public static RollingExtreme min(final int n)
    {
        return new RollingExtreme(n, false);
    }

    /**
     * Feeds the next input.
     *
     * @param x the input.
     * @return the extreme of the last n inputs (of all inputs so far while fewer than n).
     */
    public double update(final double x)
    {
        final long position = count++;
        if (size > 0 && positions[head] <= position - n)
        {
            head = head + 1 == n ? 0 : head + 1;
            size--;
        }
        while (size > 0)
        {
            final double back = values[slot(size - 1)];
            if (max ? back <= x : back >= x)
            {
                size--;
            }
            else
            {
                break;
            }
        }
        final int slot = slot(size);
        values[slot] = x;
        positions[slot] = position;
        size++;
        return values[head];
    }

    private int slot(final int offset)
    {
        final int s = head + offset;
        return s >= n ? s - n : s;
    }

    /**
     * The current extreme.
     *
     * @return the value; undefined before the first input.
     */
    public double value()
    {
        return values[head];
    }

    /**
     * How many inputs ago the current extreme arrived (0: the latest input).
     *
     * @return the age.
     */
    public long age()
    {
        return count - 1 - positions[head];
    }

    /**
     * Whether n inputs have been seen.
     *
     * @return true when full.
     */
    public boolean full()
    {
        return count >= n;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, values);
        StateValues.putLongs(out, positions);
        out.addLong(head);
        out.addLong(size);
        out.addLong(count);
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
        i = StateValues.getDoubles(in, i, values);
        i = StateValues.getLongs(in, i, positions);
        head = (int)in[i++];
        size = (int)in[i++];
        count = in[i++];
        return i;
    }
}
