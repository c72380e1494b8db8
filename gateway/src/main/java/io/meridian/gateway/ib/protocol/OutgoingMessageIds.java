package io.meridian.gateway.ib.protocol;

/**
 * Ids of the messages a client sends (first field of each frame), with the message version each carries as its
 * second field where it has one in the supported server-version range.
 */
public final class OutgoingMessageIds
{
    /**
     * reqMktData: id, version 11, reqId, contract, 0 (no delta-neutral contract), generic ticks, snapshot,
     * regulatory snapshot, options.
     */
    public static final int REQ_MKT_DATA = 1;
    /** cancelMktData: id, version 2, reqId. */
    public static final int CANCEL_MKT_DATA = 2;
    /** placeOrder: id, orderId, contract, order fields (no version field from server version 145). */
    public static final int PLACE_ORDER = 3;
    /** cancelOrder: id, version 1, orderId. */
    public static final int CANCEL_ORDER = 4;
    /** reqOpenOrders: id, version 1. */
    public static final int REQ_OPEN_ORDERS = 5;
    /** reqAccountUpdates: id, version 2, subscribe, account. */
    public static final int REQ_ACCT_DATA = 6;
    /** reqExecutions: id, version 3, reqId, filter (clientId, account, time, symbol, secType, exchange, side). */
    public static final int REQ_EXECUTIONS = 7;
    /** reqIds: id, version 1, number of ids. */
    public static final int REQ_IDS = 8;
    /** reqContractDetails: id, version 8, reqId, contract, includeExpired, secIdType, secId. */
    public static final int REQ_CONTRACT_DATA = 9;
    /** reqMktDepth. */
    public static final int REQ_MKT_DEPTH = 10;
    /** reqCurrentTime: id, version 1 (Meridian's keep-alive). */
    public static final int REQ_CURRENT_TIME = 49;
    /** reqGlobalCancel: id, version 1. */
    public static final int REQ_GLOBAL_CANCEL = 58;
    /** reqMarketDataType: id, version 1, type. */
    public static final int REQ_MARKET_DATA_TYPE = 59;
    /** reqPositions: id, version 1. */
    public static final int REQ_POSITIONS = 61;
    /** reqAccountSummary: id, version 1, reqId, group, tags. */
    public static final int REQ_ACCOUNT_SUMMARY = 62;
    /** cancelAccountSummary: id, version 1, reqId. */
    public static final int CANCEL_ACCOUNT_SUMMARY = 63;
    /** cancelPositions: id, version 1. */
    public static final int CANCEL_POSITIONS = 64;
    /** startApi: id, version 2, clientId, optional capabilities. */
    public static final int START_API = 71;

    private OutgoingMessageIds()
    {
    }
}
