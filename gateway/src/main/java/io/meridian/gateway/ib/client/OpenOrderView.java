package io.meridian.gateway.ib.client;

/**
 * One OPEN_ORDER message, the fields Meridian uses (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class OpenOrderView
{
    long orderId;
    long conId;
    boolean buy;
    long totalQuantity;
    IbOrderType orderType;
    long limitPrice;
    long auxPrice;
    IbTimeInForce timeInForce;
    long clientId;
    long permId;
    boolean outsideRth;
    IbOrderStatus status;
    long orderRef;
    final AsciiText account = new AsciiText(64);
    final AsciiText symbol = new AsciiText(64);

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
     * Contract id.
     *
     * @return the value.
     */
    public long conId()
    {
        return conId;
    }

    /**
     * True for BUY, false for SELL.
     *
     * @return the value.
     */
    public boolean buy()
    {
        return buy;
    }

    /**
     * Order quantity.
     *
     * @return the value.
     */
    public long totalQuantity()
    {
        return totalQuantity;
    }

    /**
     * Order type, null when not one Meridian sends.
     *
     * @return the value.
     */
    public IbOrderType orderType()
    {
        return orderType;
    }

    /**
     * Limit price (0 when unset).
     *
     * @return the value.
     */
    public long limitPrice()
    {
        return limitPrice;
    }

    /**
     * Stop price (0 when unset).
     *
     * @return the value.
     */
    public long auxPrice()
    {
        return auxPrice;
    }

    /**
     * Time in force, null when not one Meridian sends.
     *
     * @return the value.
     */
    public IbTimeInForce timeInForce()
    {
        return timeInForce;
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
     * IB permanent id.
     *
     * @return the value.
     */
    public long permId()
    {
        return permId;
    }

    /**
     * Whether it may fill outside regular hours.
     *
     * @return the value.
     */
    public boolean outsideRth()
    {
        return outsideRth;
    }

    /**
     * The order state status.
     *
     * @return the value.
     */
    public IbOrderStatus status()
    {
        return status;
    }

    /**
     * The order reference as a number, -1 when it is not one.
     *
     * @return the value.
     */
    public long orderRef()
    {
        return orderRef;
    }

    /**
     * The account.
     *
     * @return the value.
     */
    public AsciiText account()
    {
        return account;
    }

    /**
     * The symbol.
     *
     * @return the value.
     */
    public AsciiText symbol()
    {
        return symbol;
    }
}
