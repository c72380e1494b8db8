package io.meridian.config;

/**
 * Which threads journal inbound events and decisions ({@code engine.journaling}).
 */
public enum JournalingMode implements ConfigValue
{
    /**
     * The input journaler is a parallel consumer of the inbound ring and decisions are journaled by the outbound
     * ring's handler, which sends an order only once its cause is journaled.
     */
    PARALLEL("parallel"),
    /**
     * Single mode only: the pipeline thread journals each input before its stages and each decision after, so one
     * consumer thread does everything.
     */
    INLINE("inline");

    private final String configName;

    JournalingMode(final String configName)
    {
        this.configName = configName;
    }

    @Override
    public String configName()
    {
        return configName;
    }

    /**
     * The journaling mode with a configuration name.
     *
     * @param name {@code parallel} or {@code inline}.
     * @return the mode.
     * @throws IllegalArgumentException for any other name, naming the allowed ones.
     */
    public static JournalingMode of(final String name)
    {
        return ConfigValues.parse(values(), "journaling mode", name);
    }
}
