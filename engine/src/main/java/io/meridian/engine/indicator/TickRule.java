package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The tick rule: a trade above the last different trade price is a buy (+1), below it a sell (-1); a trade at the
 * same price keeps the previous sign; 0 until the price has first changed. O(1), allocation-free.
 */
public final class TickRule
{
    private double lastPrice = Double.NaN;
    private int sign;

    /**
     * Classifies the next trade.
     *
     * @param price the trade price.
     * @return +1, -1, or 0 while unknown.
     */
    public int classify(final double price)
    {
        if (!Double.isNaN(lastPrice))
        {
            if (price > lastPrice)
            {
                sign = 1;
            }
            else if (price < lastPrice)
            {
                sign = -1;
            }
        }
        lastPrice = price;
        return sign;
    }

    /**
     * The Lee-Ready rule: above the prevailing mid a buy, below it a sell, at the mid the tick rule. Call for every
     * trade (it updates the tick rule's state too).
     *
     * @param price the trade price.
     * @param mid   the prevailing quote's mid, {@code NaN} when there is no quote yet (then the tick rule decides).
     * @return +1, -1, or 0 while unknown.
     */
    public int leeReady(final double price, final double mid)
    {
        final int tick = classify(price);
        if (price > mid)
        {
            return 1;
        }
        if (price < mid)
        {
            return -1;
        }
        return tick;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDouble(out, lastPrice);
        out.addLong(sign);
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
        lastPrice = StateValues.getDouble(in, i++);
        sign = (int)in[i++];
        return i;
    }
}
