package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.InstrumentIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of the pre-trade catalogue at its limit (accepted) and just over it (rejected with the reason naming
 * the limit, and the limit and measured value reported for the RISK_DECISION record), on the demo profile with one
 * or two keys changed per case. The bad-config test of each key is {@code RiskConfigValidationTest} (config module).
 * Instruments: MRDA (index 0, TECH, cluster 1), MRDB (1, TECH, cluster 1), MRDC (2, FINANCE, cluster 2), all with
 * priceScale 100 and qtyScale 1, so a lot at 10,000 ticks is worth 100.00 and the baseline order (buy 10 MRDA at
 * 10,000) is worth 1,000.00 against a NAV of 10,000,000.
 */
class PreTradeRiskTest
{
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** 2026-01-05 15:00 UTC, 10:00 in New York. */
    private static final long T = 1_767_625_200_000_000_000L;
    private static final long EPOCH_DAY = LocalDate.of(2026, 1, 5).toEpochDay();

    /** One case: config overrides, the order at the limit, the order just over it, the reason and the limit. */
    record Case(String name, List<String> overrides, Consumer<OrderContext> at, Consumer<OrderContext> over,
        RejectReason reason, double limit)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static Case of(
        final String name, final String overrides, final Consumer<OrderContext> at, final Consumer<OrderContext> over,
        final RejectReason reason, final double limit)
    {
        return new Case(name, overrides.isEmpty() ? List.of() : List.of(overrides.split(" ")), at, over, reason,
            limit);
    }

    static Stream<Case> cases()
    {
        return Stream.concat(orderCases(), bookAndGateCases());
    }

    private static Stream<Case> orderCases()
    {
        return Stream.of(
            of("max order qty", "risk.maxOrderQty=100", o -> o.qty = 100, o -> o.qty = 101,
                RejectReason.RISK_MAX_ORDER_QTY, 100),
            of("min order notional", "risk.minOrderNotional=1000", o -> o.qty = 10, o -> o.qty = 9,
                RejectReason.RISK_MIN_NOTIONAL, 1000),
            of("max order notional", "risk.maxOrderNotional=2000", o -> o.qty = 20, o -> o.qty = 21,
                RejectReason.RISK_MAX_ORDER_NOTIONAL, 2000),
            of("price collar", "risk.nbboTolerance=1", o -> o.price = 11_000, o -> o.price = 11_001,
                RejectReason.RISK_PRICE_COLLAR, 0.10),
            of("nbbo", "", o ->
            {
                o.ask = 10_000;
                o.price = 10_100;
            }, o ->
            {
                o.ask = 10_000;
                o.price = 10_101;
            }, RejectReason.RISK_NBBO, 0.01),
            of("price anomaly (spread)", "", o -> quote(o, 9_750, 10_250), o -> quote(o, 9_749, 10_251),
                RejectReason.RISK_PRICE_ANOMALY, 0.05),
            of("fat-finger price", "", o -> priced(o, 12_000), o -> priced(o, 12_001),
                RejectReason.RISK_FAT_FINGER_PRICE, 0.20),
            of("fat-finger qty (floor)", "", o -> o.qty = 1_000, o -> o.qty = 1_001,
                RejectReason.RISK_FAT_FINGER_QTY, 1_000),
            of("max position lots", "", o ->
            {
                o.positions[0] = 1_400;
                o.qty = 100;
            }, o ->
            {
                o.positions[0] = 1_400;
                o.qty = 101;
            }, RejectReason.RISK_MAX_POSITION, 1_500));
    }

