package io.meridian.gateway.market;

import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.testing.Allocations;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketTest
{
    private static final int EVENTS = 100_000;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    @Test
    void shouldProduceIdenticalBytesForTheSameSeed()
    {
        final byte[] first = generate(SyntheticMarket.Params.demo(11, 1_000L), EVENTS);
        final byte[] second = generate(SyntheticMarket.Params.demo(11, 1_000L), EVENTS);
        assertArrayEquals(first, second);
    }

    @Test
    void shouldProduceDifferentBytesForADifferentSeed()
    {
        final byte[] first = generate(SyntheticMarket.Params.demo(11, 1_000L), EVENTS);
        final byte[] second = generate(SyntheticMarket.Params.demo(12, 1_000L), EVENTS);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void shouldWriteValidUncrossedQuotesAndTradesAtTheTouch()
    {
        final SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Params.demo(3, 0L));
        final long[] bid = new long[4];
        final long[] ask = new long[4];
        final long[] bidQty = new long[4];
        final long[] askQty = new long[4];
        final long[] tradesPerInstrument = new long[4];
        final long[] quotesPerInstrument = new long[4];
        long lastTimeNs = 0;
        long expectedSourceSequence = 1;
        for (int i = 0; i < EVENTS; i++)
        {
            final long peek = market.peekTimeNs();
            final int length = market.next(buffer, 0);
            final long timeNs = Header.eventTimeNs(buffer, 0);
            assertEquals(peek, timeNs);
            assertTrue(timeNs > lastTimeNs, "event time must increase strictly at event " + i);
            lastTimeNs = timeNs;
            assertEquals(length, Header.length(buffer, 0));
            assertEquals(0L, Header.sequence(buffer, 0));
            assertEquals(0L, Header.receiveTimeNs(buffer, 0));
            assertEquals(SyntheticMarket.SOURCE_ID, Header.sourceId(buffer, 0));
            assertEquals(expectedSourceSequence++, Header.sourceSequence(buffer, 0));
            final int id = Header.instrumentId(buffer, 0);
            assertTrue(id >= 1 && id <= 3);
            if (Header.type(buffer, 0) == RecordType.QUOTE)
            {
                assertEquals(QuoteCodec.LENGTH, length);
                bid[id] = QuoteCodec.bidPrice(buffer, 0);
                ask[id] = QuoteCodec.askPrice(buffer, 0);
                bidQty[id] = QuoteCodec.bidQty(buffer, 0);
                askQty[id] = QuoteCodec.askQty(buffer, 0);
                assertTrue(bid[id] > 0, "bid must be positive");
                assertTrue(ask[id] > bid[id], "quote must not be crossed or locked");
                assertTrue(ask[id] - bid[id] <= 3L * (id == 3 ? 2 : 1), "spread at most 3 x spreadTicks");
                assertTrue(bidQty[id] >= 1 && askQty[id] >= 1, "sizes must be at least one lot");
                quotesPerInstrument[id]++;
            }
            else
            {
                assertEquals(RecordType.TRADE, Header.type(buffer, 0));
                assertEquals(TradeCodec.LENGTH, length);
                assertTrue(bid[id] > 0, "a trade needs an earlier quote");
                final byte aggressor = TradeCodec.aggressorSide(buffer, 0);
                final long price = TradeCodec.price(buffer, 0);
                final long qty = TradeCodec.qty(buffer, 0);
                assertTrue(qty >= 1, "trade size must be positive");
                if (aggressor == Side.BUY)
                {
                    assertEquals(ask[id], price, "a buyer lifts the offer");
                    assertTrue(qty <= askQty[id], "trade size at most the displayed ask size");
                }
                else
                {
                    assertEquals(Side.SELL, aggressor);
                    assertEquals(bid[id], price, "a seller hits the bid");
                    assertTrue(qty <= bidQty[id], "trade size at most the displayed bid size");
                }
                tradesPerInstrument[id]++;
            }
        }
        for (int id = 1; id <= 3; id++)
        {
            assertTrue(quotesPerInstrument[id] > EVENTS / 5, "instrument " + id + " quotes");
            assertTrue(tradesPerInstrument[id] > EVENTS / 50, "instrument " + id + " trades");
        }
        assertEquals(EVENTS, market.quotes() + market.trades());
        assertEquals(0.15, (double)market.trades() / EVENTS, 0.01);
        assertEquals(100_000.0, (double)lastTimeNs / EVENTS, 2_000.0);
    }

    @Test
    void shouldSwitchRegimesAndBeMoreVolatileInTheHighRegime()
    {
        final SyntheticMarket market = new SyntheticMarket(
            new SyntheticMarket.Params(5, 0L, 100_000L, 0.0, 0.0, 0.0, 0.001, 4.0, new SyntheticMarket.Instrument[]{
                new SyntheticMarket.Instrument(1, 10_000, 1, 100.0, 0.30, 1, 100),
            }));
        double lastMid = market.midTicks(0);
        double sumSqNormal = 0;
        double sumSqHigh = 0;
        long normal = 0;
        long high = 0;
        for (int i = 0; i < 200_000; i++)
        {
            market.next(buffer, 0);
            final double mid = market.midTicks(0);
            final double r = Math.log(mid / lastMid);
            lastMid = mid;
            if (market.highVolatility())
            {
                sumSqHigh += r * r;
                high++;
            }
            else
            {
                sumSqNormal += r * r;
                normal++;
            }
        }
        assertTrue(market.regimeSwitches() > 50, "regime switches: " + market.regimeSwitches());
        assertTrue(high > 20_000 && normal > 20_000, "time in each regime: high=" + high + " normal=" + normal);
        final double ratio = Math.sqrt((sumSqHigh / high) / (sumSqNormal / normal));
        assertEquals(4.0, ratio, 0.4, "high/normal volatility ratio");
    }

    @Test
    void shouldScaleVolatilityToTheAnnualFigure()
    {
        final double annualVol = 0.25;
        final long meanIntervalNs = 1_000_000L;
        final SyntheticMarket market = new SyntheticMarket(
            new SyntheticMarket.Params(9, 0L, meanIntervalNs, 0.0, 0.0, 0.0, 0.0, 1.0, new SyntheticMarket.Instrument[]{
                new SyntheticMarket.Instrument(1, 10_000, 1, 100.0, annualVol, 1, 100),
            }));
        double lastMid = market.midTicks(0);
        double sumSq = 0;
        final int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            market.next(buffer, 0);
            final double mid = market.midTicks(0);
            final double r = Math.log(mid / lastMid);
            lastMid = mid;
            sumSq += r * r;
        }
        final double elapsedSeconds = market.peekTimeNs() / 1e9;
        final double annualised = Math.sqrt(sumSq / elapsedSeconds * SyntheticMarket.TRADING_SECONDS_PER_YEAR);
        // the pressure drift adds a few per cent of variance on top of the diffusion
        assertEquals(annualVol, annualised, 0.05 * annualVol);
    }

    @Test
    void shouldJumpByTheConfiguredSize()
    {
        final SyntheticMarket market = new SyntheticMarket(
            new SyntheticMarket.Params(2, 0L, 100_000L, 0.0, 0.01, 50.0, 0.0, 1.0, new SyntheticMarket.Instrument[]{
                new SyntheticMarket.Instrument(1, 10_000, 1, 100.0, 0.0001, 1, 100),
            }));
        double lastMid = market.midTicks(0);
        int bigMoves = 0;
        for (int i = 0; i < 50_000; i++)
        {
            market.next(buffer, 0);
            final double mid = market.midTicks(0);
            final double moveBps = Math.abs(Math.log(mid / lastMid)) * 1e4;
            lastMid = mid;
            if (moveBps > 1.0)
            {
                assertEquals(50.0, moveBps, 0.5, "a jump moves the mid by jumpSizeBps");
                bigMoves++;
            }
        }
        assertEquals(market.jumps(), bigMoves);
        assertEquals(500.0, bigMoves, 100.0);
    }

    @Test
    void shouldMakeTheBookImbalancePredictTheNextMidMoves()
    {
        final SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Params.demo(21, 0L));
        final int n = 100_000;
        final double[] imbalance = new double[n];
        final double[] mid = new double[n];
        int k = 0;
        while (k < n)
        {
            market.next(buffer, 0);
            if (Header.type(buffer, 0) == RecordType.QUOTE && Header.instrumentId(buffer, 0) == 1)
            {
                final double b = QuoteCodec.bidQty(buffer, 0);
                final double a = QuoteCodec.askQty(buffer, 0);
                imbalance[k] = (b - a) / (b + a);
                mid[k] = 0.5 * (QuoteCodec.bidPrice(buffer, 0) + QuoteCodec.askPrice(buffer, 0));
                k++;
            }
        }

        final int horizon = 5;
        final double[] x = new double[n - horizon];
        final double[] y = new double[n - horizon];
        for (int i = 0; i < n - horizon; i++)
        {
            x[i] = imbalance[i];
            y[i] = Math.log(mid[i + horizon] / mid[i]);
        }
        final double correlation = correlation(x, y);
        assertTrue(correlation > 0.05, "imbalance vs the next 5 quotes' mid return, correlation: " + correlation);

        long changes = 0;
        long predicted = 0;
        for (int i = 0; i < n - 1; i++)
        {
            int j = i + 1;
            while (j < n && mid[j] == mid[i])
            {
                j++;
            }
            if (j < n && imbalance[i] != 0)
            {
                changes++;
                if ((mid[j] > mid[i]) == (imbalance[i] > 0))
                {
                    predicted++;
                }
            }
        }
        final double hitRate = (double)predicted / changes;
        assertTrue(hitRate > 0.6, "sign of the imbalance vs direction of the next mid change: " + hitRate);
    }

    @Test
    void shouldNotAllocatePerEvent()
    {
        final SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Params.demo(1, 0L));
        for (int i = 0; i < 10_000; i++)
        {
            market.next(buffer, 0);
        }
        final long[] checksum = {0};
        final Runnable window = () ->
        {
            for (int i = 0; i < EVENTS; i++)
            {
                checksum[0] += market.next(buffer, 0);
            }
        };
        Allocations.assertSteadyStateAllocatesNothing(EVENTS + " events", window);
        assertTrue(checksum[0] > 0);
    }

    @Test
    void shouldRejectBadParametersNamingTheField()
    {
        final IllegalArgumentException badInterval = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket.Params(1, 0, 0, 0.1, 0.0, 0.0, 0.0, 1.0, SyntheticMarket.Params.demo(
            1, 0).instruments()));
        assertTrue(badInterval.getMessage().contains("meanIntervalNs=0"), badInterval.getMessage());

        final IllegalArgumentException badProbability = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket.Params(1, 0, 10, 1.5, 0.0, 0.0, 0.0, 1.0, SyntheticMarket.Params.demo(
            1, 0).instruments()));
        assertTrue(badProbability.getMessage().contains("tradeProbability=1.5"), badProbability.getMessage());

        final IllegalArgumentException badSpread = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket.Instrument(1, 100, 1, 10.0, 0.2, 0, 100));
        assertTrue(badSpread.getMessage().contains("spreadTicks=0"), badSpread.getMessage());

        final IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket.Params(1, 0, 10, 0.1, 0.0, 0.0, 0.0, 1.0, new SyntheticMarket.Instrument[]{
                new SyntheticMarket.Instrument(7, 100, 1, 10.0, 0.2, 1, 100),
                new SyntheticMarket.Instrument(7, 100, 1, 20.0, 0.2, 1, 100),
            }));
        assertTrue(duplicate.getMessage().contains("instruments[1].id=7"), duplicate.getMessage());
    }

    private byte[] generate(final SyntheticMarket.Params params, final int events)
    {
        final SyntheticMarket market = new SyntheticMarket(params);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[events * SyntheticMarket.MAX_RECORD_LENGTH]);
        int position = 0;
        for (int i = 0; i < events; i++)
        {
            position += market.next(out, position);
        }
        return Arrays.copyOf(out.byteArray(), position);
    }

    private static double correlation(final double[] x, final double[] y)
    {
        final int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
