package io.meridian.gateway.ib.protocol;

/**
 * What an IB error or notice code means for Meridian.
 */
public enum ErrorClass
{
    /** The link between TWS and IB is down (1100). */
    CONNECTIVITY_LOST,
    /** The link is back (1101 data lost, 1102 data maintained). */
    CONNECTIVITY_RESTORED,
    /** The API session itself is unusable (326 client id in use, 502 cannot connect, 504 not connected). */
    SESSION_FAILED,
    /** A data farm went down (2103, 2105, 2157). */
    FARM_BROKEN,
    /** A data farm is up (2104, 2106, 2158). */
    FARM_OK,
    /** An order was rejected (201, 103, 110, 200 on an order). */
    ORDER_REJECTED,
    /** An order was cancelled (202) or the cancel found nothing (135, 10147). */
    ORDER_CANCELLED,
    /** The message rate was exceeded (100). */
    PACING,
    /** Anything else at 2000 and above: a warning. */
    WARNING,
    /** Anything else: an error about one request. */
    REQUEST_ERROR;

    /**
     * Classifies a code.
     *
     * @param code IB's code.
     * @return its class.
     */
    public static ErrorClass of(final int code)
    {
        switch (code)
        {
            case ErrorCodes.CONNECTIVITY_LOST:
                return CONNECTIVITY_LOST;
            case ErrorCodes.CONNECTIVITY_RESTORED_DATA_LOST:
            case ErrorCodes.CONNECTIVITY_RESTORED_DATA_MAINTAINED:
                return CONNECTIVITY_RESTORED;
            case ErrorCodes.CLIENT_ID_IN_USE:
            case ErrorCodes.CONNECT_FAIL:
            case ErrorCodes.NOT_CONNECTED:
                return SESSION_FAILED;
            case ErrorCodes.MARKET_DATA_FARM_BROKEN:
            case ErrorCodes.HISTORICAL_FARM_BROKEN:
            case ErrorCodes.SEC_DEF_FARM_BROKEN:
                return FARM_BROKEN;
            case ErrorCodes.MARKET_DATA_FARM_OK:
            case ErrorCodes.HISTORICAL_FARM_OK:
            case ErrorCodes.SEC_DEF_FARM_OK:
                return FARM_OK;
            case ErrorCodes.ORDER_REJECTED:
            case ErrorCodes.DUPLICATE_ORDER_ID:
            case ErrorCodes.PRICE_VARIATION:
            case ErrorCodes.ERROR_VALIDATING_REQUEST:
                return ORDER_REJECTED;
            case ErrorCodes.ORDER_CANCELLED:
            case ErrorCodes.ORDER_NOT_FOUND:
            case ErrorCodes.ORDER_TO_CANCEL_NOT_FOUND:
                return ORDER_CANCELLED;
            case ErrorCodes.MAX_RATE_EXCEEDED:
                return PACING;
            default:
                return code >= 2000 ? WARNING : REQUEST_ERROR;
        }
    }
}
