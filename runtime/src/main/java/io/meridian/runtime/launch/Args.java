package io.meridian.runtime.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one command-line parser of the {@code meridian} commands and the bench harnesses: {@code --name value} (or
 * {@code --name=value}) options with optional defaults, repeatable {@code --set key=value} overrides, flags without
 * a value ({@code --help}, with {@code -h} as its short form, when the command lists it), and positional arguments.
 * An unknown option, a missing value or a bad value is a {@link UsageException} that names the command, the option
 * and what was expected.
 */
public final class Args
{
    /** The repeatable configuration override option. */
    public static final String SET = "set";
    /** The help flag; {@code -h} is its short form. */
    public static final String HELP = "help";

    private final String command;
    private final Map<String, String> options;
    private final List<String> sets = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    private Args(final String command, final Map<String, String> options)
    {
        this.command = command;
        this.options = options;
    }

    /**
     * Parses the arguments after the command name, with {@code --set} allowed and no defaults.
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
        final Map<String, String> defaults = new LinkedHashMap<>();
        for (final String name : valueOptions)
        {
            defaults.put(name, null);
        }
        defaults.put(SET, null);
        return parse(command, argv, defaults, flagOptions);
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param command the command, for messages.
     * @param argv the arguments.
     * @param defaults every option that takes a value (without the leading dashes) and its default ({@code null}:
     *     not set); {@link #SET} in it allows repeated {@code --set} overrides.
     * @param flagOptions options that take no value.
     * @return the parsed arguments.
     * @throws UsageException naming the offending option.
     */
    public static Args parse(
        final String command,
        final List<String> argv,
        final Map<String, String> defaults,
        final Set<String> flagOptions)
    {
        final Map<String, String> options = new LinkedHashMap<>(defaults);
        options.remove(SET);
        final Args args = new Args(command, options);
        for (int i = 0; i < argv.size(); i++)
        {
            final String arg = argv.get(i);
            if ("-h".equals(arg) && flagOptions.contains(HELP))
            {
                args.flags.add(HELP);
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2)
            {
                args.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            final int eq = name.indexOf('=');
            if (eq > 0)
            {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name))
            {
                args.flags.add(name);
                continue;
            }
            if (!defaults.containsKey(name))
            {
                throw new UsageException(command + ": unknown option '" + arg + "'; allowed: " + allowed(
                    defaults, flagOptions));
            }
            if (value == null)
            {
                if (i + 1 >= argv.size())
                {
                    throw new UsageException(command + ": option '--" + name + "' needs a value");
                }
                value = argv.get(++i);
            }
            if (SET.equals(name))
            {
                args.sets.add(value);
            }
            else
            {
                args.options.put(name, value);
            }
        }
        return args;
    }

    private static String allowed(final Map<String, String> defaults, final Set<String> flags)
    {
        final List<String> names = new ArrayList<>();
        for (final String name : defaults.keySet())
        {
            names.add("--" + name);
        }
        for (final String name : flags)
        {
            names.add("--" + name);
        }
        return String.join(", ", names);
    }

    /**
     * Fails when positional arguments were given (for commands that take none).
     *
     * @return this.
     * @throws UsageException naming the first one.
     */
    public Args noPositional()
    {
        if (!positional.isEmpty())
        {
            throw new UsageException(command + ": unexpected argument '" + positional.get(0) + "'");
        }
        return this;
    }

    /**
     * An option's value.
     *
     * @param name option name.
     * @return the value given, else its default, else {@code null}.
     */
    public String option(final String name)
    {
        return options.get(name);
    }

    /**
     * A positive whole-number option; {@code _} separators are allowed ({@code 1_000_000}).
     *
     * @param name option name.
     * @param defaultValue value when absent.
     * @return the value.
     * @throws UsageException when it is not a positive whole number.
     */
    public long longOption(final String name, final long defaultValue)
    {
        final String value = options.get(name);
        if (value == null)
        {
            return defaultValue;
        }
        final long parsed = parseLong(name, value, "a positive whole number");
        if (parsed <= 0)
        {
            throw new UsageException(command + ": --" + name + " needs a positive whole number, got '" + value + "'");
        }
        return parsed;
    }

    /**
     * A whole-number option within bounds (its value or its default must be set); {@code _} and {@code ,}
     * separators are allowed.
     *
     * @param name option name.
     * @param min smallest allowed value.
     * @param max largest allowed value.
     * @return the value.
     * @throws UsageException when it is missing, not a whole number or out of bounds.
     */
    public long longOption(final String name, final long min, final long max)
    {
        final String value = options.get(name);
        final String expected = "a whole number in [" + min + ", " + max + "]";
        if (value == null)
        {
            throw new UsageException(command + ": --" + name + " needs " + expected);
        }
        final long parsed = parseLong(name, value, expected);
        if (parsed < min || parsed > max)
        {
            throw new UsageException(command + ": --" + name + " needs " + expected + ", got " + parsed);
        }
        return parsed;
    }

    private long parseLong(final String name, final String value, final String expected)
    {
        try
        {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException(command + ": --" + name + " needs " + expected + ", got '" + value + "'", ex);
        }
    }

    /**
     * An option restricted to a few values.
     *
     * @param name option name.
     * @param allowed the allowed values.
     * @return the value.
     * @throws UsageException naming the allowed values.
     */
    public String choice(final String name, final String... allowed)
    {
        final String value = options.get(name);
        for (final String candidate : allowed)
        {
            if (candidate.equals(value))
            {
                return value;
            }
        }
        throw new UsageException(command + ": --" + name + " must be one of " + String.join(", ", allowed)
            + ", got '" + value + "'");
    }

    /**
     * A {@code true}/{@code false} option.
     *
     * @param name option name.
     * @return the value.
     * @throws UsageException for anything else.
     */
    public boolean bool(final String name)
    {
        return Boolean.parseBoolean(choice(name, "true", "false"));
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
     * Whether {@code --help} or {@code -h} was given (when the command lists {@link #HELP} among its flags).
     *
     * @return true when asked for help.
     */
    public boolean help()
    {
        return flags.contains(HELP);
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
