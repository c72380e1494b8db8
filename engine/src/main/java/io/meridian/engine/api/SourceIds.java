package io.meridian.engine.api;

/**
 * Source ids stamped in record headers by the engine's own sources. Gateways number their feeds and venues from 1
 * (the synthetic market is 1, the simulated venue 2).
 */
public final class SourceIds
{
    /** Timer events. */
    public static final int TIMER = 3;
    /** Operator commands. */
    public static final int OPERATOR = 4;

    private SourceIds()
    {
    }
}
