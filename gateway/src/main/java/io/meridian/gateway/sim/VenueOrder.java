package io.meridian.gateway.sim;

import io.meridian.engine.cost.FillCosts;
import io.meridian.engine.cost.OrderCosts;

/**
 * A working order at the simulated venue: a pooled, mutable object owned by the venue's thread.
 */
final class VenueOrder
{
    long clOrdId;
    long venueOrderId;
    int instrumentId;
    byte side;
    long price;
    long leavesQty;
    long cumQty;
    long lastFillPrice;
    long lastFillQty;
    byte lastFillLiquidity;
    final OrderCosts costs = new OrderCosts();
    final FillCosts lastFillCosts = new FillCosts();

    void reset()
    {
        clOrdId = 0;
        venueOrderId = 0;
        instrumentId = 0;
        side = 0;
        price = 0;
        leavesQty = 0;
        cumQty = 0;
        lastFillPrice = 0;
        lastFillQty = 0;
        lastFillLiquidity = 0;
        costs.reset();
    }
}