    private static Stream<Case> bookAndGateCases()
    {
        return Stream.of(
            of("position share of NAV", "risk.maxPositionNav=0.01", o -> position(o, 0, 990, 10),
                o -> position(o, 0, 990, 11), RejectReason.RISK_POSITION_NAV, 0.01),
            of("sector", "risk.maxSectorNav=0.02", o -> pair(o, 1, 1_000, 10), o -> pair(o, 1, 1_000, 11),
                RejectReason.RISK_SECTOR, 0.02),
            of("cluster", "risk.maxClusterNav=0.02", o -> pair(o, 1, 1_000, 10), o -> pair(o, 1, 1_000, 11),
                RejectReason.RISK_CLUSTER, 0.02),
            of("concentration", "risk.maxConcentration=0.5 risk.concentrationMinGrossNav=0.01",
                o -> pair(o, 1, 1_000, 10), o -> pair(o, 1, 1_000, 11), RejectReason.RISK_CONCENTRATION, 0.5),
            of("gross exposure, cash account", "account.type=cash risk.systemicCap=100",
                o -> pair(o, 2, 99_000, 10), o -> pair(o, 2, 99_000, 11), RejectReason.RISK_GROSS_EXPOSURE, 1.0),
            of("gross exposure, cash account, BEAR", "account.type=cash risk.systemicCap=100", o ->
            {
                pair(o, 2, 69_000, 10);
                o.regime = OrderContext.REGIME_BEAR;
            }, o ->
            {
                pair(o, 2, 69_000, 11);
                o.regime = OrderContext.REGIME_BEAR;
            }, RejectReason.RISK_GROSS_EXPOSURE, 0.7),
            of("gross exposure, margin account", "risk.systemicCap=100 risk.strategyBudgetNav=2",
                o -> pair(o, 2, 199_000, 10), o -> pair(o, 2, 199_000, 11), RejectReason.RISK_GROSS_EXPOSURE, 2.0),
            of("systemic net cap", "", o -> pair(o, 2, 24_000, 10), o -> pair(o, 2, 24_000, 11),
                RejectReason.RISK_SYSTEMIC, 0.25),
            of("factor (technology)", "risk.maxPositionNav=1 risk.maxSectorNav=1 risk.maxClusterNav=1 "
                + "risk.maxPosition=1000000000 risk.fatFingerQtyFloor=100000 risk.systemicCap=100 "
                + "risk.maxOrderNotional=1e9", o -> position(o, 0, 29_000, 1_000), o -> position(o, 0, 29_000, 1_001),
                RejectReason.RISK_FACTOR, 0.3),
            // an order for MRDC, loading 1.0 on value: 49,000 + 1,000 lots at 100.00 are 5,000,000, half the NAV
            of("factor (value)", "risk.maxPositionNav=1 risk.maxSectorNav=1 risk.maxClusterNav=1 "
                + "risk.maxPosition=1000000000 risk.fatFingerQtyFloor=100000 risk.systemicCap=100 "
                + "risk.maxOrderNotional=1e9", o -> valueOrder(o, 1_000), o -> valueOrder(o, 1_001),
                RejectReason.RISK_FACTOR, 0.5),
            of("risk budget", "risk.strategyBudgetNav=0.5 risk.systemicCap=100",
                o -> pair(o, 2, 49_000, 10), o -> pair(o, 2, 49_000, 11), RejectReason.RISK_BUDGET, 0.5),
            of("buying power, margin", "risk.buyingPowerUse=0.5 risk.systemicCap=100 risk.strategyBudgetNav=2",
                o -> other(o, 2, 199_000, 500), o -> other(o, 2, 199_000, 501), RejectReason.RISK_BUYING_POWER, 50_000),
            of("buying power, cash account", "account.type=cash", o -> o.cash = 1_000, o ->
            {
                o.cash = 1_000;
                o.qty = 11;
            }, RejectReason.RISK_BUYING_POWER, 1_000),
            of("short sale (not shortable)", "reference.instruments[0].shortable=false",
                o -> sell(o, 10, 10), o -> sell(o, 10, 11), RejectReason.RISK_SHORT_SALE, 0),
            of("short sale (cash account)", "account.type=cash",
                o -> sell(o, 10, 10), o -> sell(o, 10, 11), RejectReason.RISK_SHORT_SALE, 0),
            of("ADV child", "reference.instruments[0].adv=1000", o -> o.qty = 50, o -> o.qty = 51,
                RejectReason.RISK_ADV_CHILD, 0.05),
            of("ADV parent", "reference.instruments[0].adv=1000", o ->
            {
                o.qty = 50;
                o.parentQty = 250;
            }, o ->
            {
                o.qty = 50;
                o.parentQty = 251;
            }, RejectReason.RISK_ADV_PARENT, 0.25),
            of("crisis regime gate", "", o ->
            {
                o.regime = OrderContext.REGIME_CRISIS;
                sell(o, 10, 10);
            }, o -> o.regime = OrderContext.REGIME_CRISIS, RejectReason.RISK_CRISIS_REGIME, 0),
            of("event gate", "reference.instruments[0].eventDates=[2026-01-06]", o -> o.epochDay = EPOCH_DAY,
                o -> o.epochDay = EPOCH_DAY + 1, RejectReason.RISK_EVENT, 0),
            of("pattern day trader", "", o -> dayTrade(o, 2), o -> dayTrade(o, 3), RejectReason.RISK_PDT, 3),
            of("halted", "", o -> o.tradingState = TradingState.ACTIVE, o -> o.tradingState = TradingState.HALTED,
                RejectReason.RISK_HALTED, 0),
            of("flattening", "", o -> o.tradingState = TradingState.ACTIVE,
                o -> o.tradingState = TradingState.FLATTENING, RejectReason.RISK_FLATTENING, 0),
            of("reducing", "", o ->
            {
                o.tradingState = TradingState.REDUCING;
                sell(o, 10, 10);
            }, o -> o.tradingState = TradingState.REDUCING, RejectReason.RISK_REDUCING_ONLY, 0),
            of("instrument reducing", "", o ->
            {
                o.instrumentState = TradingState.REDUCING;
                sell(o, 10, 10);
            }, o -> o.instrumentState = TradingState.REDUCING, RejectReason.RISK_INSTRUMENT_REDUCING, 0),
            of("instrument halted, a reducing order too", "", o ->
            {
                o.instrumentState = TradingState.REDUCING;
                sell(o, 10, 10);
            }, o ->
            {
                o.instrumentState = TradingState.HALTED;
                sell(o, 10, 10);
            }, RejectReason.RISK_INSTRUMENT_HALTED, 0),
            of("venue down", "", o -> o.venueUp = true, o -> o.venueUp = false, RejectReason.RISK_VENUE_DOWN, 0),
            of("restricted list", "reference.instruments[1].restricted=true", o -> o.index = 0, o -> o.index = 1,
                RejectReason.RISK_RESTRICTED, 0),
            of("reference price", "", o -> o.referencePrice = 10_000, o -> o.referencePrice = 0,
                RejectReason.RISK_NO_REFERENCE_PRICE, 0),
            of("stale market data", "kill.staleMarketDataMs=5000", o -> o.lastMarketDataNs = T - 5_000 * MS,
                o -> o.lastMarketDataNs = T - 5_000 * MS - 1, RejectReason.RISK_STALE_MARKET_DATA, 5_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAcceptAtTheLimitAndRejectJustOverIt(final Case c)
    {
        final Fixture atLimit = new Fixture(c.overrides());
        c.at().accept(atLimit.order);
        assertEquals(RejectReason.NONE, atLimit.check(), c.name() + " at the limit");

        final Fixture over = new Fixture(c.overrides());
        c.over().accept(over.order);
        assertEquals(c.reason(), over.check(), c.name() + " just over the limit");
        assertEquals(c.reason().code(), over.risk.reportedCode(), "reported check");
        assertEquals(c.limit(), over.risk.reportedLimit(), 1e-9, "reported limit");
        assertEquals(1, over.risk.rejectCount(c.reason()));
    }

    @Test
    void shouldRejectTheEnvironmentGuardInDryRunAndInProdWithoutPermission()
    {
        assertEquals(RejectReason.RISK_DRY_RUN, new Fixture(List.of("account.dryRun=true")).check());
        assertEquals(RejectReason.RISK_DRY_RUN, new Fixture(List.of("account.environment=prod")).check());
        assertEquals(RejectReason.NONE,
            new Fixture(List.of("account.environment=prod", "account.allowProdWrite=true")).check());
    }

    @Test
    void shouldTakeTheFatFingerQuantityFromTheRollingMedian()
    {
        // floor 5: the first order (empty window) is checked against 10 x 5
        final Fixture f = new Fixture(List.of("risk.fatFingerQtyFloor=5", "risk.fatFingerQtyMultiple=10"));
        for (final long qty : new long[]{20, 30, 40, 10})
        {
            f.order.qty = qty;
            assertEquals(RejectReason.NONE, f.check());
        }
        // median of 10, 20, 30, 40 is 25: the limit is 250
        f.order.qty = 250;
        assertEquals(RejectReason.NONE, f.check());
        // now 10, 20, 30, 40, 250: median 30, limit 300
        f.order.qty = 301;
        assertEquals(RejectReason.RISK_FAT_FINGER_QTY, f.check());
        assertEquals(300, f.risk.reportedLimit());
        assertEquals(301, f.risk.reportedValue());
    }

    @Test
    void shouldRejectTheSameOrderWithinTheDuplicateWindowOnly()
    {
        final Fixture f = new Fixture(List.of("risk.duplicateWindowMs=1000"));
        assertEquals(RejectReason.NONE, f.check());
        f.order.nowNs = T + 999 * MS;
        f.order.lastMarketDataNs = f.order.nowNs;
        assertEquals(RejectReason.RISK_DUPLICATE, f.check());
        assertEquals(999, f.risk.reportedValue(), 1e-9);
        assertEquals(1000, f.risk.reportedLimit());
        f.order.qty = 11;
        assertEquals(RejectReason.NONE, f.check(), "a different quantity is another order");
        f.order.qty = 10;
        f.order.nowNs = T + 1000 * MS;
        assertEquals(RejectReason.NONE, f.check(), "a full window later");
    }

    @Test
    void shouldCapTheSessionOrderValueAndResetItAtTheNextSession()
    {
        final Fixture f = new Fixture(List.of("risk.maxDailyOrderValue=3000"));
        for (int i = 0; i < 3; i++)
        {
            f.order.nowNs = T + i * SECOND;
            f.order.lastMarketDataNs = f.order.nowNs;
            assertEquals(RejectReason.NONE, f.check(), "order " + i);
        }
        assertEquals(RejectReason.RISK_DAILY_ORDER_VALUE, f.check());
        assertEquals(4000, f.risk.reportedValue(), 1e-9);
        f.risk.onSessionStart();
        assertEquals(RejectReason.NONE, f.check());
    }

    @Test
    void shouldLimitAcceptedOrdersInAnyTrailingSecond()
    {
        final Fixture f = new Fixture(List.of("risk.maxOrdersPerSecond=3"));
        for (int i = 0; i < 3; i++)
        {
            f.order.price = 10_000L - i;
            assertEquals(RejectReason.NONE, f.check());
        }
        assertEquals(RejectReason.RISK_ORDER_RATE, f.check());
        assertEquals(4, f.risk.reportedValue());
        assertEquals(3, f.risk.reportedLimit());
        f.order.nowNs = T + SECOND;
        assertEquals(RejectReason.NONE, f.check(), "a second later the window is empty");
    }

    @Test
    void shouldThrottleOnTheMessageRateAndTheOrderToTradeRatio()
    {
        final Fixture rate = new Fixture(List.of("risk.maxMessagesPerSecond=3"));
        rate.risk.onMessage(T - 10 * MS);
        rate.risk.onMessage(T - 5 * MS);
        assertEquals(RejectReason.NONE, rate.check(), "the third message in the second");
        rate.risk.onMessage(T - MS);
        assertEquals(RejectReason.RISK_THROTTLE_MESSAGE_RATE, rate.check());
        assertEquals(1, rate.risk.throttledInSession());

        final Fixture otr = new Fixture(List.of("risk.maxOrderToTradeRatio=5", "risk.otrMinMessages=10"));
        otr.risk.onFill();
        otr.risk.onFill();
        for (int i = 0; i < 9; i++)
        {
            otr.risk.onMessage(T - 100 * SECOND);
        }
        assertEquals(RejectReason.NONE, otr.check(), "10 messages for 2 fills: at the ratio");
        otr.risk.onMessage(T - 100 * SECOND);
        assertEquals(RejectReason.RISK_THROTTLE_ORDER_TO_TRADE, otr.check());
        assertEquals(5.5, otr.risk.reportedValue(), 1e-9);
    }

    @Test
    void shouldWarnOnceAtNinetyPercentOfALimitAndAgainAfterFallingBelow()
    {
        final Fixture f = new Fixture(List.of("risk.maxOrderQty=100"));
        f.order.qty = 89;
        assertEquals(RejectReason.NONE, f.check());
        assertEquals(0, f.risk.warningCount());
        f.order.qty = 90;
        f.order.price = 10_001;
        assertEquals(RejectReason.NONE, f.check());
        assertEquals(1, f.risk.warningCount());
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY, f.risk.warningReason(0));
        assertEquals(90, f.risk.warningValue(0));
        assertEquals(100, f.risk.warningLimit(0));
        f.order.qty = 95;
        assertEquals(RejectReason.NONE, f.check());
        assertEquals(0, f.risk.warningCount(), "still above: no second warning");
        f.order.qty = 10;
        assertEquals(RejectReason.NONE, f.check());
        f.order.qty = 99;
        assertEquals(RejectReason.NONE, f.check());
        assertEquals(1, f.risk.warningCount(), "warned again after falling below");
    }

    @Test
    void shouldReportTheTightestCheckOfAnAcceptedOrder()
    {
        final Fixture f = new Fixture(List.of("risk.maxOrderQty=20"));
        f.order.qty = 15;
        assertEquals(RejectReason.NONE, f.check());
        assertEquals(RejectReason.RISK_MAX_ORDER_QTY.code(), f.risk.reportedCode());
        assertEquals(15, f.risk.reportedValue());
        assertEquals(20, f.risk.reportedLimit());
    }

    @Test
    void shouldLetTheKillSwitchsOwnOrdersThroughAnyGate()
    {
        final Fixture f = new Fixture(List.of());
        f.order.tradingState = TradingState.FLATTENING;
        f.order.killSwitchOrder = true;
        assertEquals(RejectReason.NONE, f.check());
    }

    @Test
    void shouldListEveryCheckOnceWithItsOwnReasonAndConfigKey()
    {
        final RiskCheck[] checks = new Fixture(List.of()).risk.checks();
        final List<RejectReason> reasons = new ArrayList<>();
        for (final RiskCheck check : checks)
        {
            assertTrue(!reasons.contains(check.reason()), "one check per reason: " + check.reason());
            reasons.add(check.reason());
            assertTrue(check.configKey().startsWith("risk.") || check.configKey().startsWith("kill.")
                || check.configKey().startsWith("account.") || check.configKey().startsWith("reference.")
                || "-".equals(check.configKey()), check.name() + ": " + check.configKey());
        }
        assertEquals(39, checks.length);
    }

    private static void quote(final OrderContext o, final long bid, final long ask)
    {
        o.bid = bid;
        o.ask = ask;
    }

    private static void priced(final OrderContext o, final long price)
    {
        o.price = price;
        o.referencePrice = price;
        o.bid = price - 1;
        o.ask = price + 1;
    }

    private static void position(final OrderContext o, final int index, final long position, final long qty)
    {
        o.positions[index] = position;
        o.qty = qty;
    }

    private static void valueOrder(final OrderContext o, final long qty)
    {
        o.index = 2;
        position(o, 2, 49_000, qty);
    }

    private static void pair(final OrderContext o, final int other, final long otherPosition, final long qty)
    {
        o.positions[other] = otherPosition;
        o.positions[0] = 990;
        o.qty = qty;
    }

    private static void other(final OrderContext o, final int other, final long otherPosition, final long qty)
    {
        o.positions[other] = otherPosition;
        o.qty = qty;
    }

    private static void sell(final OrderContext o, final long position, final long qty)
    {
        o.positions[0] = position;
        o.side = Side.SELL;
        o.qty = qty;
        o.price = o.bid;
    }

    private static void dayTrade(final OrderContext o, final int dayTrades)
    {
        o.nav = 20_000;
        o.cash = 20_000;
        o.dayTradesInWindow = dayTrades;
        o.openedToday = true;
        sell(o, 10, 10);
    }

    /** The demo profile with overrides, a PreTradeRisk and a baseline order. */
    static final class Fixture
    {
        final PreTradeRisk risk;
        final OrderContext order;

        Fixture(final List<String> overrides)
        {
            final List<String> all = new ArrayList<>(List.of("reference.instruments[0].previousClose=100",
                "reference.instruments[1].previousClose=100", "reference.instruments[2].previousClose=100"));
            all.addAll(overrides);
            final EngineConfig config = ConfigLoader.loadProfile("demo", all);
            final InstrumentIndex instruments = EngineFactory.instruments(config);
            final int n = instruments.count();
            final RiskReference reference = RiskReference.of(config, instruments);
            final long[] multipliers = new long[n];
            for (int i = 0; i < n; i++)
            {
                multipliers[i] = instruments.cashMultiplier(i);
            }
            risk = PreTradeRisk.of(config, reference, n);
            order = new OrderContext(multipliers, reference);
            order.index = 0;
            order.side = Side.BUY;
            order.qty = 10;
            order.price = 10_000;
            order.bid = 9_999;
            order.ask = 10_001;
            order.referencePrice = 10_000;
            order.nowNs = T;
            order.lastMarketDataNs = T - MS;
            order.tradingState = TradingState.ACTIVE;
            order.instrumentState = TradingState.ACTIVE;
            order.venueUp = true;
            order.regime = OrderContext.REGIME_NORMAL;
            order.epochDay = EPOCH_DAY;
            order.nav = 10_000_000;
            order.cash = 10_000_000;
            for (int i = 0; i < n; i++)
            {
                order.marks[i] = 10_000;
            }
        }

        RejectReason check()
        {
            return risk.check(order);
        }
    }
}
