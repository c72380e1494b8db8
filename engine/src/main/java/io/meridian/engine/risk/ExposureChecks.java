package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;

/**
 * The book after the order, as shares of NAV: sector, correlation cluster, concentration, gross exposure (by account
 * type and regime, decision 10), the systemic net cap, factor exposures, the strategy's risk budget, buying power and
 * short sales (decision 15). An order that does not grow the measured exposure always passes, so that a book over a
 * limit (after a price move) can be reduced.
 */
final class ExposureChecks
{
    private ExposureChecks()
    {
    }

    /** e2: gross value of the instrument's sector. */
    static final class SectorLimit extends RiskCheck
    {
        private final double max;
        private final RiskReference reference;

        SectorLimit(final double max, final RiskReference reference)
        {
            super(RejectReason.RISK_SECTOR, "risk.maxSectorNav", "e2", UPPER_BOUND);
            this.max = max;
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.sectorGross[reference.sector[o.index]] / o.nav, max) || !o.grows;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e3: gross value of the instrument's correlation cluster. */
    static final class ClusterLimit extends RiskCheck
    {
        private final double max;
        private final RiskReference reference;

        ClusterLimit(final double max, final RiskReference reference)
        {
            super(RejectReason.RISK_CLUSTER, "risk.maxClusterNav", "e3", UPPER_BOUND);
            this.max = max;
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.clusterGross[reference.cluster[o.index]] / o.nav, max) || !o.grows;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e16: the largest instrument's share of gross exposure, once the book is large enough to matter. */
    static final class Concentration extends RiskCheck
    {
        private final double max;
        private final double minGrossNav;

        Concentration(final double max, final double minGrossNav)
        {
            super(RejectReason.RISK_CONCENTRATION, "risk.maxConcentration", "e16", UPPER_BOUND);
            this.max = max;
            this.minGrossNav = minGrossNav;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final double share = o.grossAfter > minGrossNav * o.nav ? o.largestValue / o.grossAfter : 0;
            return atMost(o, share, max) || !o.grows;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }

        @Override
        public boolean enabled()
        {
            return max < 1;
        }
    }

    /** e20, decision 10: gross exposure cap: cash 1.0, BEAR regime 0.7, margin account 2.0 (times NAV). */
    static final class GrossExposure extends RiskCheck
    {
        private final double cashCap;
        private final double bearCap;
        private final double marginCap;
        private final boolean margin;

        GrossExposure(final double cashCap, final double bearCap, final double marginCap, final boolean margin)
        {
            super(RejectReason.RISK_GROSS_EXPOSURE, "risk.maxGrossNav", "e20, decision 10", UPPER_BOUND);
            this.cashCap = cashCap;
            this.bearCap = bearCap;
            this.marginCap = marginCap;
            this.margin = margin;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final double cap = cap(o.regime);
            return atMost(o, o.grossAfter / o.nav, cap) || o.grossAfter <= o.grossBefore;
        }

        double cap(final byte regime)
        {
            final double base = margin ? marginCap : cashCap;
            return regime == OrderContext.REGIME_NORMAL ? base : Math.min(base, bearCap * base / cashCap);
        }

        @Override
        public double configuredLimit()
        {
            return margin ? marginCap : cashCap;
        }
    }

    /** e22: the book's net exposure. */
    static final class SystemicCap extends RiskCheck
    {
        private final double max;

        SystemicCap(final double max)
        {
            super(RejectReason.RISK_SYSTEMIC, "risk.systemicCap", "e22", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, Math.abs(o.netAfter) / o.nav, max) || Math.abs(o.netAfter) <= Math.abs(o.netBefore);
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e21: each factor's exposure within its limit; value and limit are those of the worst factor. */
    static final class FactorLimits extends RiskCheck
    {
        private final RiskReference reference;

        FactorLimits(final RiskReference reference)
        {
            super(RejectReason.RISK_FACTOR, "risk.factors[].limit", "e21", UPPER_BOUND);
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            double worstUse = -1;
            boolean pass = true;
            for (int f = 0; f < reference.factorLimits.length; f++)
            {
                final double exposure = Math.abs(o.factorExposure[f]) / o.nav;
                final double limit = reference.factorLimits[f];
                final boolean grew = Math.abs(o.factorExposure[f]) > Math.abs(o.factorExposureBefore[f]);
                if (exposure / limit > worstUse)
                {
                    worstUse = exposure / limit;
                    o.value = exposure;
                    o.limit = limit;
                }
                if (exposure > limit && grew)
                {
                    pass = false;
                    o.value = exposure;
                    o.limit = limit;
                    break;
                }
            }
            if (worstUse < 0)
            {
                o.value = 0;
                o.limit = 0;
            }
            return pass;
        }

        @Override
        public double configuredLimit()
        {
            return reference.factorLimits.length == 0 ? 0 : reference.factorLimits[0];
        }

        @Override
        public boolean enabled()
        {
            return reference.factorLimits.length > 0;
        }
    }

    /** e15: the strategy's gross exposure within its budget (one strategy today: the whole book). */
    static final class RiskBudget extends RiskCheck
    {
        private final double max;

        RiskBudget(final double max)
        {
            super(RejectReason.RISK_BUDGET, "risk.strategyBudgetNav", "e15, d10", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.grossAfter / o.nav, max) || o.grossAfter <= o.grossBefore;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /**
     * e14: what the order needs against buying power (times the usable share). Cash account: a buy needs its notional
     * out of cash less working buys. Margin account: an order that grows gross exposure needs the growth out of
     * {@code maxGrossMarginNav x NAV - gross}.
     */
    static final class BuyingPower extends RiskCheck
    {
        private final double use;
        private final double marginCap;
        private final boolean margin;

        BuyingPower(final double use, final double marginCap, final boolean margin)
        {
            super(RejectReason.RISK_BUYING_POWER, "risk.buyingPowerUse", "e14, decision 15", UPPER_BOUND);
            this.use = use;
            this.marginCap = marginCap;
            this.margin = margin;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final double need;
            final double power;
            if (margin)
            {
                need = Math.max(0, o.grossAfter - o.grossBefore);
                power = Math.max(0, marginCap * o.nav - o.grossBefore);
            }
            else
            {
                need = o.side == Side.BUY ? o.notional : 0;
                power = Math.max(0, o.cash - o.openBuyNotional);
            }
            return atMost(o, need, use * power) || need == 0;
        }

        @Override
        public double configuredLimit()
        {
            return use;
        }
    }

    /** e26, decision 15: no short position in a non-shortable instrument, or in a cash account. */
    static final class ShortSale extends RiskCheck
    {
        private final RiskReference reference;

        ShortSale(final RiskReference reference)
        {
            super(RejectReason.RISK_SHORT_SALE, "reference.instruments[].shortable", "e26, decision 15", RULE);
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final long after = o.exposureQty + o.signedQty;
            final boolean shorts = after < 0 && after < Math.min(0, o.exposureQty);
            return rule(o, shorts && (reference.cashAccount || !reference.shortable[o.index]));
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }
}
