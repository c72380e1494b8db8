package io.meridian.engine.api;

/**
 * Operator commands carried by an operator event, encoded as one byte. The OPERATOR record's header instrument
 * scopes CANCEL_ALL and FLATTEN to one instrument (0: all); HALT and RESUME act engine-wide.
 */
public final class OperatorCommand
{
    /** Stop all new orders; cancel nothing by itself. */
    public static final byte HALT = 1;
    /** Return to ACTIVE from HALTED or REDUCING. */
    public static final byte RESUME = 2;
    /** Cancel every working order. */
    public static final byte CANCEL_ALL = 3;
    /**
     * Cancel every working order and close every position; state FLATTENING until the venue confirms it flat. With
     * an instrument (the record's instrument id), that instrument only, until RESUME.
     */
    public static final byte FLATTEN = 4;

    private OperatorCommand()
    {
    }

    /**
     * Name of a command code, for tools.
     *
     * @param command the code.
     * @return its name.
     */
    public static String name(final byte command)
    {
        switch (command)
        {
            case HALT:
                return "HALT";
            case RESUME:
                return "RESUME";
            case CANCEL_ALL:
                return "CANCEL_ALL";
            case FLATTEN:
                return "FLATTEN";
            default:
                return "UNKNOWN(" + command + ")";
        }
    }
}
