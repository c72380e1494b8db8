package io.meridian.config;

/**
 * How a consumer waits for the next event on a ring ({@code engine.waitStrategy}); the engine maps each kind to a
 * Disruptor wait strategy.
 */
public enum WaitStrategyKind implements ConfigValue
{
    /** Spins on the CPU: lowest latency, burns a core. */
    BUSY_SPIN("busy-spin"),
    /** Spins briefly, then yields the CPU. */
    YIELDING("yielding"),
    /** Spins, yields, then parks for short intervals. */
    SLEEPING("sleeping"),
    /** Waits on a lock and condition: lowest CPU, highest latency; never on a latency path. */
    BLOCKING("blocking");

    private final String configName;

    WaitStrategyKind(final String configName)
    {
        this.configName = configName;
    }

    @Override
    public String configName()
    {
        return configName;
    }

    /**
     * The kind with a configuration name.
     *
     * @param name {@code busy-spin}, {@code yielding}, {@code sleeping} or {@code blocking}.
     * @return the kind.
     * @throws IllegalArgumentException for any other name, naming the allowed ones.
     */
    public static WaitStrategyKind of(final String name)
    {
        return ConfigValues.parse(values(), "wait strategy", name);
    }
}
