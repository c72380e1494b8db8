package io.meridian.engine.pipeline;

import io.meridian.engine.book.BarBuilder;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.risk.TradingCalendar;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.state.StateRestore;
import org.agrona.collections.LongArrayList;

/**
 * Stage 2: updates the instrument's features from the top of book of each accepted quote and writes the vector into
 * the slot; accepted trades update the configured tick features (no vector is written for a trade).
 *
 * <p>Bars feed the configured bar indicators ({@link FeatureEngine#onBar}): an accepted BAR record before its
 * vector is written, and, with {@code features.bars} configured, the bars a {@link BarBuilder} builds from accepted
 * trades (their price and size) or quotes (the mid rounded down to a tick, one lot per quote). The builder is asked
 * to complete the open bar before each trade or quote and on every timer (a time window that has ended, or a new
 * session: a bar never spans sessions; the session of an event is its local day in the account's calendar), then
 * fed the event. Built bars are a pure function of the journaled input, so replay rebuilds them exactly; they are
 * not journaled. Allocation-free.
 */
final class FeatureStage implements Stage
{
    /** Sees every built bar as the bar indicators do (tests: {@code BuiltBarsTest}). */
    @FunctionalInterface
    interface BuiltBarListener
    {
        /**
         * A bar completed.
         *
         * @param index dense instrument index.
         * @param bars the builder, positioned on the completed bar.
         */
        void onBar(int index, BarBuilder bars);
    }

    private BuiltBarListener listener;
    private final FeatureEngine features;
    private final BarBuilder bars;
    private final boolean barsFromQuotes;
    private final TradingCalendar calendar;
    private final int instruments;

    FeatureStage(final FeatureEngine features)
    {
        this(features, null, false, null);
    }

    /**
     * A stage that also builds bars.
     *
     * @param features the feature engine.
     * @param bars the bar builder, or null when no bars are built.
     * @param barsFromQuotes whether the builder takes quotes (else trades).
     * @param calendar sessions of bars; null only when no bars are built and no bar indicator is configured.
     */
    FeatureStage(final FeatureEngine features, final BarBuilder bars, final boolean barsFromQuotes,
        final TradingCalendar calendar)
    {
        if (calendar == null && (bars != null || features.hasBarIndicators()))
        {
            throw new IllegalArgumentException("bars need a trading calendar for their sessions");
        }
        this.features = features;
        this.bars = bars;
        this.barsFromQuotes = barsFromQuotes;
        this.calendar = calendar;
        this.instruments = features.instruments();
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
        if (slot.restoredState != null)
        {
            StateRestore.loadSection(this, slot);
            return true;
        }
        final byte type = slot.type;
        if (slot.marketDataAccepted)
        {
            final int index = slot.instrumentIndex;
            if (type == RecordType.QUOTE)
            {
                if (bars != null && barsFromQuotes)
                {
                    build(index, slot.eventTimeNs, (slot.bidPrice + slot.askPrice) >> 1, 1);
                }
            }
            else if (type == RecordType.BAR)
            {
                if (features.hasBarIndicators())
                {
                    features.onBar(index, (double)BarCodec.open(slot.buffer, 0), (double)BarCodec.high(slot.buffer, 0),
                        (double)BarCodec.low(slot.buffer, 0), (double)BarCodec.close(slot.buffer, 0),
                        (double)BarCodec.volume(slot.buffer, 0), session(slot.eventTimeNs));
                }
            }
            else
            {
                final long price = TradeCodec.price(slot.buffer, 0);
                final long qty = TradeCodec.qty(slot.buffer, 0);
                features.onTrade(index, (double)price, (double)qty);
                if (bars != null && !barsFromQuotes)
                {
                    build(index, slot.eventTimeNs, price, qty);
                }
                return true;
            }
            slot.featuresReady = features.onQuote(index, (double)slot.bidPrice, (double)slot.bidQty,
                (double)slot.askPrice, (double)slot.askQty, slot.features);
        }
        else if (type == RecordType.TIMER && bars != null)
        {
            final long nowNs = slot.eventTimeNs;
            final long session = session(nowNs);
            for (int i = 0; i < instruments; i++)
            {
                if (bars.roll(i, nowNs, session))
                {
                    onBuiltBar(i);
                }
            }
        }
        return slot.marketDataAccepted;
    }

    private void build(final int index, final long timeNs, final long price, final long qty)
    {
        final long session = session(timeNs);
        if (bars.roll(index, timeNs, session))
        {
            onBuiltBar(index);
        }
        if (bars.onTrade(index, timeNs, price, qty, session))
        {
            onBuiltBar(index);
        }
    }

    /** Sets the listener of built bars (before the first event). */
    void listener(final BuiltBarListener listener)
    {
        this.listener = listener;
    }

    private void onBuiltBar(final int index)
    {
        if (listener != null)
        {
            listener.onBar(index, bars);
        }
        features.onBar(index, (double)bars.open(index), (double)bars.high(index), (double)bars.low(index),
            (double)bars.close(index), (double)bars.volume(index), bars.session(index));
    }

    /** The session of an event time: its local day (epoch day) in the account's calendar. */
    private long session(final long timeNs)
    {
        return calendar.epochDay(calendar.day(timeNs));
    }

    FeatureEngine features()
    {
        return features;
    }

    /**
     * The feature engine's state (EMAs, volatility windows, every indicator) and, when bars are built, the bar
     * builder's (bars in progress and the last completed ones).
     *
     * @param out the snapshot values.
     */
    @Override
    public void saveState(final LongArrayList out)
    {
        features.saveState(out);
        if (bars != null)
        {
            bars.saveState(out);
        }
    }

    @Override
    public int loadState(final long[] in, final int at)
    {
        final int next = features.loadState(in, at);
        return bars != null ? bars.loadState(in, next) : next;
    }
}
