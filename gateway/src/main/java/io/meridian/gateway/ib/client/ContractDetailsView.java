package io.meridian.gateway.ib.client;

/**
 * One CONTRACT_DATA message, the fields Meridian checks (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class ContractDetailsView
{
    int reqId;
    long conId;
    final AsciiText symbol = new AsciiText(64);
    final AsciiText secType = new AsciiText(64);
    final AsciiText exchange = new AsciiText(64);
    final AsciiText currency = new AsciiText(64);
    long minTick;
    final AsciiText multiplier = new AsciiText(64);
    final AsciiText primaryExchange = new AsciiText(64);

    /**
     * Request id.
     *
     * @return the value.
     */
    public int reqId()
    {
        return reqId;
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
     * Security type.
     *
     * @return the value.
     */
    public AsciiText secType()
    {
        return secType;
    }

    /**
     * Exchange.
     *
     * @return the value.
     */
    public AsciiText exchange()
    {
        return exchange;
    }

    /**
     * Currency.
     *
     * @return the value.
     */
    public AsciiText currency()
    {
        return currency;
    }

    /**
     * Minimum tick, fixed point.
     *
     * @return the value.
     */
    public long minTick()
    {
        return minTick;
    }

    /**
     * Multiplier text (empty for stocks).
     *
     * @return the value.
     */
    public AsciiText multiplier()
    {
        return multiplier;
    }

    /**
     * Listing exchange.
     *
     * @return the value.
     */
    public AsciiText primaryExchange()
    {
        return primaryExchange;
    }
}
