package io.meridian.engine.api;

/**
 * The engine-wide trading state that the first pre-trade check gates on.
 */
public final class TradingState
{
    /** Orders of any kind pass the gate. */
    public static final byte ACTIVE = 1;
    /** Only orders that reduce the absolute position pass. */
    public static final byte REDUCING = 2;
    /** No new order passes. */
    public static final byte HALTED = 3;
    /**
     * No new order passes but the engine's own closing orders: every working order is being cancelled and every
     * position closed. The state leaves FLATTENING (for HALTED, reason {@code KILL_FLAT_CONFIRMED}) only when the
     * venue has confirmed every cancel and every position is zero, not when the commands are sent.
     */
    public static final byte FLATTENING = 4;

    private TradingState()
    {
    }

    /**
     * Name of a state code, for tools.
     *
     * @param state the code.
     * @return its name.
     */
    public static String name(final byte state)
    {
        switch (state)
        {
            case ACTIVE:
                return "ACTIVE";
            case REDUCING:
                return "REDUCING";
            case HALTED:
                return "HALTED";
            case FLATTENING:
                return "FLATTENING";
            default:
                return "UNKNOWN(" + state + ")";
        }
    }
}
