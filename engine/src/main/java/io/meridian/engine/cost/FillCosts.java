package io.meridian.engine.cost;

/**
 * The costs of one fill, in cash units ({@code Scales.CASH_SCALE} per currency unit); positive amounts are paid by
 * us, a negative {@link #exchangeFee} is a rebate. A reused, mutable holder filled by {@link CostModel#charge}.
 */
public final class FillCosts
{
    /** Broker commission. */
    long commission;
    /** SEC fee (sells only). */
    long secFee;
    /** FINRA trading activity fee (sells only). */
    long finraTaf;
    /** Exchange take fee (positive) or make rebate (negative). */
    long exchangeFee;
    /** Modelled market impact. */
    long impact;
    /**
     * Spread paid relative to the mid at the time of the fill, signed (a resting order filled at its own touch
     * earns half the spread: negative). Already in the fill price, so it is reported but never charged again.
     */
    long spread;

    /**
     * Broker commission.
     *
     * @return cash units.
     */
    public long commission()
    {
        return commission;
    }

    /**
     * SEC fee (sells only).
     *
     * @return cash units.
     */
    public long secFee()
    {
        return secFee;
    }

    /**
     * FINRA trading activity fee (sells only).
     *
     * @return cash units.
     */
    public long finraTaf()
    {
        return finraTaf;
    }

    /**
     * Exchange take fee (positive) or make rebate (negative).
     *
     * @return cash units.
     */
    public long exchangeFee()
    {
        return exchangeFee;
    }

    /**
     * Modelled market impact.
     *
     * @return cash units.
     */
    public long impact()
    {
        return impact;
    }

    /**
     * Spread paid relative to the mid (reported, never charged).
     *
     * @return cash units.
     */
    public long spread()
    {
        return spread;
    }

    /**
     * Fees and impact charged on top of the fill price: everything except {@link #spread}.
     *
     * @return cash units.
     */
    long charged()
    {
        return commission + secFee + finraTaf + exchangeFee + impact;
    }

    void clear()
    {
        commission = 0;
        secFee = 0;
        finraTaf = 0;
        exchangeFee = 0;
        impact = 0;
        spread = 0;
    }
}
