package io.meridian.engine.indicator;

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
}
