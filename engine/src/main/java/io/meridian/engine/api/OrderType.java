package io.meridian.engine.api;

/**
 * Order types, encoded as one byte.
 */
public final class OrderType
{
    /** Market order: price is ignored. */
    public static final byte MARKET = 1;
    /** Limit order. */
    public static final byte LIMIT = 2;
    /** Stop order: becomes a market order once the last trade reaches the stop (aux) price. */
    public static final byte STOP = 3;
    /** Stop-limit order: becomes a limit order at the limit price once the last trade reaches the stop price. */
    public static final byte STOP_LIMIT = 4;

    private OrderType()
    {
    }

    /**
     * Name of an order type code, for tools.
     *
     * @param type the code.
     * @return its name.
     */
    public static String name(final byte type)
    {
        switch (type)
        {
            case MARKET:
                return "MARKET";
            case LIMIT:
                return "LIMIT";
            case STOP:
                return "STOP";
            case STOP_LIMIT:
                return "STOP_LIMIT";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
