package io.meridian.engine.order;

import io.meridian.engine.risk.TradingCalendar;

/**
 * The account: start-of-day NAV, cash, NAV, gross and net exposure, leverage, buying power, peak NAV, and the session
 * and month-to-date P&amp;L, all derived from the {@link PositionKeeper} (fills and marks, i.e. journaled inputs) and
 * event time. Cash starts at the configured NAV and moves with every fill; NAV is that plus the P&amp;L. Sessions
 * come from the {@link TradingCalendar}: the first event of a new local date starts a new session (the session's
 * start NAV is the NAV then) and, in a new month, a new month. Everything in fixed-point cash units (see
 * {@code Scales.CASH_SCALE}). Single-threaded (the order stage's thread); allocation-free.
 */
public final class Account
{
    private static final int NO_DAY = -1;

    private final long initialNavCash;
    private final boolean margin;
    private final double marginGrossCap;
    private final TradingCalendar calendar;
    private final PositionKeeper positions;
    private int day = NO_DAY;
    private int month = NO_DAY;
    private long sessionStartNavCash;
    private long monthStartNavCash;
    private long peakNavCash;
    private long sessions;
    private long brokerNavOffsetCash;
    private long brokerCashOffsetCash;
    private long brokerBuyingPowerCash = -1;
    private boolean brokerNavSeen;

    /**
     * An account.
     *
     * @param startOfDayNavCash NAV at the start of the run, cash units.
     * @param margin whether it is a margin account.
     * @param marginGrossCap gross exposure allowed as a multiple of NAV in a margin account.
     * @param calendar the trading calendar.
     * @param positions positions and P&amp;L.
     */
    public Account(
        final long startOfDayNavCash,
        final boolean margin,
        final double marginGrossCap,
        final TradingCalendar calendar,
        final PositionKeeper positions)
    {
        this.initialNavCash = startOfDayNavCash;
        this.margin = margin;
        this.marginGrossCap = marginGrossCap;
        this.calendar = calendar;
        this.positions = positions;
        this.sessionStartNavCash = startOfDayNavCash;
        this.monthStartNavCash = startOfDayNavCash;
        this.peakNavCash = startOfDayNavCash;
    }

    /**
     * Advances to an event's time: starts a new session on a new local date (and a new month).
     *
     * @param nowNs event time.
     * @return true when a new session started with this event (not for the very first event).
     */
    public boolean onTime(final long nowNs)
    {
        final int d = calendar.day(nowNs);
        if (d == day)
        {
            return false;
        }
        final boolean first = day == NO_DAY;
        day = d;
        final long nav = navCash();
        sessionStartNavCash = first ? initialNavCash : nav;
        final int m = calendar.month(d);
        if (m != month)
        {
            month = m;
            monthStartNavCash = first ? initialNavCash : nav;
        }
        sessions++;
        return !first;
    }

    /**
     * Records the NAV's peak; call after marks and fills.
     */
    public void updatePeak()
    {
        final long nav = navCash();
        if (nav > peakNavCash)
        {
            peakNavCash = nav;
        }
    }

    /**
     * Net asset value: the starting NAV plus realized and unrealized P&amp;L, rebased on the broker's NAV whenever one
     * is journaled ({@link #onBrokerValue}).
     *
     * @return cash units.
     */
    public long navCash()
    {
        return initialNavCash + positions.totalPnl() + brokerNavOffsetCash;
    }

    /**
     * Cash: the starting NAV, less what open positions cost, plus realized P&amp;L.
     *
     * @return cash units.
     */
    public long cashCash()
    {
        long basis = 0;
        for (int i = 0; i < positions.instruments(); i++)
        {
            basis += positions.costBasis(i);
        }
        return initialNavCash + positions.totalRealized() - basis + brokerCashOffsetCash;
    }

    /**
     * Gross exposure at the marks: the sum of absolute position values.
     *
     * @return cash units.
     */
    public long grossCash()
    {
        long gross = 0;
        for (int i = 0; i < positions.instruments(); i++)
        {
            gross += Math.abs(positions.value(i));
        }
        return gross;
    }

    /**
     * Net exposure at the marks.
     *
     * @return cash units.
     */
    public long netCash()
    {
        long net = 0;
        for (int i = 0; i < positions.instruments(); i++)
        {
            net += positions.value(i);
        }
        return net;
    }

    /**
     * Leverage: gross exposure over NAV.
     *
     * @return the ratio (0 when NAV is not positive).
     */
    public double leverage()
    {
        final long nav = navCash();
        return nav <= 0 ? 0 : grossCash() / (double)nav;
    }

