package io.meridian.gateway.ib.protocol;

/**
 * IB error and notice codes (the {@code code} field of ERR_MSG) that Meridian acts on.
 */
public final class ErrorCodes
{
    /** Max rate of messages per second has been exceeded (pacing violation). */
    public static final int MAX_RATE_EXCEEDED = 100;
    /** Duplicate order id. */
    public static final int DUPLICATE_ORDER_ID = 103;
    /** The price does not conform to the minimum price variation of the contract. */
    public static final int PRICE_VARIATION = 110;
    /** Can't find order with that id (cancel of an unknown order). */
    public static final int ORDER_NOT_FOUND = 135;
    /** No security definition has been found for the request. */
    public static final int NO_SECURITY_DEFINITION = 200;
    /** Order rejected. */
    public static final int ORDER_REJECTED = 201;
    /** Order cancelled. */
    public static final int ORDER_CANCELLED = 202;
    /** Client id is already in use. */
    public static final int CLIENT_ID_IN_USE = 326;
    /** Error validating request (e.g. an order for an account the session does not manage). */
    public static final int ERROR_VALIDATING_REQUEST = 321;
    /** Couldn't connect to TWS. */
    public static final int CONNECT_FAIL = 502;
    /** Not connected. */
    public static final int NOT_CONNECTED = 504;
    /** Connectivity between IB and TWS has been lost. */
    public static final int CONNECTIVITY_LOST = 1100;
    /** Connectivity restored, data lost: market data requests must be re-sent. */
    public static final int CONNECTIVITY_RESTORED_DATA_LOST = 1101;
    /** Connectivity restored, data maintained. */
    public static final int CONNECTIVITY_RESTORED_DATA_MAINTAINED = 1102;
    /** A market data farm connection is broken. */
    public static final int MARKET_DATA_FARM_BROKEN = 2103;
    /** A market data farm connection is OK. */
    public static final int MARKET_DATA_FARM_OK = 2104;
    /** A historical data farm connection is broken. */
    public static final int HISTORICAL_FARM_BROKEN = 2105;
    /** A historical data farm connection is OK. */
    public static final int HISTORICAL_FARM_OK = 2106;
    /** The security definition server connection is broken. */
    public static final int SEC_DEF_FARM_BROKEN = 2157;
    /** The security definition server connection is OK. */
    public static final int SEC_DEF_FARM_OK = 2158;
    /** Order to cancel not found (newer code for the same condition as 135). */
    public static final int ORDER_TO_CANCEL_NOT_FOUND = 10147;

    private ErrorCodes()
    {
    }
}
