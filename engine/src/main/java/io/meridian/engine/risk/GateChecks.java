package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;

/**
 * The gates checked first (cheapest, and the kill switches' effect on new orders): trading state, per-instrument
 * state, environment guard, venue session, restricted list, reference price and market-data freshness.
 */
final class GateChecks
{
    private GateChecks()
    {
    }

    /** e18: no new order while HALTED. */
    static final class HaltedGate extends RiskCheck
    {
        HaltedGate()
        {
            super(RejectReason.RISK_HALTED, "kill.*", "e18, f9", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.tradingState == TradingState.HALTED);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** Flattening: only the kill switch's own closing orders. */
    static final class FlatteningGate extends RiskCheck
    {
        FlatteningGate()
        {
            super(RejectReason.RISK_FLATTENING, "kill.*", "f9, operator flatten", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.tradingState == TradingState.FLATTENING);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** REDUCING (global): only orders that shrink the position. */
    static final class ReducingGate extends RiskCheck
    {
        ReducingGate()
        {
            super(RejectReason.RISK_REDUCING_ONLY, "kill.staleMarketDataMs", "f4, f10", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.tradingState == TradingState.REDUCING && !reduces(o));
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** REDUCING for one instrument (kill switches 2 and 5). */
    static final class InstrumentReducingGate extends RiskCheck
    {
        InstrumentReducingGate()
        {
            super(RejectReason.RISK_INSTRUMENT_REDUCING, "kill.slippage", "f2, f5", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.instrumentState != TradingState.ACTIVE && !reduces(o));
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** e25: dry run, or prod without permission, refuses every order. */
    static final class EnvironmentGuard extends RiskCheck
    {
        private final boolean refuse;

        EnvironmentGuard(final boolean dryRun, final boolean prod, final boolean allowProdWrite)
        {
            super(RejectReason.RISK_DRY_RUN, "account.dryRun", "e25", RULE);
            this.refuse = dryRun || (prod && !allowProdWrite);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, refuse);
        }

        @Override
        public double configuredLimit()
        {
            return refuse ? 1 : 0;
        }
    }

    /** The venue session must be up. */
    static final class VenueGate extends RiskCheck
    {
        VenueGate()
        {
            super(RejectReason.RISK_VENUE_DOWN, "kill.venueDownMs", "f3", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, !o.venueUp);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** The restricted list. */
    static final class RestrictedList extends RiskCheck
    {
        private final RiskReference reference;

        RestrictedList(final RiskReference reference)
        {
            super(RejectReason.RISK_RESTRICTED, "reference.instruments[].restricted", "e23 (regulatory)", RULE);
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, reference.restricted[o.index]);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** A price to check the order against must exist. */
    static final class ReferencePricePresent extends RiskCheck
    {
        ReferencePricePresent()
        {
            super(RejectReason.RISK_NO_REFERENCE_PRICE, "-", "e8", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.referencePrice <= 0);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /** The instrument's market data must be fresh (value and limit in milliseconds). */
    static final class StaleMarketData extends RiskCheck
    {
        private final long staleNs;

        StaleMarketData(final long staleMs)
        {
            super(RejectReason.RISK_STALE_MARKET_DATA, "kill.staleMarketDataMs", "f4, o1", UPPER_BOUND);
            this.staleNs = staleMs * 1_000_000L;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final long ageNs = o.nowNs - o.lastMarketDataNs;
            o.value = ageNs / 1e6;
            o.limit = staleNs / 1e6;
            return ageNs <= staleNs;
        }

        @Override
        public double configuredLimit()
        {
            return staleNs / 1e6;
        }
    }

    /** An operator halted this instrument: no order for it passes (the kill switch's own ones bypass the table). */
    static final class InstrumentHaltedGate extends RiskCheck
    {
        InstrumentHaltedGate()
        {
            super(RejectReason.RISK_INSTRUMENT_HALTED, "-", "operator halt of one instrument", RULE);
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return rule(o, o.instrumentState == TradingState.HALTED);
        }

        @Override
        public double configuredLimit()
        {
            return 0;
        }
    }

    /**
     * Whether the order shrinks the absolute position (the existing position, not counting working orders): it is on
     * the other side and no larger than the position.
     *
     * @param o the order.
     * @return true when it reduces.
     */
    static boolean reduces(final OrderContext o)
    {
        final long position = o.positions[o.index];
        final long signedQty = o.signedQty;
        return position != 0
            && Long.signum(signedQty) == -Long.signum(position)
            && Math.abs(signedQty) <= Math.abs(position);
    }
}
