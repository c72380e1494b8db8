package io.meridian.gateway.ib.client;

/**
 * Times in force Meridian sends to IB, with their wire names.
 */
public enum IbTimeInForce
{
    /** Good for the day. */
    DAY("DAY"),
    /** Immediate or cancel. */
    IOC("IOC"),
    /** Good till cancelled. */
    GTC("GTC");

    private final String wire;

    IbTimeInForce(final String wire)
    {
        this.wire = wire;
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
}
