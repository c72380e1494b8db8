package io.meridian.ops.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line options: {@code --name value} pairs, repeatable {@code --set key=value}, flags and
 * positional arguments. Unknown options and missing values are {@link UsageException}s that name the option.
 */
public final class Args
{
    private final String command;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    private Args(final String command)
    {
        this.command = command;
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param command the command, for messages.
     * @param argv the arguments.
     * @param valueOptions options that take a value (without the leading dashes).
     * @param flagOptions options that take no value.
     * @return the parsed arguments.
     * @throws UsageException naming the offending option.
     */
    public static Args parse(
        final String command, final List<String> argv, final Set<String> valueOptions, final Set<String> flagOptions)
    {
        final Args args = new Args(command);
        for (int i = 0; i < argv.size(); i++)
        {
            final String arg = argv.get(i);
            if (arg.startsWith("--"))
            {
                String name = arg.substring(2);
                String value = null;
                final int eq = name.indexOf('=');
                if (eq > 0 && !"set".equals(name.substring(0, eq)))
                {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flagOptions.contains(name))
                {
                    args.flags.add(name);
                    continue;
                }
                if (!"set".equals(name) && !valueOptions.contains(name))
                {
                    throw new UsageException(command + ": unknown option '" + arg + "'");
                }
                if (value == null)
                {
                    if (i + 1 >= argv.size())
                    {
                        throw new UsageException(command + ": option '--" + name + "' needs a value");
                    }
                    value = argv.get(++i);
                }
                if ("set".equals(name))
                {
                    args.sets.add(value);
                }
                else
                {
                    args.options.put(name, value);
                }
            }
            else
            {
                args.positional.add(arg);
            }
        }
        return args;
    }

    /**
     * An option's value.
     *
     * @param name option name.
     * @return the value or {@code null}.
     */
    public String option(final String name)
    {
        return options.get(name);
    }

    /**
     * A positive whole-number option.
     *
     * @param name option name.
     * @param defaultValue value when absent.
     * @return the value.
     */
    public long longOption(final String name, final long defaultValue)
    {
        final String value = options.get(name);
        if (value == null)
        {
            return defaultValue;
        }
        try
        {
            final long parsed = Long.parseLong(value.replace("_", ""));
            if (parsed <= 0)
            {
                throw new NumberFormatException();
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException(command + ": --" + name + " needs a positive whole number, got '" + value + "'");
        }
    }

    /**
     * Whether a flag was given.
     *
     * @param name flag name.
     * @return true when present.
     */
    public boolean flag(final String name)
    {
        return flags.contains(name);
    }

    /**
     * The {@code --set} overrides in order.
     *
     * @return the overrides.
     */
    public List<String> sets()
    {
        return List.copyOf(sets);
    }

    /**
     * Positional arguments.
     *
     * @return the arguments.
     */
    public List<String> positional()
    {
        return List.copyOf(positional);
    }
}
