package io.meridian.config;

import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
