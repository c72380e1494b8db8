package io.meridian.engine.feature;

import io.meridian.engine.indicator.BarIndicator;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.engine.indicator.TickIndicator;
import io.meridian.engine.state.StateValues;
import java.util.List;
import org.agrona.collections.LongArrayList;

/**
 * Stage 2: incremental features per instrument, updated on every accepted quote, in {@link FeatureSchema} order.
 *
 * <p>Every feature is causal by construction: it is computed from the current quote and state built from earlier
 * quotes only. The vector is "ready" once the slow EMA and the volatility window have seen enough quotes.
 * Single-threaded; allocation-free after construction.
 *
 * <p>Configured tick features ({@code features.indicators}, catalogue microstructure features) follow the six base
 * features in the vector: each instrument has its own instances, fed every accepted quote ({@link #onQuote}) and
 * trade ({@link #onTrade}); the vector is ready only when they are defined too.
 *
 * <p>Configured bar indicators follow the tick features: each instrument has its own instances, fed every bar
 * ({@link #onBar}: an imported BAR record, or a bar the feature stage built from trades or quotes), and the vector
 * written at each quote carries their outputs as of the last completed bar (so they are causal: a bar is complete
 * before any later event sees it). The vector is ready only when every output is defined.
 */
public final class FeatureEngine
{
    private static final double BPS = 10_000.0;

    private final int instruments;
    private final double fastAlpha;
    private final double slowAlpha;
    private final int volWindow;
    private final int volMask;
    private final int warmupTicks;

    private final double[] emaFast;
    private final double[] emaSlow;
    private final double[] previousMid;
    private final long[] quoteCount;
    private final double[] squaredReturns;
    private final double[] squaredReturnSum;
    private final int[] volCursor;
    private final int extraCount;
    private final TickIndicator[] extras;
    private final int barCount;
    private final int barOutputs;
    private final BarIndicator[] bars;

    /**
     * An engine for {@code instruments} instruments.
     *
     * @param instruments number of instruments (dense indexes 0..n-1).
     * @param emaFastTicks fast EMA period in quotes.
     * @param emaSlowTicks slow EMA period in quotes.
     * @param volWindowTicks realized-volatility window in quotes; a power of two.
     */
    public FeatureEngine(
        final int instruments, final int emaFastTicks, final int emaSlowTicks, final int volWindowTicks)
    {
        this(instruments, emaFastTicks, emaSlowTicks, volWindowTicks, List.of());
    }

    /**
     * An engine with configured tick features appended to the vector.
     *
     * @param instruments number of instruments (dense indexes 0..n-1).
     * @param emaFastTicks fast EMA period in quotes.
     * @param emaSlowTicks slow EMA period in quotes.
     * @param volWindowTicks realized-volatility window in quotes; a power of two.
     * @param tickFeatures catalogue tick-feature ids, in vector order after the base features.
     */
    public FeatureEngine(
        final int instruments,
        final int emaFastTicks,
        final int emaSlowTicks,
        final int volWindowTicks,
        final List<String> tickFeatures)
    {
        this(instruments, emaFastTicks, emaSlowTicks, volWindowTicks, tickFeatures, List.of());
    }

