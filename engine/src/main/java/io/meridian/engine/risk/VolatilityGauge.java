package io.meridian.engine.risk;

import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The volatility regime of SPEC decision 6: NORMAL, BEAR (high volatility: lower gross cap) or CRISIS (no new
 * positions; kill switch 6). With a volatility-index instrument configured, its mid (in currency units) is the level,
 * compared with {@code risk.highVolLevel} and {@code risk.crisisVolLevel}. Without one, a realized-volatility proxy
 * stands in: per instrument the mid is sampled once per minute of event time (the first quote at or after each
 * minute), and an exponentially weighted mean of squared one-minute log returns (half-life in samples from config) is
 * annualised over 252 sessions of 390 minutes; the level is the largest instrument's, compared with {@code
 * risk.proxyHighVol} and {@code risk.proxyCrisisVol}. Minute sampling keeps the bid-ask bounce of tick-by-tick mids
 * (a tick is several basis points) from swamping the estimate. A proxy needs a full half-life of samples before it
 * speaks. Single-threaded; allocation-free.
 */
public final class VolatilityGauge
{
    private static final double SAMPLES_PER_YEAR = 252 * 390;
    private static final long SAMPLE_NS = 60_000_000_000L;

    private final int indexInstrument;
    private final double high;
    private final double crisis;
    private final double alpha;
    private final long warmUp;
    private final double[] variance;
    private final double[] lastMid;
    private final long[] lastTimeNs;
    /** Samples taken per instrument (1 after the first mid). */
    private final long[] quotes;
    private final double[] priceScale;
    private double indexLevel;

    /**
     * A gauge.
     *
     * @param instruments number of instruments.
     * @param priceScales price ticks per currency unit, per instrument.
     * @param indexInstrument dense index of the volatility-index instrument, or -1 for the proxy.
     * @param high high-volatility level (index points, or annualised fraction for the proxy).
     * @param crisis crisis level.
     * @param halfLifeSamples proxy half-life in one-minute samples.
     */
    public VolatilityGauge(
        final int instruments,
        final long[] priceScales,
        final int indexInstrument,
        final double high,
        final double crisis,
        final int halfLifeSamples)
    {
        this.indexInstrument = indexInstrument;
        this.high = high;
        this.crisis = crisis;
        this.alpha = 1 - Math.pow(0.5, 1.0 / halfLifeSamples);
        this.warmUp = halfLifeSamples;
        variance = new double[instruments];
        lastMid = new double[instruments];
        lastTimeNs = new long[instruments];
        quotes = new long[instruments];
        priceScale = new double[instruments];
        for (int i = 0; i < instruments; i++)
        {
            priceScale[i] = priceScales[i];
        }
    }

    /**
     * A new mid for an instrument.
     *
     * @param index instrument.
     * @param midTicks mid price, ticks.
     * @param nowNs event time.
     */
    public void onMid(final int index, final long midTicks, final long nowNs)
    {
        if (midTicks <= 0)
        {
            return;
        }
        final double mid = midTicks / priceScale[index];
        if (index == indexInstrument)
        {
            indexLevel = mid;
            return;
        }
        if (quotes[index] == 0)
        {
            lastMid[index] = mid;
            lastTimeNs[index] = nowNs;
            quotes[index] = 1;
            return;
        }
        if (nowNs - lastTimeNs[index] < SAMPLE_NS)
        {
            return;
        }
        final double r = Math.log(mid / lastMid[index]);
        variance[index] += alpha * (r * r - variance[index]);
        lastMid[index] = mid;
        lastTimeNs[index] += SAMPLE_NS * ((nowNs - lastTimeNs[index]) / SAMPLE_NS);
        quotes[index]++;
    }

    /**
     * The current level: the index's mid, or the largest annualised realized volatility (0 while warming up).
     *
     * @return the level.
     */
    public double level()
    {
        if (indexInstrument >= 0)
        {
            return indexLevel;
        }
        // the largest variance, then one square root: sqrt and the product are monotone and correctly rounded, so
        // this is bit for bit the largest of the instruments' volatilities
        double maxVariance = 0;
        for (int i = 0; i < variance.length; i++)
        {
            if (quotes[i] > warmUp)
            {
                maxVariance = Math.max(maxVariance, variance[i]);
            }
        }
        return Math.sqrt(maxVariance * SAMPLES_PER_YEAR);
    }

    /**
     * The regime at the current level.
     *
     * @return an {@code OrderContext.REGIME_*} code.
     */
    public byte regime()
    {
        final double level = level();
        return level >= crisis ? OrderContext.REGIME_CRISIS
            : level >= high ? OrderContext.REGIME_BEAR : OrderContext.REGIME_NORMAL;
    }

    /**
     * The crisis level (for records).
     *
     * @return the level.
     */
    public double crisisLevel()
    {
        return crisis;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, variance);
        StateValues.putDoubles(out, lastMid);
        StateValues.putLongs(out, lastTimeNs);
        StateValues.putLongs(out, quotes);
        StateValues.putDouble(out, indexLevel);
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
        i = StateValues.getDoubles(in, i, variance);
        i = StateValues.getDoubles(in, i, lastMid);
        i = StateValues.getLongs(in, i, lastTimeNs);
        i = StateValues.getLongs(in, i, quotes);
        indexLevel = StateValues.getDouble(in, i++);
        return i;
    }
}
