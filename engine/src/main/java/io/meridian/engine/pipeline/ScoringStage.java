package io.meridian.engine.pipeline;

import io.meridian.engine.model.Scorer;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;

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
}
