package io.meridian.engine.order;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.OrderContext;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskReference;
import io.meridian.engine.risk.TradingCalendar;
import io.meridian.engine.risk.VolatilityGauge;
import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;
import java.util.Arrays;

/**
 * The order stage's risk side: fills the {@link OrderContext} from the account, positions, working orders and the
 * market, runs {@link PreTradeRisk}, and writes the RISK_DECISION and RISK_WARNING records; checks the account-level
 * kill-switch triggers and writes their TRADING_STATE and RISK_WARNING records; keeps the day-trade count of the
 * pattern-day-trader rule. Single-threaded (the order stage's thread); allocation-free.
 */
final class OrderRisk
{
    private static final double CASH = Scales.CASH_SCALE;

    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;
    private final Account account;
    private final PositionKeeper positions;
    private final WorkingOrders orders;
    private final DecisionEncoder decisions;
    private final VolatilityGauge volatility;
    private final OrderContext context;
    private final int[] instrumentIds;
    private final int[] openedDay;
    private final int[] dayTradesByOrdinal;
    private final int[] slotOrdinal;
    private final int pdtWindow;

    OrderRisk(
        final PreTradeRisk risk,
        final KillSwitch killSwitch,
        final Account account,
        final WorkingOrders orders,
        final DecisionEncoder decisions,
        final VolatilityGauge volatility,
        final OrderContext context,
        final int[] instrumentIds,
        final int pdtWindowDays)
    {
        this.risk = risk;
        this.killSwitch = killSwitch;
        this.account = account;
        this.positions = account.positions();
        this.orders = orders;
        this.decisions = decisions;
        this.volatility = volatility;
        this.context = context;
        this.instrumentIds = instrumentIds.clone();
        this.openedDay = new int[instrumentIds.length];
        Arrays.fill(openedDay, -1);
        this.pdtWindow = pdtWindowDays;
        this.dayTradesByOrdinal = new int[pdtWindowDays];
        this.slotOrdinal = new int[pdtWindowDays];
        Arrays.fill(slotOrdinal, Integer.MIN_VALUE);
    }

    /**
     * Runs the checks on one order and journals the decision and any warnings.
     *
     * @param index instrument.
     * @param clOrdId the order's id.
     * @param side side.
     * @param qty quantity, lots.
     * @param price limit price, ticks.
     * @param parentQty the whole wanted change, lots.
     * @param market the instrument's market: bid, ask, reference, last data time.
     * @param venueUp whether the venue is up.
     * @param nowNs event time.
     * @param killSwitchOrder whether the kill switch sends it (bypasses the table).
     * @return the verdict.
     */
    RejectReason check(
        final int index, final long clOrdId, final byte side, final long qty, final long price, final long parentQty,
        final MarketView market, final boolean venueUp, final long nowNs, final boolean killSwitchOrder)
    {
        final OrderContext o = context;
        o.index = index;
        o.side = side;
        o.qty = qty;
        o.price = price;
        o.parentQty = parentQty;
        o.killSwitchOrder = killSwitchOrder;
        o.bid = market.bid(index);
        o.ask = market.ask(index);
        o.referencePrice = market.reference(index);
        o.lastMarketDataNs = market.lastDataNs(index);
        o.nowNs = nowNs;
        o.tradingState = killSwitch.state();
        o.instrumentState = killSwitch.instrumentState(index);
        o.venueUp = venueUp;
        o.regime = volatility.regime();
        final TradingCalendar calendar = account.calendar();
        final int day = account.day();
        o.epochDay = calendar.epochDay(day);
        o.dayTradesInWindow = dayTradesInWindow(calendar.tradingOrdinal(day));
        o.openedToday = openedDay[index] == day;
        o.nav = account.navCash() / CASH;
        o.cash = account.cashCash() / CASH;
        double openBuys = 0;
        for (int i = 0; i < o.positions.length; i++)
        {
            o.positions[i] = positions.position(i);
            o.working[i] = orders.workingSigned(i);
            o.marks[i] = positions.markPrice(i);
            if (o.working[i] > 0)
            {
                openBuys += o.working[i] * (double)o.marks[i] * o.cashMultiplier(i) / CASH;
            }
        }
        o.openBuyNotional = openBuys;
        final RejectReason reason = risk.check(o);
        final int instrumentId = instrumentIds[index];
        decisions.riskDecision(instrumentId, clOrdId, side, reason, price, qty, risk.reportedCode(),
            risk.reportedLimit(), risk.reportedValue());
        for (int i = 0; i < risk.warningCount(); i++)
        {
            decisions.riskWarning(instrumentId, clOrdId, risk.warningReason(i), risk.warningLimit(i),
                risk.warningValue(i));
        }
        return reason;
    }

