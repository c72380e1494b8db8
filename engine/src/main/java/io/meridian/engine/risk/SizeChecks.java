package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import org.agrona.collections.LongArrayList;

/**
 * Order and position size: quantity, notional (min and max), the fat-finger quantity against the rolling median
 * (decision 10), ADV participation (decision 8), the position in lots and as a share of NAV (decision 1).
 */
final class SizeChecks
{
    private SizeChecks()
    {
    }

    /** Largest order quantity, lots. */
    static final class MaxOrderQty extends RiskCheck
    {
        private final long max;

        MaxOrderQty(final long max)
        {
            super(RejectReason.RISK_MAX_ORDER_QTY, "risk.maxOrderQty", "e28", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            o.value = o.qty;
            o.limit = max;
            return o.qty <= max;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e4: smallest order notional, currency. */
    static final class MinOrderNotional extends RiskCheck
    {
        private final double min;

        MinOrderNotional(final double min)
        {
            super(RejectReason.RISK_MIN_NOTIONAL, "risk.minOrderNotional", "e4", LOWER_BOUND);
            this.min = min;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            o.value = o.notional;
            o.limit = min;
            return o.notional >= min;
        }

        @Override
        public double configuredLimit()
        {
            return min;
        }

        @Override
        public boolean enabled()
        {
            return min > 0;
        }
    }

    /** e5: largest order notional, currency. */
    static final class MaxOrderNotional extends RiskCheck
    {
        private final double max;

        MaxOrderNotional(final double max)
        {
            super(RejectReason.RISK_MAX_ORDER_NOTIONAL, "risk.maxOrderNotional", "e5", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.notional, max);
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /**
     * e12, decision 10: quantity at most a multiple of the rolling median of the instrument's last accepted order
     * quantities (never below the floor), kept per instrument in a {@link SortedWindow}.
     */
    static final class FatFingerQty extends RiskCheck
    {
        private final double multiple;
        private final long floor;
        private final SortedWindow[] window;

        FatFingerQty(final double multiple, final long floor, final int windowSize, final int instruments)
        {
            super(RejectReason.RISK_FAT_FINGER_QTY, "risk.fatFingerQtyMultiple", "e12, decision 10", UPPER_BOUND);
            this.multiple = multiple;
            this.floor = floor;
            window = new SortedWindow[instruments];
            for (int i = 0; i < instruments; i++)
            {
                window[i] = new SortedWindow(windowSize);
            }
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final double normal = Math.max((double)floor, median(o.index));
            return atMost(o, (double)o.qty, multiple * normal);
        }

        @Override
        public void onAccepted(final OrderContext o)
        {
            window[o.index].add((double)o.qty); // exact: quantities are far below 2^53
        }

        /**
         * Median of the window (the mean of the two middle values for an even count); 0 when empty.
         *
         * @param index instrument.
         * @return the median quantity.
         */
        double median(final int index)
        {
            return window[index].median();
        }

        @Override
        public double configuredLimit()
        {
            return multiple;
        }

        @Override
        public void saveState(final LongArrayList out)
        {
            for (final var part : window)
            {
                part.saveState(out);
            }
        }

        @Override
        public int loadState(final long[] in, final int at)
        {
            int i = at;
            for (final var part : window)
            {
                i = part.loadState(in, i);
            }
            return i;
        }
    }

    /** e17, decision 8: an order sent to the venue at most this share of 20-day ADV. */
    static final class AdvChild extends RiskCheck
    {
        private final double max;
        private final RiskReference reference;

        AdvChild(final double max, final RiskReference reference)
        {
            super(RejectReason.RISK_ADV_CHILD, "risk.maxChildAdv", "e17, decision 8", UPPER_BOUND);
            this.max = max;
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.qty / (double)reference.adv[o.index], max);
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** Decision 8: a parent (the strategy's whole wanted change) above this share of ADV is refused. */
    static final class AdvParent extends RiskCheck
    {
        private final double max;
        private final RiskReference reference;

        AdvParent(final double max, final RiskReference reference)
        {
            super(RejectReason.RISK_ADV_PARENT, "risk.maxParentAdv", "decision 8", UPPER_BOUND);
            this.max = max;
            this.reference = reference;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, Math.max(o.parentQty, o.qty) / (double)reference.adv[o.index], max);
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** Largest absolute position in lots, working orders included. */
    static final class MaxPositionQty extends RiskCheck
    {
        private final long max;

        MaxPositionQty(final long max)
        {
            super(RejectReason.RISK_MAX_POSITION, "risk.maxPosition", "e1", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            final long after = o.exposureAfter();
            o.value = after;
            o.limit = max;
            return after <= max;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }

    /** e1, decision 1: the instrument's position value (working orders included) at most this share of NAV. */
    static final class PositionNav extends RiskCheck
    {
        private final double max;

        PositionNav(final double max)
        {
            super(RejectReason.RISK_POSITION_NAV, "risk.maxPositionNav", "e1, decision 1", UPPER_BOUND);
            this.max = max;
        }

        @Override
        public boolean passes(final OrderContext o)
        {
            return atMost(o, o.positionValue / o.nav, max) || !o.grows;
        }

        @Override
        public double configuredLimit()
        {
            return max;
        }
    }
}
