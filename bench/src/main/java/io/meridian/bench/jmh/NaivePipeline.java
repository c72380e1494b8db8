package io.meridian.bench.jmh;

import io.meridian.config.EngineConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.LinearModel;
import io.meridian.engine.pipeline.EngineFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.agrona.DirectBuffer;

/**
 * Baseline for a whole pipeline pass: book, features, scoring, strategy and risk written the naive way, with each
 * stage handing a boxed message object to the next through an {@link ArrayDeque} queue (on one thread), book and
 * positions in {@link HashMap}s keyed by boxed ids, {@link NaiveFeatures}, {@link NaiveScorer} and
 * {@link NaiveRiskChain}, decisions kept as strings. Orders that pass risk are filled at once at their limit
 * price. It does the engine's arithmetic without its data structures. Allocates per event.
 */
final class NaivePipeline
{
    private static final double BPS = 10_000.0;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Map<Integer, Book> books = new HashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>();
    private final Map<Integer, Long> targets = new HashMap<>();
    private final Map<Integer, InstrumentConfig> instruments = new HashMap<>();
    private final Map<Integer, Long> cashMultipliers = new HashMap<>();
    private final Map<Long, Order> workingOrders = new HashMap<>();
    private final Queue<Object> toFeatures = new ArrayDeque<>();
    private final Queue<Object> toScoring = new ArrayDeque<>();
    private final Queue<Object> toStrategy = new ArrayDeque<>();
    private final NaiveFeatures features;
    private final NaiveScorer scorer;
    private final NaiveRiskChain risk;
    private final double entryThresholdBps;
    private final double riskBudget;
    private final long maxTargetQty;
    private final double volFloorBps;
    private final double sqrtHorizon;
    private final List<String> decisions = new ArrayList<>();
    private long nextClOrdId = 1;
    private long ordersSent;

    NaivePipeline(final EngineConfig config, final LinearModel model)
    {
        final InstrumentIndex index = EngineFactory.instruments(config);
        for (final InstrumentConfig instrument : config.instruments())
        {
            instruments.put(instrument.id(), instrument);
            cashMultipliers.put(instrument.id(), index.cashMultiplier(index.indexOf(instrument.id())));
        }
        features = new NaiveFeatures(
            config.features().emaFastTicks(), config.features().emaSlowTicks(), config.features().volWindowTicks());
        scorer = new NaiveScorer(model);
        risk = new NaiveRiskChain(config.risk().maxOrderQty(),
            Scales.toFixed(config.risk().maxOrderNotional(), Scales.CASH_SCALE), config.risk().priceCollar(),
            config.risk().maxOrdersPerSecond(), config.risk().maxPosition(),
            config.kill().staleMarketDataMs() * NANOS_PER_MILLI);
        entryThresholdBps = config.strategy().entryThresholdBps();
        riskBudget = config.strategy().riskBudget();
        maxTargetQty = config.strategy().maxTargetQty();
        volFloorBps = config.strategy().volFloorBps();
        sqrtHorizon = Math.sqrt(config.model().horizonTicks());
    }

    /**
     * Runs every stage for one inbound record.
     *
     * @return orders sent so far.
     */
    long onEvent(final DirectBuffer buffer, final int offset)
    {
        bookStage(buffer, offset);
        featureStage();
        scoringStage();
        strategyAndRiskStage();
        decisions.clear();
        return ordersSent;
    }

    private void bookStage(final DirectBuffer buffer, final int offset)
    {
        final byte type = Header.type(buffer, offset);
        final Integer id = Header.instrumentId(buffer, offset);
        if (type == RecordType.QUOTE)
        {
            final Quote quote = new Quote(id, Header.eventTimeNs(buffer, offset), QuoteCodec.bidPrice(buffer, offset),
                QuoteCodec.bidQty(buffer, offset), QuoteCodec.askPrice(buffer, offset),
                QuoteCodec.askQty(buffer, offset));
            if (quote.bid <= 0 || quote.ask <= quote.bid || !instruments.containsKey(id))
            {
                return;
            }
            final Book book = books.computeIfAbsent(id, key -> new Book());
            book.bid = quote.bid;
            book.ask = quote.ask;
            book.lastMarketDataNs = quote.timeNs;
            toFeatures.add(quote);
        }
        else if (type == RecordType.TRADE)
        {
            final Book book = books.computeIfAbsent(id, key -> new Book());
            book.lastTrade = TradeCodec.price(buffer, offset);
            book.lastMarketDataNs = Header.eventTimeNs(buffer, offset);
        }
    }

    private void featureStage()
    {
        final Quote quote = (Quote)toFeatures.poll();
        if (quote == null)
        {
            return;
        }
        final Map<String, Double> named = features.onQuote(quote.instrument, quote.bid.doubleValue(),
            quote.bidQty.doubleValue(), quote.ask.doubleValue(), quote.askQty.doubleValue());
        if (named != null)
        {
            toScoring.add(new Featured(quote, named));
        }
    }

