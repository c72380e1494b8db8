package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A position flip (long 100, sell 300: short 200; or long 100, sell 150: short 50) opens risk on the other side, so
 * the checks that apply only to risk-increasing orders (crisis gate, event gate, position share of NAV, sector,
 * cluster, concentration) must treat it as opening, while an order that only closes (sell 100 or less from long 100)
 * passes them. The pattern-day-trader rule counts a flip of a position opened today as a day trade. Demo profile,
 * instrument MRDA at 10,000 ticks (a lot is worth 100.00), NAV 10,000,000 unless a case says otherwise.
 */
class PositionFlipTest
{
    @Test
    void shouldCountEveryFlipThroughZeroAsOpeningRisk()
    {
        assertTrue(OrderContext.opensRisk(100, -300), "long 100, sell 300");
        assertTrue(OrderContext.opensRisk(100, -150), "long 100, sell 150: short 50 is new risk");
        assertTrue(OrderContext.opensRisk(-100, 101), "short 100, buy 101");
        assertTrue(OrderContext.opensRisk(0, 10), "from flat");
        assertTrue(OrderContext.opensRisk(100, 1), "adding");
        assertFalse(OrderContext.opensRisk(100, -100), "closing exactly");
        assertFalse(OrderContext.opensRisk(100, -50), "reducing");
        assertFalse(OrderContext.opensRisk(-100, 100), "covering exactly");
    }

    @Test
    void shouldBlockAFlipInTheCrisisRegimeButLetAClosingOrderThrough()
    {
        assertEquals(RejectReason.RISK_CRISIS_REGIME, crisis(100, 300));
        assertEquals(RejectReason.RISK_CRISIS_REGIME, crisis(100, 150));
        assertEquals(RejectReason.RISK_CRISIS_REGIME, crisis(100, 101));
        assertEquals(RejectReason.NONE, crisis(100, 100));
        assertEquals(RejectReason.NONE, crisis(100, 40));
    }

    @Test
    void shouldBlockAFlipOnAnEventDate()
    {
        final List<String> event = List.of("reference.instruments[0].eventDates=[2026-01-05]");
        assertEquals(RejectReason.RISK_EVENT, sell(event, 100, 150));
        assertEquals(RejectReason.NONE, sell(event, 100, 100));
    }

    @Test
    void shouldCheckTheShortSideOfAFlipAgainstThePositionShareOfNav()
    {
        // limit 0.0001 x 10,000,000 = 1,000.00: 10 lots. Long 100 is already above it; closing is always allowed,
        // but a flip to short 50 (5,000.00) opens a position above the limit.
        final List<String> tight = List.of("risk.maxPositionNav=0.0001");
        assertEquals(RejectReason.NONE, sell(tight, 100, 100));
        assertEquals(RejectReason.NONE, sell(tight, 100, 80));
        final PreTradeRiskTest.Fixture f = fixture(tight, 100, 150);
        assertEquals(RejectReason.RISK_POSITION_NAV, f.check());
        assertEquals(0.0005, f.risk.reportedValue(), 1e-12);
        assertEquals(0.0001, f.risk.reportedLimit(), 1e-12);
        assertEquals(RejectReason.NONE, sell(tight, 100, 110), "short 10 is at the limit");
    }

    @Test
    void shouldBlockAFlipThatPushesTheSectorOverItsLimit()
    {
        // sector TECH (MRDA, MRDB): MRDB long 1,900 lots (190,000.00) and MRDA long 100 (10,000.00) = 0.02 of NAV,
        // at the limit. Selling 100 MRDA closes (0.019); selling 300 flips to short 200 (0.021: over).
        final List<String> sector = List.of("risk.maxSectorNav=0.02", "risk.maxPosition=5000",
            "risk.maxClusterNav=1", "risk.systemicCap=1");
        final PreTradeRiskTest.Fixture closing = fixture(sector, 100, 100);
        closing.order.positions[1] = 1_900;
        assertEquals(RejectReason.NONE, closing.check());
        final PreTradeRiskTest.Fixture flip = fixture(sector, 100, 300);
        flip.order.positions[1] = 1_900;
        assertEquals(RejectReason.RISK_SECTOR, flip.check());
        assertEquals(0.021, flip.risk.reportedValue(), 1e-12);
    }

    @Test
    void shouldCountAFlipOfAPositionOpenedTodayAsADayTrade()
    {
        // below the PDT equity (25,000) with 3 day trades in the window: one more is over the limit
        assertEquals(RejectReason.RISK_PDT, dayTrade(10, 30), "long 10, sell 30: closes today's 10");
        assertEquals(RejectReason.RISK_PDT, dayTrade(10, 10), "closing");
        final PreTradeRiskTest.Fixture adding = pdtFixture(10, 5);
        adding.order.side = Side.BUY;
        adding.order.price = adding.order.ask;
        assertEquals(RejectReason.NONE, adding.check(), "adding to today's position is no day trade");
    }

    private static RejectReason crisis(final long position, final long qty)
    {
        final PreTradeRiskTest.Fixture f = fixture(List.of(), position, qty);
        f.order.regime = OrderContext.REGIME_CRISIS;
        return f.check();
    }

    private static RejectReason sell(final List<String> overrides, final long position, final long qty)
    {
        return fixture(overrides, position, qty).check();
    }

    private static RejectReason dayTrade(final long position, final long qty)
    {
        return pdtFixture(position, qty).check();
    }

    private static PreTradeRiskTest.Fixture pdtFixture(final long position, final long qty)
    {
        // a small account: the exposure limits are opened so that only the day-trade count binds
        final PreTradeRiskTest.Fixture f = fixture(List.of("risk.maxPositionNav=1", "risk.maxSectorNav=1",
            "risk.maxClusterNav=1", "risk.systemicCap=1"), position, qty);
        f.order.nav = 20_000;
        f.order.cash = 20_000;
        f.order.dayTradesInWindow = 3;
        f.order.openedToday = true;
        return f;
    }

    private static PreTradeRiskTest.Fixture fixture(final List<String> overrides, final long position, final long qty)
    {
        final PreTradeRiskTest.Fixture f = new PreTradeRiskTest.Fixture(overrides);
        f.order.positions[0] = position;
        f.order.side = Side.SELL;
        f.order.qty = qty;
        f.order.price = f.order.bid;
        return f;
    }
}
