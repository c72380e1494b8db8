package io.meridian.engine.api;

/**
 * Execution report types, encoded as one byte.
 */
public final class ExecType
{
    /** The venue accepted the order. */
    public static final byte ACK = 1;
    /** Part of the order filled; some quantity is still working. */
    public static final byte PARTIAL_FILL = 2;
    /** The order filled completely. */
    public static final byte FILL = 3;
    /** The order was cancelled; nothing is working any more. */
    public static final byte CANCELLED = 4;
    /** The venue rejected the order. */
    public static final byte REJECTED = 5;

    private ExecType()
    {
    }

    /**
     * Name of an execution type code, for tools.
     *
     * @param type the code.
     * @return its name.
     */
    public static String name(final byte type)
    {
        switch (type)
        {
            case ACK:
                return "ACK";
            case PARTIAL_FILL:
                return "PARTIAL_FILL";
            case FILL:
                return "FILL";
            case CANCELLED:
                return "CANCELLED";
            case REJECTED:
                return "REJECTED";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
