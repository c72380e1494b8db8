package io.meridian.config;

import java.util.List;

/**
 * The transaction-cost model charged on simulated fills (SPEC §1(i), decisions 11 and 13). Money amounts are in the
 * account currency, per-share rates per share (one share is {@code qtyScale} lots), fractions are fractions.
 * Defaults in the shipped profiles are the seeds' values (IB fixed pricing, SEC fee, FINRA TAF, a take fee) and, where
 * marked in the profile, suggestions.
 *
 * @param commissionModel          {@value #COMMISSION_FIXED} (IB fixed: per share with a minimum and a maximum per
 *                                 order) or {@value #COMMISSION_TIERED} (IB tiered: per-share rate by the run's
 *                                 cumulative share volume, plus clearing).
 * @param fixedPerShare            fixed pricing: commission per share, 0 to 1.
 * @param fixedMinimum             fixed pricing: minimum commission per order, 0 to 1000.
 * @param maxShareOfTradeValue     both models: maximum commission per order as a fraction of its traded value, 0 to 1
 *                                 (IB: 0.01); it wins over the minimum, as IB's does.
 * @param tieredMinimum            tiered pricing: minimum commission per order, 0 to 1000.
 * @param tieredClearingPerShare   tiered pricing: clearing fee per share added to the tier rate, 0 to 1.
 * @param tiers                    tiered pricing: 1 to 10 tiers in increasing {@code upToShares}; the last one's
 *                                 bound is the largest and covers everything above the others.
 * @param secFeePerMillion         SEC fee on sells only, currency per 1,000,000 of sale value, 0 to 1000.
 * @param finraTafPerShare         FINRA trading activity fee on sells only, per share, 0 to 1.
 * @param finraTafMaximum          cap of the FINRA fee per order, 0 to 1000.
 * @param takeFeePerShare          exchange fee per share on fills that took liquidity, 0 to 1.
 * @param makeRebatePerShare       exchange rebate per share on fills that added liquidity (resting orders), 0 to 1.
 * @param impactModel              {@value #IMPACT_NONE}, {@value #IMPACT_SQUARE_ROOT} or
 *                                 {@value #IMPACT_ALMGREN_CHRISS}.
 * @param sqrtCoefficient          square-root law: impact fraction = coefficient × σ_daily × √(Q / ADV), 0 to 100.
 * @param advShares                average daily volume in shares, used by both impact models, 1 to 1e12.
 * @param acPermanent              Almgren–Chriss permanent impact coefficient γ, currency per share², 0 to 1.
 * @param acTemporary              Almgren–Chriss temporary impact coefficient η, currency × day per share², &gt; 0
 *                                 and &lt;= 1.
 * @param acRiskAversion           Almgren–Chriss risk aversion λ, per currency unit, 0 to 1.
 * @param acHorizonS               Almgren–Chriss execution horizon T of one order, seconds of a 6.5-hour trading
 *                                 day, &gt; 0 and &lt;= 23400.
 * @param volIndexInstrumentId     instrument id whose mid is the volatility index (e.g. VIX), 0 for none.
 * @param volIndexLevel            the index level assumed when no instrument is configured (or before its first
 *                                 quote), 0 to 1000.
 * @param volIndexThreshold        impact is multiplied above this index level, 0 to 1000 (decision 6: 30).
 * @param volIndexImpactMultiplier the multiplier, 1 to 100 (decision 6: 2).
 */
public record CostConfig(
    String commissionModel,
    double fixedPerShare,
    double fixedMinimum,
    double maxShareOfTradeValue,
    double tieredMinimum,
    double tieredClearingPerShare,
    List<CommissionTier> tiers,
    double secFeePerMillion,
    double finraTafPerShare,
    double finraTafMaximum,
    double takeFeePerShare,
    double makeRebatePerShare,
    String impactModel,
    double sqrtCoefficient,
    double advShares,
    double acPermanent,
    double acTemporary,
    double acRiskAversion,
    double acHorizonS,
    int volIndexInstrumentId,
    double volIndexLevel,
    double volIndexThreshold,
    double volIndexImpactMultiplier)
{
    /** IB fixed pricing. */
    public static final String COMMISSION_FIXED = "fixed";
    /** IB tiered pricing. */
    public static final String COMMISSION_TIERED = "tiered";
    /** No market impact. */
    public static final String IMPACT_NONE = "none";
    /** Square-root law. */
    public static final String IMPACT_SQUARE_ROOT = "sqrt";
    /** Almgren–Chriss expected cost of the optimal trajectory. */
    public static final String IMPACT_ALMGREN_CHRISS = "almgren-chriss";

    /**
     * Makes the tier list unmodifiable.
     */
    public CostConfig
    {
        tiers = List.copyOf(tiers);
    }

    /**
     * One tier of IB tiered pricing.
     *
     * @param upToShares the tier applies while the cumulative share volume is at most this, 1 to 1e15.
     * @param perShare   commission per share in this tier, 0 to 1.
     */
    public record CommissionTier(double upToShares, double perShare)
    {
    }
}
