package io.meridian.engine.api;

/**
 * Order and aggressor side, encoded as one byte on the wire.
 */
public final class Side
{
    /** No side (e.g. a trade whose aggressor is unknown). */
    public static final byte NONE = 0;
    /** Buy side. */
    public static final byte BUY = 1;
    /** Sell side. */
    public static final byte SELL = 2;

    private Side()
    {
    }

    /**
     * The sign a fill on this side applies to a position.
     *
     * @param side {@link #BUY} or {@link #SELL}.
     * @return +1 for a buy, -1 for a sell, 0 otherwise.
     */
    public static int sign(final byte side)
    {
        return side == BUY ? 1 : side == SELL ? -1 : 0;
    }

    /**
     * Name of a side code, for tools and error messages (never on the hot path).
     *
     * @param side the code.
     * @return its name.
     */
    public static String name(final byte side)
    {
        switch (side)
        {
            case BUY:
                return "BUY";
            case SELL:
                return "SELL";
            case NONE:
                return "NONE";
            default:
                return "UNKNOWN(" + side + ")";
        }
    }
}
