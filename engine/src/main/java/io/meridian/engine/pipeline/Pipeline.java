package io.meridian.engine.pipeline;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.strategy.ThresholdStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's seven stages and the hand-off between them through an {@link EventSlot}:
 *
 * <pre>
 *   book (validate + L1) -&gt; features -&gt; scoring -&gt; strategy/sizing -&gt; risk + kill switch + orders
 * </pre>
 *
 * Each stage method reads only the slot and its own state, and writes only its own state and the slot's result
 * fields, so the stages can run on one thread ({@link #onEvent}) or as separate Disruptor handlers in staged mode.
 * Risk, kill switch and order management share positions and working orders, so they are one handler.
 */
public final class Pipeline
{
    private final InstrumentIndex instruments;
    private final MarketDataStage book;
    private final FeatureEngine features;
    private final Scorer scorer;
    private final ThresholdStrategy strategy;
    private final OrderManager orders;

    /**
     * Composes the stages.
     *
     * @param instruments configured instruments.
     * @param book stage 1.
     * @param features stage 2.
     * @param scorer stage 3.
     * @param strategy stage 4.
     * @param orders stages 5 to 7.
     */
    public Pipeline(
        final InstrumentIndex instruments,
        final MarketDataStage book,
        final FeatureEngine features,
        final Scorer scorer,
        final ThresholdStrategy strategy,
        final OrderManager orders)
    {
        this.instruments = instruments;
        this.book = book;
        this.features = features;
        this.scorer = scorer;
        this.strategy = strategy;
        this.orders = orders;
    }

    /**
     * Runs every stage on the calling thread.
     *
     * @param slot the event.
     */
    public void onEvent(final EventSlot slot)
    {
        bookStage(slot);
        featureStage(slot);
        scoringStage(slot);
        strategyStage(slot);
        orderStage(slot);
    }

    /**
     * Stage 1: validation and the L1 book; copies the touch into the slot.
     *
     * @param slot the event.
     */
    public void bookStage(final EventSlot slot)
    {
        slot.clearResults();
        final UnsafeBuffer buffer = slot.buffer;
        final byte type = Header.type(buffer, 0);
        if (type == RecordType.QUOTE || type == RecordType.TRADE)
        {
            slot.marketDataAccepted = book.onMarketData(buffer, 0) == RejectReason.NONE;
            if (slot.marketDataAccepted)
            {
                final int index = instruments.indexOf(Header.instrumentId(buffer, 0));
                slot.bidPrice = book.bidPrice(index);
                slot.askPrice = book.askPrice(index);
            }
        }
    }

    /**
     * Stage 2: features, on accepted quotes.
     *
     * @param slot the event.
     */
    public void featureStage(final EventSlot slot)
    {
        final UnsafeBuffer buffer = slot.buffer;
        if (slot.marketDataAccepted && Header.type(buffer, 0) == RecordType.QUOTE)
        {
            final int index = instruments.indexOf(Header.instrumentId(buffer, 0));
            slot.featuresReady = features.onQuote(
                index,
                QuoteCodec.bidPrice(buffer, 0),
                QuoteCodec.bidQty(buffer, 0),
                QuoteCodec.askPrice(buffer, 0),
                QuoteCodec.askQty(buffer, 0),
                slot.features);
        }
    }

    /**
     * Stage 3: model scoring, when the features are ready.
     *
     * @param slot the event.
     */
    public void scoringStage(final EventSlot slot)
    {
        if (slot.featuresReady)
        {
            slot.score = scorer.score(slot.features);
            slot.scored = true;
        }
    }

    /**
     * Stage 4: strategy and sizing.
     *
     * @param slot the event.
     */
    public void strategyStage(final EventSlot slot)
    {
        if (slot.scored)
        {
            final int index = instruments.indexOf(Header.instrumentId(slot.buffer, 0));
            final double mid = 0.5 * (slot.bidPrice + slot.askPrice) / instruments.priceScale(index);
            slot.targetPosition = strategy.onScore(
                index, slot.score, slot.features, mid, instruments.qtyScale(index));
            slot.hasTarget = true;
        }
    }

    /**
     * Stages 5 to 7: risk, kill switch, order management; emits the outbound records.
     *
     * @param slot the event.
     */
    public void orderStage(final EventSlot slot)
    {
        orders.onEvent(
            slot.buffer, 0, slot.marketDataAccepted, slot.scored, slot.score, slot.hasTarget, slot.targetPosition);
    }

    public InstrumentIndex instruments()
    {
        return instruments;
    }

    public MarketDataStage book()
    {
        return book;
    }

    public FeatureEngine features()
    {
        return features;
    }

    public Scorer scorer()
    {
        return scorer;
    }

    public OrderManager orders()
    {
        return orders;
    }
}
