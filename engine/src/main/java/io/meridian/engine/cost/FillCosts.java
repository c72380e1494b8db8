package io.meridian.engine.cost;

/**
 * The costs of one fill, in cash units ({@code Scales.CASH_SCALE} per currency unit); positive amounts are paid by
 * us, a negative {@link #exchangeFee} is a rebate. A reused, mutable holder filled by {@link CostModel#charge}.
 */
public final class FillCosts
{
    /** Broker commission. */
    public long commission;
    /** SEC fee (sells only). */
    public long secFee;
    /** FINRA trading activity fee (sells only). */
    public long finraTaf;
    /** Exchange take fee (positive) or make rebate (negative). */
    public long exchangeFee;
    /** Modelled market impact. */
    public long impact;
    /**
     * Spread paid relative to the mid at the time of the fill, signed (a resting order filled at its own touch
     * earns half the spread: negative). Already in the fill price, so it is reported but never charged again.
     */
    public long spread;

    /**
     * Fees and impact charged on top of the fill price: everything except {@link #spread}.
     *
     * @return cash units.
     */
    public long charged()
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
