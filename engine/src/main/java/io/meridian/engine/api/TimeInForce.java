package io.meridian.engine.api;

/**
 * Time-in-force codes of an order command, encoded as one byte.
 */
public final class TimeInForce
{
    /** Until the end of the trading session (the engine's own strategy sends only these). */
    public static final byte DAY = 0;
    /** Immediate or cancel: what does not execute on arrival is cancelled. */
    public static final byte IOC = 1;
    /** Good till cancelled: survives the session's end and reconnects. */
    public static final byte GTC = 2;

    private TimeInForce()
    {
    }

    /**
     * Name of a time-in-force code, for tools.
     *
     * @param tif the code.
     * @return its name.
     */
    public static String name(final byte tif)
    {
        switch (tif)
        {
            case DAY:
                return "DAY";
            case IOC:
                return "IOC";
            case GTC:
                return "GTC";
            default:
                return "UNKNOWN(" + tif + ")";
        }
    }
}
