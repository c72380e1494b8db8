package io.meridian.bench.latency;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name value} command-line options with defaults. Every option must be known, every option needs a value,
 * and a bad value is reported with the option's name and what was expected.
 */
final class BenchArgs
{
    private final String command;
    private final Map<String, String> values;
    private final boolean help;

    private BenchArgs(final String command, final Map<String, String> values, final boolean help)
    {
        this.command = command;
        this.values = values;
        this.help = help;
    }

    /**
     * Parses the arguments.
     *
     * @param command the command's name, for messages (e.g. {@code bench latency}).
     * @param args the arguments.
     * @param defaults every allowed option (without {@code --}) and its default; a null default means "not set".
     * @return the options.
     * @throws IllegalArgumentException naming the argument that is wrong.
     */
    static BenchArgs parse(final String command, final String[] args, final Map<String, String> defaults)
    {
        final Map<String, String> values = new LinkedHashMap<>(defaults);
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2)
            {
                throw new IllegalArgumentException(command + ": unexpected argument '" + arg + "' (argument " + (i + 1)
                    + "); options are --name value");
            }
            final String name;
            final String value;
            final int equals = arg.indexOf('=');
            if (equals > 0)
            {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            }
            else
            {
                name = arg.substring(2);
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException(command + ": option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!defaults.containsKey(name))
            {
                throw new IllegalArgumentException(command + ": unknown option --" + name + "; allowed: "
                    + String.join(", ", defaults.keySet().stream().map(k -> "--" + k).toList()));
            }
            values.put(name, value);
        }
        return new BenchArgs(command, values, help);
    }

    boolean help()
    {
        return help;
    }

    /**
     * A string option.
     *
     * @param name the option.
     * @return its value, or null when not set and without default.
     */
    String string(final String name)
    {
        return values.get(name);
    }

    /**
     * A whole-number option within bounds; {@code _} and {@code ,} separators are allowed (1_000_000).
     *
     * @param name the option.
     * @param min smallest allowed value.
     * @param max largest allowed value.
     * @return the value.
     */
    long longValue(final String name, final long min, final long max)
    {
        final String text = values.get(name);
        final long value;
        try
        {
            value = Long.parseLong(text.replace("_", "").replace(",", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(command + ": --" + name + " must be a whole number, got '" + text + "'",
                ex);
        }
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(command + ": --" + name + " must be in [" + min + ", " + max
                + "], got " + value);
        }
        return value;
    }

    /**
     * An option restricted to a few values.
     *
     * @param name the option.
     * @param allowed the allowed values.
     * @return the value.
     */
    String choice(final String name, final String... allowed)
    {
        final String value = values.get(name);
        for (final String candidate : allowed)
        {
            if (candidate.equals(value))
            {
                return value;
            }
        }
        throw new IllegalArgumentException(command + ": --" + name + " must be one of " + String.join(", ", allowed)
            + ", got '" + value + "'");
    }

    /**
     * A {@code true}/{@code false} option.
     *
     * @param name the option.
     * @return the value.
     */
    boolean bool(final String name)
    {
        return Boolean.parseBoolean(choice(name, "true", "false"));
    }
}
