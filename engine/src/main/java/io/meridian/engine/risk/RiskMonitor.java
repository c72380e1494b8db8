package io.meridian.engine.risk;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The real-time risk monitor's statistics over a fixed window of the portfolio's returns (SPEC §1(g)): historical
 * VaR and CVaR at 95% and 99% (the loss quantile of R's default {@code quantile(type = 7)}, and the mean loss at or
 * beyond it) and parametric (normal) VaR and CVaR with the sample mean and standard deviation. Returns are NAV
 * returns between samples (the caller samples on its timer); values are fractions of NAV, positive for a loss. The
 * window is a {@link SortedWindow}, so the quantiles are read off directly. The window's sum and the tail sums are
 * running sums over the sorted values, smallest first, kept from one return to the next: a new return re-adds only from
 * the lowest rank it moved, and a return equal to the one it evicts changes nothing. Each is the same left-to-right sum
 * as summing the sorted window afresh, so every figure keeps its exact bits (replay compares them); only the
 * squared deviations are summed afresh, their mean having moved. Single-threaded; allocation-free.
 */
public final class RiskMonitor
{
    /** Standard normal quantile at 0.95. */
    static final double Z95 = 1.6448536269514722;
    /** Standard normal quantile at 0.99. */
    static final double Z99 = 2.3263478740408408;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private final SortedWindow window;
    /** runningSum[k]: the sum of the k smallest values, added smallest first; valid up to {@link #validSums}. */
    private final double[] runningSum;
    private int validSums;
    private long previousNav = Long.MIN_VALUE;

    private double histVar95;
    private double histVar99;
    private double histCvar95;
    private double histCvar99;
    private double paramVar95;
    private double paramVar99;
    private double paramCvar95;
    private double paramCvar99;

    /**
     * A monitor.
     *
     * @param window returns kept (at least 2).
     */
    public RiskMonitor(final int window)
    {
        if (window < 2)
        {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        this.window = new SortedWindow(window);
        this.runningSum = new double[window + 1];
    }

    /**
     * A NAV sample: adds the return since the previous sample and recomputes the statistics.
     *
     * @param navCash NAV in cash units.
     */
    public void onNav(final long navCash)
    {
        if (previousNav != Long.MIN_VALUE && previousNav > 0)
        {
            addReturn((navCash - previousNav) / (double)previousNav);
        }
        previousNav = navCash;
    }

    /**
     * Adds one return to the window and recomputes the statistics.
     *
     * @param r the return.
     */
    public void addReturn(final double r)
    {
        if (window.add(r))
        {
            validSums = Math.min(validSums, window.lowestChanged());
            compute();
        }
    }

    private void compute()
    {
        final int n = window.count();
        if (n < 2)
        {
            return;
        }
        double sum = runningSum[validSums];
        for (int i = validSums; i < n; i++)
        {
            sum += window.smallest(i);
            runningSum[i + 1] = sum;
        }
        validSums = n;
        final double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            final double d = window.smallest(i) - mean;
            squares += d * d;
        }
        final double sd = Math.sqrt(squares / (n - 1));
        paramVar95 = sd * Z95 - mean;
        paramVar99 = sd * Z99 - mean;
        paramCvar95 = sd * density(Z95) / 0.05 - mean;
        paramCvar99 = sd * density(Z99) / 0.01 - mean;
        final double q95 = quantile(0.05, n);
        final double q99 = quantile(0.01, n);
        histVar95 = -q95;
        histVar99 = -q99;
        histCvar95 = -meanAtOrBelow(q95, n);
        histCvar99 = -meanAtOrBelow(q99, n);
    }

    private static double density(final double z)
    {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** R's type 7: h = (n - 1) p, interpolate between the floor(h)-th and the next order statistic (0-based). */
    private double quantile(final double p, final int n)
    {
        final double h = (n - 1) * p;
        final int lo = (int)Math.floor(h);
        final double low = window.smallest(lo);
        if (lo + 1 >= n)
        {
            return low;
        }
        return low + (h - lo) * (window.smallest(lo + 1) - low);
    }

    private double meanAtOrBelow(final double q, final int n)
    {
        int k = 0;
        while (k < n && window.smallest(k) <= q)
        {
            k++;
        }
        return k == 0 ? q : runningSum[k] / k;
    }

    /**
     * Returns in the window.
     *
     * @return the count.
     */
    public int count()
    {
        return window.count();
    }

    public double histVar95()
    {
        return histVar95;
    }

    public double histVar99()
    {
        return histVar99;
    }

    public double histCvar95()
    {
        return histCvar95;
    }

    public double histCvar99()
    {
        return histCvar99;
    }

    public double paramVar95()
    {
        return paramVar95;
    }

    public double paramVar99()
    {
        return paramVar99;
    }

    public double paramCvar95()
    {
        return paramCvar95;
    }

    public double paramCvar99()
    {
        return paramCvar99;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        window.saveState(out);
        out.addLong(previousNav);
        StateValues.putDouble(out, histVar95);
        StateValues.putDouble(out, histVar99);
        StateValues.putDouble(out, histCvar95);
        StateValues.putDouble(out, histCvar99);
        StateValues.putDouble(out, paramVar95);
        StateValues.putDouble(out, paramVar99);
        StateValues.putDouble(out, paramCvar95);
        StateValues.putDouble(out, paramCvar99);
    }

    /**
     * Replaces this object's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this object's state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int at)
    {
        int i = at;
        i = window.loadState(in, i);
        validSums = 0;
        previousNav = in[i++];
        histVar95 = StateValues.getDouble(in, i++);
        histVar99 = StateValues.getDouble(in, i++);
        histCvar95 = StateValues.getDouble(in, i++);
        histCvar99 = StateValues.getDouble(in, i++);
        paramVar95 = StateValues.getDouble(in, i++);
        paramVar99 = StateValues.getDouble(in, i++);
        paramCvar95 = StateValues.getDouble(in, i++);
        paramCvar99 = StateValues.getDouble(in, i++);
        return i;
    }
}
