package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;

/**
 * Stage 6: the trading-state machine behind the first pre-trade check.
 *
 * <ul>
 *   <li>Operator HALT moves to HALTED; operator RESUME moves to ACTIVE and clears every latched trigger.</li>
 *   <li>Daily loss: when total P&amp;L falls to {@code -dailyLossLimit} the state latches HALTED (the caller also
 *   cancels every working order); only an operator RESUME leaves it, and the trigger re-fires if the loss is still
 *   there.</li>
 *   <li>Stale market data: when any instrument's data is older than the limit the state drops from ACTIVE to
 *   REDUCING; it returns to ACTIVE by itself once all data is fresh, unless something else changed the state.</li>
 * </ul>
 * Every transition is reported to the caller, which journals a TRADING_STATE record. Single-threaded.
 */
public final class KillSwitch
{
    private final long dailyLossLimitCash;
    private final long staleNs;
    private byte state = TradingState.ACTIVE;
    private boolean lossLatched;
    private boolean staleTripped;
    private byte previousState = TradingState.ACTIVE;
    private RejectReason lastReason = RejectReason.NONE;

    /**
     * A kill switch.
     *
     * @param dailyLossLimitCash loss that halts trading, in cash units (positive).
     * @param staleMarketDataNs age of market data that reduces trading.
     */
    public KillSwitch(final long dailyLossLimitCash, final long staleMarketDataNs)
    {
        this.dailyLossLimitCash = dailyLossLimitCash;
        this.staleNs = staleMarketDataNs;
    }

    /**
     * Operator halt.
     *
     * @return true when the state changed.
     */
    public boolean halt()
    {
        return transition(TradingState.HALTED, RejectReason.KILL_OPERATOR_HALT);
    }

    /**
     * Operator resume: clears latched triggers.
     *
     * @return true when the state changed.
     */
    public boolean resume()
    {
        lossLatched = false;
        staleTripped = false;
        return transition(TradingState.ACTIVE, RejectReason.KILL_OPERATOR_RESUME);
    }

    /**
     * Checks the daily-loss trigger.
     *
     * @param totalPnlCash realized plus unrealized P&amp;L in cash units.
     * @return true when this call halted trading (the caller must cancel all working orders).
     */
    public boolean onPnl(final long totalPnlCash)
    {
        if (!lossLatched && totalPnlCash <= -dailyLossLimitCash)
        {
            lossLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_DAILY_LOSS);
        }
        return false;
    }

    /**
     * Checks staleness given the oldest market-data time among instruments.
     *
     * @param oldestMarketDataNs the least recent last-market-data time over all instruments.
     * @param nowNs event time.
     * @return true when the state changed.
     */
    public boolean onMarketDataAge(final long oldestMarketDataNs, final long nowNs)
    {
        final boolean stale = nowNs - oldestMarketDataNs > staleNs;
        if (stale && !staleTripped && state == TradingState.ACTIVE)
        {
            staleTripped = true;
            return transition(TradingState.REDUCING, RejectReason.KILL_STALE_MARKET_DATA);
        }
        if (!stale && staleTripped)
        {
            staleTripped = false;
            if (state == TradingState.REDUCING)
            {
                return transition(TradingState.ACTIVE, RejectReason.KILL_MARKET_DATA_RECOVERED);
            }
        }
        return false;
    }

    private boolean transition(final byte newState, final RejectReason reason)
    {
        if (state == newState)
        {
            return false;
        }
        previousState = state;
        state = newState;
        lastReason = reason;
        return true;
    }

    public byte state()
    {
        return state;
    }

    public byte previousState()
    {
        return previousState;
    }

    /**
     * The trigger of the last transition.
     *
     * @return the reason.
     */
    public RejectReason lastReason()
    {
        return lastReason;
    }

    /**
     * Whether a stale-data trigger is active (used to re-check freshness on every market-data event).
     *
     * @return true while tripped.
     */
    public boolean staleTripped()
    {
        return staleTripped;
    }
}
