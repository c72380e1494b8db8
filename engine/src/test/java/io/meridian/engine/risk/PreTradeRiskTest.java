package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import org.junit.jupiter.api.Test;

class PreTradeRiskTest
{
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long STALE = 5 * SECOND;
    private static final long T = 100 * SECOND;

    /** One order and its context; every field starts valid for the default limits. */
    private static final class Order
    {
        byte state = TradingState.ACTIVE;
        boolean venueUp = true;
        byte side = Side.BUY;
        long qty = 10;
        long price = 1_000;
        long cashMultiplier = 1;
        long position;
        long working;
        long reference = 1_000;
        long nowNs = T;
        long lastMarketDataNs = T - MS;

        Order at(final long timeNs)
        {
            nowNs = timeNs;
            lastMarketDataNs = timeNs - MS;
            return this;
        }

        Order side(final byte value, final long quantity)
        {
            side = value;
            qty = quantity;
            return this;
        }

        RejectReason check(final PreTradeRisk risk)
        {
            return risk.check(
                state, venueUp, side, qty, price, cashMultiplier, position, working, reference, lastMarketDataNs,
                nowNs);
        }
    }

    /** maxOrderQty 100, notional 1,000,000 cash, collar 10%, 3 orders/s, max position 150, stale after 5 s. */
    private static PreTradeRisk limits()
    {
        return new PreTradeRisk(100, 1_000_000, 0.10, 3, 150, STALE);
    }

    /** Like {@link #limits()} but with a rate limit far away. */
    private static PreTradeRisk noRateLimit()
    {
        return new PreTradeRisk(100, 1_000_000, 0.10, 1_000_000, 150, STALE);
    }

    @Test
    void shouldAcceptAValidOrder()
    {
        final PreTradeRisk risk = limits();

        assertEquals(RejectReason.NONE, new Order().check(risk));
        assertEquals(RejectReason.NONE, new Order().side(Side.SELL, 100).check(risk));
        assertEquals(2, risk.acceptedCount());
    }