    /**
     * An engine with configured tick features and bar indicators appended to the vector.
     *
     * @param instruments number of instruments (dense indexes 0..n-1).
     * @param emaFastTicks fast EMA period in quotes.
     * @param emaSlowTicks slow EMA period in quotes.
     * @param volWindowTicks realized-volatility window in quotes; a power of two.
     * @param tickFeatures catalogue tick-feature ids, in vector order after the base features.
     * @param barIndicators catalogue bar-indicator ids, whose outputs follow the tick features in vector order.
     */
    public FeatureEngine(
        final int instruments,
        final int emaFastTicks,
        final int emaSlowTicks,
        final int volWindowTicks,
        final List<String> tickFeatures,
        final List<String> barIndicators)
    {
        if (Integer.bitCount(volWindowTicks) != 1)
        {
            throw new IllegalArgumentException("volWindowTicks must be a power of two: " + volWindowTicks);
        }
        this.instruments = instruments;
        this.fastAlpha = 2.0 / (emaFastTicks + 1.0);
        this.slowAlpha = 2.0 / (emaSlowTicks + 1.0);
        this.volWindow = volWindowTicks;
        this.volMask = volWindowTicks - 1;
        this.warmupTicks = Math.max(emaSlowTicks, volWindowTicks) + 1;
        emaFast = new double[instruments];
        emaSlow = new double[instruments];
        previousMid = new double[instruments];
        quoteCount = new long[instruments];
        squaredReturns = new double[instruments * volWindowTicks];
        squaredReturnSum = new double[instruments];
        volCursor = new int[instruments];
        extraCount = tickFeatures.size();
        extras = new TickIndicator[instruments * extraCount];
        for (int i = 0; i < instruments; i++)
        {
            for (int k = 0; k < extraCount; k++)
            {
                extras[i * extraCount + k] = IndicatorCatalogue.tick(tickFeatures.get(k));
            }
        }
        barCount = barIndicators.size();
        bars = new BarIndicator[instruments * barCount];
        int outputs = 0;
        for (int i = 0; i < instruments; i++)
        {
            for (int k = 0; k < barCount; k++)
            {
                final BarIndicator bar = IndicatorCatalogue.bar(barIndicators.get(k));
                bars[i * barCount + k] = bar;
                if (i == 0)
                {
                    outputs += bar.outputs();
                }
            }
        }
        barOutputs = outputs;
        if (FeatureSchema.COUNT + extraCount + barOutputs > FeatureSchema.MAX_COUNT)
        {
            throw new IllegalArgumentException("the feature vector would have " + (FeatureSchema.COUNT + extraCount
                + barOutputs) + " entries, at most " + FeatureSchema.MAX_COUNT + " fit");
        }
    }

    /**
     * Updates the instrument's configured bar indicators with a completed bar.
     *
     * @param index dense instrument index.
     * @param open open price (the unit of the quotes).
     * @param high high price.
     * @param low low price.
     * @param close close price.
     * @param volume volume.
     * @param session the bar's session (its local trading day).
     */
    public void onBar(final int index, final double open, final double high, final double low, final double close,
        final double volume, final long session)
    {
        final int base = index * barCount;
        for (int k = 0; k < barCount; k++)
        {
            bars[base + k].onBar(open, high, low, close, volume, session);
        }
    }

    /**
     * Whether any bar indicator is configured.
     *
     * @return true when bars feed the vector.
     */
    public boolean hasBarIndicators()
    {
        return barCount > 0;
    }

