package io.meridian.gateway.ib.protocol;

/**
 * Tick type numbers of L1 market data (the {@code tickType} field of TICK_PRICE, TICK_SIZE, TICK_GENERIC and
 * TICK_STRING).
 */
public final class TickTypes
{
    /** Bid size. */
    public static final int BID_SIZE = 0;
    /** Bid price. */
    public static final int BID = 1;
    /** Ask price. */
    public static final int ASK = 2;
    /** Ask size. */
    public static final int ASK_SIZE = 3;
    /** Last trade price. */
    public static final int LAST = 4;
    /** Last trade size. */
    public static final int LAST_SIZE = 5;
    /** Session high. */
    public static final int HIGH = 6;
    /** Session low. */
    public static final int LOW = 7;
    /** Session volume. */
    public static final int VOLUME = 8;
    /** Previous close. */
    public static final int CLOSE = 9;
    /** Time of the last trade (TICK_STRING, seconds since the epoch). */
    public static final int LAST_TIMESTAMP = 45;
    /** Trading halted (TICK_GENERIC): 0 not halted, 1 general halt, 2 volatility halt. */
    public static final int HALTED = 49;

    private TickTypes()
    {
    }
}
