package io.meridian.engine.pipeline;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.state.StateRestore;
import io.meridian.engine.strategy.ThresholdStrategy;
import org.agrona.collections.LongArrayList;

/**
 * Stage 4: turns a score into a target position, sized at the slot's mid price.
 */
final class StrategyStage implements Stage
{
    private final ThresholdStrategy strategy;
    private final InstrumentIndex instruments;

    StrategyStage(final ThresholdStrategy strategy, final InstrumentIndex instruments)
    {
        this.strategy = strategy;
        this.instruments = instruments;
    }

    @Override
    public String name()
    {
        return "strategy";
    }

    @Override
    public boolean onEvent(final EventSlot slot)
    {
        if (slot.restoredState != null)
        {
            StateRestore.loadSection(this, slot);
            return true;
        }
        if (slot.scored)
        {
            final int index = slot.instrumentIndex;
            final double mid = 0.5 * (slot.bidPrice + slot.askPrice) / instruments.priceScale(index);
            slot.targetPosition = strategy.onScore(
                index, slot.score, slot.features, mid, instruments.qtyScale(index));
            slot.hasTarget = true;
        }
        return slot.hasTarget;
    }

    /**
     * The strategy's targets.
     *
     * @param out the snapshot values.
     */
    @Override
    public void saveState(final LongArrayList out)
    {
        strategy.saveState(out);
    }

    @Override
    public int loadState(final long[] in, final int at)
    {
        return strategy.loadState(in, at);
    }
}
