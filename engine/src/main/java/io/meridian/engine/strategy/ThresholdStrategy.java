package io.meridian.engine.strategy;

import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * Stage 4: turns a score into a target position.
 *
 * <p>Entry: when {@code |score| >= entryThresholdBps} the target is {@code sign(score) * size}; when the orders cross
 * the spread, entry is cost-aware and the score (a forward return in basis points) must also beat the half spread,
 * {@code |score| >= entryThresholdBps + halfSpreadBps}; exit: when
 * {@code |score| < entryThresholdBps / 2} the target is flat; in between the previous target is held (hysteresis, so
 * a score hovering at the threshold does not churn orders). The size is volatility-scaled: the quantity whose
 * expected move over the model's horizon ({@code max(realizedVol, volFloor) * sqrt(horizon)}) costs
 * {@code riskBudget}, capped at {@code maxTargetQty}. Single-threaded; allocation-free.
 */
public final class ThresholdStrategy
{
    private static final double BPS = 10_000.0;

    private final double entryThresholdBps;
    private final double exitThresholdBps;
    private final double riskBudget;
    private final long maxTargetQty;
    private final double volFloorBps;
    private final double sqrtHorizon;
    private final double spreadCostShare;
    private final long[] target;

    /**
     * A strategy.
     *
     * @param instruments number of instruments.
     * @param entryThresholdBps score needed to enter, basis points.
     * @param riskBudget cash at risk per position over the horizon, in account currency.
     * @param maxTargetQty cap on the absolute target, in lots.
     * @param volFloorBps lower bound for per-tick volatility, basis points.
     * @param horizonTicks the model's forecast horizon in ticks.
     * @param crossesSpread whether orders take the far touch (then entry must also beat the half spread).
     */
    public ThresholdStrategy(
        final int instruments,
        final double entryThresholdBps,
        final double riskBudget,
        final long maxTargetQty,
        final double volFloorBps,
        final int horizonTicks,
        final boolean crossesSpread)
    {
        this.spreadCostShare = crossesSpread ? 0.5 : 0.0;
        this.entryThresholdBps = entryThresholdBps;
        this.exitThresholdBps = entryThresholdBps * 0.5;
        this.riskBudget = riskBudget;
        this.maxTargetQty = maxTargetQty;
        this.volFloorBps = volFloorBps;
        this.sqrtHorizon = Math.sqrt(horizonTicks);
        this.target = new long[instruments];
    }

    /**
     * The target position for a score.
     *
     * @param index dense instrument index.
     * @param score model score, basis points.
     * @param features the feature vector the score came from (for volatility).
     * @param midPrice mid price in account currency per whole unit.
     * @param qtyScale lots per whole unit.
     * @return the target position in lots.
     */
    public long onScore(
        final int index, final double score, final double[] features, final double midPrice, final long qtyScale)
    {
        final double magnitude = Math.abs(score);
        if (magnitude >= entryThresholdBps + spreadCostShare * features[FeatureSchema.SPREAD])
        {
            final double vol = Math.max(features[FeatureSchema.REALIZED_VOL], volFloorBps) / BPS * sqrtHorizon;
            final double units = riskBudget / (midPrice * vol);
            long lots = (long)Math.floor(units * qtyScale);
            if (lots > maxTargetQty)
            {
                lots = maxTargetQty;
            }
            target[index] = score > 0 ? lots : -lots;
        }
        else if (magnitude < exitThresholdBps)
        {
            target[index] = 0;
        }
        return target[index];
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putLongs(out, target);
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
        i = StateValues.getLongs(in, i, target);
        return i;
    }
}
