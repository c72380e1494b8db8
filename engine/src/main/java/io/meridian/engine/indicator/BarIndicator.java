package io.meridian.engine.indicator;

import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * An indicator over bars: fed one bar at a time with {@link #onBar}, it keeps one or more outputs, each
 * {@code NaN} until warmed up. Outputs have fixed names ({@code name_param_param}, e.g. {@code bb_lower_20_2}).
 * Single-threaded; allocation-free after construction.
 */
public abstract class BarIndicator
{
    private final String[] names;
    private final double[] values;

    /**
     * An indicator with the given output names.
     *
     * @param names output names, in output order.
     */
    protected BarIndicator(final String... names)
    {
        this.names = names.clone();
        this.values = new double[names.length];
        Arrays.fill(values, Double.NaN);
    }

    /**
     * Updates the indicator with the next bar.
     *
     * @param open    open price.
     * @param high    high price.
     * @param low     low price.
     * @param close   close price.
     * @param volume  volume.
     * @param session the bar's session (e.g. its exchange-local epoch day); only session-anchored indicators use it.
     */
    public abstract void onBar(double open, double high, double low, double close, double volume, long session);

    /**
     * Number of outputs.
     *
     * @return the count.
     */
    public final int outputs()
    {
        return names.length;
    }

    /**
     * An output's name.
     *
     * @param output output index.
     * @return the name.
     */
    public final String name(final int output)
    {
        return names[output];
    }

    /**
     * An output's current value.
     *
     * @param output output index.
     * @return the value, {@code NaN} before warm-up.
     */
    public final double value(final int output)
    {
        return values[output];
    }

    /**
     * Sets an output; for subclasses.
     *
     * @param output output index.
     * @param value  the value.
     */
    protected final void set(final int output, final double value)
    {
        values[output] = value;
    }

    /**
     * Appends this indicator's state (its outputs, then its own) to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public final void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, values);
        saveOwnState(out);
    }

    /**
     * Replaces this indicator's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this indicator's state starts.
     * @return where the next state starts.
     */
    public final int loadState(final long[] in, final int at)
    {
        return loadOwnState(in, StateValues.getDoubles(in, at, values));
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
