package io.meridian.engine.pipeline;

import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.state.StateRestore;
import org.agrona.collections.LongArrayList;

/**
 * The engine's ordered stage list, built by {@link EngineFactory}:
 *
 * <pre>
 *   book (decode, validate, L1) -&gt; features -&gt; scoring -&gt; strategy/sizing -&gt; risk + kill switch + orders
 * </pre>
 *
 * The same list runs on one thread ({@link #onEvent}), timed ({@link TimedPipeline}) or as one Disruptor handler per
 * stage ({@link DisruptorPipeline}, staged mode). Risk, kill switch and order management share positions and working
 * orders, so they are one stage. The typed accessors give reports and tests the stages' own state.
 */
public final class Pipeline
{
    private final InstrumentIndex instruments;
    private final Stage[] stages;
    private final MarketDataStage book;
    private final FeatureEngine features;
    private final Scorer scorer;
    private final OrderManager orders;

    /**
     * A pipeline over an ordered stage list.
     *
     * @param instruments configured instruments.
     * @param stages the stages in order; the first must be the {@link MarketDataStage} (it decodes each event into
     *     its slot).
     * @throws IllegalArgumentException when it is not.
     */
    Pipeline(final InstrumentIndex instruments, final Stage... stages)
    {
        if (stages.length == 0 || !(stages[0] instanceof MarketDataStage))
        {
            throw new IllegalArgumentException("the first stage must be the book stage, which decodes each event");
        }
        this.instruments = instruments;
        this.stages = stages.clone();
        this.book = (MarketDataStage)stages[0];
        FeatureEngine featureEngine = null;
        Scorer model = null;
        OrderManager orderManager = null;
        for (final Stage stage : stages)
        {
            if (stage instanceof FeatureStage)
            {
                featureEngine = ((FeatureStage)stage).features();
            }
            else if (stage instanceof ScoringStage)
            {
                model = ((ScoringStage)stage).scorer();
            }
            else if (stage instanceof OrderManager)
            {
                orderManager = (OrderManager)stage;
            }
        }
        this.book.restorer().stages(stages.length);
        this.features = featureEngine;
        this.scorer = model;
        this.orders = orderManager;
    }

    /**
     * Runs every stage, in order, on the calling thread.
     *
     * @param slot the event (its buffer filled; the first stage decodes it).
     */
    public void onEvent(final EventSlot slot)
    {
        for (final Stage stage : stages)
        {
            stage.onEvent(slot);
        }
    }

    /**
     * Number of stages.
     *
     * @return the count.
     */
    public int stageCount()
    {
        return stages.length;
    }

    /**
     * One stage.
     *
     * @param index position in the list.
     * @return the stage.
     */
    public Stage stage(final int index)
    {
        return stages[index];
    }

    public InstrumentIndex instruments()
    {
        return instruments;
    }

    public MarketDataStage book()
    {
        return book;
    }

    /**
     * The feature engine.
     *
     * @return the engine, or null when the list has no feature stage.
     */
    public FeatureEngine features()
    {
        return features;
    }

    /**
     * The scorer.
     *
     * @return the scorer, or null when the list has no scoring stage.
     */
    public Scorer scorer()
    {
        return scorer;
    }

    /**
     * The order stage.
     *
     * @return the order manager, or null when the list has no order stage (e.g. a feature-only pipeline).
     */
    public OrderManager orders()
    {
        return orders;
    }

    /**
     * Writes the whole pipeline's state, every stage's section in list order ({@link StateRestore}, issue 9). Call it
     * between events on the pipeline thread (single-threaded mode); it allocates inside {@code out} only.
     *
     * @param out receives the values.
     */
    public void saveState(final LongArrayList out)
    {
        StateRestore.save(stages, instruments.count(), out);
    }
}
