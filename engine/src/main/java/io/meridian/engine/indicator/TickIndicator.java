package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * A microstructure feature over an instrument's quotes (L1) and trades, fed in event order. It has one output,
 * {@code NaN} until defined. Single-threaded; allocation-free after construction.
 */
public abstract class TickIndicator
{
    private final String name;
    private double value = Double.NaN;

    /**
     * A feature with the given name.
     *
     * @param name the output name.
     */
    protected TickIndicator(final String name)
    {
        this.name = name;
    }

    /**
     * The best bid and offer changed.
     *
     * @param bid    best bid price.
     * @param bidQty best bid size.
     * @param ask    best ask price.
     * @param askQty best ask size.
     */
    public abstract void onQuote(double bid, double bidQty, double ask, double askQty);

    /**
     * A trade printed.
     *
     * @param price trade price.
     * @param qty   trade size.
     */
    public abstract void onTrade(double price, double qty);

    /**
     * The output's name.
     *
     * @return the name.
     */
    public final String name()
    {
        return name;
    }

    /**
     * The current value.
     *
     * @return the value, {@code NaN} while undefined.
     */
    public final double value()
    {
        return value;
    }

    /**
     * Sets the output; for subclasses.
     *
     * @param newValue the value.
     */
    protected final void set(final double newValue)
    {
        value = newValue;
    }

    /**
     * Appends this feature's state (its value, then its own) to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public final void saveState(final LongArrayList out)
    {
        StateValues.putDouble(out, value);
        saveOwnState(out);
    }

    /**
     * Replaces this feature's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this feature's state starts.
     * @return where the next state starts.
     */
    public final int loadState(final long[] in, final int at)
    {
        value = StateValues.getDouble(in, at);
        return loadOwnState(in, at + 1);
    }

    /**
     * Appends the subclass's state: everything that carries from one event to the next, doubles as raw bits.
     *
     * @param out the snapshot values.
     */
    protected abstract void saveOwnState(LongArrayList out);

    /**
     * Reads back what {@link #saveOwnState} wrote.
     *
     * @param in the snapshot values.
     * @param at where it starts.
     * @return where the next state starts.
     */
    protected abstract int loadOwnState(long[] in, int at);
}
