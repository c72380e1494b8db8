package io.meridian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.function.Executable;

/**
 * A small valid config whose line numbers the tests rely on, and assertion helpers for {@link ConfigException}.
 */
final class ConfigFixtures
{
    static final String SOURCE = "test.yaml";

    /** The risk-side keys (issue 7), appended so that the line numbers above stay put. */
    static final String RISK_SECTIONS = """
        account:
          startOfDayNav: 1000000
          type: cash
          timezone: America/New_York
          sessionOpen: "09:30"
          sessionClose: "16:00"
          holidays: [2026-01-19]
          environment: paper
          dryRun: false
          allowProdWrite: false
        reference:
          instruments:
            - symbol: "AAA"
              sector: TECH
              cluster: 1
              adv: 1000000
              previousClose: 10
              shortable: true
              restricted: false
              factorLoadings: [1.0]
              eventDates: []
            - symbol: "B.B_2"
              sector: ENERGY
              cluster: 2
              adv: 500
              previousClose: 99.5
              shortable: false
              restricted: true
              factorLoadings: [-0.5]
              eventDates: [2026-01-06]
        """;

    /** Line 1 is "run:"; the line numbers of some keys are used by tests (see the constants below). */
    static final String VALID = """
        run:
          events: 1000
          seed: -7
        engine:
          mode: single
          ringSize: 1024
          waitStrategy: busy-spin
          pinCpu: -1
          journaling: parallel
        journal:
          dir: /tmp/j
        instruments:
          - id: 1
            symbol: AAA
            priceScale: 100
            qtyScale: 1
            startPrice: 10
            volatility: 0.2
            spreadTicks: 1
            quoteSize: 100
          - id: 7
            symbol: B.B_2
            priceScale: 10000
            qtyScale: 1
            startPrice: 99.5
            volatility: 5
            spreadTicks: 100
            quoteSize: 10
        market:
          meanIntervalNs: 1_000_000
          tradeProbability: 0
          jumpProbability: 1
          jumpSizeBps: 0.5
          regimeSwitchProbability: 1.0e-4
          highVolMultiplier: 1
          timerIntervalMs: 1
        features:
          emaFastTicks: 1
          emaSlowTicks: 2
          volWindowTicks: 2
        model:
          path: "models/m.onnx"
          scorer: onnx
          horizonTicks: 5
        strategy:
          entryThresholdBps: 0
          riskBudget: 0.01
          maxTargetQty: 1
          orderTimeoutMs: 3600000
          volFloorBps: 1e-3
          pricing: join
        risk:
          maxOrderQty: 9223372036854775807
          maxOrderNotional: 1e12
          priceCollar: 1
          maxOrdersPerSecond: 1000000
          maxPosition: 5
          maxPositionNav: 0.05
          maxSectorNav: 0.2
          maxClusterNav: 0.3
          minOrderNotional: 100
          maxDailyOrderValue: 100000
          nbboTolerance: 0.01
          maxSpread: 0.05
          fatFingerPrice: 0.2
          fatFingerQtyMultiple: 10
          fatFingerQtyFloor: 100
          fatFingerQtyWindow: 100
          duplicateWindowMs: 1000
          buyingPowerUse: 1
          strategyBudgetNav: 1
          maxConcentration: 0.5
          concentrationMinGrossNav: 0.1
          maxChildAdv: 0.05
          maxParentAdv: 0.25
          factors:
            - name: technology
              limit: 0.3
          maxGrossNav: 1
          maxGrossBearNav: 0.7
          maxGrossMarginNav: 2
          systemicCap: 0.25
          pdtMinEquity: 25000
          pdtMaxDayTrades: 3
          pdtWindowDays: 5
          maxMessagesPerSecond: 50
          maxOrderToTradeRatio: 20
          otrMinMessages: 100
          volIndexSymbol: ""
          highVolLevel: 25
          crisisVolLevel: 40
          proxyHighVol: 0.25
          proxyCrisisVol: 0.4
          proxyHalfLifeSamples: 1000
          warnAt: 0.9
        kill:
          dailyLossLimit: 123.25
          staleMarketDataMs: 86400000
          dailyLossNav: 0.02
          venueDownMs: 30000
          slippage: 0.01
          volSpikeReduce: 0.5
          maxDrawdown: 0.1
          maxMonthLoss: 0.08
          throttleHaltAfter: 100
        venue:
          latencyUs: 0
        costs:
          commissionModel: tiered
          fixedPerShare: 0.005
          fixedMinimum: 1
          maxShareOfTradeValue: 0.01
          tieredMinimum: 0.35
          tieredClearingPerShare: 0.0002
          tiers:
            - {upToShares: 300000, perShare: 0.0035}
            - {upToShares: 1e15, perShare: 0.0005}
          secFeePerMillion: 27.8
          finraTafPerShare: 0.000166
          finraTafMaximum: 8.3
          takeFeePerShare: 0.003
          makeRebatePerShare: 0
          impactModel: almgren-chriss
          sqrtCoefficient: 0.5
          advShares: 1e6
          acPermanent: 2.5e-7
          acTemporary: 2.5e-6
          acRiskAversion: 1e-6
          acHorizonS: 60
          volIndexInstrumentId: 7
          volIndexLevel: 20
          volIndexThreshold: 30
          volIndexImpactMultiplier: 2
        report:
          equityIntervalMs: 1000
          minEquityPoints: 10
          periodsPerYear: 252
          tradingDayS: 23400
          riskFreeRate: 0.02
          minAcceptableReturn: 0
          benchmarkSharpe: 1
          startingCapital: 100000
          markoutsMs: 1000,5000
        """ + RISK_SECTIONS;


    static final int LINE_EVENTS = 2;
    static final int LINE_ENGINE = 4;
    static final int LINE_RING_SIZE = 6;
    static final int LINE_INSTRUMENTS = 12;
    static final int LINE_SECOND_ID = 21;
    static final int LINE_SECOND_SPREAD = 27;
    static final int LINE_RISK = 52;
    static final int LINE_MAX_ORDER_QTY = 53;
    static final int LINE_PRICE_COLLAR = 55;

    private ConfigFixtures()
    {
    }

    static EngineConfig load(final String yaml, final String... overrides)
    {
        return ConfigLoader.loadText(SOURCE, yaml, List.of(overrides));
    }

    /**
     * The valid fixture with one exact piece of text replaced; fails if the piece does not occur exactly once.
     */
    static String with(final String from, final String to)
    {
        return with(VALID, from, to);
    }

    static String with(final String yaml, final String from, final String to)
    {
        final int at = yaml.indexOf(from);
        assertTrue(at >= 0, "fixture lacks: " + from);
        assertEquals(-1, yaml.indexOf(from, at + 1), "fixture has more than one: " + from);
        return yaml.substring(0, at) + to + yaml.substring(at + from.length());
    }

    /**
     * Asserts that loading fails with an error naming the source, the key path and the value, and that the message
     * has the documented form.
     */
    static ConfigException assertError(
        final Executable load,
        final String source,
        final String keyPath,
        final String value,
        final String... messageParts)
    {
        final ConfigException ex = assertThrows(ConfigException.class, load);
        final String message = ex.getMessage();
        assertEquals(source, ex.source(), message);
        assertEquals(keyPath, ex.keyPath(), message);
        assertEquals(value, ex.value(), message);
        assertTrue(message.startsWith(source + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ")), message);
        if (value != null)
        {
            assertTrue(message.contains(": got " + value), message);
        }
        assertTrue(message.contains("; allowed: "), message);
        for (final String part : messageParts)
        {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
        return ex;
    }
}
