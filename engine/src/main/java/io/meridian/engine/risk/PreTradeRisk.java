package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import java.util.Arrays;

/**
 * Stage 5: the pre-trade checks every new order passes, in this order: trading-state gate, venue session,
 * reference price present, market data fresh, max order quantity, max order notional, price collar against the
 * last trade (mid when no trade yet), max position (including working orders) and order rate (accepted orders in
 * the trailing second of event time). The first failing check's reason is returned; an accepted order is counted
 * for the rate limit. Single-threaded; allocation-free.
 */
public final class PreTradeRisk
{
    private static final long ONE_SECOND_NS = 1_000_000_000L;

    private final long maxOrderQty;
    private final long maxOrderNotionalCash;
    private final double priceCollar;
    private final long maxPosition;
    private final long staleNs;
    private final long[] acceptedTimes;
    private int rateCursor;
    private final long[] rejects = new long[RejectReason.MAX_CODE];
    private long accepted;

    /**
     * Checks with the given limits.
     *
     * @param maxOrderQty largest order in lots.
     * @param maxOrderNotionalCash largest order notional in cash units.
     * @param priceCollar largest distance of a limit price from the reference, as a fraction of the reference.
     * @param maxOrdersPerSecond accepted orders allowed in any trailing second.
     * @param maxPosition largest absolute position in lots, working orders included.
     * @param staleMarketDataNs market data older than this refuses new orders.
     */
    public PreTradeRisk(
        final long maxOrderQty,
        final long maxOrderNotionalCash,
        final double priceCollar,
        final int maxOrdersPerSecond,
        final long maxPosition,
        final long staleMarketDataNs)
    {
        this.maxOrderQty = maxOrderQty;
        this.maxOrderNotionalCash = maxOrderNotionalCash;
        this.priceCollar = priceCollar;
        this.maxPosition = maxPosition;
        this.staleNs = staleMarketDataNs;
        this.acceptedTimes = new long[maxOrdersPerSecond];
        Arrays.fill(acceptedTimes, Long.MIN_VALUE);
    }

    /**
     * Runs every check on one order.
     *
     * @param tradingState engine trading state.
     * @param venueUp whether the venue session is up.
     * @param side order side.
     * @param qty order quantity in lots (positive).
     * @param price limit price in ticks.
     * @param cashMultiplier cash units per tick times lot for the instrument.
     * @param position current position in lots.
     * @param workingSigned signed quantity still working in other orders.
     * @param referencePrice last trade, or mid when no trade, in ticks; 0 when none.
     * @param lastMarketDataNs event time of the instrument's last market data.
     * @param nowNs event time of the causing event.
     * @return {@link RejectReason#NONE} or the first failing check.
     */
    public RejectReason check(
        final byte tradingState,
        final boolean venueUp,
        final byte side,
        final long qty,
        final long price,
        final long cashMultiplier,
        final long position,
        final long workingSigned,
        final long referencePrice,
        final long lastMarketDataNs,
        final long nowNs)
    {
        final RejectReason reason = evaluate(
            tradingState, venueUp, side, qty, price, cashMultiplier, position, workingSigned, referencePrice,
            lastMarketDataNs, nowNs);
        if (reason == RejectReason.NONE)
        {
            accepted++;
            acceptedTimes[rateCursor] = nowNs;
            rateCursor = rateCursor + 1 == acceptedTimes.length ? 0 : rateCursor + 1;
        }
        else
        {
            rejects[reason.code()]++;
        }
        return reason;
    }

    private RejectReason evaluate(
        final byte tradingState,
        final boolean venueUp,
        final byte side,
        final long qty,
        final long price,
        final long cashMultiplier,
        final long position,
        final long workingSigned,
        final long referencePrice,
        final long lastMarketDataNs,
        final long nowNs)
    {
        final long signedQty = Side.sign(side) * qty;
        if (tradingState == TradingState.HALTED)
        {
            return RejectReason.RISK_HALTED;
        }
        if (tradingState == TradingState.REDUCING && !reduces(position, signedQty))
        {
            return RejectReason.RISK_REDUCING_ONLY;
        }
        if (!venueUp)
        {
            return RejectReason.RISK_VENUE_DOWN;
        }
        if (referencePrice <= 0)
        {
            return RejectReason.RISK_NO_REFERENCE_PRICE;
        }
        if (nowNs - lastMarketDataNs > staleNs)
        {
            return RejectReason.RISK_STALE_MARKET_DATA;
        }
        if (qty > maxOrderQty)
        {
            return RejectReason.RISK_MAX_ORDER_QTY;
        }
        if (notionalExceeds(price, qty, cashMultiplier))
        {
            return RejectReason.RISK_MAX_ORDER_NOTIONAL;
        }
        if (Math.abs(price - referencePrice) > priceCollar * referencePrice)
        {
            return RejectReason.RISK_PRICE_COLLAR;
        }
        if (Math.abs(position + workingSigned + signedQty) > maxPosition)
        {
            return RejectReason.RISK_MAX_POSITION;
        }
        final long oldest = acceptedTimes[rateCursor];
        if (oldest != Long.MIN_VALUE && nowNs - oldest < ONE_SECOND_NS)
        {
            return RejectReason.RISK_ORDER_RATE;
        }
        return RejectReason.NONE;
    }

    private boolean notionalExceeds(final long price, final long qty, final long cashMultiplier)
    {
        // qty * a > limit  <=>  qty > floor(limit / a) for positive a: no overflow for any order size
        final long cashPerLot = price * cashMultiplier;
        return cashPerLot > 0 && qty > maxOrderNotionalCash / cashPerLot;
    }

    private static boolean reduces(final long position, final long signedQty)
    {
        return position != 0
            && Long.signum(signedQty) == -Long.signum(position)
            && Math.abs(signedQty) <= Math.abs(position);
    }

    /**
     * Orders rejected for a reason.
     *
     * @param reason the reason.
     * @return the count.
     */
    public long rejectCount(final RejectReason reason)
    {
        return rejects[reason.code()];
    }

    public long acceptedCount()
    {
        return accepted;
    }
}
