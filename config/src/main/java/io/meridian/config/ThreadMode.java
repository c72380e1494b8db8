package io.meridian.config;

/**
 * How the pipeline's stages map onto threads ({@code engine.mode}).
 */
public enum ThreadMode implements ConfigValue
{
    /** Every stage on one thread: the default, and the right choice on a machine with fewer than 4 cores. */
    SINGLE("single"),
    /** One Disruptor handler (thread) per stage. */
    STAGED("staged");

    private final String configName;

    ThreadMode(final String configName)
    {
        this.configName = configName;
    }

    @Override
    public String configName()
    {
        return configName;
    }

    /**
     * The mode with a configuration name.
     *
     * @param name {@code single} or {@code staged}.
     * @return the mode.
     * @throws IllegalArgumentException for any other name, naming the allowed ones.
     */
    public static ThreadMode of(final String name)
    {
        return ConfigValues.parse(values(), "thread mode", name);
    }
}
