package io.meridian.gateway.ib.client;

/**
 * One POSITION_DATA message (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class PositionView
{
    final AsciiText account = new AsciiText(64);
    long conId;
    final AsciiText symbol = new AsciiText(64);
    long position;
    long avgCost;

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
     * Contract id.
     *
     * @return the value.
     */
    public long conId()
    {
        return conId;
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

    /**
     * Signed position, fixed point.
     *
     * @return the value.
     */
    public long position()
    {
        return position;
    }

    /**
     * Average cost, fixed point.
     *
     * @return the value.
     */
    public long avgCost()
    {
        return avgCost;
    }
}
