package io.meridian.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.config.CostConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.cost.CostModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The venue charges its cost model on every fill and carries the costs in the fill's EXEC_REPORT: a marketable
 * order takes liquidity (take fee), a resting order's fill adds it (rebate), sells pay the SEC fee and TAF, the
 * minimum commission applies per order over partial fills, and other reports carry zeros.
 */
final class SimulatedVenueCostTest
{
    private static final int ID = 3;

    private static CostModel model()
    {
        final CostConfig costs = new CostConfig(CostConfig.COMMISSION_FIXED, 0.005, 1.00, 0.01, 0.35, 0.0002,
            List.of(new CostConfig.CommissionTier(1e15, 0.0035)), 27.80, 0.000166, 8.30, 0.003, 0.002,
            CostConfig.IMPACT_NONE, 1.0, 1e6, 2.5e-7, 2.5e-6, 1e-6, 60, 0, 20, 30, 2);
        return new CostModel(costs, List.of(new InstrumentConfig(ID, "ZZZ", 100, 1, 50.0, 0.2, 1, 1000)));
    }

    @Test
    void shouldChargeTakeFeeOnAMarketableBuyAndRebateOnARestingSell()
    {
        final VenueScript script = new VenueScript(0, 16, model());
        script.quote(ID, 1_000, 4999, 1000, 5001, 60);
        script.limit(2_000, ID, 1, Side.BUY, 5001, 100);
        script.venue.poll(2_000);
        // ACK, PARTIAL_FILL of 60 at 5001 (the displayed size), the rest rests at 5001
        assertEquals(ExecType.PARTIAL_FILL, script.reports.get(1).execType());
        assertArrayEquals(new long[]{0, 0, 0, 0, 0, 0, 0}, script.costs.get(0), "the ACK carries no costs");
        // 60 x 0.005 = 0.30 -> minimum 1.00; take fee 60 x 0.003 = 0.18; spread 1 cent above the mid x 60 = 0.60
        assertArrayEquals(new long[]{10_000, 0, 0, 1_800, 0, 6_000, ExecReportCodec.LIQUIDITY_TOOK},
            script.costs.get(1));
        script.quote(ID, 3_000, 4999, 1000, 5001, 500);
        script.venue.poll(3_000);
        // the resting 40 fill at 5001 against the new ask: 100 x 0.005 = 0.50 < 1.00 already charged -> 0
        assertEquals(ExecType.FILL, script.reports.get(2).execType());
        assertArrayEquals(new long[]{0, 0, 0, -800, 0, 4_000, ExecReportCodec.LIQUIDITY_ADDED},
            script.costs.get(2));

        script.limit(4_000, ID, 2, Side.SELL, 4999, 1000);
        script.venue.poll(4_000);
        // 1000 at the bid 4999: commission 5.00, SEC 27.80 x 49,990 / 1e6 = 1.389722, TAF 0.166, take 3.00,
        // spread 1 cent below the mid x 1000 = 10.00
        assertArrayEquals(new long[]{50_000, 13_897, 1_660, 30_000, 0, 100_000, ExecReportCodec.LIQUIDITY_TOOK},
            script.costs.get(4));
    }

    @Test
    void shouldChargeNothingWithoutACostModel()
    {
        final VenueScript script = new VenueScript(0, 16);
        script.quote(ID, 1_000, 4999, 1000, 5001, 1000);
        script.limit(2_000, ID, 1, Side.BUY, 5001, 100);
        script.venue.poll(2_000);
        assertEquals(ExecType.FILL, script.reports.get(1).execType());
        assertArrayEquals(new long[]{0, 0, 0, 0, 0, 0, ExecReportCodec.LIQUIDITY_TOOK}, script.costs.get(1));
    }
}
