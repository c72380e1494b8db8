package io.meridian.config;

import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code costs} and {@code report} sections: values bind, and bad ones are named with what is allowed.
 */
final class CostConfigTest
{
    @Test
    void shouldBindTheCostAndReportSections()
    {
        final EngineConfig c = load(VALID);
        assertEquals(CostConfig.COMMISSION_TIERED, c.costs().commissionModel());
        assertEquals(2, c.costs().tiers().size());
        assertEquals(0.0035, c.costs().tiers().get(0).perShare());
        assertEquals(27.8, c.costs().secFeePerMillion());
        assertEquals(CostConfig.IMPACT_ALMGREN_CHRISS, c.costs().impactModel());
        assertEquals(7, c.costs().volIndexInstrumentId());
        assertEquals("1000,5000", c.report().markoutsMs());
        assertEquals(100_000, c.report().startingCapital());
    }

    @Test
    void shouldShipTheSeedsCostDefaultsInTheDemoAndBacktestProfiles()
    {
        for (final String profile : List.of("demo", "backtest"))
        {
            final CostConfig c = ConfigLoader.loadProfile(profile, List.of()).costs();
            assertEquals(CostConfig.COMMISSION_FIXED, c.commissionModel(), profile + ": IB fixed pricing");
            assertEquals(0.005, c.fixedPerShare(), 0.0, profile + ": IB fixed $0.005 a share");
            assertEquals(1.00, c.fixedMinimum(), 0.0, profile + ": IB fixed $1 minimum");
            assertEquals(0.01, c.maxShareOfTradeValue(), 0.0, profile + ": at most 1% of trade value");
            assertEquals(27.80, c.secFeePerMillion(), 0.0, profile + ": SEC $27.80 per $1M sold");
            assertEquals(0.000166, c.finraTafPerShare(), 0.0, profile + ": FINRA TAF $0.000166 a share");
            assertEquals(8.30, c.finraTafMaximum(), 0.0, profile + ": FINRA TAF cap $8.30");
            assertEquals(0.003, c.takeFeePerShare(), 0.0, profile + ": take $0.003 a share");
            assertEquals(0.002, c.makeRebatePerShare(), 0.0, profile + ": make rebate $0.002 a share");
            assertEquals(CostConfig.IMPACT_SQUARE_ROOT, c.impactModel(), profile + ": square-root impact");
            assertEquals(1.0, c.sqrtCoefficient(), 0.0, profile + ": impact coefficient 1");
            assertEquals(2_000_000, c.advShares(), 0.0, profile + ": ADV 2M shares");
            assertEquals(30, c.volIndexThreshold(), 0.0, profile + ": volatility index above 30");
            assertEquals(2, c.volIndexImpactMultiplier(), 0.0, profile + ": impact x 2");
        }
    }

    @Test
    void shouldNameABadValue()
    {
        assertError(() -> load(VALID, "costs.commissionModel=flat"), "--set", "costs.commissionModel", "\"flat\"",
            "one of fixed, tiered");
        assertError(() -> load(VALID, "costs.impactModel=linear"), "--set", "costs.impactModel", "\"linear\"",
            "one of none, sqrt, almgren-chriss");
        assertError(() -> load(VALID, "costs.secFeePerMillion=-1"), "--set", "costs.secFeePerMillion", "-1",
            "a number from 0 to 1000");
        assertError(() -> load(VALID, "costs.acTemporary=0"), "--set", "costs.acTemporary", "0", "> 0");
        assertError(() -> load(VALID, "report.markoutsMs=1000;5000"), "--set", "report.markoutsMs", "\"1000;5000\"",
            "comma-separated positive integers");
        assertError(() -> load(VALID, "report.startingCapital=0"), "--set", "report.startingCapital", "0", "> 0");
    }

    @Test
    void shouldRefuseTiersOutOfOrder()
    {
        assertError(() -> load(VALID, "costs.tiers[1].upToShares=1000"), "--set", "costs.tiers[1].upToShares",
            "1000", "must be greater than the previous tier's (300000)");
    }
}
