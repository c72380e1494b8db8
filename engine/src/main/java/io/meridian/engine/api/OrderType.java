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
        return type == MARKET ? "MARKET" : type == LIMIT ? "LIMIT" : "UNKNOWN(" + type + ")";
    }
}
