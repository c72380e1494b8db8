package io.meridian.engine.api;

/**
 * Why an inbound event or an order was refused. Every reject the engine makes carries one of these codes;
 * the code is journaled, counted per reason and printed by name in reports.
 *
 * <p>Codes are stable: they are part of the journal format. Add new ones at the end.
 */
public enum RejectReason
{
    /** Accepted. */
    NONE(0, "accepted"),

    // market-data validation
    /** A price or size field was NaN or infinite at the gateway. */
    MD_NOT_A_NUMBER(1, "price or size is not a number"),
    /** A price was zero or negative. */
    MD_NON_POSITIVE_PRICE(2, "price is zero or negative"),
    /** A size was zero or negative. */
    MD_NON_POSITIVE_SIZE(3, "size is zero or negative"),
    /** Bid at or above ask. */
    MD_CROSSED(4, "bid is at or above ask"),
    /** Event time or source sequence went backwards. */
    MD_OUT_OF_ORDER(5, "event time or source sequence went backwards"),
    /** Same source sequence seen again. */
    MD_DUPLICATE(6, "source sequence already seen"),
    /** Instrument id not configured. */
    MD_UNKNOWN_INSTRUMENT(7, "instrument is not configured"),

    // pre-trade risk
    /** Trading state is HALTED. */
    RISK_HALTED(20, "trading is halted"),
    /** Trading state is REDUCING and the order would grow the position. */
    RISK_REDUCING_ONLY(21, "trading is reducing-only and the order grows the position"),
    /** Order quantity above the configured maximum. */
    RISK_MAX_ORDER_QTY(22, "order quantity above risk.maxOrderQty"),
    /** Order notional above the configured maximum. */
    RISK_MAX_ORDER_NOTIONAL(23, "order notional above risk.maxOrderNotional"),
    /** Limit price too far from the last trade (or mid when there was no trade). */
    RISK_PRICE_COLLAR(24, "limit price outside risk.priceCollar of the last trade"),
    /** Too many orders within the rolling one-second window. */
    RISK_ORDER_RATE(25, "more than risk.maxOrdersPerSecond orders in one second"),
    /** The resulting position would exceed the configured maximum. */
    RISK_MAX_POSITION(26, "position would exceed risk.maxPosition"),
    /** Market data for the instrument is older than the stale limit. */
    RISK_STALE_MARKET_DATA(27, "market data older than kill.staleMarketDataMs"),
    /** No price to check the order against. */
    RISK_NO_REFERENCE_PRICE(28, "no market data yet for the instrument"),
    /** The venue session is down. */
    RISK_VENUE_DOWN(29, "the venue session is down"),

    // trading-state triggers (journaled in TRADING_STATE records)
    /** An operator halted trading. */
    KILL_OPERATOR_HALT(30, "operator halt"),
    /** Loss since the start of the run reached kill.dailyLossLimit. */
    KILL_DAILY_LOSS(31, "loss reached kill.dailyLossLimit"),
    /** Market data went stale beyond kill.staleMarketDataMs. */
    KILL_STALE_MARKET_DATA(32, "market data older than kill.staleMarketDataMs"),
    /** An operator resumed trading. */
    KILL_OPERATOR_RESUME(33, "operator resume"),
    /** Market data is fresh again after a stale trigger. */
    KILL_MARKET_DATA_RECOVERED(34, "market data fresh again"),

    // venue
    /** The venue rejected the order. */
    VENUE_REJECT(40, "the venue rejected the order"),
    /** The venue had nothing to cancel. */
    VENUE_UNKNOWN_ORDER(41, "the venue does not know the order"),
    /** The gateway's pacing queue was full: the order was not sent (IB's message-rate limit). */
    VENUE_PACING(42, "the gateway's pacing queue is full (venue message-rate limit)"),
    /** The gateway has no session to the venue. */
    VENUE_NOT_CONNECTED(43, "the gateway is not connected to the venue");

    private static final RejectReason[] BY_CODE = new RejectReason[64];

    static
    {
        for (final RejectReason r : values())
        {
            BY_CODE[r.code] = r;
        }
    }

    /** One past the largest code, for arrays indexed by code. */
    public static final int MAX_CODE = BY_CODE.length;

    private final short code;
    private final String description;

    RejectReason(final int code, final String description)
    {
        this.code = (short)code;
        this.description = description;
    }

    /**
     * The wire code.
     *
     * @return the code.
     */
    public short code()
    {
        return code;
    }

    /**
     * What the code means, in words.
     *
     * @return a description.
     */
    public String description()
    {
        return description;
    }

    /**
     * Looks a code up without allocating.
     *
     * @param code a wire code.
     * @return the reason, or {@code null} when the code is unknown.
     */
    public static RejectReason fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
