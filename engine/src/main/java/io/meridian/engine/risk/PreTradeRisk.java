package io.meridian.engine.risk;

import io.meridian.config.AccountConfig;
import io.meridian.config.EngineConfig;
import io.meridian.config.KillConfig;
import io.meridian.config.RiskConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Stage 5: the pre-trade check catalogue (SPEC §1(e)), a table of small {@link RiskCheck} objects run in one loop, in
 * table order (the seeds' priority: gates, then order size and price, then the book, then flow). The first failing
 * check's reason is returned, and its measured value and limit are kept for the RISK_DECISION record; for an accepted
 * order the record carries the check closest to its limit. A check whose value reaches {@code risk.warnAt} of its
 * limit raises a warning once (until it falls back below), which the order stage journals as RISK_WARNING. The kill
 * switch's own reducing and flattening orders bypass the table. The same table lists the checks for the control
 * report ({@link #checks}). Single-threaded; allocation-free.
 */
public final class PreTradeRisk
{
    private final RiskCheck[] checks;
    private final boolean[] enabled;
    private final boolean[] warned;
    private final double warnAt;
    private final FlowChecks.FlowCounters flow;
    private final long[] rejects = new long[RejectReason.MAX_CODE];
    private final int[] warnings;
    private int warningCount;
    private long accepted;
    private long throttledInSession;
    private int reportedCheck = -1;
    private double reportedValue;
    private double reportedLimit;
    private final double[] warningValues;
    private final double[] warningLimits;
    private final RiskReference reference;

    /**
     * A table of checks.
     *
     * @param checks the checks, in the order they run.
     * @param warnAt share of a limit that raises a warning.
     * @param flow the message and fill counters the RTS 6 checks share.
     * @param reference the reference data the checks were built with (shared with the order context).
     */
    PreTradeRisk(final RiskCheck[] checks, final double warnAt, final FlowChecks.FlowCounters flow,
        final RiskReference reference)
    {
        this.reference = reference;
        this.checks = checks.clone();
        this.enabled = new boolean[checks.length];
        for (int i = 0; i < checks.length; i++)
        {
            enabled[i] = checks[i].enabled();
        }
        this.warned = new boolean[checks.length];
        this.warnAt = warnAt;
        this.flow = flow;
        this.warnings = new int[checks.length];
        this.warningValues = new double[checks.length];
        this.warningLimits = new double[checks.length];
    }

    /**
     * The full catalogue for a configuration.
     *
     * @param config validated configuration.
     * @param reference reference data.
     * @param instruments number of instruments.
     * @return the checks.
     */
    public static PreTradeRisk of(final EngineConfig config, final RiskReference reference, final int instruments)
    {
        final RiskConfig r = config.risk();
        final KillConfig k = config.kill();
        final AccountConfig a = config.account();
        final boolean margin = AccountConfig.TYPE_MARGIN.equals(a.type());
        final FlowChecks.FlowCounters flow = new FlowChecks.FlowCounters(r.maxMessagesPerSecond());
        final RiskCheck[] table = {
            new GateChecks.HaltedGate(),
            new GateChecks.FlatteningGate(),
            new GateChecks.ReducingGate(),
            new GateChecks.InstrumentHaltedGate(),
            new GateChecks.InstrumentReducingGate(),
            new GateChecks.EnvironmentGuard(a.dryRun(), "prod".equals(a.environment()), a.allowProdWrite()),
            new GateChecks.VenueGate(),
            new GateChecks.RestrictedList(reference),
            new GateChecks.ReferencePricePresent(),
            new GateChecks.StaleMarketData(k.staleMarketDataMs()),
            new SizeChecks.MaxOrderQty(r.maxOrderQty()),
            new SizeChecks.MinOrderNotional(r.minOrderNotional()),
            new SizeChecks.MaxOrderNotional(r.maxOrderNotional()),
            new PriceChecks.PriceCollar(r.priceCollar()),
            new PriceChecks.NbboCheck(r.nbboTolerance()),
            new PriceChecks.PriceAnomaly(r.maxSpread()),
            new PriceChecks.FatFingerPrice(r.fatFingerPrice(), reference),
            new SizeChecks.FatFingerQty(r.fatFingerQtyMultiple(), r.fatFingerQtyFloor(), r.fatFingerQtyWindow(),
                instruments),
            new FlowChecks.Duplicate(r.duplicateWindowMs(), instruments),
            new SizeChecks.MaxPositionQty(r.maxPosition()),
            new SizeChecks.PositionNav(r.maxPositionNav()),
            new ExposureChecks.SectorLimit(r.maxSectorNav(), reference),
            new ExposureChecks.ClusterLimit(r.maxClusterNav(), reference),
            new ExposureChecks.Concentration(r.maxConcentration(), r.concentrationMinGrossNav()),
            new ExposureChecks.GrossExposure(r.maxGrossNav(), r.maxGrossBearNav(), r.maxGrossMarginNav(), margin),
            new ExposureChecks.SystemicCap(r.systemicCap()),
            new ExposureChecks.FactorLimits(reference),
            new ExposureChecks.RiskBudget(r.strategyBudgetNav()),
            new ExposureChecks.BuyingPower(r.buyingPowerUse(), r.maxGrossMarginNav(), margin),
            new ExposureChecks.ShortSale(reference),
            new SizeChecks.AdvChild(r.maxChildAdv(), reference),
            new SizeChecks.AdvParent(r.maxParentAdv(), reference),
            new FlowChecks.CrisisRegimeGate(r.crisisVolLevel()),
            new FlowChecks.EventGate(reference),
            new FlowChecks.PatternDayTrader(r.pdtMinEquity(), r.pdtMaxDayTrades()),
            new FlowChecks.DailyOrderValue(r.maxDailyOrderValue()),
            new FlowChecks.OrderRate(r.maxOrdersPerSecond()),
            new FlowChecks.MessageRate(flow),
            new FlowChecks.OrderToTradeRatio(flow, r.maxOrderToTradeRatio(), r.otrMinMessages()),
        };
        return new PreTradeRisk(table, r.warnAt(), flow, reference);
    }

    /**
     * Runs every enabled check on one order (after {@link OrderContext#prepare}).
     *
     * @param o the order and its surroundings.
     * @return {@link RejectReason#NONE} or the first failing check's reason.
     */
    public RejectReason check(final OrderContext o)
    {
        o.prepare();
        warningCount = 0;
        reportedCheck = -1;
        reportedValue = 0;
        reportedLimit = 0;
        if (o.killSwitchOrder)
        {
            accepted++;
            return RejectReason.NONE;
        }
        double tightest = -1;
        for (int i = 0; i < checks.length; i++)
        {
            if (!enabled[i])
            {
                continue;
            }
            final RiskCheck check = checks[i];
            final boolean pass = check.passes(o);
            if (!pass)
            {
                reportedCheck = i;
                reportedValue = o.value;
                reportedLimit = o.limit;
                rejects[check.reason().code()]++;
                if (check.reason() == RejectReason.RISK_THROTTLE_MESSAGE_RATE
                    || check.reason() == RejectReason.RISK_THROTTLE_ORDER_TO_TRADE)
                {
                    throttledInSession++;
                }
                return check.reason();
            }
            if (check.kind() == RiskCheck.UPPER_BOUND && o.limit > 0)
            {
                final double use = o.value / o.limit;
                if (use > tightest)
                {
                    tightest = use;
                    reportedCheck = i;
                    reportedValue = o.value;
                    reportedLimit = o.limit;
                }
                warn(i, use, o);
            }
        }
        accepted++;
        for (int i = 0; i < checks.length; i++)
        {
            if (enabled[i])
            {
                checks[i].onAccepted(o);
            }
        }
        return RejectReason.NONE;
    }

    private void warn(final int i, final double use, final OrderContext o)
    {
        if (use >= warnAt)
        {
            if (!warned[i])
            {
                warned[i] = true;
                warnings[warningCount] = i;
                warningValues[warningCount] = o.value;
                warningLimits[warningCount] = o.limit;
                warningCount++;
            }
        }
        else
        {
            warned[i] = false;
        }
    }

    /**
     * Counts an order message (new or cancel) sent to the venue, for the RTS 6 message rate and order-to-trade ratio.
     *
     * @param nowNs event time.
     */
    public void onMessage(final long nowNs)
    {
        flow.onMessage(nowNs);
    }

    /**
     * Counts a fill, for the order-to-trade ratio.
     */
    public void onFill()
    {
        flow.sessionFills++;
    }

    /**
     * A new trading session: daily counters reset.
     */
    public void onSessionStart()
    {
        flow.sessionMessages = 0;
        flow.sessionFills = 0;
        throttledInSession = 0;
        for (final RiskCheck check : checks)
        {
            check.onSessionStart();
        }
    }

    /**
     * The reason code of the check whose value and limit were reported for the last order (the failing check, or the
     * accepted order's tightest), or 0 when none.
     *
     * @return a {@link RejectReason} code.
     */
    public short reportedCode()
    {
        return reportedCheck < 0 ? 0 : checks[reportedCheck].reason().code();
    }

    public double reportedValue()
    {
        return reportedValue;
    }

    public double reportedLimit()
    {
        return reportedLimit;
    }

    public int warningCount()
    {
        return warningCount;
    }

    /**
     * The reason of the i-th warning raised by the last order.
     *
     * @param i 0 to {@link #warningCount()} - 1.
     * @return the check's reason.
     */
    public RejectReason warningReason(final int i)
    {
        return checks[warnings[i]].reason();
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
     * Orders throttled (message rate or order-to-trade ratio) in this session; feeds the RTS 6 kill switch.
     *
     * @return the count.
     */
    public long throttledInSession()
    {
        return throttledInSession;
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

    /**
     * The check table, in run order (a copy; for the control report and tests).
     *
     * @return the checks.
     */
    public RiskCheck[] checks()
    {
        return checks.clone();
    }

    /**
     * The reference data the checks were built with: built once per run, and the order stage's {@link OrderContext}
     * uses the same instance.
     *
     * @return the reference data.
     */
    public RiskReference reference()
    {
        return reference;
    }

    /**
     * Appends the pre-trade counters to a snapshot (issue 9): accepted orders, throttled in this session, the
     * rejects by reason code, the message and fill counters, which checks are enabled and have warned, and each
     * check's own state (windows, session totals).
     *
     * @param out the snapshot part.
     */
    public void saveState(final LongArrayList out)
    {
        out.addLong(accepted);
        out.addLong(throttledInSession);
        out.addLong(rejects.length);
        for (final long r : rejects)
        {
            out.addLong(r);
        }
        flow.saveState(out);
        StateValues.putBooleans(out, enabled);
        StateValues.putBooleans(out, warned);
        for (final RiskCheck check : checks)
        {
            check.saveState(out);
        }
    }

    /**
     * Replaces the pre-trade counters with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int from)
    {
        accepted = in[from];
        throttledInSession = in[from + 1];
        final int n = (int)in[from + 2];
        Arrays.fill(rejects, 0L);
        for (int k = 0; k < n; k++)
        {
            if (k < rejects.length)
            {
                rejects[k] = in[from + 3 + k];
            }
        }
        int i = from + 3 + n;
        i = flow.loadState(in, i);
        i = StateValues.getBooleans(in, i, enabled);
        i = StateValues.getBooleans(in, i, warned);
        for (final RiskCheck check : checks)
        {
            i = check.loadState(in, i);
        }
        return i;
    }
}
