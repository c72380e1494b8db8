package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;

/**
 * Price sanity: the collar against the last trade (decision 9), the NBBO, the spread anomaly and the fat-finger price
 * against the previous close (decision 9). Values and limits are fractions.
 */
final class PriceChecks
{
    private PriceChecks()
    {
    }

    /** e8: limit price within the collar of the last trade (mid before any trade). */
    static final class PriceCollar extends RiskCheck
    {
        private final double collar;

        PriceCollar(final double collar)
        {
            super(RejectReason.RISK_PRICE_COLLAR, "risk.priceCollar", "e8, decision 9", UPPER_BOUND);
            this.collar = collar;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            // compared as |p - ref| <= collar * ref, as before this catalogue, so the limit is exact in ticks
            o.value = Math.abs(o.price - o.referencePrice) / (double)o.referencePrice;
            o.limit = collar;
            return Math.abs(o.price - o.referencePrice) <= collar * o.referencePrice;
        }

        @Override
        public double configuredLimit()
        {
            return collar;
        }
    }

    /** e9: a buy at most the tolerance above the ask, a sell at most the tolerance below the bid. */
    static final class NbboCheck extends RiskCheck
    {
        private final double tolerance;

        NbboCheck(final double tolerance)
        {
            super(RejectReason.RISK_NBBO, "risk.nbboTolerance", "e9", UPPER_BOUND);
            this.tolerance = tolerance;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            if (o.bid <= 0 || o.ask <= 0)
            {
                return atMost(o, 0, tolerance);
            }
            final double through = o.side == Side.BUY
                ? (o.price - o.ask) / (double)o.ask : (o.bid - o.price) / (double)o.bid;
            return atMost(o, Math.max(0, through), tolerance);
        }

        @Override
        public double configuredLimit()
        {
            return tolerance;
        }
    }

    /** e10: no orders into an anomalous market (spread wider than the limit, as a fraction of mid). */
    static final class PriceAnomaly extends RiskCheck
    {
        private final double maxSpread;

        PriceAnomaly(final double maxSpread)
        {
            super(RejectReason.RISK_PRICE_ANOMALY, "risk.maxSpread", "e10", UPPER_BOUND);
            this.maxSpread = maxSpread;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            if (o.bid <= 0 || o.ask <= 0)
            {
                return atMost(o, 0, maxSpread);
            }
            return atMost(o, (o.ask - o.bid) / (0.5 * (o.ask + o.bid)), maxSpread);
        }

        @Override
        public double configuredLimit()
        {
            return maxSpread;
        }
    }

    /** e11: limit price within the fat-finger band of the previous session close. */
    static final class FatFingerPrice extends RiskCheck
    {
        private final double band;
        private final RiskReference reference;

        FatFingerPrice(final double band, final RiskReference reference)
        {
            super(RejectReason.RISK_FAT_FINGER_PRICE, "risk.fatFingerPrice", "e11, decision 9", UPPER_BOUND);
            this.band = band;
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final double close = reference.previousCloseTicks[o.index];
            return atMost(o, Math.abs(o.price - close) / close, band);
        }

        @Override
        public double configuredLimit()
        {
            return band;
        }
    }
}
