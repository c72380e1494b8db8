package io.meridian.engine.order;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.RiskInstrumentSnapshotCodec;
import io.meridian.engine.risk.RiskMonitor;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.state.StateValues;
import org.agrona.collections.LongArrayList;

/**
 * The real-time risk monitor on the order stage (SPEC §1(g), issue 7 §4): on the first event at or after each {@code
 * monitor.intervalMs} boundary of event time it samples NAV into the {@link RiskMonitor} (one return per interval,
 * VaR and CVaR over the last {@code monitor.window} of them) and journals a RISK_SNAPSHOT; after every other event
 * that applied a fill it journals one more (without a new return). A RISK_SNAPSHOT carries NAV, gross and net
 * exposure, leverage, drawdown from peak, month-to-date P&amp;L, the VaR figures and the largest usage among the
 * monitored limits: gross exposure against its cap for the account type, the session loss against the daily-loss
 * limit, drawdown and month-to-date loss against theirs, and the largest position against its share of NAV. Everything
 * comes from journaled events (fills, marks, event time), so replay writes the same records. Each RISK_SNAPSHOT is
 * followed by one RISK_INSTRUMENT_SNAPSHOT per instrument and one for the total ({@link RiskInstrumentSnapshotCodec}):
 * exposure, share of gross exposure and the largest share and Herfindahl-Hirschman index, and VaR/CVaR of each
 * instrument's own returns (its net P&amp;L change over NAV between timer samples) in a monitor of its own. Between
 * boundaries an event costs one comparison; a snapshot costs a few passes over the instruments and an O(window)
 * update of the portfolio's monitor and of each instrument's.
 * {@code monitor.intervalMs} 0 switches the snapshots off. Single-threaded (the order stage's thread); allocation-free.
 *
 * <p>Over 500 lines: the portfolio and per-instrument snapshots share the same timer and figures, and their
 * engine-state snapshot methods (issue 9) list every field once more.
 */
public final class RiskSnapshots
{
    private static final double CASH = Scales.CASH_SCALE;

    private final Account account;
    private final PositionKeeper positions;
    private final DecisionEncoder decisions;
    private final RiskMonitor monitor;
    private final long intervalNs;
    private final double grossCap;
    private final double dailyLossLimit;
    private final double dailyLossNav;
    private final double maxDrawdown;
    private final double maxMonthLoss;
    private final double maxPositionNav;
    private final int instruments;
    private long nextNs = Long.MIN_VALUE;
    private long snapshots;
    private double maxUsage;
    private short maxUsageCode;
    private double nav;
    private double gross;
    private double net;
    private double leverage;
    private double drawdown;
    private double monthPnl;

    /**
     * A monitor for the account.
     *
     * @param config validated configuration (monitor, risk and kill limits).
     * @param account the account.
     * @param decisions where the records go.
     * @param index the instruments (ids of the per-instrument records).
     */
    RiskSnapshots(final EngineConfig config, final Account account, final DecisionEncoder decisions,
        final InstrumentIndex index)
    {
        final int instruments = index.count();
        this.account = account;
        this.positions = account.positions();
        this.decisions = decisions;
        this.monitor = new RiskMonitor(config.monitor().window());
        this.intervalNs = config.monitor().intervalMs() * 1_000_000L;
        this.grossCap = account.margin() ? config.risk().maxGrossMarginNav() : config.risk().maxGrossNav();
        this.dailyLossLimit = config.kill().dailyLossLimit();
        this.dailyLossNav = config.kill().dailyLossNav();
        this.maxDrawdown = config.kill().maxDrawdown();
        this.maxMonthLoss = config.kill().maxMonthLoss();
        this.maxPositionNav = config.risk().maxPositionNav();
        this.instruments = instruments;
        this.instrumentIds = new int[instruments];
        this.instrumentMonitors = new RiskMonitor[instruments];
        for (int i = 0; i < instruments; i++)
        {
            instrumentIds[i] = index.id(i);
            instrumentMonitors[i] = new RiskMonitor(config.monitor().window());
        }
        this.previousPnl = new long[instruments];
        this.instrumentGross = new double[instruments];
        this.instrumentNet = new double[instruments];
        this.instrumentShare = new double[instruments];
    }

