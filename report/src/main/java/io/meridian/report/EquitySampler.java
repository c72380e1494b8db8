package io.meridian.report;

import java.util.Arrays;

/**
 * Samples several P&amp;L series (one per instrument and the total) on a regular event-time grid without knowing the
 * run's length in advance. The grid starts at the first event; a grid point holds the state after every event at or
 * before its time. Sampling starts at {@code interval / 2^j} (the largest {@code j <= 16} dividing the interval in
 * nanoseconds exactly) and doubles the interval (keeping every other point,
 * which is exact on a regular grid) whenever more than {@code 2 × minPoints} points are held, until it reaches the
 * configured interval; from then on one point per interval is kept. So a long run is sampled at the configured
 * interval and a short one at the largest {@code interval / 2^j} that still gives at least about {@code minPoints}
 * points. Memory: at most {@code 2 × minPoints} points, or one per configured interval of the run.
 */
final class EquitySampler
{
    private static final int FINEST_SHIFT = 16;


    private final long targetIntervalNs;
    private final int minPoints;
    private final int series;
    private long intervalNs;
    private long startNs = Long.MIN_VALUE;
    private long nextGridNs;
    private double[][] values;
    private int count;

    /**
     * A sampler.
     *
     * @param intervalNs the configured interval.
     * @param minPoints the fewest points wanted.
     * @param series how many series.
     */
    EquitySampler(final long intervalNs, final int minPoints, final int series)
    {
        this.targetIntervalNs = intervalNs;
        this.minPoints = minPoints;
        this.series = series;
        // start at interval / 2^j for the largest j <= 16 that divides it exactly, so doubling lands on the interval
        this.intervalNs = intervalNs >> Math.min(FINEST_SHIFT, Long.numberOfTrailingZeros(intervalNs));
        values = new double[series][Math.max(16, 2 * minPoints + 2)];
    }

    /**
     * Called before the state changes for an event at {@code timeNs}: finalises every grid point before it with the
     * current values.
     *
     * @param timeNs the event's time.
     * @param current the current value of each series.
     */
    void advanceTo(final long timeNs, final double[] current)
    {
        if (startNs == Long.MIN_VALUE)
        {
            startNs = timeNs;
            nextGridNs = timeNs;
            return;
        }
        while (nextGridNs < timeNs)
        {
            append(current);
        }
    }

    /**
     * Finalises the grid points up to and including the last event's time.
     *
     * @param lastNs the last event's time.
     * @param current the final value of each series.
     */
    void finish(final long lastNs, final double[] current)
    {
        if (startNs == Long.MIN_VALUE)
        {
            return;
        }
        while (nextGridNs <= lastNs)
        {
            append(current);
        }
    }

    private void append(final double[] current)
    {
        if (count == values[0].length)
        {
            for (int s = 0; s < series; s++)
            {
                values[s] = Arrays.copyOf(values[s], 2 * count);
            }
        }
        for (int s = 0; s < series; s++)
        {
            values[s][count] = current[s];
        }
        count++;
        nextGridNs += intervalNs;
        if (count > 2 * minPoints && intervalNs * 2 <= targetIntervalNs)
        {
            decimate();
        }
    }

    /** Doubles the interval: keeps points 0, 2, 4, ... */
    private void decimate()
    {
        final int kept = (count + 1) / 2;
        for (int s = 0; s < series; s++)
        {
            final double[] v = values[s];
            for (int k = 0; k < kept; k++)
            {
                v[k] = v[2 * k];
            }
        }
        count = kept;
        intervalNs *= 2;
        nextGridNs = startNs + count * intervalNs;
    }

    int count()
    {
        return count;
    }

    long intervalNs()
    {
        return intervalNs;
    }

    long startNs()
    {
        return startNs;
    }

    double[] series(final int s)
    {
        return values[s];
    }
}
