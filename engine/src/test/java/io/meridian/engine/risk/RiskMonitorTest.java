package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.collections.LongArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's VaR and CVaR checked against R (an independent implementation): the same returns go to
 * {@code Rscript}, which computes the historical figures with {@code quantile(type = 7)} and the parametric ones
 * with {@code qnorm}/{@code dnorm}, {@code mean} and {@code sd}. Needs Rscript (Debian package r-base-core, which
 * {@code .ci/run} installs with r-cran-ttr); the test fails, naming the package, when it is missing.
 */
class RiskMonitorTest
{
    private static final int WINDOW = 250;

    @TempDir
    Path tmp;

    @Test
    void shouldMatchRsHistoricalAndParametricVarAndCvarOverAFullWindow() throws Exception
    {
        final RiskMonitor monitor = new RiskMonitor(WINDOW);
        final SplittableRandom random = new SplittableRandom(11);
        final List<Double> window = new ArrayList<>();
        // more returns than the window, with fat-tailed jumps, so the ring has wrapped
        for (int i = 0; i < 400; i++)
        {
            final double r = 0.001 * random.nextGaussian() + (random.nextInt(50) == 0 ? -0.01 : 0);
            monitor.addReturn(r);
            window.add(r);
        }
        final List<Double> last = window.subList(window.size() - WINDOW, window.size());
        final double[] expected = r(last);
        assertEquals(WINDOW, monitor.count());
        assertClose(expected[0], monitor.histVar95(), "historical VaR 95");
        assertClose(expected[1], monitor.histVar99(), "historical VaR 99");
        assertClose(expected[2], monitor.histCvar95(), "historical CVaR 95");
        assertClose(expected[3], monitor.histCvar99(), "historical CVaR 99");
        assertClose(expected[4], monitor.paramVar95(), "parametric VaR 95");
        assertClose(expected[5], monitor.paramVar99(), "parametric VaR 99");
        assertClose(expected[6], monitor.paramCvar95(), "parametric CVaR 95");
        assertClose(expected[7], monitor.paramCvar99(), "parametric CVaR 99");
        assertTrue(monitor.histCvar99() >= monitor.histVar99(), "CVaR is beyond VaR");
    }

