package io.meridian.engine.api;

/**
 * Outbound order command kinds, encoded as one byte.
 */
public final class OrderCommandType
{
    /** A new order. */
    public static final byte NEW = 1;
    /** Cancel one order, named by its client order id. */
    public static final byte CANCEL = 2;
    /** Cancel every working order (of one instrument, or of all when the instrument id is 0). */
    public static final byte MASS_CANCEL = 3;

    private OrderCommandType()
    {
    }

    /**
     * Name of a command code, for tools.
     *
     * @param type the code.
     * @return its name.
     */
    public static String name(final byte type)
    {
        switch (type)
        {
            case NEW:
                return "NEW";
            case CANCEL:
                return "CANCEL";
            case MASS_CANCEL:
                return "MASS_CANCEL";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
