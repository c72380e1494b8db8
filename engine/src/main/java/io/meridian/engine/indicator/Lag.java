package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The input {@code n} updates ago: a ring of n + 1 values. O(1), allocation-free after construction.
 */
public final class Lag
{
    private final double[] ring;
    private long count;
    private int cursor;

    /**
     * A lag of n inputs.
     *
     * @param n the lag, at least 1.
     */
    public Lag(final int n)
    {
        if (n < 1)
        {
            throw new IllegalArgumentException("lag must be at least 1: " + n);
        }
        ring = new double[n + 1];
    }

    /**
     * Feeds the next input.
     *
     * @param x the input.
     * @return the input n updates before this one, {@code NaN} while there is none.
     */
    public double update(final double x)
    {
        ring[cursor] = x;
        cursor = cursor + 1 == ring.length ? 0 : cursor + 1;
        count++;
        return count >= ring.length ? ring[cursor] : Double.NaN;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, ring);
        out.addLong(count);
        out.addLong(cursor);
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
        i = StateValues.getDoubles(in, i, ring);
        count = in[i++];
        cursor = (int)in[i++];
        return i;
    }
}