    /**
     * Called after every event: journals a snapshot when the event is the first at or after the next boundary (a
     * timer snapshot: NAV is sampled into the VaR window), or else when the event applied a fill (a fill snapshot:
     * the exposures, usage and P&amp;L after the fill, the VaR figures of the last timer sample, no new return, so the
     * window's returns stay one per interval). An event that is both writes one snapshot, the timer one, which already
     * follows the fill.
     *
     * @param nowNs the event's time.
     * @param filled whether the event applied a fill.
     * @return true when a snapshot was written.
     */
    boolean onEvent(final long nowNs, final boolean filled)
    {
        if (intervalNs == 0)
        {
            return false;
        }
        if (nextNs == Long.MIN_VALUE || nowNs >= nextNs)
        {
            nextNs = (Math.floorDiv(nowNs, intervalNs) + 1) * intervalNs;
            snapshot(true);
            return true;
        }
        if (filled)
        {
            fillSnapshots++;
            snapshot(false);
            return true;
        }
        return false;
    }

    private void snapshot(final boolean sample)
    {
        final long navCash = account.navCash();
        if (sample)
        {
            monitor.onNav(navCash);
            sampleInstruments(navCash);
        }
        nav = navCash / CASH;
        gross = account.grossCash() / CASH;
        net = account.netCash() / CASH;
        leverage = account.leverage();
        drawdown = account.drawdown();
        monthPnl = account.monthPnlCash() / CASH;
        maxUsage = 0;
        maxUsageCode = 0;
        if (nav > 0)
        {
            usage(gross / nav, grossCap, RejectReason.RISK_GROSS_EXPOSURE);
            double largest = 0;
            for (int i = 0; i < instruments; i++)
            {
                largest = Math.max(largest, Math.abs(positions.value(i)) / CASH);
            }
            usage(largest / nav, maxPositionNav, RejectReason.RISK_POSITION_NAV);
        }
        final double lossLimit = Math.min(dailyLossLimit, dailyLossNav * account.sessionStartNavCash() / CASH);
        usage(-account.sessionPnlCash() / CASH, lossLimit, RejectReason.KILL_DAILY_LOSS);
        usage(drawdown, maxDrawdown, RejectReason.KILL_DRAWDOWN);
        usage(account.monthLoss(), maxMonthLoss, RejectReason.KILL_MONTH_LOSS);
        decisions.riskSnapshot(nav, gross, net, leverage, drawdown, monthPnl, monitor, maxUsage, maxUsageCode);
        snapshots++;
        concentration();
        final byte trigger =
            sample ? RiskInstrumentSnapshotCodec.TRIGGER_TIMER : RiskInstrumentSnapshotCodec.TRIGGER_FILL;
        double grossSum = 0;
        double netSum = 0;
        for (int i = 0; i < instruments; i++)
        {
            decisions.riskInstrumentSnapshot(instrumentIds[i], instrumentGross[i], instrumentNet[i],
                instrumentShare[i], instrumentShare[i] * instrumentShare[i], instrumentMonitors[i], trigger);
            grossSum += instrumentGross[i];
            netSum += instrumentNet[i];
        }
        decisions.riskInstrumentSnapshot(0, grossSum, netSum, largestShare, herfindahl, monitor, trigger);
    }

    /**
     * Each instrument's return since the last timer sample: the change of its net P&amp;L over NAV at that sample.
     */
    private void sampleInstruments(final long navCash)
    {
        for (int i = 0; i < instruments; i++)
        {
            final long pnl = positions.netPnl(i);
            if (previousNavCash != Long.MIN_VALUE && previousNavCash > 0)
            {
                instrumentMonitors[i].addReturn((pnl - previousPnl[i]) / (double)previousNavCash);
            }
            previousPnl[i] = pnl;
        }
        previousNavCash = navCash;
    }

