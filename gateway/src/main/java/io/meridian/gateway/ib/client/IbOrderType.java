package io.meridian.gateway.ib.client;

/**
 * The order types Meridian sends to IB, with their wire names.
 */
public enum IbOrderType
{
    /** Limit: {@code lmtPrice} set. */
    LMT("LMT", true, false),
    /** Market. */
    MKT("MKT", false, false),
    /** Stop: {@code auxPrice} is the stop price. */
    STP("STP", false, true),
    /** Stop limit: {@code lmtPrice} and {@code auxPrice} (the stop). */
    STP_LMT("STP LMT", true, true);

    private final String wire;
    private final boolean hasLimit;
    private final boolean hasStop;

    IbOrderType(final String wire, final boolean hasLimit, final boolean hasStop)
    {
        this.wire = wire;
        this.hasLimit = hasLimit;
        this.hasStop = hasStop;
    }

    /**
     * The wire name.
     *
     * @return the name.
     */
    public String wire()
    {
        return wire;
    }

    /**
     * Whether the order carries a limit price.
     *
     * @return true for LMT and STP LMT.
     */
    public boolean hasLimit()
    {
        return hasLimit;
    }

    /**
     * Whether the order carries a stop price.
     *
     * @return true for STP and STP LMT.
     */
    public boolean hasStop()
    {
        return hasStop;
    }
}
