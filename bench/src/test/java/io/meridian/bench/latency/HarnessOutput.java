package io.meridian.bench.latency;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs a harness in-process and parses its {@code name=value} lines.
 */
final class HarnessOutput
{
    private final int exitCode;
    private final String text;
    private final Map<String, Double> values = new LinkedHashMap<>();

    private HarnessOutput(final int exitCode, final String text)
    {
        this.exitCode = exitCode;
        this.text = text;
        for (final String line : text.split("\n"))
        {
            final int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).matches("[a-z0-9_]+"))
            {
                final String value = line.substring(equals + 1).trim();
                try
                {
                    values.put(line.substring(0, equals), Double.parseDouble(value));
                }
                catch (final NumberFormatException ex)
                {
                    fail("line '" + line + "' is not name=number");
                }
            }
        }
    }

    static HarnessOutput run(final BiFunction<String[], PrintStream, Integer> harness, final String... args)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            exit = harness.apply(args, out);
        }
        return new HarnessOutput(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    int exitCode()
    {
        return exitCode;
    }

    String text()
    {
        return text;
    }

    /**
     * A required value: present and a non-negative finite number.
     */
    double value(final String name)
    {
        final Double value = values.get(name);
        assertNotNull(value, "missing line " + name + "=... in:\n" + text);
        assertTrue(Double.isFinite(value) && value >= 0, name + " must be a non-negative number, got " + value);
        return value;
    }

    Map<String, Double> values()
    {
        return values;
    }
}
