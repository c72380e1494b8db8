package io.meridian.config;

/**
 * Parses and lists {@link ConfigValue} enums by their configuration names.
 */
public final class ConfigValues
{
    private ConfigValues()
    {
    }

    /**
     * The value with a configuration name.
     *
     * @param values the enum's values, e.g. {@code ThreadMode.values()}.
     * @param name the configuration name.
     * @param <E> the enum.
     * @return the value, or {@code null} when no value has that name.
     */
    public static <E extends Enum<E> & ConfigValue> E find(final E[] values, final String name)
    {
        for (final E value : values)
        {
            if (value.configName().equals(name))
            {
                return value;
            }
        }
        return null;
    }

    /**
     * The value with a configuration name, or an exception naming what was given and what is allowed.
     *
     * @param values the enum's values.
     * @param what what is being chosen, e.g. {@code "thread mode"}.
     * @param name the configuration name.
     * @param <E> the enum.
     * @return the value.
     * @throws IllegalArgumentException when no value has that name.
     */
    public static <E extends Enum<E> & ConfigValue> E parse(final E[] values, final String what, final String name)
    {
        final E value = find(values, name);
        if (value == null)
        {
            throw new IllegalArgumentException(
                "unknown " + what + " '" + name + "'; allowed: " + String.join(", ", names(values)));
        }
        return value;
    }

    /**
     * The configuration names of every value, in declaration order.
     *
     * @param values the enum's values.
     * @param <E> the enum.
     * @return the names.
     */
    public static <E extends Enum<E> & ConfigValue> String[] names(final E[] values)
    {
        final String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++)
        {
            names[i] = values[i].configName();
        }
        return names;
    }
}