    @Test
    void shouldKeepTheSortedWindowExactThroughEvictionsAndTies()
    {
        // the quantiles are read off a sorted copy kept incrementally; after every return they must equal those of
        // a fresh sort of the ring's current contents (type 7), including repeated values, which evictions must
        // remove one at a time
        final int window = 37;
        final RiskMonitor monitor = new RiskMonitor(window);
        final SplittableRandom random = new SplittableRandom(5);
        final List<Double> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++)
        {
            final double r = random.nextInt(4) == 0 ? 0.0 : (random.nextInt(21) - 10) * 0.001;
            monitor.addReturn(r);
            all.add(r);
            final int n = Math.min(all.size(), window);
            if (n < 2)
            {
                continue;
            }
            final double[] current = all.subList(all.size() - n, all.size()).stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
            final double q95 = type7(current, 0.05);
            final double q99 = type7(current, 0.01);
            assertEquals(-q95, monitor.histVar95(), 1e-15, "VaR 95 after return " + i);
            assertEquals(-q99, monitor.histVar99(), 1e-15, "VaR 99 after return " + i);
            assertEquals(-tailMean(current, q95), monitor.histCvar95(), 1e-15, "CVaR 95 after return " + i);
            assertEquals(-tailMean(current, q99), monitor.histCvar99(), 1e-15, "CVaR 99 after return " + i);
        }
    }

    @Test
    void shouldGiveTheExactBitsOfAFreshComputationAfterEveryReturn()
    {
        // the monitor keeps its sums running from one return to the next and skips a return equal to the one it
        // evicts; replay compares its figures bit for bit, so after every return each must have exactly the bits of
        // the definition computed afresh over the window (sums taken smallest first), also across a state restore
        final int window = 41;
        final RiskMonitor monitor = new RiskMonitor(window);
        final SplittableRandom random = new SplittableRandom(17);
        final List<Double> all = new ArrayList<>();
        for (int i = 0; i < 6_000; i++)
        {
            // few distinct values: ties, and returns equal to the evicted one, are frequent
            final double r = random.nextInt(3) == 0 ? 0.0 : (random.nextInt(9) - 4) * 0.0013 + random.nextInt(2) * 1e-7;
            monitor.addReturn(r);
            all.add(r);
            if (i == 3_000)
            {
                final LongArrayList state = new LongArrayList();
                monitor.saveState(state);
                final RiskMonitor restored = new RiskMonitor(window);
                restored.loadState(state.toLongArray(), 0);
                assertFigures(fresh(all, window), restored, "restored after return " + i);
            }
            if (all.size() >= 2)
            {
                assertFigures(fresh(all, window), monitor, "after return " + i);
            }
        }
    }

    /** The eight figures of the window's definition, computed from scratch: VaR95/99, CVaR95/99, then parametric. */
    private static double[] fresh(final List<Double> all, final int window)
    {
        final int n = Math.min(all.size(), window);
        final double[] v = all.subList(all.size() - n, all.size()).stream().mapToDouble(Double::doubleValue)
            .sorted().toArray();
        double sum = 0;
        for (final double x : v)
        {
            sum += x;
        }
        final double mean = sum / n;
        double squares = 0;
        for (final double x : v)
        {
            squares += (x - mean) * (x - mean);
        }
        final double sd = Math.sqrt(squares / (n - 1));
        final double q95 = type7(v, 0.05);
        final double q99 = type7(v, 0.01);
        final double density95 = 0.3989422804014327 * Math.exp(-0.5 * RiskMonitor.Z95 * RiskMonitor.Z95);
        final double density99 = 0.3989422804014327 * Math.exp(-0.5 * RiskMonitor.Z99 * RiskMonitor.Z99);
        return new double[] {
            -q95, -q99, -tailMean(v, q95), -tailMean(v, q99),
            sd * RiskMonitor.Z95 - mean, sd * RiskMonitor.Z99 - mean,
            sd * density95 / 0.05 - mean, sd * density99 / 0.01 - mean};
    }

    private static void assertFigures(final double[] expected, final RiskMonitor monitor, final String when)
    {
        final double[] actual = {
            monitor.histVar95(), monitor.histVar99(), monitor.histCvar95(), monitor.histCvar99(),
            monitor.paramVar95(), monitor.paramVar99(), monitor.paramCvar95(), monitor.paramCvar99()};
        for (int k = 0; k < expected.length; k++)
        {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                "figure " + k + " " + when + ": expected " + expected[k] + ", got " + actual[k]);
        }
    }

    private static double type7(final double[] sorted, final double p)
    {
        final double h = (sorted.length - 1) * p;
        final int lo = (int)Math.floor(h);
        return lo + 1 >= sorted.length ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static double tailMean(final double[] sorted, final double q)
    {
        double sum = 0;
        int k = 0;
        for (final double v : sorted)
        {
            if (v <= q)
            {
                sum += v;
                k++;
            }
        }
        return k == 0 ? q : sum / k;
    }

    @Test
    void shouldTakeReturnsFromNavSamples()
    {
        final RiskMonitor monitor = new RiskMonitor(4);
        monitor.onNav(1_000_000);
        monitor.onNav(990_000);
        monitor.onNav(1_009_800);
        assertEquals(2, monitor.count());
        // returns -1% and +2%; type 7 at 5% of two values: -0.01 + 0.05 * 0.03
        assertEquals(0.01 - 0.05 * 0.03, monitor.histVar95(), 1e-15);
    }

    @Test
    void shouldAllocateNothingPerSample()
    {
        final RiskMonitor monitor = new RiskMonitor(WINDOW);
        final SplittableRandom random = new SplittableRandom(3);
        final long[] nav = {10_000_000L};
        final Runnable samples = () ->
        {
            for (int i = 0; i < 10_000; i++)
            {
                nav[0] += random.nextInt(2_001) - 1_000;
                monitor.onNav(nav[0]);
            }
        };
        samples.run();
        io.meridian.engine.testing.Allocations.assertSteadyStateAllocatesNothing("10000 monitor samples", samples);
    }

    private static void assertClose(final double expected, final double actual, final String what)
    {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    private double[] r(final List<Double> returns) throws IOException, InterruptedException
    {
        final Path data = tmp.resolve("returns.txt");
        final StringBuilder text = new StringBuilder();
        for (final double r : returns)
        {
            text.append(String.format(Locale.ROOT, "%.17g%n", r));
        }
        Files.writeString(data, text, StandardCharsets.UTF_8);
        final String script = String.join("\n",
            "r <- scan('" + data + "', quiet = TRUE)",
            "q95 <- quantile(r, 0.05, type = 7, names = FALSE)",
            "q99 <- quantile(r, 0.01, type = 7, names = FALSE)",
            "m <- mean(r); s <- sd(r)",
            "v <- c(-q95, -q99, -mean(r[r <= q95]), -mean(r[r <= q99]),",
            "  s * qnorm(0.95) - m, s * qnorm(0.99) - m, s * dnorm(qnorm(0.95)) / 0.05 - m,",
            "  s * dnorm(qnorm(0.99)) / 0.01 - m)",
            "cat(sprintf('%.17g', v), sep = '\\n')");
        final Process process;
        try
        {
            process = new ProcessBuilder("Rscript", "-e", script).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            throw new AssertionError("Rscript is needed for this test: install the Debian package r-base-core", ex);
        }
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Rscript finished");
        assertEquals(0, process.exitValue(), "Rscript failed: " + out);
        final List<String> lines = out.trim().lines().map(String::trim).toList();
        assertEquals(8, lines.size(), out);
        final double[] values = new double[8];
        for (int i = 0; i < 8; i++)
        {
            values[i] = Double.parseDouble(lines.get(i));
        }
        return values;
    }
}
