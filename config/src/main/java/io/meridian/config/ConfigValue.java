package io.meridian.config;

/**
 * A configuration value chosen from a fixed set: an enum constant with the exact text a YAML file, a {@code --set}
 * override or a command-line option uses for it. {@link ConfigValues} parses and lists such values; the canonical
 * YAML writes {@link #configName()}.
 */
public interface ConfigValue
{
    /**
     * The text that selects this value in configuration.
     *
     * @return the name, e.g. {@code busy-spin}.
     */
    String configName();
}