    /**
     * Updates the instrument's features with a quote and writes the vector.
     *
     * @param index dense instrument index.
     * @param bid best bid price (any consistent unit, e.g. ticks).
     * @param bidQty best bid size.
     * @param ask best ask price.
     * @param askQty best ask size.
     * @param out destination, {@link FeatureSchema#COUNT} plus the configured tick features and bar outputs long.
     * @return true when the vector is warmed up and usable.
     */
    public boolean onQuote(
        final int index,
        final double bid,
        final double bidQty,
        final double ask,
        final double askQty,
        final double[] out)
    {
        final double mid = 0.5 * (bid + ask);
        final long count = ++quoteCount[index];
        if (count == 1)
        {
            emaFast[index] = mid;
            emaSlow[index] = mid;
        }
        else
        {
            emaFast[index] += fastAlpha * (mid - emaFast[index]);
            emaSlow[index] += slowAlpha * (mid - emaSlow[index]);
            final double logReturn = Math.log(mid / previousMid[index]);
            final int slot = index * volWindow + volCursor[index];
            final double squared = logReturn * logReturn;
            squaredReturnSum[index] += squared - squaredReturns[slot];
            squaredReturns[slot] = squared;
            final int next = (volCursor[index] + 1) & volMask;
            volCursor[index] = next;
            if (next == 0)
            {
                squaredReturnSum[index] = sumWindow(index);
            }
        }
        previousMid[index] = mid;

        final double totalQty = bidQty + askQty;
        out[FeatureSchema.EMA_CROSS] = (emaFast[index] - emaSlow[index]) / emaSlow[index] * BPS;
        out[FeatureSchema.MOMENTUM] = (mid - emaFast[index]) / emaFast[index] * BPS;
        out[FeatureSchema.REALIZED_VOL] = Math.sqrt(Math.max(0.0, squaredReturnSum[index]) / volWindow) * BPS;
        out[FeatureSchema.IMBALANCE] = (bidQty - askQty) / totalQty;
        final double microprice = (bid * askQty + ask * bidQty) / totalQty;
        out[FeatureSchema.MICROPRICE] = (microprice - mid) / mid * BPS;
        out[FeatureSchema.SPREAD] = (ask - bid) / mid * BPS;
        boolean extrasReady = true;
        final int base = index * extraCount;
        for (int k = 0; k < extraCount; k++)
        {
            final TickIndicator extra = extras[base + k];
            extra.onQuote(bid, bidQty, ask, askQty);
            final double value = extra.value();
            out[FeatureSchema.COUNT + k] = value;
            extrasReady &= Double.isFinite(value);
        }
        int at = FeatureSchema.COUNT + extraCount;
        final int barBase = index * barCount;
        for (int k = 0; k < barCount; k++)
        {
            final BarIndicator bar = bars[barBase + k];
            for (int o = 0, n = bar.outputs(); o < n; o++)
            {
                final double value = bar.value(o);
                out[at++] = value;
                extrasReady &= Double.isFinite(value);
            }
        }
        return count >= warmupTicks && extrasReady;
    }

    /**
     * Updates the instrument's configured tick features with a trade (the base features use quotes only).
     *
     * @param index dense instrument index.
     * @param price trade price (the unit of the quotes).
     * @param qty trade size.
     */
    public void onTrade(final int index, final double price, final double qty)
    {
        final int base = index * extraCount;
        for (int k = 0; k < extraCount; k++)
        {
            extras[base + k].onTrade(price, qty);
        }
    }

    /**
     * Re-sums the window exactly once per wrap so floating-point drift of the running sum stays bounded.
     */
    private double sumWindow(final int index)
    {
        double sum = 0.0;
        final int base = index * volWindow;
        for (int i = 0; i < volWindow; i++)
        {
            sum += squaredReturns[base + i];
        }
        return sum;
    }

    /**
     * Quotes seen for an instrument.
     *
     * @param index dense instrument index.
     * @return the count.
     */
    public long quoteCount(final int index)
    {
        return quoteCount[index];
    }

    public int instruments()
    {
        return instruments;
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putDoubles(out, emaFast);
        StateValues.putDoubles(out, emaSlow);
        StateValues.putDoubles(out, previousMid);
        StateValues.putLongs(out, quoteCount);
        StateValues.putDoubles(out, squaredReturns);
        StateValues.putDoubles(out, squaredReturnSum);
        StateValues.putInts(out, volCursor);
        for (final var part : extras)
        {
            part.saveState(out);
        }
        for (final var part : bars)
        {
            part.saveState(out);
        }
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
        i = StateValues.getDoubles(in, i, emaFast);
        i = StateValues.getDoubles(in, i, emaSlow);
        i = StateValues.getDoubles(in, i, previousMid);
        i = StateValues.getLongs(in, i, quoteCount);
        i = StateValues.getDoubles(in, i, squaredReturns);
        i = StateValues.getDoubles(in, i, squaredReturnSum);
        i = StateValues.getInts(in, i, volCursor);
        for (final var part : extras)
        {
            i = part.loadState(in, i);
        }
        for (final var part : bars)
        {
            i = part.loadState(in, i);
        }
        return i;
    }
}