    /**
     * Buying power: a cash account's cash; a margin account's {@code marginGrossCap x NAV - gross}.
     *
     * @return cash units, never negative.
     */
    public long buyingPowerCash()
    {
        final long power = margin ? (long)(marginGrossCap * navCash()) - grossCash() : cashCash();
        return Math.max(0, brokerBuyingPowerCash >= 0 ? Math.min(power, brokerBuyingPowerCash) : power);
    }

    public long sessionStartNavCash()
    {
        return sessionStartNavCash;
    }

    public long monthStartNavCash()
    {
        return monthStartNavCash;
    }

    public long peakNavCash()
    {
        return peakNavCash;
    }

    /**
     * P&amp;L since the session started.
     *
     * @return cash units.
     */
    public long sessionPnlCash()
    {
        return navCash() - sessionStartNavCash;
    }

    /**
     * P&amp;L since the month started.
     *
     * @return cash units.
     */
    public long monthPnlCash()
    {
        return navCash() - monthStartNavCash;
    }

    /**
     * NAV's fall from its peak as a fraction of the peak.
     *
     * @return 0 at the peak.
     */
    public double drawdown()
    {
        return peakNavCash <= 0 ? 0 : Math.max(0, peakNavCash - navCash()) / (double)peakNavCash;
    }

    /**
     * Month-to-date loss as a fraction of the month's start NAV (positive for a loss).
     *
     * @return the fraction.
     */
    public double monthLoss()
    {
        return monthStartNavCash <= 0 ? 0 : -monthPnlCash() / (double)monthStartNavCash;
    }

    /**
     * The current session's day index in the calendar.
     *
     * @return the day, or -1 before the first event.
     */
    public int day()
    {
        return day;
    }

    public boolean margin()
    {
        return margin;
    }

    /**
     * Sessions seen (the first event's date counts as one).
     *
     * @return the count.
     */
    public long sessions()
    {
        return sessions;
    }

    public TradingCalendar calendar()
    {
        return calendar;
    }

    public PositionKeeper positions()
    {
        return positions;
    }

    /**
     * A value the broker reported (a journaled ACCOUNT_VALUE record, issue 9). NAV: the model's NAV is rebased on it
     * (the difference is carried as an offset, so marks and fills move it on from there); the first broker NAV also
     * moves the session, month and peak anchors, so that the difference between the configured and the broker's
     * starting NAV is not taken for P&amp;L. Cash: the model's cash is rebased the same way. Buying power: the model's
     * buying power is capped at the broker's.
     *
     * @param tag {@code AccountValueCodec.TAG_*}.
     * @param valueCash the value, cash units.
     */
    public void onBrokerValue(final byte tag, final long valueCash)
    {
        switch (tag)
        {
            case io.meridian.engine.codec.AccountValueCodec.TAG_NAV:
                final long delta = valueCash - navCash();
                brokerNavOffsetCash += delta;
                if (!brokerNavSeen)
                {
                    brokerNavSeen = true;
                    sessionStartNavCash += delta;
                    monthStartNavCash += delta;
                    peakNavCash += delta;
                }
                updatePeak();
                break;
            case io.meridian.engine.codec.AccountValueCodec.TAG_CASH:
                brokerCashOffsetCash += valueCash - cashCash();
                break;
            case io.meridian.engine.codec.AccountValueCodec.TAG_BUYING_POWER:
                brokerBuyingPowerCash = Math.max(0, valueCash);
                break;
            default:
                break;
        }
    }

    /**
     * Whether the broker has reported a NAV.
     *
     * @return true once one was journaled.
     */
    public boolean brokerNavSeen()
    {
        return brokerNavSeen;
    }

    /**
     * Appends the account's state to a snapshot (issue 9).
     *
     * @param out the snapshot part.
     */
    void saveState(final org.agrona.collections.LongArrayList out)
    {
        out.addLong(day);
        out.addLong(month);
        out.addLong(sessionStartNavCash);
        out.addLong(monthStartNavCash);
        out.addLong(peakNavCash);
        out.addLong(sessions);
        out.addLong(brokerNavOffsetCash);
        out.addLong(brokerCashOffsetCash);
        out.addLong(brokerBuyingPowerCash);
        out.addLong(brokerNavSeen ? 1L : 0L);
    }

    /**
     * Replaces the account's state with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        day = (int)in[from];
        month = (int)in[from + 1];
        sessionStartNavCash = in[from + 2];
        monthStartNavCash = in[from + 3];
        peakNavCash = in[from + 4];
        sessions = in[from + 5];
        brokerNavOffsetCash = in[from + 6];
        brokerCashOffsetCash = in[from + 7];
        brokerBuyingPowerCash = in[from + 8];
        brokerNavSeen = in[from + 9] != 0;
        return from + 10;
    }
}
