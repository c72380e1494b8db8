package io.meridian.engine.pipeline;

import io.meridian.engine.model.Scorer;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.state.StateRestore;
import org.agrona.collections.LongArrayList;

/**
 * Stage 3: scores the slot's feature vector with the model, when it is ready.
 */
final class ScoringStage implements Stage
{
    private final Scorer scorer;

    ScoringStage(final Scorer scorer)
    {
        this.scorer = scorer;
    }

    @Override
    public String name()
    {
        return "scoring";
    }

    @Override
    public boolean onEvent(final EventSlot slot)
    {
        if (slot.restoredState != null)
        {
            StateRestore.loadSection(this, slot);
            return true;
        }
        if (slot.featuresReady)
        {
            slot.score = scorer.score(slot.features);
            slot.scored = true;
        }
        return slot.scored;
    }

    Scorer scorer()
    {
        return scorer;
    }

    /**
     * Nothing: a scorer maps one feature vector to one score and keeps nothing between events (the linear and the
     * ONNX scorers alike).
     *
     * @param out the snapshot values.
     */
    @Override
    public void saveState(final LongArrayList out)
    {
    }

    @Override
    public int loadState(final long[] in, final int at)
    {
        return at;
    }
}
