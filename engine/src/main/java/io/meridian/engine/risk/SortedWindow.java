package io.meridian.engine.risk;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The last {@code capacity} values of a stream, kept twice: in arrival order (a ring, to know which value leaves) and
 * in ascending order (to read any order statistic directly). Adding a value removes the one it evicts and inserts the
 * new one, each by binary search and one array shift: O(log n) comparisons and at most n moved doubles, against a
 * selection over a copy of the window per query. Serves the fat-finger quantity median and the risk monitor's
 * historical VaR. Single-threaded (the order stage's thread); allocation-free after construction.
 */
final class SortedWindow
{
    private final double[] arrival;
    private final double[] sorted;
    private int count;
    private int cursor;
    private int lowestChanged;

    /**
     * An empty window.
     *
     * @param capacity values kept, at least 1.
     */
    SortedWindow(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        arrival = new double[capacity];
        sorted = new double[capacity];
    }

    /**
     * Adds a value, evicting the oldest when the window is full.
     *
     * @param value the value (not NaN).
     * @return false when the window's values did not change (it was full and the value evicted had the same bits as
     *     the one added); {@link #lowestChanged()} then says nothing.
     */
    boolean add(final double value)
    {
        int lowest = count;
        if (count == arrival.length)
        {
            final double evicted = arrival[cursor];
            if (Double.doubleToRawLongBits(evicted) == Double.doubleToRawLongBits(value))
            {
                cursor = cursor + 1 == arrival.length ? 0 : cursor + 1;
                return false;
            }
            lowest = remove(evicted);
        }
        arrival[cursor] = value;
        cursor = cursor + 1 == arrival.length ? 0 : cursor + 1;
        lowestChanged = Math.min(lowest, insert(value));
        return true;
    }

    /**
     * The lowest rank whose value the last {@link #add} that changed the window moved or replaced: the values of the
     * ranks below it are as they were, so sums over the smallest values can resume there.
     *
     * @return the rank, 0 to {@link #count()}.
     */
    int lowestChanged()
    {
        return lowestChanged;
    }

    /**
     * Values in the window.
     *
     * @return the count.
     */
    int count()
    {
        return count;
    }

    /**
     * The k-th smallest value in the window (0-based).
     *
     * @param k the rank, below {@link #count()}.
     * @return the value.
     */
    double smallest(final int k)
    {
        return sorted[k];
    }

    /**
     * The median: the middle value, or the mean of the two middle values for an even count; 0 when empty.
     *
     * @return the median.
     */
    double median()
    {
        if (count == 0)
        {
            return 0;
        }
        final int k = count >> 1;
        return (count & 1) == 1 ? sorted[k] : 0.5 * (sorted[k - 1] + sorted[k]);
    }

    private int remove(final double value)
    {
        final int at = firstAtLeast(value);
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
        return at;
    }

    private int insert(final double value)
    {
        final int at = firstAtLeast(Math.nextUp(value));
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
        return at;
    }

    /** Index of the first sorted value not below {@code value} ({@link #count} when none). */
    private int firstAtLeast(final double value)
    {
        int lo = 0;
        int hi = count;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, arrival);
        StateValues.putDoubles(out, sorted);
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
        i = StateValues.getDoubles(in, i, arrival);
        i = StateValues.getDoubles(in, i, sorted);
        count = (int)in[i++];
        cursor = (int)in[i++];
        return i;
    }
}