    /** Per-instrument exposure and share of gross; the largest share and the Herfindahl-Hirschman index. */
    private void concentration()
    {
        double total = 0;
        for (int i = 0; i < instruments; i++)
        {
            final double value = positions.value(i) / CASH;
            instrumentNet[i] = value;
            instrumentGross[i] = Math.abs(value);
            total += instrumentGross[i];
        }
        largestShare = 0;
        herfindahl = 0;
        for (int i = 0; i < instruments; i++)
        {
            final double share = total > 0 ? instrumentGross[i] / total : 0;
            instrumentShare[i] = share;
            largestShare = Math.max(largestShare, share);
            herfindahl += share * share;
        }
    }

    private void usage(final double value, final double limit, final RejectReason reason)
    {
        if (limit > 0 && value / limit > maxUsage)
        {
            maxUsage = value / limit;
            maxUsageCode = reason.code();
        }
    }

    /**
     * Historical VaR at 95% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double histVar95()
    {
        return monitor.histVar95();
    }

    /**
     * Historical CVaR at 95% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double histCvar95()
    {
        return monitor.histCvar95();
    }

    /**
     * Historical VaR at 99% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double histVar99()
    {
        return monitor.histVar99();
    }

    /**
     * Historical CVaR at 99% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double histCvar99()
    {
        return monitor.histCvar99();
    }

    /**
     * Parametric VaR at 95% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double paramVar95()
    {
        return monitor.paramVar95();
    }

    /**
     * Parametric CVaR at 95% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double paramCvar95()
    {
        return monitor.paramCvar95();
    }

    /**
     * Parametric VaR at 99% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double paramVar99()
    {
        return monitor.paramVar99();
    }

    /**
     * Parametric CVaR at 99% over the window, a fraction of NAV.
     *
     * @return the figure.
     */
    public double paramCvar99()
    {
        return monitor.paramCvar99();
    }

    /**
     * Returns in the VaR window so far.
     *
     * @return the count.
     */
    public int returns()
    {
        return monitor.count();
    }

    /**
     * Snapshots written.
     *
     * @return the count.
     */
    public long snapshots()
    {
        return snapshots;
    }

    /**
     * The largest limit usage of the last snapshot.
     *
     * @return value over limit.
     */
    public double maxUsage()
    {
        return maxUsage;
    }

    /**
     * The reason code of the limit with the largest usage in the last snapshot.
     *
     * @return a {@link RejectReason} code, 0 when none.
     */
    public short maxUsageCode()
    {
        return maxUsageCode;
    }

    /**
     * NAV at the last snapshot.
     *
     * @return currency.
     */
    public double nav()
    {
        return nav;
    }

    /**
     * Gross exposure at the last snapshot.
     *
     * @return currency.
     */
    public double gross()
    {
        return gross;
    }

    /**
     * Net exposure at the last snapshot.
     *
     * @return currency.
     */
    public double net()
    {
        return net;
    }

    /**
     * Leverage at the last snapshot.
     *
     * @return gross over NAV.
     */
    public double leverage()
    {
        return leverage;
    }

    /**
     * Drawdown at the last snapshot.
     *
     * @return a fraction.
     */
    public double drawdown()
    {
        return drawdown;
    }

    /**
     * Month-to-date P&amp;L at the last snapshot.
     *
     * @return currency.
     */
    public double monthPnl()
    {
        return monthPnl;
    }

    private long fillSnapshots;

    /**
     * Snapshots written after a fill (between interval boundaries); included in {@link #snapshots}.
     *
     * @return the count.
     */
    public long fillSnapshots()
    {
        return fillSnapshots;
    }

