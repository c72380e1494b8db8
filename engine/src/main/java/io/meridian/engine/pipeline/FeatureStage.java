package io.meridian.engine.pipeline;

import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;

/**
 * Stage 2: updates the instrument's features from the top of book of each accepted quote and writes the vector into
 * the slot; accepted trades update the configured tick features (no vector is written for a trade).
 */
final class FeatureStage implements Stage
{
    private final FeatureEngine features;

    FeatureStage(final FeatureEngine features)
    {
        this.features = features;
    }

    @Override
    public String name()
    {
        return "features";
    }

    /**
     * Computes the features on an accepted quote, or on the top of book an accepted bar derives (see
     * {@link io.meridian.engine.book.MarketDataStage}).
     *
     * @param slot the event.
     * @return true on accepted market data (quotes and trades, as the latency report has always counted it).
     */
    @Override
    public boolean onEvent(final EventSlot slot)
    {
        if (slot.marketDataAccepted && (slot.type == RecordType.QUOTE || slot.type == RecordType.BAR))
        {
            slot.featuresReady = features.onQuote(slot.instrumentIndex, (double)slot.bidPrice, (double)slot.bidQty,
                (double)slot.askPrice, (double)slot.askQty, slot.features);
        }
        else if (slot.marketDataAccepted && slot.type == RecordType.TRADE)
        {
            features.onTrade(slot.instrumentIndex, (double)TradeCodec.price(slot.buffer, 0),
                (double)TradeCodec.qty(slot.buffer, 0));
        }
        return slot.marketDataAccepted;
    }

    FeatureEngine features()
    {
        return features;
    }
}
