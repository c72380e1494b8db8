package io.meridian.bench.jmh;

import io.meridian.engine.feature.FeatureSchema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Baseline: the feature stage as a straightforward Java programmer might first write it, with boxed numbers, a
 * {@link HashMap} of per-instrument state keyed by boxed ids, an {@link ArrayDeque} of boxed squared returns for the
 * volatility window, and a fresh name-to-value map per quote. Same formulas as the engine's
 * {@link io.meridian.engine.feature.FeatureEngine}, so the two do the same arithmetic; only the data structures
 * differ. Allocates on every quote.
 */
final class NaiveFeatures
{
    private static final double BPS = 10_000.0;
    private static final String[] NAMES = FeatureSchema.names();

    private final Map<Integer, State> states = new HashMap<>();
    private final double fastAlpha;
    private final double slowAlpha;
    private final int window;
    private final long warmup;

    NaiveFeatures(final int emaFastTicks, final int emaSlowTicks, final int volWindowTicks)
    {
        this.fastAlpha = 2.0 / (emaFastTicks + 1.0);
        this.slowAlpha = 2.0 / (emaSlowTicks + 1.0);
        this.window = volWindowTicks;
        this.warmup = Math.max(emaSlowTicks, volWindowTicks) + 1L;
    }

    /**
     * Updates an instrument's features.
     *
     * @return the named features, or {@code null} while warming up.
     */
    Map<String, Double> onQuote(
        final Integer instrument, final Double bid, final Double bidQty, final Double ask, final Double askQty)
    {
        final State state = states.computeIfAbsent(instrument, id -> new State());
        final Double mid = 0.5 * (bid + ask);
        state.count = state.count + 1;
        if (state.count == 1)
        {
            state.emaFast = mid;
            state.emaSlow = mid;
        }
        else
        {
            state.emaFast = state.emaFast + fastAlpha * (mid - state.emaFast);
            state.emaSlow = state.emaSlow + slowAlpha * (mid - state.emaSlow);
            final Double logReturn = Math.log(mid / state.previousMid);
            final Double squared = logReturn * logReturn;
            state.squaredReturns.addLast(squared);
            state.sum = state.sum + squared;
            if (state.squaredReturns.size() > window)
            {
                state.sum = state.sum - state.squaredReturns.removeFirst();
            }
        }
        state.previousMid = mid;

        final Map<String, Double> out = new LinkedHashMap<>();
        final Double total = bidQty + askQty;
        out.put(NAMES[FeatureSchema.EMA_CROSS], (state.emaFast - state.emaSlow) / state.emaSlow * BPS);
        out.put(NAMES[FeatureSchema.MOMENTUM], (mid - state.emaFast) / state.emaFast * BPS);
        out.put(NAMES[FeatureSchema.REALIZED_VOL], Math.sqrt(Math.max(0.0, state.sum) / window) * BPS);
        out.put(NAMES[FeatureSchema.IMBALANCE], (bidQty - askQty) / total);
        final Double microprice = (bid * askQty + ask * bidQty) / total;
        out.put(NAMES[FeatureSchema.MICROPRICE], (microprice - mid) / mid * BPS);
        out.put(NAMES[FeatureSchema.SPREAD], (ask - bid) / mid * BPS);
        return state.count >= warmup ? out : null;
    }

    /**
     * Per-instrument state, all boxed.
     */
    private static final class State
    {
        private Long count = 0L;
        private Double emaFast = 0.0;
        private Double emaSlow = 0.0;
        private Double previousMid = 0.0;
        private Double sum = 0.0;
        private final Deque<Double> squaredReturns = new ArrayDeque<>();
    }
}
