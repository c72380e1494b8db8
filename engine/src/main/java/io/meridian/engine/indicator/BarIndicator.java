package io.meridian.engine.indicator;

import java.util.Arrays;

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
}