    @Test
    void shouldApplyChecksInTheDocumentedOrder()
    {
        final PreTradeRisk risk = limits();
        // fill the rate window: accepted at T-900ms, T-800ms, T-700ms
        for (int i = 9; i >= 7; i--)
        {
            assertEquals(RejectReason.NONE, new Order().at(T - i * 100L * MS).check(risk));
        }
        final Order order = new Order();
        order.state = TradingState.HALTED;
        order.venueUp = false;
        order.qty = 200;
        order.price = 20_000;
        order.position = 100;
        order.reference = 0;
        order.lastMarketDataNs = T - 6 * SECOND;

        assertEquals(RejectReason.RISK_HALTED, order.check(risk));
        order.state = TradingState.REDUCING;
        assertEquals(RejectReason.RISK_REDUCING_ONLY, order.check(risk));
        order.state = TradingState.ACTIVE;
        assertEquals(RejectReason.RISK_VENUE_DOWN, order.check(risk));
        order.venueUp = true;
        assertEquals(RejectReason.RISK_NO_REFERENCE_PRICE, order.check(risk));
        order.reference = 1_000;
        assertEquals(RejectReason.RISK_STALE_MARKET_DATA, order.check(risk));
        order.lastMarketDataNs = T - MS;
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY, order.check(risk));
        order.qty = 100;
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, order.check(risk));
        order.price = 1_200;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));
        order.price = 1_000;
        assertEquals(RejectReason.RISK_MAX_POSITION, order.check(risk));
        order.position = 0;
        assertEquals(RejectReason.RISK_ORDER_RATE, order.check(risk));
        order.at(T + 100 * MS);
        assertEquals(RejectReason.NONE, order.check(risk));

        assertEquals(4, risk.acceptedCount());
        for (final RejectReason reason : new RejectReason[]{
            RejectReason.RISK_HALTED, RejectReason.RISK_REDUCING_ONLY, RejectReason.RISK_VENUE_DOWN,
            RejectReason.RISK_NO_REFERENCE_PRICE, RejectReason.RISK_STALE_MARKET_DATA, RejectReason.RISK_MAX_ORDER_QTY,
            RejectReason.RISK_MAX_ORDER_NOTIONAL, RejectReason.RISK_PRICE_COLLAR, RejectReason.RISK_MAX_POSITION,
            RejectReason.RISK_ORDER_RATE})
        {
            assertEquals(1, risk.rejectCount(reason), reason.name());
        }
        assertEquals(0, risk.rejectCount(RejectReason.NONE));
    }

    @Test
    void shouldRejectEverythingWhenHaltedEvenAReducingOrder()
    {
        final PreTradeRisk risk = limits();
        final Order order = new Order().side(Side.SELL, 10);
        order.state = TradingState.HALTED;
        order.position = 50;

        assertEquals(RejectReason.RISK_HALTED, order.check(risk));
        order.qty = 1_000_000;
        assertEquals(RejectReason.RISK_HALTED, order.check(risk), "halted beats max order quantity");
        assertEquals(2, risk.rejectCount(RejectReason.RISK_HALTED));
        assertEquals(0, risk.rejectCount(RejectReason.RISK_MAX_ORDER_QTY));
    }

    @Test
    void shouldAllowOnlyReducingOrdersWhenReducing()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order longPosition = new Order();
        longPosition.state = TradingState.REDUCING;
        longPosition.position = 50;

        assertEquals(RejectReason.NONE, longPosition.side(Side.SELL, 30).check(risk));
        assertEquals(RejectReason.NONE, longPosition.side(Side.SELL, 50).check(risk), "to flat");
        assertEquals(RejectReason.RISK_REDUCING_ONLY, longPosition.side(Side.SELL, 51).check(risk), "flip");
        assertEquals(RejectReason.RISK_REDUCING_ONLY, longPosition.side(Side.BUY, 1).check(risk), "grow");

        final Order shortPosition = new Order();
        shortPosition.state = TradingState.REDUCING;
        shortPosition.position = -40;
        assertEquals(RejectReason.NONE, shortPosition.side(Side.BUY, 40).check(risk));
        assertEquals(RejectReason.RISK_REDUCING_ONLY, shortPosition.side(Side.BUY, 41).check(risk));
        assertEquals(RejectReason.RISK_REDUCING_ONLY, shortPosition.side(Side.SELL, 1).check(risk));

        final Order flat = new Order();
        flat.state = TradingState.REDUCING;
        assertEquals(RejectReason.RISK_REDUCING_ONLY, flat.side(Side.BUY, 1).check(risk));
        assertEquals(RejectReason.RISK_REDUCING_ONLY, flat.side(Side.SELL, 1).check(risk));

        assertEquals(3, risk.acceptedCount());
        assertEquals(6, risk.rejectCount(RejectReason.RISK_REDUCING_ONLY));
    }

    @Test
    void shouldStillRunTheOtherChecksOnAReducingOrder()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order order = new Order().side(Side.SELL, 30);
        order.state = TradingState.REDUCING;
        order.position = 50;
        order.venueUp = false;

        assertEquals(RejectReason.RISK_VENUE_DOWN, order.check(risk));
        order.venueUp = true;
        order.price = 1_500;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));
    }

    @Test
    void shouldRequireAReferencePrice()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order order = new Order();
        order.reference = 0;
        assertEquals(RejectReason.RISK_NO_REFERENCE_PRICE, order.check(risk));
        order.reference = -1;
        assertEquals(RejectReason.RISK_NO_REFERENCE_PRICE, order.check(risk));
        order.reference = 1;
        order.price = 1;
        assertEquals(RejectReason.NONE, order.check(risk));
    }

    @Test
    void shouldRejectStaleMarketDataJustPastTheLimit()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order order = new Order();

        order.lastMarketDataNs = T - STALE;
        assertEquals(RejectReason.NONE, order.check(risk), "exactly at the limit");
        order.lastMarketDataNs = T - STALE - 1;
        assertEquals(RejectReason.RISK_STALE_MARKET_DATA, order.check(risk));
        order.lastMarketDataNs = T;
        assertEquals(RejectReason.NONE, order.check(risk));
    }

    @Test
    void shouldRejectAboveMaxOrderQty()
    {
        final PreTradeRisk risk = new PreTradeRisk(100, Long.MAX_VALUE, 0.10, 1_000, 1_000_000, STALE);

        assertEquals(RejectReason.NONE, new Order().side(Side.BUY, 100).check(risk));
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY, new Order().side(Side.BUY, 101).check(risk));
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY, new Order().side(Side.SELL, 101).check(risk));
        assertEquals(2, risk.rejectCount(RejectReason.RISK_MAX_ORDER_QTY));
    }

    @Test
    void shouldPassNotionalExactlyAtTheLimitAndRejectOneLotMore()
    {
        final PreTradeRisk risk = new PreTradeRisk(1_000_000, 1_000_000, 0.10, 1_000, 1_000_000, STALE);

        // 1000 lots at 1000 ticks, 1 cash unit per tick*lot: exactly 1,000,000
        assertEquals(RejectReason.NONE, new Order().side(Side.BUY, 1_000).check(risk));
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, new Order().side(Side.BUY, 1_001).check(risk));
        assertEquals(RejectReason.NONE, new Order().side(Side.SELL, 1_000).check(risk));
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, new Order().side(Side.SELL, 1_001).check(risk));
    }

    @Test
    void shouldApplyTheCashMultiplierToNotional()
    {
        final PreTradeRisk risk = new PreTradeRisk(1_000_000, 1_000_000, 0.10, 1_000, 1_000_000, STALE);
        final Order order = new Order();
        order.price = 1_234;
        order.reference = 1_234;
        order.cashMultiplier = 100;

        // 123,400 cash per lot: 8 lots = 987,200, 9 lots = 1,110,600
        assertEquals(RejectReason.NONE, order.side(Side.BUY, 8).check(risk));
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, order.side(Side.BUY, 9).check(risk));

        final PreTradeRisk exact = new PreTradeRisk(1_000_000, 987_200, 0.10, 1_000, 1_000_000, STALE);
        assertEquals(RejectReason.NONE, order.side(Side.BUY, 8).check(exact));
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, order.side(Side.BUY, 9).check(exact));
        final PreTradeRisk oneShort = new PreTradeRisk(1_000_000, 987_199, 0.10, 1_000, 1_000_000, STALE);
        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, order.side(Side.BUY, 8).check(oneShort));
    }

    @Test
    void shouldNotOverflowOnAHugeOrderNotional()
    {
        final PreTradeRisk risk = new PreTradeRisk(Long.MAX_VALUE, 1_000_000, 0.10, 1_000, Long.MAX_VALUE, STALE);
        final Order order = new Order().side(Side.BUY, Long.MAX_VALUE / 10);

        assertEquals(RejectReason.RISK_MAX_ORDER_NOTIONAL, order.check(risk));
    }

    @Test
    void shouldRejectPricesOutsideTheCollarAndAcceptTheBoundary()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order order = new Order();

        order.price = 1_100;
        assertEquals(RejectReason.NONE, order.check(risk));
        order.price = 1_101;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));
        order.price = 900;
        assertEquals(RejectReason.NONE, order.check(risk));
        order.price = 899;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));

        order.reference = 2_000;
        order.price = 2_200;
        assertEquals(RejectReason.NONE, order.check(risk));
        order.price = 2_201;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));
        order.price = 1_799;
        assertEquals(RejectReason.RISK_PRICE_COLLAR, order.check(risk));
        assertEquals(4, risk.rejectCount(RejectReason.RISK_PRICE_COLLAR));
    }

    @Test
    void shouldIncludeWorkingQuantityInMaxPosition()
    {
        final PreTradeRisk risk = noRateLimit();
        final Order order = new Order();

        order.position = 100;
        order.working = 40;
        assertEquals(RejectReason.NONE, order.side(Side.BUY, 10).check(risk), "100 + 40 + 10 = 150");
        assertEquals(RejectReason.RISK_MAX_POSITION, order.side(Side.BUY, 11).check(risk));

        order.position = -100;
        order.working = -40;
        assertEquals(RejectReason.NONE, order.side(Side.SELL, 10).check(risk));
        assertEquals(RejectReason.RISK_MAX_POSITION, order.side(Side.SELL, 11).check(risk));

        order.position = 140;
        order.working = -30;
        assertEquals(RejectReason.NONE, order.side(Side.BUY, 40).check(risk), "working sells offset the buy");

        order.position = 0;
        order.working = 100;
        assertEquals(RejectReason.RISK_MAX_POSITION, order.side(Side.BUY, 51).check(risk),
            "working alone counts with no position");
        assertEquals(RejectReason.NONE, order.side(Side.SELL, 100).check(risk));
        assertEquals(3, risk.rejectCount(RejectReason.RISK_MAX_POSITION));
    }

    @Test
    void shouldLimitAcceptedOrdersInTheTrailingSecond()
    {
        final PreTradeRisk risk = limits();
        final long t0 = T;

        assertEquals(RejectReason.NONE, new Order().at(t0).check(risk));
        assertEquals(RejectReason.NONE, new Order().at(t0 + 100 * MS).check(risk));
        assertEquals(RejectReason.NONE, new Order().at(t0 + 200 * MS).check(risk));
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().at(t0 + 300 * MS).check(risk));
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().at(t0 + SECOND - 1).check(risk));

        // the order at t0 leaves the window
        assertEquals(RejectReason.NONE, new Order().at(t0 + SECOND).check(risk));
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().at(t0 + SECOND + 1).check(risk));
        // the order at t0 + 100 ms leaves
        assertEquals(RejectReason.NONE, new Order().at(t0 + SECOND + 100 * MS).check(risk));
        assertEquals(RejectReason.NONE, new Order().at(t0 + SECOND + 200 * MS).check(risk));
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().at(t0 + SECOND + 200 * MS).check(risk));

        assertEquals(6, risk.acceptedCount());
        assertEquals(4, risk.rejectCount(RejectReason.RISK_ORDER_RATE));
    }

    @Test
    void shouldNotCountRejectedOrdersTowardsTheRate()
    {
        final PreTradeRisk risk = limits();
        for (int i = 0; i < 5; i++)
        {
            assertEquals(RejectReason.RISK_MAX_ORDER_QTY, new Order().side(Side.BUY, 500).check(risk));
        }
        for (int i = 0; i < 3; i++)
        {
            assertEquals(RejectReason.NONE, new Order().check(risk), "order " + i);
        }
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().check(risk));
        assertEquals(RejectReason.RISK_ORDER_RATE, new Order().check(risk));

        assertEquals(3, risk.acceptedCount());
        assertEquals(5, risk.rejectCount(RejectReason.RISK_MAX_ORDER_QTY));
        assertEquals(2, risk.rejectCount(RejectReason.RISK_ORDER_RATE));
    }

    @Test
    void shouldAllowABurstAfterAQuietSecond()
    {
        final PreTradeRisk risk = limits();
        for (int second = 0; second < 5; second++)
        {
            final long start = T + second * SECOND;
            for (int i = 0; i < 3; i++)
            {
                assertEquals(RejectReason.NONE, new Order().at(start + i).check(risk), "second " + second);
            }
            assertEquals(RejectReason.RISK_ORDER_RATE, new Order().at(start + 3).check(risk));
        }
        assertEquals(15, risk.acceptedCount());
        assertEquals(5, risk.rejectCount(RejectReason.RISK_ORDER_RATE));
    }
}
