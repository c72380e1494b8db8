package io.meridian.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binds the {@code costs} and {@code report} sections (kept apart from {@link ConfigBinder} so that each file stays
 * one concern).
 */
final class CostConfigBinder
{
    private static final Pattern MARKOUTS = Pattern.compile("[1-9][0-9]{0,8}(,[1-9][0-9]{0,8}){0,7}");

    private CostConfigBinder()
    {
    }

    static CostConfig costs(final ConfigSection s)
    {
        final String commissionModel = s.choice("commissionModel", CostConfig.COMMISSION_FIXED,
            CostConfig.COMMISSION_TIERED);
        final double fixedPerShare = s.number("fixedPerShare", 0, true, 1, true);
        final double fixedMinimum = s.number("fixedMinimum", 0, true, 1000, true);
        final double maxShare = s.number("maxShareOfTradeValue", 0, true, 1, true);
        final double tieredMinimum = s.number("tieredMinimum", 0, true, 1000, true);
        final double clearing = s.number("tieredClearingPerShare", 0, true, 1, true);
        final List<ConfigSection> tierSections = s.list("tiers", CostConfig.CommissionTier.class, 1, 10);
        final List<CostConfig.CommissionTier> tiers = new ArrayList<>(tierSections.size());
        double previous = 0;
        for (final ConfigSection t : tierSections)
        {
            final double upTo = t.number("upToShares", 1, true, 1e15, true);
            if (upTo <= previous)
            {
                throw t.fail("upToShares", "must be greater than the previous tier's (" + ConfigBinder.format(previous)
                    + ")", "tiers in increasing upToShares");
            }
            previous = upTo;
            tiers.add(new CostConfig.CommissionTier(upTo, t.number("perShare", 0, true, 1, true)));
            t.done();
        }
        final CostConfig costs = new CostConfig(
            commissionModel, fixedPerShare, fixedMinimum, maxShare, tieredMinimum, clearing, tiers,
            s.number("secFeePerMillion", 0, true, 1000, true),
            s.number("finraTafPerShare", 0, true, 1, true),
            s.number("finraTafMaximum", 0, true, 1000, true),
            s.number("takeFeePerShare", 0, true, 1, true),
            s.number("makeRebatePerShare", 0, true, 1, true),
            s.choice("impactModel", CostConfig.IMPACT_NONE, CostConfig.IMPACT_SQUARE_ROOT,
                CostConfig.IMPACT_ALMGREN_CHRISS),
            s.number("sqrtCoefficient", 0, true, 100, true),
            s.number("advShares", 1, true, 1e12, true),
            s.number("acPermanent", 0, true, 1, true),
            s.number("acTemporary", 0, false, 1, true),
            s.number("acRiskAversion", 0, true, 1, true),
            s.number("acHorizonS", 0, false, 23_400, true),
            (int)s.integer("volIndexInstrumentId", 0, 1023, "0 (none) or an instrument id from 1 to 1023"),
            s.number("volIndexLevel", 0, true, 1000, true),
            s.number("volIndexThreshold", 0, true, 1000, true),
            s.number("volIndexImpactMultiplier", 1, true, 100, true));
        s.done();
        return costs;
    }

    static ReportConfig report(final ConfigSection s)
    {
        final ReportConfig report = new ReportConfig(
            s.integer("equityIntervalMs", 1, 86_400_000),
            (int)s.integer("minEquityPoints", 2, 1_000_000),
            s.number("periodsPerYear", 1, true, 366, true),
            s.number("tradingDayS", 1, true, 86_400, true),
            s.number("riskFreeRate", -1, true, 1, true),
            s.number("minAcceptableReturn", -1, true, 1, true),
            s.number("benchmarkSharpe", -100, true, 100, true),
            s.number("startingCapital", 0, false, ConfigBinder.MAX_CASH, true),
            s.text("markoutsMs", MARKOUTS, "1 to 8 comma-separated positive integers (milliseconds), e.g. 1000,5000"));
        s.done();
        return report;
    }
}
