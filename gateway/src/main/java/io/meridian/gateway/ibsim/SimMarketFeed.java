package io.meridian.gateway.ibsim;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.gateway.ib.protocol.TickTypes;
import io.meridian.gateway.market.SyntheticMarket;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The simulator's market: runs the synthetic market on the simulator's clock (market time 0 is the first
 * {@code doWork}), lets the broker match on every quote and trade, and sends L1 ticks (TICK_PRICE bid and ask with
 * their sizes; TICK_PRICE last, TICK_SIZE last size and TICK_STRING last timestamp on trades) to the subscribers,
 * unless the data is stale, connectivity is lost or the instrument is halted. Owned by the simulator's thread.
 */
final class SimMarketFeed
{
    private final IbSimulator sim;
    private final SimBroker broker;
    private final SimBroker.Reports reports;
    private final SyntheticMarket market;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    SimMarketFeed(final IbSimulator sim, final SimBroker broker, final SimBroker.Reports reports,
        final SyntheticMarket market)
    {
        this.sim = sim;
        this.broker = broker;
        this.reports = reports;
        this.market = market;
    }

    static SyntheticMarket.Params marketParams(final SimConfig config)
    {
        final List<SimConfig.Instrument> list = config.instruments();
        final SyntheticMarket.Instrument[] instruments = new SyntheticMarket.Instrument[list.size()];
        for (int i = 0; i < instruments.length; i++)
        {
            final SimConfig.Instrument in = list.get(i);
            instruments[i] = new SyntheticMarket.Instrument(i + 1, in.priceScale(), 1, in.startPrice(),
                in.volatility(), 1, in.quoteSize());
        }
        return new SyntheticMarket.Params(config.seed(), 0, config.marketIntervalMs() * 1_000_000L, 0.15, 0.0005,
            20.0, 0.0002, 3.0, instruments);
    }

    int advance(final long marketNow, final long staleUntilNs, final boolean connectivityLost)
    {
        int work = 0;
        while (market.peekTimeNs() <= marketNow)
        {
            market.next(record, 0);
            work++;
            onMarketRecord(sim.nowNs() >= staleUntilNs && !connectivityLost);
        }
        return work;
    }

    private void onMarketRecord(final boolean live)
    {
        final int i = Header.instrumentId(record, 0) - 1;
        final double scale = sim.config().instruments().get(i).priceScale();
        final boolean publish = live && !broker.halted[i];
        if (Header.type(record, 0) == RecordType.QUOTE)
        {
            quote(i, QuoteCodec.bidPrice(record, 0) / scale, QuoteCodec.bidQty(record, 0),
                QuoteCodec.askPrice(record, 0) / scale, QuoteCodec.askQty(record, 0), publish);
        }
        else if (Header.type(record, 0) == RecordType.TRADE)
        {
            trade(i, TradeCodec.price(record, 0) / scale, TradeCodec.qty(record, 0), publish);
        }
    }

    /** A quote: the broker matches on it, then subscribers get its ticks when {@code publish}. */
    void quote(final int i, final double bid, final long bidQty, final double ask, final long askQty,
        final boolean publish)
    {
        broker.onQuote(i, bid, bidQty, ask, askQty, sim.timeText(), reports);
        if (publish)
        {
            publishQuote(i, bid, bidQty, ask, askQty);
        }
    }

    /** A trade: the broker triggers stops and matches on it, then subscribers get its ticks when {@code publish}. */
    void trade(final int i, final double price, final long qty, final boolean publish)
    {
        broker.onTrade(i, price, sim.timeText(), reports);
        if (!publish)
        {
            return;
        }
        for (final SimSession s : sim.sessions())
        {
            s.marketDataReqIds.forEach((reqId, instrument) ->
            {
                if (instrument == i)
                {
                    s.send(SimMessages.tickPrice(reqId, TickTypes.LAST, price, qty, 0));
                    s.send(SimMessages.tickSize(reqId, TickTypes.LAST_SIZE, qty));
                    s.send(SimMessages.tickString(reqId, TickTypes.LAST_TIMESTAMP,
                        Long.toString(sim.epochSeconds())));
                }
            });
        }
    }

    private void publishQuote(final int i, final double bid, final long bidQty, final double ask, final long askQty)
    {
        for (final SimSession s : sim.sessions())
        {
            s.marketDataReqIds.forEach((reqId, instrument) ->
            {
                if (instrument == i)
                {
                    s.send(SimMessages.tickPrice(reqId, TickTypes.BID, bid, bidQty, 1));
                    s.send(SimMessages.tickPrice(reqId, TickTypes.ASK, ask, askQty, 1));
                }
            });
        }
    }

    void sendSnapshot(final SimSession s, final int reqId, final int i)
    {
        if (broker.bid[i] > 0)
        {
            s.send(SimMessages.tickPrice(reqId, TickTypes.BID, broker.bid[i], broker.bidSize[i], 1));
            s.send(SimMessages.tickPrice(reqId, TickTypes.ASK, broker.ask[i], broker.askSize[i], 1));
        }
        if (broker.halted[i])
        {
            s.send(SimMessages.tickGeneric(reqId, TickTypes.HALTED, 1));
        }
    }
}
