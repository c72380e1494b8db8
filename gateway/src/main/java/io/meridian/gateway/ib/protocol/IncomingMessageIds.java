package io.meridian.gateway.ib.protocol;

/**
 * Ids of the messages a server sends (first field of each frame).
 */
public final class IncomingMessageIds
{
    /** tickPrice: id, version, reqId, tickType, price, size, attribute mask. */
    public static final int TICK_PRICE = 1;
    /** tickSize: id, version, reqId, tickType, size. */
    public static final int TICK_SIZE = 2;
    /**
     * orderStatus (no version field from server version 131): id, orderId, status, filled, remaining, avgFillPrice,
     * permId, parentId, lastFillPrice, clientId, whyHeld, mktCapPrice.
     */
    public static final int ORDER_STATUS = 3;
    /** error: id, version 2, id, code, message. */
    public static final int ERR_MSG = 4;
    /** openOrder (no version field from server version 145). */
    public static final int OPEN_ORDER = 5;
    /** updateAccountValue. */
    public static final int ACCT_VALUE = 6;
    /** updatePortfolio. */
    public static final int PORTFOLIO_VALUE = 7;
    /** updateAccountTime. */
    public static final int ACCT_UPDATE_TIME = 8;
    /** nextValidId: id, version 1, orderId. */
    public static final int NEXT_VALID_ID = 9;
    /** contractDetails: id, version 8, reqId, contract and details fields. */
    public static final int CONTRACT_DATA = 10;
    /** execDetails (no version field from server version 136). */
    public static final int EXECUTION_DATA = 11;
    /** managedAccounts: id, version 1, comma-separated accounts. */
    public static final int MANAGED_ACCTS = 15;
    /** tickGeneric: id, version, reqId, tickType, value. */
    public static final int TICK_GENERIC = 45;
    /** tickString: id, version, reqId, tickType, value. */
    public static final int TICK_STRING = 46;
    /** currentTime: id, version 1, seconds since the epoch. */
    public static final int CURRENT_TIME = 49;
    /** contractDetailsEnd: id, version 1, reqId. */
    public static final int CONTRACT_DATA_END = 52;
    /** openOrderEnd: id, version 1. */
    public static final int OPEN_ORDER_END = 53;
    /** accountDownloadEnd. */
    public static final int ACCT_DOWNLOAD_END = 54;
    /** execDetailsEnd: id, version 1, reqId. */
    public static final int EXECUTION_DATA_END = 55;
    /** tickSnapshotEnd. */
    public static final int TICK_SNAPSHOT_END = 57;
    /** marketDataType: id, version 1, reqId, type. */
    public static final int MARKET_DATA_TYPE = 58;
    /** commissionReport: id, version 1, execId, commission, currency, realizedPNL, yield, yieldRedemptionDate. */
    public static final int COMMISSION_REPORT = 59;
    /** position: id, version 3, account, contract (11 fields), position, avgCost. */
    public static final int POSITION_DATA = 61;
    /** positionEnd: id, version 1. */
    public static final int POSITION_END = 62;
    /** accountSummary: id, version 1, reqId, account, tag, value, currency. */
    public static final int ACCOUNT_SUMMARY = 63;
    /** accountSummaryEnd: id, version 1, reqId. */
    public static final int ACCOUNT_SUMMARY_END = 64;
    /** tickReqParams. */
    public static final int TICK_REQ_PARAMS = 81;

    private IncomingMessageIds()
    {
    }
}
