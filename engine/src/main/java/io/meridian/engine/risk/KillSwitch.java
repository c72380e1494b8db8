package io.meridian.engine.risk;

import io.meridian.config.KillConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.api.Scales;
import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Stage 6: the trading-state machine behind the first pre-trade checks, with the eight triggers of SPEC decision 5
 * and the RTS 6 throttle, in global and per-instrument scope.
 *
 * <ul>
 *   <li>(1) Daily loss: the session's loss reaches the smaller of {@code kill.dailyLossLimit} and {@code
 *   kill.dailyLossNav} x start-of-day NAV: HALTED (the caller cancels every order).</li>
 *   <li>(2) Position limit: a position above {@code risk.maxPosition} lots or {@code risk.maxPositionNav} of NAV:
 *   that instrument REDUCING (the caller cancels its order).</li>
 *   <li>(3) Venue down longer than {@code kill.venueDownMs}: HALTED.</li>
 *   <li>(4) Market data stale beyond {@code kill.staleMarketDataMs} inside the session: REDUCING (no new risk);
 *   back to ACTIVE by itself once fresh.</li>
 *   <li>(5) Slippage: a fill worse than {@code kill.slippage} from the decision price: that instrument REDUCING (the
 *   caller cancels its order).</li>
 *   <li>(6) Volatility at the CRISIS level: REDUCING, and the caller reduces every position by
 *   {@code kill.volSpikeReduce}; re-armed when volatility falls back below the CRISIS level: back to ACTIVE
 *   ({@code KILL_VOLATILITY_PASSED}) unless stale market data still holds it REDUCING
 *   ({@link #onVolatilityCalm}).</li>
 *   <li>(7) Operator HALT (and FLATTEN: FLATTENING until the venue confirms every cancel and every position is zero,
 *   then HALTED with {@code KILL_FLAT_CONFIRMED}).</li>
 *   <li>(8) Drawdown from peak NAV at {@code kill.maxDrawdown}, or month-to-date loss at {@code kill.maxMonthLoss}:
 *   HALTED (the caller cancels every order).</li>
 *   <li>RTS 6: {@code kill.throttleHaltAfter} throttled orders in a session: HALTED.</li>
 * </ul>
 * Trips other than (4) and (6) latch until an operator RESUME, which returns every scope to ACTIVE. Each transition is
 * reported to the caller (global, or for one instrument: {@link #lastScope}) with its trigger, value and limit, which
 * it journals as a TRADING_STATE record. The loss triggers also raise a warning at {@code risk.warnAt} of their
 * limits. Single-threaded; allocation-free.
 *
 * <p>Over 500 lines: the eight triggers, the throttle, the operator's commands and the broker-reconciliation end of
 * trigger (3) move the same global and per-instrument states and latches (a re-arm or a recovery must see what else
 * holds the state), so the transitions stay in one class; a third of it is javadoc.
 */
public final class KillSwitch
{
    /** {@link #lastScope} of a global transition. */
    public static final int GLOBAL = -1;

    private final long dailyLossLimitCash;
    private final double dailyLossNav;
    private final long staleNs;
    private final long venueDownNs;
    private final double slippage;
    private final double maxDrawdown;
    private final double maxMonthLoss;
    private final long throttleHaltAfter;
    private final double warnAt;

    private byte state = TradingState.ACTIVE;
    private byte previousState = TradingState.ACTIVE;
    private RejectReason lastReason = RejectReason.NONE;
    private double lastValue;
    private double lastLimit;
    private int lastScope = GLOBAL;
    private final byte[] instrumentState;

    private boolean lossLatched;
    private boolean drawdownLatched;
    private boolean monthLatched;
    private boolean venueLatched;
    private boolean throttleLatched;
    private boolean volatilityLatched;
    private boolean staleTripped;
    private long venueDownSinceNs = Long.MIN_VALUE;
    private boolean tripChangedState;

    private final boolean[] lossWarned = new boolean[3];
    private final RejectReason[] warningReasons = new RejectReason[3];
    private final double[] warningValues = new double[3];
    private final double[] warningLimits = new double[3];
    private int warningCount;

    /**
     * A kill switch.
     *
     * @param kill the triggers.
     * @param instruments number of instruments.
     * @param warnAt share of a loss limit that raises a warning.
     */
    public KillSwitch(final KillConfig kill, final int instruments, final double warnAt)
    {
        this.dailyLossLimitCash = Math.round(kill.dailyLossLimit() * Scales.CASH_SCALE);
        this.dailyLossNav = kill.dailyLossNav();
        this.staleNs = kill.staleMarketDataMs() * 1_000_000L;
        this.venueDownNs = kill.venueDownMs() * 1_000_000L;
        this.slippage = kill.slippage();
        this.maxDrawdown = kill.maxDrawdown();
        this.maxMonthLoss = kill.maxMonthLoss();
        this.throttleHaltAfter = kill.throttleHaltAfter();
        this.warnAt = warnAt;
        this.instrumentState = new byte[instruments];
        Arrays.fill(instrumentState, TradingState.ACTIVE);
    }

    /**
     * (7) Operator halt.
     *
     * @return true when the state changed.
     */
    public boolean halt()
    {
        return transition(TradingState.HALTED, RejectReason.KILL_OPERATOR_HALT, 1, 0);
    }

    /**
     * Operator flatten: FLATTENING until {@link #onFlatCheck} sees the book flat.
     *
     * @return true when the state changed.
     */
    public boolean flatten()
    {
        return transition(TradingState.FLATTENING, RejectReason.KILL_OPERATOR_FLATTEN, 1, 0);
    }

    /**
     * Operator resume: clears every latched trigger and returns every instrument to ACTIVE.
     *
     * @return true when the global state changed.
     */
    public boolean resume()
    {
        lossLatched = false;
        drawdownLatched = false;
        monthLatched = false;
        venueLatched = false;
        throttleLatched = false;
        volatilityLatched = false;
        staleTripped = false;
        Arrays.fill(instrumentState, TradingState.ACTIVE);
        Arrays.fill(lossWarned, false);
        return transition(TradingState.ACTIVE, RejectReason.KILL_OPERATOR_RESUME, 0, 0);
    }

    /**
     * (1) and (8): the loss triggers, checked on every mark and fill.
     *
     * @param sessionPnlCash the session's P&amp;L, cash units.
     * @param startOfDayNavCash NAV at the session start, cash units.
     * @param drawdown NAV's fall from its peak, fraction.
     * @param monthLoss month-to-date loss as a fraction of the month's start NAV (positive for a loss).
     * @return true when this call halted trading (the caller must cancel every working order).
     */
    public boolean onAccount(
        final long sessionPnlCash, final long startOfDayNavCash, final double drawdown, final double monthLoss)
    {
        warningCount = 0;
        final long limitCash = Math.min(dailyLossLimitCash, Math.round(dailyLossNav * startOfDayNavCash));
        final double scale = Scales.CASH_SCALE;
        warnLoss(0, RejectReason.KILL_DAILY_LOSS, -sessionPnlCash / scale, limitCash / scale);
        warnLoss(1, RejectReason.KILL_DRAWDOWN, drawdown, maxDrawdown);
        warnLoss(2, RejectReason.KILL_MONTH_LOSS, monthLoss, maxMonthLoss);
        if (!lossLatched && sessionPnlCash <= -limitCash)
        {
            lossLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_DAILY_LOSS, -sessionPnlCash / scale,
                limitCash / scale);
        }
        if (!drawdownLatched && drawdown >= maxDrawdown)
        {
            drawdownLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_DRAWDOWN, drawdown, maxDrawdown);
        }
        if (!monthLatched && monthLoss >= maxMonthLoss)
        {
            monthLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_MONTH_LOSS, monthLoss, maxMonthLoss);
        }
        return false;
    }

    private void warnLoss(final int i, final RejectReason reason, final double value, final double limit)
    {
        if (value >= warnAt * limit)
        {
            if (!lossWarned[i])
            {
                lossWarned[i] = true;
                warningReasons[warningCount] = reason;
                warningValues[warningCount] = value;
                warningLimits[warningCount] = limit;
                warningCount++;
            }
        }
        else
        {
            lossWarned[i] = false;
        }
    }

    /**
     * (4) Staleness, session-aware: data is expected only inside the session.
     *
     * @param oldestMarketDataNs the least recent last-market-data time over all instruments.
     * @param nowNs event time.
     * @param inSession whether the exchange is in session.
     * @return true when the state changed.
     */
    public boolean onMarketDataAge(final long oldestMarketDataNs, final long nowNs, final boolean inSession)
    {
        final long age = nowNs - oldestMarketDataNs;
        final boolean stale = inSession && age > staleNs;
        if (stale && !staleTripped && state == TradingState.ACTIVE)
        {
            staleTripped = true;
            return transition(TradingState.REDUCING, RejectReason.KILL_STALE_MARKET_DATA, age / 1e6, staleNs / 1e6);
        }
        if (!stale && staleTripped)
        {
            staleTripped = false;
            if (state == TradingState.REDUCING && !volatilityLatched)
            {
                return transition(TradingState.ACTIVE, RejectReason.KILL_MARKET_DATA_RECOVERED, age / 1e6,
                    staleNs / 1e6);
            }
        }
        return false;
    }

    /**
     * (3) The venue session went up or down.
     *
     * @param up whether it is up.
     * @param nowNs event time.
     */
    public void onVenue(final boolean up, final long nowNs)
    {
        if (up)
        {
            venueDownSinceNs = Long.MIN_VALUE;
        }
        else if (venueDownSinceNs == Long.MIN_VALUE)
        {
            venueDownSinceNs = nowNs;
        }
    }

    /**
     * (3) Checks how long the venue has been down (on every timer and event).
     *
     * @param nowNs event time.
     * @return true when this call halted trading.
     */
    public boolean onVenueTime(final long nowNs)
    {
        if (venueDownSinceNs != Long.MIN_VALUE && !venueLatched && nowNs - venueDownSinceNs > venueDownNs)
        {
            venueLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_VENUE_DOWN, (nowNs - venueDownSinceNs) / 1e6,
                venueDownNs / 1e6);
        }
        return false;
    }

    /**
     * (2) A position above its limit makes the instrument REDUCING.
     *
     * @param index instrument.
     * @param value the position's measure (lots or share of NAV).
     * @param limit its limit.
     * @return true when the instrument's state changed (the caller cancels its working order).
     */
    public boolean onPosition(final int index, final double value, final double limit)
    {
        if (value > limit && instrumentState[index] == TradingState.ACTIVE)
        {
            return instrumentTransition(index, TradingState.REDUCING, RejectReason.KILL_POSITION_LIMIT, value, limit);
        }
        return false;
    }

    /**
     * (5) A fill's slippage against the decision price.
     *
     * @param index instrument.
     * @param side the order's side.
     * @param fillPrice fill price, ticks.
     * @param decisionPrice reference price when the order was decided, ticks.
     * @return true when the instrument went REDUCING (the caller cancels its working order).
     */
    public boolean onFill(final int index, final byte side, final long fillPrice, final long decisionPrice)
    {
        if (decisionPrice <= 0)
        {
            return false;
        }
        final double worse = Side.sign(side) * (fillPrice - decisionPrice) / (double)decisionPrice;
        if (worse > slippage && instrumentState[index] == TradingState.ACTIVE)
        {
            return instrumentTransition(index, TradingState.REDUCING, RejectReason.KILL_SLIPPAGE, worse, slippage);
        }
        return false;
    }

    /**
     * (6) The volatility regime: at CRISIS the engine goes REDUCING once (latched).
     *
     * @param crisis whether the volatility measure is at the crisis level.
     * @param level the measure.
     * @param crisisLevel the crisis level.
     * @return true when this call tripped (the caller reduces every position).
     */
    public boolean onVolatility(final boolean crisis, final double level, final double crisisLevel)
    {
        if (crisis && !volatilityLatched && state != TradingState.HALTED && state != TradingState.FLATTENING)
        {
            volatilityLatched = true;
            tripChangedState = transition(
                TradingState.REDUCING, RejectReason.KILL_VOLATILITY_SPIKE, level, crisisLevel);
            return true;
        }
        return false;
    }

    /**
     * RTS 6: the throttle becomes a halt after too many throttled orders in a session.
     *
     * @param throttledInSession throttled orders so far this session.
     * @return true when this call halted trading.
     */
    public boolean onThrottled(final long throttledInSession)
    {
        if (!throttleLatched && throttledInSession >= throttleHaltAfter)
        {
            throttleLatched = true;
            return transition(TradingState.HALTED, RejectReason.KILL_THROTTLE, (double)throttledInSession,
                (double)throttleHaltAfter);
        }
        return false;
    }

    /**
     * Flat confirmation: FLATTENING becomes HALTED only when nothing is working at the venue and every position is
     * zero.
     *
     * @param anyWorking whether any order is still live (a cancel not yet confirmed counts).
     * @param grossLots sum of absolute positions, lots.
     * @return true when flat was declared.
     */
    public boolean onFlatCheck(final boolean anyWorking, final long grossLots)
    {
        if (state == TradingState.FLATTENING && !anyWorking && grossLots == 0)
        {
            return transition(TradingState.HALTED, RejectReason.KILL_FLAT_CONFIRMED, 0, 0);
        }
        return false;
    }

    private boolean transition(final byte newState, final RejectReason reason, final double value, final double limit)
    {
        if (state == newState)
        {
            return false;
        }
        previousState = state;
        state = newState;
        countTrip(reason);
        lastReason = reason;
        lastValue = value;
        lastLimit = limit;
        lastScope = GLOBAL;
        return true;
    }

    private boolean instrumentTransition(
        final int index, final byte newState, final RejectReason reason, final double value, final double limit)
    {
        previousState = instrumentState[index];
        instrumentState[index] = newState;
        countTrip(reason);
        lastReason = reason;
        lastValue = value;
        lastLimit = limit;
        lastScope = index;
        return true;
    }

    public byte state()
    {
        return state;
    }

    /**
     * Whether the last volatility trip also changed the global state (it does not when already REDUCING).
     *
     * @return true when a TRADING_STATE record is due.
     */
    public boolean lastTripChangedState()
    {
        return tripChangedState;
    }

    /**
     * State of one instrument (its own scope).
     *
     * @param index instrument.
     * @return the state.
     */
    public byte instrumentState(final int index)
    {
        return instrumentState[index];
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

    public double lastValue()
    {
        return lastValue;
    }

    public double lastLimit()
    {
        return lastLimit;
    }

    /**
     * Scope of the last transition: {@link #GLOBAL} or an instrument index.
     *
     * @return the scope.
     */
    public int lastScope()
    {
        return lastScope;
    }

    /**
     * The state of the last transition's scope.
     *
     * @return the state.
     */
    public byte lastState()
    {
        return lastScope == GLOBAL ? state : instrumentState[lastScope];
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

    public int warningCount()
    {
        return warningCount;
    }

    /**
     * The i-th loss warning of the last {@link #onAccount} call.
     *
     * @param i index.
     * @return its trigger.
     */
    public RejectReason warningReason(final int i)
    {
        return warningReasons[i];
    }

    /**
     * Value of the i-th warning.
     *
     * @param i index.
     * @return the value.
     */
    public double warningValue(final int i)
    {
        return warningValues[i];
    }

    /**
     * Limit of the i-th warning.
     *
     * @param i index.
     * @return the limit.
     */
    public double warningLimit(final int i)
    {
        return warningLimits[i];
    }

    /**
     * Operator halt of one instrument ({@code POST /halt} naming it): the instrument goes HALTED, where the gate
     * refuses every new order for it ({@code RISK_INSTRUMENT_HALTED}); the other instruments and the global state are
     * untouched. Reported like the other per-instrument transitions ({@link #lastScope}).
     *
     * @param index instrument.
     * @return true when the instrument's state changed (the caller cancels its working order).
     */
    public boolean haltInstrument(final int index)
    {
        if (instrumentState[index] == TradingState.HALTED)
        {
            return false;
        }
        return instrumentTransition(index, TradingState.HALTED, RejectReason.KILL_OPERATOR_HALT, 1, 0);
    }

    /**
     * Operator resume of one instrument: it returns to ACTIVE from whatever its own scope held (an operator halt, or
     * REDUCING after a position or slippage trip); the global state and its latches are untouched.
     *
     * @param index instrument.
     * @return true when the instrument's state changed.
     */
    public boolean resumeInstrument(final int index)
    {
        if (instrumentState[index] == TradingState.ACTIVE)
        {
            return false;
        }
        return instrumentTransition(index, TradingState.ACTIVE, RejectReason.KILL_OPERATOR_RESUME, 0, 0);
    }

    private long trips;

    /**
     * Transitions the kill switch made by itself, in any scope: a trigger (daily loss, stale market data, position
     * limit, venue down, slippage, volatility, drawdown, month loss, throttle) changed a state. Operator commands and
     * the recoveries (fresh market data, flat confirmed) are not trips.
     *
     * @return the count since start.
     */
    public long trips()
    {
        return trips;
    }

    private void countTrip(final RejectReason reason)
    {
        switch (reason)
        {
            case KILL_DAILY_LOSS:
            case KILL_STALE_MARKET_DATA:
            case KILL_POSITION_LIMIT:
            case KILL_VENUE_DOWN:
            case KILL_SLIPPAGE:
            case KILL_VOLATILITY_SPIKE:
            case KILL_DRAWDOWN:
            case KILL_MONTH_LOSS:
            case KILL_THROTTLE:
                trips++;
                break;
            default:
                break;
        }
    }

    /**
     * (6) re-armed: once the volatility measure is back below the CRISIS level the trigger can trip again, and a
     * REDUCING it caused returns to ACTIVE. Stale market data still tripped keeps the state REDUCING (its own recovery
     * then returns it to ACTIVE); HALTED and FLATTENING are left alone. Call on every market-data event after {@link
     * #onVolatility}.
     *
     * @param crisis whether the volatility measure is at the crisis level.
     * @param level the measure.
     * @param crisisLevel the crisis level.
     * @return true when the global state changed (journal it: {@code KILL_VOLATILITY_PASSED}, value and limit).
     */
    public boolean onVolatilityCalm(final boolean crisis, final double level, final double crisisLevel)
    {
        if (crisis || !volatilityLatched)
        {
            return false;
        }
        volatilityLatched = false;
        if (state == TradingState.REDUCING && !staleTripped)
        {
            return transition(TradingState.ACTIVE, RejectReason.KILL_VOLATILITY_PASSED, level, crisisLevel);
        }
        return false;
    }

    /**
     * Whether the venue is down now (an operator resume is refused then).
     *
     * @return true while down.
     */
    public boolean venueDown()
    {
        return venueDownSinceNs != Long.MIN_VALUE;
    }

    /**
     * Whether trigger (3) halted trading and the venue has not been reconciled since.
     *
     * @return true while the venue-down halt stands.
     */
    public boolean venueHalted()
    {
        return venueLatched;
    }

    /**
     * Reconciliation with the broker found differences: HALTED with {@link RejectReason#RECONCILIATION_DIFF} until an
     * operator resume (journaled even when already halted, so the record names why trading stays off).
     *
     * @param diffs the number of halting differences.
     * @return always true (a TRADING_STATE record is due).
     */
    public boolean onReconciliationDiff(final int diffs)
    {
        venueLatched = false;
        return record(TradingState.HALTED, RejectReason.RECONCILIATION_DIFF, diffs, 0);
    }

    /**
     * Reconciliation with the broker was clean: a venue-down halt (3) ends with {@link
     * RejectReason#KILL_VENUE_RECONCILED} when it is what halted trading last.
     *
     * @return true when trading resumed.
     */
    public boolean onReconciledClean()
    {
        if (!venueLatched)
        {
            return false;
        }
        venueLatched = false;
        if (state == TradingState.HALTED && lastReason == RejectReason.KILL_VENUE_DOWN)
        {
            return transition(TradingState.ACTIVE, RejectReason.KILL_VENUE_RECONCILED, 0, 0);
        }
        return false;
    }

    /**
     * Whether the volatility trigger (6) is tripped and not yet re-armed.
     *
     * @return true while latched.
     */
    public boolean volatilityTripped()
    {
        return volatilityLatched;
    }

    /**
     * An operator resume while the venue is down: refused, the state stays ({@link
     * RejectReason#RESUME_REFUSED_VENUE_DOWN}).
     *
     * @param nowNs event time.
     * @return always true (a TRADING_STATE record is due).
     */
    public boolean refuseResume(final long nowNs)
    {
        return record(state, RejectReason.RESUME_REFUSED_VENUE_DOWN, (nowNs - venueDownSinceNs) / 1e6,
            venueDownNs / 1e6);
    }

    private boolean record(final byte newState, final RejectReason reason, final double value, final double limit)
    {
        previousState = state;
        state = newState;
        lastReason = reason;
        lastValue = value;
        lastLimit = limit;
        lastScope = GLOBAL;
        return true;
    }

    /**
     * Appends the kill switch's state to a snapshot (issue 9): trading states, latches, the venue-down clock, the trip
     * count and the last trigger. Warnings are per event and not kept.
     *
     * @param out the snapshot part.
     */
    public void saveState(final LongArrayList out)
    {
        out.addLong(state);
        out.addLong(previousState);
        out.addLong(lastReason.code());
        out.addLong(Double.doubleToRawLongBits(lastValue));
        out.addLong(Double.doubleToRawLongBits(lastLimit));
        out.addLong(lastScope);
        out.addLong((lossLatched ? 1L : 0L) | (drawdownLatched ? 2L : 0L) | (monthLatched ? 4L : 0L)
            | (venueLatched ? 8L : 0L) | (throttleLatched ? 16L : 0L) | (volatilityLatched ? 32L : 0L)
            | (staleTripped ? 64L : 0L) | (tripChangedState ? 128L : 0L));
        out.addLong(venueDownSinceNs);
        out.addLong(trips);
        out.addLong(instrumentState.length);
        for (final byte s : instrumentState)
        {
            out.addLong(s);
        }
        StateValues.putBooleans(out, lossWarned);
    }

    /**
     * Replaces the kill switch's state with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int from)
    {
        final RejectReason reason = RejectReason.fromCode((int)in[from + 2]);
        if (reason == null || in[from + 9] != instrumentState.length)
        {
            throw new IllegalArgumentException("snapshot kill switch: reason code " + in[from + 2] + ", "
                + in[from + 9] + " instruments (the engine has " + instrumentState.length + ")");
        }
        state = (byte)in[from];
        previousState = (byte)in[from + 1];
        lastReason = reason;
        lastValue = Double.longBitsToDouble(in[from + 3]);
        lastLimit = Double.longBitsToDouble(in[from + 4]);
        lastScope = (int)in[from + 5];
        final long latches = in[from + 6];
        lossLatched = (latches & 1L) != 0;
        drawdownLatched = (latches & 2L) != 0;
        monthLatched = (latches & 4L) != 0;
        venueLatched = (latches & 8L) != 0;
        throttleLatched = (latches & 16L) != 0;
        volatilityLatched = (latches & 32L) != 0;
        staleTripped = (latches & 64L) != 0;
        tripChangedState = (latches & 128L) != 0;
        venueDownSinceNs = in[from + 7];
        trips = in[from + 8];
        int i = from + 10;
        for (int k = 0; k < instrumentState.length; k++, i++)
        {
            instrumentState[k] = (byte)in[i];
        }
        return StateValues.getBooleans(in, i, lossWarned);
    }
}
