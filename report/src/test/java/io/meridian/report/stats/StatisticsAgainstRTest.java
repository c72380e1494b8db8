package io.meridian.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.report.RScriptAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReturnStatistics} and {@link Normal} against an independent implementation in R (base R's {@code sd},
 * {@code cummax}, {@code pnorm}, {@code qnorm}; scripts in {@code src/test/resources/io/meridian/report/r}), to
 * 1e-9 relative, on seeded random equity curves with skew and jumps.
 */
final class StatisticsAgainstRTest
{
    @TempDir
    Path tmp;

    @Test
    void shouldMatchRonRandomEquityCurves() throws IOException, InterruptedException
    {
        for (final long seed : new long[]{1, 2, 3})
        {
            final double[] equity = curve(seed, 300 + (int)seed * 50);
            final Path csv = tmp.resolve("equity-" + seed + ".csv");
            final StringBuilder text = new StringBuilder("equity\n");
            for (final double e : equity)
            {
                text.append(String.format(Locale.ROOT, "%.17g%n", e));
            }
            Files.writeString(csv, text);
            final double interval = 7.5;
            final double periods = 252 * 23400 / interval;
            final ReturnStatistics.Conventions conventions =
                new ReturnStatistics.Conventions(periods, 0.02, 0.01, 1.0 + seed, 10 * seed, 0.5 * seed);
            final ReturnStatistics s = ReturnStatistics.of(equity, equity.length, interval, conventions);
            final Map<String, Double> r = RScriptAccess.values(RScriptAccess.run("statistics.R", tmp,
                csv.toString(), "7.5", Double.toString(periods), "0.02", "0.01", Double.toString(1.0 + seed),
                Long.toString(10 * seed), Double.toString(0.5 * seed)));
            close(r, "total_return", s.totalReturn());
            close(r, "annual_return", s.annualReturn());
            close(r, "annual_volatility", s.annualVolatility());
            close(r, "sharpe", s.sharpe());
            close(r, "sortino", s.sortino());
            close(r, "calmar", s.calmar());
            close(r, "max_drawdown", s.maxDrawdown());
            close(r, "max_drawdown_duration_s", s.maxDrawdownDurationS());
            close(r, "skewness", s.skewness());
            close(r, "kurtosis", s.kurtosis());
            close(r, "psr", s.psr());
            close(r, "dsr", s.dsr());
            close(r, "mean_return", s.meanReturn());
            close(r, "sd_return", s.sdReturn());
        }
    }

    @Test
    void shouldMatchRsNormalDistribution() throws IOException, InterruptedException
    {
        final double[] xs = {-38, -20, -8.5, -5, -3.2, -3, -2.9, -1, -0.1, 0, 1e-5, 0.7, 2, 2.99, 3.01, 6, 8.2};
        final double[] ps = {1e-300, 1e-50, 1e-10, 1e-4, 0.01, 0.3, 0.5, 0.6, 0.9, 0.999, 1 - 1e-9, 1 - 1e-15};
        final String[] args = new String[xs.length + ps.length + 1];
        for (int i = 0; i < xs.length; i++)
        {
            args[i] = String.format(Locale.ROOT, "%.17g", xs[i]);
        }
        args[xs.length] = "--";
        for (int i = 0; i < ps.length; i++)
        {
            args[xs.length + 1 + i] = String.format(Locale.ROOT, "%.17g", ps[i]);
        }
        final java.util.List<String> lines = RScriptAccess.run("normal.R", tmp, args);
        assertEquals(xs.length + ps.length, lines.size(), lines.toString());
        for (final String line : lines)
        {
            final String[] f = line.split(",", -1);
            final double input = Double.parseDouble(f[1]);
            final double expected = Double.parseDouble(f[2]);
            final double actual = "pnorm".equals(f[0]) ? Normal.cdf(input) : Normal.inverseCdf(input);
            assertEquals(expected, actual, 1e-9 * Math.abs(expected) + 1e-300, line);
        }
    }

    private static void close(final Map<String, Double> reference, final String name, final double actual)
    {
        final Double expected = reference.get(name);
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), name + " (R " + expected + ", Java " + actual + ")");
    }

    /** A random walk of equity with fat tails and a few jumps. */
    private static double[] curve(final long seed, final int n)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] equity = new double[n];
        equity[0] = 1_000_000;
        for (int i = 1; i < n; i++)
        {
            double r = 0.0001 + 0.003 * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5);
            if (random.nextDouble() < 0.02)
            {
                r += random.nextBoolean() ? 0.02 : -0.03;
            }
            equity[i] = equity[i - 1] * (1 + r);
        }
        return equity;
    }
}