    /**
     * The account-level triggers (1) and (8), with their warnings; call after marks and fills.
     *
     * @return true when trading was halted by this call (the caller cancels every order).
     */
    boolean checkAccount()
    {
        account.updatePeak();
        final boolean halted = killSwitch.onAccount(account.sessionPnlCash(), account.sessionStartNavCash(),
            account.drawdown(), account.monthLoss());
        for (int i = 0; i < killSwitch.warningCount(); i++)
        {
            decisions.riskWarning(0, 0, killSwitch.warningReason(i), killSwitch.warningLimit(i),
                killSwitch.warningValue(i));
        }
        if (halted)
        {
            emitStateChange();
        }
        return halted;
    }

    /**
     * Journals the kill switch's last transition as a TRADING_STATE record (global or per instrument).
     */
    void emitStateChange()
    {
        final int scope = killSwitch.lastScope();
        decisions.tradingState(scope == KillSwitch.GLOBAL ? 0 : instrumentIds[scope], killSwitch.lastState(),
            killSwitch.previousState(), killSwitch.lastReason(), killSwitch.lastLimit(), killSwitch.lastValue());
    }

    /**
     * Books a fill for the pattern-day-trader count: a fill that shrinks a position opened today is a day trade.
     *
     * @param index instrument.
     * @param signedQty the fill, lots.
     */
    void onFill(final int index, final long signedQty)
    {
        risk.onFill();
        final long after = positions.position(index);
        final long before = after - signedQty;
        final int day = account.day();
        if (Math.abs(after) > Math.abs(before) || (Long.signum(after) != Long.signum(before) && after != 0))
        {
            openedDay[index] = day;
        }
        else if (openedDay[index] == day)
        {
            final int ordinal = account.calendar().tradingOrdinal(day);
            final int slot = ordinal % pdtWindow;
            if (slotOrdinal[slot] != ordinal)
            {
                slotOrdinal[slot] = ordinal;
                dayTradesByOrdinal[slot] = 0;
            }
            dayTradesByOrdinal[slot]++;
        }
    }

    /**
     * A new session: the day-trade slot of the new day is cleared and daily counters reset.
     */
    void onSessionStart()
    {
        risk.onSessionStart();
    }

    /**
     * Day trades in the sessions {@code ordinal - window + 1 .. ordinal}.
     */
    private int dayTradesInWindow(final int ordinal)
    {
        int total = 0;
        for (int i = 0; i < pdtWindow; i++)
        {
            if (slotOrdinal[i] > ordinal - pdtWindow && slotOrdinal[i] <= ordinal)
            {
                total += dayTradesByOrdinal[i];
            }
        }
        return total;
    }

    /**
     * The position-limit trigger (2) for one instrument: lots against {@code risk.maxPosition} and value against
     * {@code risk.maxPositionNav} of NAV.
     *
     * @param index instrument.
     * @param maxLots the lot limit.
     * @param maxNavShare the NAV-share limit.
     * @return true when the instrument went REDUCING (journaled; the caller cancels its order).
     */
    boolean checkPosition(final int index, final long maxLots, final double maxNavShare)
    {
        final long lots = Math.abs(positions.position(index));
        boolean tripped = killSwitch.onPosition(index, (double)lots, (double)maxLots);
        if (!tripped)
        {
            final double share = Math.abs(positions.value(index)) / (double)Math.max(1, account.navCash());
            tripped = killSwitch.onPosition(index, share, maxNavShare);
        }
        if (tripped)
        {
            emitStateChange();
        }
        return tripped;
    }

    PreTradeRisk risk()
    {
        return risk;
    }

    RiskReference contextReference()
    {
        return context.reference();
    }

    /** The market as the order stage last saw it, per instrument. */
    interface MarketView
    {
        long bid(int index);

        long ask(int index);

        long reference(int index);

        long lastDataNs(int index);
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    void saveState(final LongArrayList out)
    {
        StateValues.putInts(out, openedDay);
        StateValues.putInts(out, dayTradesByOrdinal);
        StateValues.putInts(out, slotOrdinal);
    }

    /**
     * Replaces this object's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this object's state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int at)
    {
        int i = at;
        i = StateValues.getInts(in, i, openedDay);
        i = StateValues.getInts(in, i, dayTradesByOrdinal);
        i = StateValues.getInts(in, i, slotOrdinal);
        return i;
    }
}
