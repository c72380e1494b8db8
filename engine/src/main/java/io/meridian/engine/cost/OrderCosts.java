package io.meridian.engine.cost;

/**
 * Per-order running totals that make the per-order parts of the model (commission minimum and maximum, the FINRA cap,
 * impact of the whole order) come out right over partial fills: each fill is charged the order's total so far minus
 * what earlier fills were charged, so the charges of an order's fills add up exactly to the order's cost. One per
 * working order; {@link #reset} when the order is done.
 */
public final class OrderCosts
{
    long qtyLots;
    long valueCash;
    double commissionBase;
    long commissionCharged;
    long tafCharged;
    long impactCharged;

    /**
     * Clears the totals for a new order.
     */
    public void reset()
    {
        qtyLots = 0;
        valueCash = 0;
        commissionBase = 0;
        commissionCharged = 0;
        tafCharged = 0;
        impactCharged = 0;
    }
}
