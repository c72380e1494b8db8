package io.meridian.engine.api;

/**
 * Fixed-point conventions. Prices are {@code long} ticks of {@code 1/priceScale}; quantities are {@code long} lots of
 * {@code 1/qtyScale}; cash (notional, P&amp;L) is {@code long} units of {@code 1/CASH_SCALE} of the account currency.
 * Both instrument scales are powers of ten whose product divides {@link #CASH_SCALE}, so price times quantity converts
 * to cash with one exact multiplication.
 */
public final class Scales
{
    /** Cash is kept in units of 0.0001 of the account currency. */
    public static final long CASH_SCALE = 10_000L;

    /** Sentinel a gateway writes when the source value was NaN, infinite or out of range. */
    public static final long NAN = Long.MIN_VALUE;

    private Scales()
    {
    }

    /**
     * Converts a floating-point value from an external source to fixed point, rounding half away from zero.
     *
     * @param value the source value.
     * @param scale units per whole (e.g. 10000 for four decimals).
     * @return the fixed-point value, or {@link #NAN} when the value is not finite or does not fit.
     */
    public static long toFixed(final double value, final long scale)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            return NAN;
        }
        final double scaled = value * scale;
        if (scaled >= 9.0e18 || scaled <= -9.0e18)
        {
            return NAN;
        }
        return Math.round(scaled);
    }

    /**
     * Converts fixed point to a double, for features and reports.
     *
     * @param value fixed-point value.
     * @param scale units per whole.
     * @return the value as a double.
     */
    public static double toDouble(final long value, final long scale)
    {
        return (double)value / (double)scale;
    }

    /**
     * The multiplier that turns price ticks times quantity lots into cash units.
     *
     * @param priceScale the instrument's price scale.
     * @param qtyScale the instrument's quantity scale.
     * @return {@code CASH_SCALE / (priceScale * qtyScale)}.
     * @throws IllegalArgumentException when the scales do not divide the cash scale.
     */
    public static long cashMultiplier(final long priceScale, final long qtyScale)
    {
        final long product = priceScale * qtyScale;
        if (product <= 0 || CASH_SCALE % product != 0)
        {
            throw new IllegalArgumentException(
                "priceScale*qtyScale=" + product + " must be a positive divisor of " + CASH_SCALE);
        }
        return CASH_SCALE / product;
    }
}
