package io.meridian.gateway.ib.client;

/**
 * One ORDER_STATUS message (reused: valid during the callback only). Quantities and prices are fixed point with
 * {@link io.meridian.gateway.ib.wire.TwsFields#DECIMALS} decimals.
 *
 * <p>Owned by the connection's polling thread.
 */
public final class OrderStatusView
{
    long orderId;
    IbOrderStatus status;
    long filled;
    long remaining;
    long avgFillPrice;
    long permId;
    long parentId;
    long lastFillPrice;
    long clientId;
    long mktCapPrice;

    /**
     * The IB order id.
     *
     * @return the value.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * The status.
     *
     * @return the value.
     */
    public IbOrderStatus status()
    {
        return status;
    }

    /**
     * Quantity filled so far.
     *
     * @return the value.
     */
    public long filled()
    {
        return filled;
    }

    /**
     * Quantity still working.
     *
     * @return the value.
     */
    public long remaining()
    {
        return remaining;
    }

    /**
     * Average fill price.
     *
     * @return the value.
     */
    public long avgFillPrice()
    {
        return avgFillPrice;
    }

    /**
     * IB permanent id.
     *
     * @return the value.
     */
    public long permId()
    {
        return permId;
    }

    /**
     * Parent order id.
     *
     * @return the value.
     */
    public long parentId()
    {
        return parentId;
    }

    /**
     * Price of the last fill.
     *
     * @return the value.
     */
    public long lastFillPrice()
    {
        return lastFillPrice;
    }

    /**
     * Client id that placed it.
     *
     * @return the value.
     */
    public long clientId()
    {
        return clientId;
    }

    /**
     * Price cap applied by IB, 0 when none.
     *
     * @return the value.
     */
    public long mktCapPrice()
    {
        return mktCapPrice;
    }
}
