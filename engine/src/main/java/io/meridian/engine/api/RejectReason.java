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
    /** A bar's high is below its low, or its open or close is outside [low, high]. */
    MD_BAR_INCONSISTENT(8, "bar high below low, or open or close outside [low, high]"),
    /** A bar's volume is negative. */
    MD_NEGATIVE_VOLUME(9, "bar volume is negative"),
    /** A trade price or bar close moved more than 20% from the instrument's previous one (quarantined). */
    MD_PRICE_JUMP(10, "price moved more than 20% from the previous trade or bar close"),

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

    // pre-trade check catalogue (issue 7; SPEC §1(e)); each names its config key
    /** Position value per instrument above its share of NAV (e1, decision 1). */
    RISK_POSITION_NAV(42, "position value above risk.maxPositionNav of NAV"),
    /** Gross value of the instrument's sector above its share of NAV (e2). */
    RISK_SECTOR(43, "sector exposure above risk.maxSectorNav of NAV"),
    /** Gross value of the instrument's correlation cluster above its share of NAV (e3). */
    RISK_CLUSTER(44, "correlation-cluster exposure above risk.maxClusterNav of NAV"),
    /** Order notional below the minimum (e4). */
    RISK_MIN_NOTIONAL(45, "order notional below risk.minOrderNotional"),
    /** Accepted order value this session above the daily limit (e7). */
    RISK_DAILY_ORDER_VALUE(46, "session order value above risk.maxDailyOrderValue"),
    /** Limit price through the far touch by more than the tolerance (e9). */
    RISK_NBBO(47, "limit price through the NBBO by more than risk.nbboTolerance"),
    /** Quoted spread too wide: the market looks anomalous (e10). */
    RISK_PRICE_ANOMALY(48, "quoted spread wider than risk.maxSpread of mid"),
    /** Limit price too far from the previous session close (e11, decision 9). */
    RISK_FAT_FINGER_PRICE(49, "limit price outside risk.fatFingerPrice of the previous close"),
    /** Quantity above a multiple of the rolling median order quantity (e12, decision 10). */
    RISK_FAT_FINGER_QTY(50, "quantity above risk.fatFingerQtyMultiple x the rolling median quantity"),
    /** The same order again within the duplicate window (e13). */
    RISK_DUPLICATE(51, "same order again within risk.duplicateWindowMs"),
    /** Not enough buying power (e14). */
    RISK_BUYING_POWER(52, "order needs more than risk.buyingPowerUse of buying power"),
    /** The strategy's gross exposure above its risk budget (e15). */
    RISK_BUDGET(53, "strategy exposure above risk.strategyBudgetNav of NAV"),
    /** One instrument too large a share of the book (e16). */
    RISK_CONCENTRATION(54, "instrument share of gross exposure above risk.maxConcentration"),
    /** Order above its share of 20-day ADV (e17, decision 8). */
    RISK_ADV_CHILD(55, "order above risk.maxChildAdv of 20-day ADV"),
    /** Parent (target change) above its share of 20-day ADV (decision 8). */
    RISK_ADV_PARENT(56, "parent order above risk.maxParentAdv of 20-day ADV"),
    /** A factor exposure above its limit (e21). */
    RISK_FACTOR(57, "factor exposure above its risk.factors limit"),
    /** CRISIS regime: no new positions (e19). */
    RISK_CRISIS_REGIME(58, "CRISIS volatility regime (risk.crisisVolLevel): no new positions"),
    /** Gross exposure above its cap for the account type and regime (e20, decision 10). */
    RISK_GROSS_EXPOSURE(59, "gross exposure above risk.maxGrossNav (Bear / Margin) of NAV"),
    /** Net exposure of the book above the systemic cap (e22). */
    RISK_SYSTEMIC(60, "net exposure above risk.systemicCap of NAV"),
    /** The instrument is on the restricted list. */
    RISK_RESTRICTED(61, "instrument on the restricted list (reference.restricted)"),
    /** Pattern-day-trader limit reached (e23). */
    RISK_PDT(62, "day trades above risk.pdtMaxDayTrades below risk.pdtMinEquity"),
    /** A scheduled event for the instrument today: no new positions (e24). */
    RISK_EVENT(63, "event date of the instrument (reference.eventDates): no new positions"),
    /** Short sale of a non-shortable instrument, or in a cash account (e26, decision 15). */
    RISK_SHORT_SALE(64, "short sale not allowed (reference.shortable, account.type)"),
    /** Dry run, or prod without permission to write (e25). */
    RISK_DRY_RUN(65, "environment guard: account.dryRun, or prod without account.allowProdWrite"),
    /** RTS 6 message-rate throttle. */
    RISK_THROTTLE_MESSAGE_RATE(66, "more than risk.maxMessagesPerSecond order messages in one second"),
    /** RTS 6 order-to-trade-ratio throttle. */
    RISK_THROTTLE_ORDER_TO_TRADE(67, "order-to-trade ratio above risk.maxOrderToTradeRatio"),
    /** The instrument is REDUCING (its own kill switch) and the order would grow the position. */
    RISK_INSTRUMENT_REDUCING(68, "the instrument is reducing-only and the order grows the position"),
    /** The engine is flattening: only its own closing orders go out. */
    RISK_FLATTENING(69, "trading is flattening"),

    // kill-switch triggers of SPEC decision 5 (journaled in TRADING_STATE records)
    /** (2) A position above its limit. */
    KILL_POSITION_LIMIT(70, "position above risk.maxPosition / risk.maxPositionNav"),
    /** (3) The venue was down too long. */
    KILL_VENUE_DOWN(71, "venue down longer than kill.venueDownMs"),
    /** (5) A fill too far from the decision price. */
    KILL_SLIPPAGE(72, "fill worse than kill.slippage from the decision price"),
    /** (6) Volatility at the CRISIS level. */
    KILL_VOLATILITY_SPIKE(73, "volatility at risk.crisisVolLevel: positions reduced by kill.volSpikeReduce"),
    /** (8) Drawdown from peak NAV. */
    KILL_DRAWDOWN(74, "drawdown from peak NAV reached kill.maxDrawdown"),
    /** (8) Month-to-date loss. */
    KILL_MONTH_LOSS(75, "month-to-date loss reached kill.maxMonthLoss"),
    /** RTS 6: throttling went on too long. */
    KILL_THROTTLE(76, "throttled orders reached kill.throttleHaltAfter"),
    /** An operator asked to flatten: cancel everything and close every position. */
    KILL_OPERATOR_FLATTEN(77, "operator flatten"),
    /** Every cancel is confirmed by the venue and every position is zero. */
    KILL_FLAT_CONFIRMED(78, "flat: every cancel confirmed and every position zero"),
    // risk lane (issue 7): 95-99
    /** (6) re-armed: volatility fell back below the CRISIS level, REDUCING returns to ACTIVE. */
    KILL_VOLATILITY_PASSED(95, "volatility back below risk.crisisVolLevel: kill switch 6 re-armed"),

    // gateway (issue 9)
    /** The gateway's pacing queue was full: the order was not sent (IB's message-rate limit). */
    VENUE_PACING(79, "the gateway's pacing queue is full (venue message-rate limit)"),
    /** The gateway has no session to the venue. */
    VENUE_NOT_CONNECTED(80, "the gateway is not connected to the venue"),

    // broker reconciliation and the connectivity kill switch (issue 9)
    /** Reconciliation with the broker found a difference: HALTED until an operator resume. */
    RECONCILIATION_DIFF(81, "reconciliation with the broker found a difference"),
    /** IB error 100: the broker says its message-rate limit was exceeded. */
    VENUE_PACING_VIOLATION(82, "the broker reported a pacing violation (IB error 100)"),
    /** After a venue-down halt, reconnected and reconciled clean: trading resumes. */
    KILL_VENUE_RECONCILED(88, "venue back and reconciled with the broker"),
    /** An operator resume while the venue is still down: refused. */
    RESUME_REFUSED_VENUE_DOWN(89, "operator resume refused: the venue is down"),
    // operator surface (issue 6)
    /** An operator halted this instrument ({@code POST /halt} naming it): no new order for it passes. */
    RISK_INSTRUMENT_HALTED(90, "the instrument is halted by an operator"),
    // iborders lane (issue 9): 105-109
    /** The venue or gateway does not support the command's order type or time in force: refused, not guessed. */
    VENUE_UNSUPPORTED_ORDER(105, "the venue does not support the order type or time in force"),
    // paced lane (issue 9): 115-117
    /**
     * The order waited in the gateway's pacing queue and its session left READY (dropped, closed, IB error 1100)
     * before a pacing token was free: it was never sent, and never will be on that session.
     */
    VENUE_NOT_SENT(115, "session lost before a pacing token was free: the order was never sent");

    private static final RejectReason[] BY_CODE = new RejectReason[128];

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