    private final int[] instrumentIds;
    private final RiskMonitor[] instrumentMonitors;
    private final long[] previousPnl;
    private final double[] instrumentGross;
    private final double[] instrumentNet;
    private final double[] instrumentShare;
    private long previousNavCash = Long.MIN_VALUE;
    private double largestShare;
    private double herfindahl;

    /**
     * Concentration at the last snapshot: the largest instrument's share of gross exposure.
     *
     * @return 0 to 1; 0 when flat.
     */
    public double largestShare()
    {
        return largestShare;
    }

    /**
     * Concentration at the last snapshot: the Herfindahl-Hirschman index of the instruments' shares of gross exposure
     * (the sum of the squared shares).
     *
     * @return 1/N to 1; 0 when flat.
     */
    public double herfindahl()
    {
        return herfindahl;
    }

    /**
     * An instrument's gross exposure (absolute position value at the mark) at the last snapshot.
     *
     * @param index dense instrument index.
     * @return currency.
     */
    public double instrumentGross(final int index)
    {
        return instrumentGross[index];
    }

    /**
     * An instrument's net exposure (signed position value at the mark) at the last snapshot.
     *
     * @param index dense instrument index.
     * @return currency.
     */
    public double instrumentNet(final int index)
    {
        return instrumentNet[index];
    }

    /**
     * An instrument's share of gross exposure at the last snapshot.
     *
     * @param index dense instrument index.
     * @return 0 to 1.
     */
    public double instrumentShare(final int index)
    {
        return instrumentShare[index];
    }

    /**
     * The statistics of one instrument's own returns (its net P&amp;L change over NAV per interval).
     *
     * @param index dense instrument index.
     * @return its monitor (read on the order stage's thread only).
     */
    public RiskMonitor instrumentMonitor(final int index)
    {
        return instrumentMonitors[index];
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    void saveState(final LongArrayList out)
    {
        out.addLong(nextNs);
        out.addLong(snapshots);
        StateValues.putDouble(out, maxUsage);
        out.addLong(maxUsageCode);
        StateValues.putDouble(out, nav);
        StateValues.putDouble(out, gross);
        StateValues.putDouble(out, net);
        StateValues.putDouble(out, leverage);
        StateValues.putDouble(out, drawdown);
        StateValues.putDouble(out, monthPnl);
        monitor.saveState(out);
        out.addLong(fillSnapshots);
        for (final var part : instrumentMonitors)
        {
            part.saveState(out);
        }
        StateValues.putLongs(out, previousPnl);
        StateValues.putDoubles(out, instrumentGross);
        StateValues.putDoubles(out, instrumentNet);
        StateValues.putDoubles(out, instrumentShare);
        out.addLong(previousNavCash);
        StateValues.putDouble(out, largestShare);
        StateValues.putDouble(out, herfindahl);
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
        nextNs = in[i++];
        snapshots = in[i++];
        maxUsage = StateValues.getDouble(in, i++);
        maxUsageCode = (short)in[i++];
        nav = StateValues.getDouble(in, i++);
        gross = StateValues.getDouble(in, i++);
        net = StateValues.getDouble(in, i++);
        leverage = StateValues.getDouble(in, i++);
        drawdown = StateValues.getDouble(in, i++);
        monthPnl = StateValues.getDouble(in, i++);
        i = monitor.loadState(in, i);
        fillSnapshots = in[i++];
        for (final var part : instrumentMonitors)
        {
            i = part.loadState(in, i);
        }
        i = StateValues.getLongs(in, i, previousPnl);
        i = StateValues.getDoubles(in, i, instrumentGross);
        i = StateValues.getDoubles(in, i, instrumentNet);
        i = StateValues.getDoubles(in, i, instrumentShare);
        previousNavCash = in[i++];
        largestShare = StateValues.getDouble(in, i++);
        herfindahl = StateValues.getDouble(in, i++);
        return i;
    }
}
