package io.meridian.gateway.ib.client;

/**
 * One COMMISSION_REPORT message (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class CommissionView
{
    final AsciiText execId = new AsciiText(64);
    long commission;
    final AsciiText currency = new AsciiText(64);
    long realizedPnl;

    /**
     * The execution id it belongs to.
     *
     * @return the value.
     */
    public AsciiText execId()
    {
        return execId;
    }

    /**
     * Commission, fixed point.
     *
     * @return the value.
     */
    public long commission()
    {
        return commission;
    }

    /**
     * Its currency.
     *
     * @return the value.
     */
    public AsciiText currency()
    {
        return currency;
    }

    /**
     * Realized P&amp;L, fixed point ({@link io.meridian.gateway.ib.wire.TwsFields#UNSET} when unset).
     *
     * @return the value.
     */
    public long realizedPnl()
    {
        return realizedPnl;
    }
}
