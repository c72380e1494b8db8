package io.meridian.gateway.ib.client;

/**
 * One EXECUTION_DATA message, the fields Meridian uses (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class ExecutionView
{
    int reqId;
    long orderId;
    long conId;
    boolean buy;
    long shares;
    long price;
    long permId;
    long clientId;
    long cumQty;
    long avgPrice;
    long orderRef;
    final AsciiText execId = new AsciiText(64);
    final AsciiText account = new AsciiText(64);
    final AsciiText time = new AsciiText(64);

    /**
     * Request id (-1 for executions not requested).
     *
     * @return the value.
     */
    public int reqId()
    {
        return reqId;
    }

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
     * True for BOT, false for SLD.
     *
     * @return the value.
     */
    public boolean buy()
    {
        return buy;
    }

    /**
     * Quantity of this execution.
     *
     * @return the value.
     */
    public long shares()
    {
        return shares;
    }

    /**
     * Price of this execution.
     *
     * @return the value.
     */
    public long price()
    {
        return price;
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
     * Client id that placed the order.
     *
     * @return the value.
     */
    public long clientId()
    {
        return clientId;
    }

    /**
     * Cumulative quantity of the order.
     *
     * @return the value.
     */
    public long cumQty()
    {
        return cumQty;
    }

    /**
     * Average price of the order.
     *
     * @return the value.
     */
    public long avgPrice()
    {
        return avgPrice;
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
     * The execution id.
     *
     * @return the value.
     */
    public AsciiText execId()
    {
        return execId;
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
     * The execution time text.
     *
     * @return the value.
     */
    public AsciiText time()
    {
        return time;
    }
}
