package io.meridian.engine.risk;

import io.meridian.engine.api.RejectReason;
import org.agrona.collections.LongArrayList;

/**
 * One pre-trade check of the catalogue: a small object that looks at an {@link OrderContext}, writes the measured
 * {@link OrderContext#value} and the {@link OrderContext#limit} it was compared with, and says whether the order
 * passes. {@link PreTradeRisk} runs every enabled check in one loop, in table order; the first failure's reason,
 * limit and value go into the RISK_DECISION record. The same objects describe themselves (reason, config key, SPEC
 * reference) for the control report. Single-threaded; {@link #passes} and {@link #onAccepted} allocate nothing.
 */
public abstract class RiskCheck
{
    /** The check fails when the value is above the limit (the usual case); warnings at a share of the limit. */
    public static final int UPPER_BOUND = 0;
    /** The check fails when the value is below the limit; no warning (nearing a minimum is not a risk). */
    public static final int LOWER_BOUND = 1;
    /** A yes/no rule (value 1 = the rule is broken, limit 0); no warning. */
    public static final int RULE = 2;

    private final RejectReason reason;
    private final String configKey;
    private final String spec;
    private final int kind;

    /**
     * A check.
     *
     * @param reason the reject reason naming the limit.
     * @param configKey the configuration key of its limit.
     * @param spec where the requirement comes from (SPEC row and decision).
     * @param kind {@link #UPPER_BOUND}, {@link #LOWER_BOUND} or {@link #RULE}.
     */
    protected RiskCheck(final RejectReason reason, final String configKey, final String spec, final int kind)
    {
        this.reason = reason;
        this.configKey = configKey;
        this.spec = spec;
        this.kind = kind;
    }

    /**
     * Evaluates the check: sets {@code order.value} and {@code order.limit}.
     *
     * @param order the order and its surroundings.
     * @return true when the order passes.
     */
    public abstract boolean passes(OrderContext order);

    /**
     * Called for every check once the whole table accepted an order (rolling state: rates, medians, totals).
     *
     * @param order the accepted order.
     */
    public void onAccepted(final OrderContext order)
    {
    }

    /**
     * Called when a new trading session starts (daily counters reset).
     */
    public void onSessionStart()
    {
    }

    /**
     * The configured limit as a number, for the control report.
     *
     * @return the limit, in the units of its config key.
     */
    public abstract double configuredLimit();

    /**
     * Whether the check can bind with its configuration (a limit at its "off" value disables it).
     *
     * @return true when enabled.
     */
    public boolean enabled()
    {
        return true;
    }

    /**
     * The reason a failure reports.
     *
     * @return the reason.
     */
    public final RejectReason reason()
    {
        return reason;
    }

    /**
     * The configuration key of the limit.
     *
     * @return a key path.
     */
    public final String configKey()
    {
        return configKey;
    }

    /**
     * The requirement it implements.
     *
     * @return SPEC reference.
     */
    public final String spec()
    {
        return spec;
    }

    /**
     * How value and limit compare.
     *
     * @return {@link #UPPER_BOUND}, {@link #LOWER_BOUND} or {@link #RULE}.
     */
    public final int kind()
    {
        return kind;
    }

    /**
     * The check's name for reports: its class's simple name.
     *
     * @return the name.
     */
    public final String name()
    {
        return getClass().getSimpleName();
    }

    /**
     * Writes value and limit and compares them as an upper bound.
     *
     * @param order the order.
     * @param value measured value.
     * @param limit limit.
     * @return true when {@code value <= limit}.
     */
    protected static boolean atMost(final OrderContext order, final double value, final double limit)
    {
        order.value = value;
        order.limit = limit;
        return value <= limit;
    }

    /**
     * Writes value and limit of a yes/no rule.
     *
     * @param order the order.
     * @param broken whether the rule is broken.
     * @return true when not broken.
     */
    protected static boolean rule(final OrderContext order, final boolean broken)
    {
        order.value = broken ? 1 : 0;
        order.limit = 0;
        return !broken;
    }

    /**
     * Appends the check's state to an engine-state snapshot (issue 9). Most checks compare the order with the
     * context and configuration and keep nothing between orders; the ones with windows or session totals override
     * this and {@link #loadState}.
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
    }

    /**
     * Replaces the check's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where the check's state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int at)
    {
        return at;
    }
}
