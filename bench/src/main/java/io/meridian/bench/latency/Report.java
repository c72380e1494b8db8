package io.meridian.bench.latency;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a harness prints: first the conditions, then a human-readable table, then the machine-readable
 * {@code name=value} lines (one per metric, numbers only, in the order they were added).
 */
final class Report
{
    /** Largest value any harness histogram records: 100 s. */
    static final long HIGHEST_NS = 100_000_000_000L;
    private static final String LINE = "-".repeat(100);

    private final List<String> conditions = new ArrayList<>();
    private final List<String> table = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * A fresh latency histogram with three significant digits.
     *
     * @return the histogram.
     */
    static Histogram histogram()
    {
        return new Histogram(HIGHEST_NS, 3);
    }

    void condition(final String name, final Object value)
    {
        conditions.add(String.format(Locale.ROOT, "  %-24s %s", name, value));
    }

    /**
     * The machine's and the JVM's conditions: CPUs, load, CPU model, clock source, JVM, flags, GC, heap.
     */
    void machineConditions()
    {
        final Runtime runtime = Runtime.getRuntime();
        condition("cpus", runtime.availableProcessors());
        condition("cpu model", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        condition("load average (1 min)",
            String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        condition("clock source", firstLine(
            Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"), ""));
        condition("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        condition("jvm flags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        final List<String> gcs = new ArrayList<>();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            gcs.add(gc.getName());
        }
        condition("gc", String.join(", ", gcs));
        condition("max heap", (runtime.maxMemory() >> 20) + " MiB");
        condition("ORT_DISABLE_TELEMETRY", String.valueOf(System.getenv("ORT_DISABLE_TELEMETRY")));
    }

    private static String firstLine(final Path file, final String prefix)
    {
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                if (line.startsWith(prefix))
                {
                    final int colon = prefix.isEmpty() ? -1 : line.indexOf(':');
                    return line.substring(colon + 1).trim();
                }
            }
        }
        catch (final IOException | SecurityException ex)
        {
            return "unknown";
        }
        return "unknown";
    }

    /**
     * A table section heading.
     *
     * @param title the heading.
     */
    void section(final String title)
    {
        table.add("");
        table.add(title);
    }

    /**
     * A free-form table line.
     *
     * @param text the line.
     */
    void text(final String text)
    {
        table.add("  " + text);
    }

    /**
     * A latency distribution as one table row (in microseconds) and {@code PREFIX_p50_ns}, {@code _p90_ns},
     * {@code _p99_ns}, {@code _p999_ns}, {@code _p9999_ns}, {@code _max_ns}, {@code _mean_ns}, {@code _count}.
     *
     * @param prefix metric name prefix.
     * @param label table label.
     * @param histogram the distribution in nanoseconds.
     */
    void latency(final String prefix, final String label, final Histogram histogram)
    {
        final long count = histogram.getTotalCount();
        table.add(String.format(Locale.ROOT, "  %-34s %10d %9s %9s %9s %9s %9s %10s", label, count,
            micros(histogram, 50.0), micros(histogram, 90.0), micros(histogram, 99.0), micros(histogram, 99.9),
            micros(histogram, 99.99), count == 0 ? "-" : formatMicros(histogram.getMaxValue())));
        value(prefix + "_count", count);
        value(prefix + "_p50_ns", count == 0 ? 0 : histogram.getValueAtPercentile(50.0));
        value(prefix + "_p90_ns", count == 0 ? 0 : histogram.getValueAtPercentile(90.0));
        value(prefix + "_p99_ns", count == 0 ? 0 : histogram.getValueAtPercentile(99.0));
        value(prefix + "_p999_ns", count == 0 ? 0 : histogram.getValueAtPercentile(99.9));
        value(prefix + "_p9999_ns", count == 0 ? 0 : histogram.getValueAtPercentile(99.99));
        value(prefix + "_max_ns", count == 0 ? 0 : histogram.getMaxValue());
        value(prefix + "_mean_ns", count == 0 ? 0 : Math.round(histogram.getMean()));
    }

    /**
     * The column heading for {@link #latency} rows.
     */
    void latencyHeading()
    {
        table.add(String.format(Locale.ROOT, "  %-34s %10s %9s %9s %9s %9s %9s %10s", "(microseconds)", "count",
            "p50", "p90", "p99", "p99.9", "p99.99", "max"));
    }

    private static String micros(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? "-" : formatMicros(histogram.getValueAtPercentile(percentile));
    }

    private static String formatMicros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.3f", nanos / 1000.0);
    }

    /**
     * A whole-number metric.
     *
     * @param name metric name.
     * @param value its value.
     */
    void value(final String name, final long value)
    {
        values.put(name, Long.toString(value));
    }

    /**
     * A decimal metric, printed with up to three decimals.
     *
     * @param name metric name.
     * @param value its value.
     */
    void value(final String name, final double value)
    {
        values.put(name, String.format(Locale.ROOT, "%.3f", value));
    }

    /**
     * The value of a metric added earlier.
     *
     * @param name metric name.
     * @return its text, or null.
     */
    String valueOf(final String name)
    {
        return values.get(name);
    }

    /**
     * Prints conditions, table and values.
     *
     * @param title first line.
     * @param out where to print.
     */
    void print(final String title, final PrintStream out)
    {
        out.println(LINE);
        out.println(title);
        out.println(LINE);
        out.println("conditions");
        conditions.forEach(out::println);
        table.forEach(out::println);
        out.println(LINE);
        for (final Map.Entry<String, String> entry : values.entrySet())
        {
            out.println(entry.getKey() + "=" + entry.getValue());
        }
        out.flush();
    }
}
