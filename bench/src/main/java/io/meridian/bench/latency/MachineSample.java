package io.meridian.bench.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How busy the machine is, from Linux's {@code /proc}: load averages, runnable tasks, and the CPU time counters
 * (including time stolen by the hypervisor). Two samples bracket a measurement so that a reader can judge its
 * numbers: a shared machine's load, or more runnable threads than CPUs, shows in every thread hand-off.
 * Where {@code /proc} is not readable the fields are negative.
 *
 * @param load1 one-minute load average.
 * @param load5 five-minute load average.
 * @param runnable tasks runnable at the moment of the sample (the harness's own included).
 * @param busyTicks CPU time spent on anything but idle and I/O wait, all CPUs, in clock ticks.
 * @param stealTicks CPU time stolen by the hypervisor, all CPUs, in clock ticks.
 * @param totalTicks all CPU time, all CPUs, in clock ticks.
 */
record MachineSample(double load1, double load5, int runnable, long busyTicks, long stealTicks, long totalTicks)
{
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");

    /**
     * Samples now.
     *
     * @return the sample.
     */
    static MachineSample now()
    {
        double load1 = -1;
        double load5 = -1;
        int runnable = -1;
        long busy = -1;
        long steal = -1;
        long total = -1;
        try
        {
            final String[] load = Files.readString(LOADAVG, StandardCharsets.US_ASCII).trim().split("\\s+");
            load1 = Double.parseDouble(load[0]);
            load5 = Double.parseDouble(load[1]);
            final List<String> stat = Files.readAllLines(STAT, StandardCharsets.US_ASCII);
            for (final String line : stat)
            {
                if (line.startsWith("cpu "))
                {
                    // user nice system idle iowait irq softirq steal ...
                    final String[] f = line.trim().split("\\s+");
                    total = 0;
                    for (int i = 1; i < f.length && i <= 8; i++)
                    {
                        total += Long.parseLong(f[i]);
                    }
                    steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                    busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]) - steal;
                }
                else if (line.startsWith("procs_running "))
                {
                    runnable = Integer.parseInt(line.substring("procs_running ".length()).trim());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return new MachineSample(load1, load5, runnable, -1, -1, -1);
        }
        return new MachineSample(load1, load5, runnable, busy, steal, total);
    }

    /**
     * Share of CPU time stolen by the hypervisor between two samples.
     *
     * @param earlier the first sample.
     * @return percent, or -1 when unknown.
     */
    double stealPercentSince(final MachineSample earlier)
    {
        final long total = totalTicks - earlier.totalTicks;
        return total <= 0 || earlier.totalTicks < 0 ? -1 : 100.0 * (stealTicks - earlier.stealTicks) / total;
    }

    /**
     * Share of all CPUs' time spent busy (by anything) between two samples.
     *
     * @param earlier the first sample.
     * @return percent, or -1 when unknown.
     */
    double busyPercentSince(final MachineSample earlier)
    {
        final long total = totalTicks - earlier.totalTicks;
        return total <= 0 || earlier.totalTicks < 0 ? -1 : 100.0 * (busyTicks - earlier.busyTicks) / total;
    }

    /**
     * One line for the conditions.
     *
     * @return e.g. {@code load 1.25 (1 min), 0.80 (5 min); 3 runnable}.
     */
    String describe()
    {
        return String.format(Locale.ROOT, "load %.2f (1 min), %.2f (5 min); %d runnable tasks", load1, load5,
            runnable);
    }
}
