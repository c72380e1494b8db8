package io.meridian.gateway.ib.client;

/**
 * One ACCOUNT_SUMMARY message (reused: valid during the callback only).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class AccountSummaryView
{
    int reqId;
    final AsciiText account = new AsciiText(64);
    final AsciiText tag = new AsciiText(64);
    long value;
    boolean numeric;
    final AsciiText currency = new AsciiText(64);

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
     * The account.
     *
     * @return the value.
     */
    public AsciiText account()
    {
        return account;
    }

    /**
     * The tag, e.g. NetLiquidation.
     *
     * @return the value.
     */
    public AsciiText tag()
    {
        return tag;
    }

    /**
     * The value, fixed point (0 and {@link #numeric()} false when the value is not a number).
     *
     * @return the value.
     */
    public long value()
    {
        return value;
    }

    /**
     * Whether the value parsed as a number.
     *
     * @return the value.
     */
    public boolean numeric()
    {
        return numeric;
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
}
