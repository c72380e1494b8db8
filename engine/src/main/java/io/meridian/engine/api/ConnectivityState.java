package io.meridian.engine.api;

/**
 * Connectivity states of a venue or feed session, encoded as one byte.
 */
public final class ConnectivityState
{
    /** The session is up. */
    public static final byte UP = 1;
    /** The session is down. */
    public static final byte DOWN = 2;

    private ConnectivityState()
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
        return state == UP ? "UP" : state == DOWN ? "DOWN" : "UNKNOWN(" + state + ")";
    }
}