    private void scoringStage()
    {
        final Featured featured = (Featured)toScoring.poll();
        if (featured == null)
        {
            return;
        }
        final List<Double> values = new ArrayList<>(featured.features.values());
        final double[] vector = new double[values.size()];
        for (int i = 0; i < vector.length; i++)
        {
            vector[i] = values.get(i);
        }
        final Double score = scorer.score(vector);
        decisions.add("SIGNAL " + featured.quote.instrument + " " + score);
        toStrategy.add(new Scored(featured, score));
    }

    private void strategyAndRiskStage()
    {
        final Scored scored = (Scored)toStrategy.poll();
        if (scored == null)
        {
            return;
        }
        final Quote quote = scored.featured.quote;
        final InstrumentConfig instrument = instruments.get(quote.instrument);
        final double magnitude = Math.abs(scored.score);
        Long target = targets.getOrDefault(quote.instrument, 0L);
        if (magnitude >= entryThresholdBps)
        {
            final double mid = 0.5 * (quote.bid + quote.ask) / instrument.priceScale();
            final double vol = Math.max(scored.featured.features.get(FeatureSchema.names()[FeatureSchema.REALIZED_VOL]),
                volFloorBps) / BPS * sqrtHorizon;
            final long lots = Math.min(
                maxTargetQty, (long)Math.floor(riskBudget / (mid * vol) * instrument.qtyScale()));
            target = scored.score > 0 ? lots : -lots;
        }
        else if (magnitude < entryThresholdBps / 2)
        {
            target = 0L;
        }
        targets.put(quote.instrument, target);
        final Long position = positions.getOrDefault(quote.instrument, 0L);
        final Long delta = target - position;
        if (delta == 0)
        {
            return;
        }
        final Book book = books.get(quote.instrument);
        final Byte side = delta > 0 ? Side.BUY : Side.SELL;
        final Long price = delta > 0 ? book.ask : book.bid;
        final Long reference = book.lastTrade > 0 ? book.lastTrade : (book.bid + book.ask) / 2;
        final String reason = risk.check(new NaiveRiskChain.Order(TradingState.ACTIVE, Boolean.TRUE, side,
            Math.abs(delta), price, cashMultipliers.get(quote.instrument), position, 0L, reference,
            book.lastMarketDataNs, quote.timeNs));
        decisions.add("RISK " + quote.instrument + " " + reason);
        if (!"NONE".equals(reason))
        {
            return;
        }
        final Order order = new Order(nextClOrdId++, quote.instrument, delta, price);
        workingOrders.put(order.clOrdId, order);
        ordersSent++;
        // the naive venue fills at once
        positions.merge(order.instrument, order.signedQty, Long::sum);
        workingOrders.remove(order.clOrdId);
    }

    /**
     * Orders that passed risk.
     *
     * @return the count.
     */
    long ordersSent()
    {
        return ordersSent;
    }

    /**
     * Top of book, boxed.
     */
    private static final class Book
    {
        private Long bid = 0L;
        private Long ask = 0L;
        private Long lastTrade = 0L;
        private Long lastMarketDataNs = 0L;
    }

    /**
     * A decoded quote.
     */
    private static final class Quote
    {
        private final Integer instrument;
        private final Long timeNs;
        private final Long bid;
        private final Long bidQty;
        private final Long ask;
        private final Long askQty;

        Quote(final Integer instrument, final Long timeNs, final Long bid, final Long bidQty, final Long ask,
            final Long askQty)
        {
            this.instrument = instrument;
            this.timeNs = timeNs;
            this.bid = bid;
            this.bidQty = bidQty;
            this.ask = ask;
            this.askQty = askQty;
        }
    }

    /**
     * A quote with its features.
     */
    private static final class Featured
    {
        private final Quote quote;
        private final Map<String, Double> features;

        Featured(final Quote quote, final Map<String, Double> features)
        {
            this.quote = quote;
            this.features = features;
        }
    }

    /**
     * A scored quote.
     */
    private static final class Scored
    {
        private final Featured featured;
        private final Double score;

        Scored(final Featured featured, final Double score)
        {
            this.featured = featured;
            this.score = score;
        }
    }

    /**
     * A working order.
     */
    private static final class Order
    {
        private final Long clOrdId;
        private final Integer instrument;
        private final Long signedQty;
        private final Long price;

        Order(final Long clOrdId, final Integer instrument, final Long signedQty, final Long price)
        {
            this.clOrdId = clOrdId;
            this.instrument = instrument;
            this.signedQty = signedQty;
            this.price = price;
        }
    }
}
