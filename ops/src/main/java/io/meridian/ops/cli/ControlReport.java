package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.config.FactorLimitConfig;
import io.meridian.config.KillConfig;
import io.meridian.config.RiskConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskCheck;
import io.meridian.engine.risk.RiskReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RTS 6 / SEC 15c3-5 control report ({@code meridian risk report}): for each SEC 15c3-5 (c)(1)/(c)(2) control and
 * each MiFID II RTS 6 Art. 12, 15, 16 and 17 requirement, the Meridian controls that implement it, generated from the
 * engine's own check table ({@link PreTradeRisk#checks()}: name, config key, limit, reason code, on or off) and the
 * effective configuration (kill switches, monitor, every factor limit). The requirements and which reason codes meet
 * them are the one hand-written part: a table here, each row a short paraphrase of the rule. A requirement with no
 * control that is on is listed as NOT MET, never omitted, and {@link #unmapped()} counts it.
 */
final class ControlReport
{
    /** One control that implements a requirement. */
    record Control(String name, String kind, String configKey, String value, String reason, String test,
        boolean enabled)
    {
    }

    /** One regulatory requirement and what implements it. */
    record Requirement(String rule, String text, List<Control> controls)
    {
        boolean met()
        {
            return controls.stream().anyMatch(Control::enabled);
        }
    }

    private static final String CHECK_TESTS = "engine:PreTradeRiskTest";
    private static final String KILL_TESTS = "engine:KillSwitchTest, runtime:KillSwitchScenarioTest";

    private final EngineConfig config;
    private final RiskCheck[] checks;
    private final List<Requirement> requirements = new ArrayList<>();

    private ControlReport(final EngineConfig config)
    {
        this.config = config;
        this.checks = PreTradeRisk.of(config, RiskReference.of(config, EngineFactory.instruments(config)),
            config.instruments().size()).checks();
    }

    /**
     * The report for a configuration.
     *
     * @param config the effective configuration.
     * @return the report.
     */
    static ControlReport of(final EngineConfig config)
    {
        final ControlReport r = new ControlReport(config);
        r.build();
        return r;
    }

    private void build()
    {
        final RiskConfig risk = config.risk();
        final KillConfig kill = config.kill();
        add("SEC 15c3-5(c)(1)(i)", "prevent orders that exceed pre-set credit or capital thresholds in aggregate",
            checks(RejectReason.RISK_DAILY_ORDER_VALUE, RejectReason.RISK_BUYING_POWER,
                RejectReason.RISK_GROSS_EXPOSURE, RejectReason.RISK_BUDGET, RejectReason.RISK_SYSTEMIC),
            kill(RejectReason.KILL_DAILY_LOSS, "kill.dailyLossLimit, kill.dailyLossNav",
                num(kill.dailyLossLimit()) + ", " + num(kill.dailyLossNav()), true),
            kill(RejectReason.KILL_DRAWDOWN, "kill.maxDrawdown", num(kill.maxDrawdown()), true),
            kill(RejectReason.KILL_MONTH_LOSS, "kill.maxMonthLoss", num(kill.maxMonthLoss()), true));
        add("SEC 15c3-5(c)(1)(ii)", "prevent erroneous orders: price or size parameters per order or over a short "
            + "period, and duplicative orders",
            checks(RejectReason.RISK_MAX_ORDER_QTY, RejectReason.RISK_MAX_ORDER_NOTIONAL,
                RejectReason.RISK_MIN_NOTIONAL, RejectReason.RISK_PRICE_COLLAR, RejectReason.RISK_NBBO,
                RejectReason.RISK_PRICE_ANOMALY, RejectReason.RISK_FAT_FINGER_PRICE, RejectReason.RISK_FAT_FINGER_QTY,
                RejectReason.RISK_DUPLICATE, RejectReason.RISK_ORDER_RATE, RejectReason.RISK_ADV_CHILD,
                RejectReason.RISK_ADV_PARENT));
        add("SEC 15c3-5(c)(2)(i)", "prevent orders unless regulatory requirements are met before entry",
            checks(RejectReason.RISK_SHORT_SALE, RejectReason.RISK_PDT, RejectReason.RISK_DRY_RUN));
        add("SEC 15c3-5(c)(2)(ii)", "prevent orders in securities the firm or customer is restricted from trading",
            checks(RejectReason.RISK_RESTRICTED));
        add("SEC 15c3-5(c)(2)(iii)", "restrict access to the trading system to authorised persons",
            List.of(new Control("ops server token (OpsTokens)", "ops", "MERIDIAN_OPS_TOKEN / --ops-token-file",
                "required for halt, resume, cancel-all, flatten; bind " + config.ops().bind(), "-",
                "ops:OpsTokensTest, ops:OpsServerTest", true)));
        add("SEC 15c3-5(c)(2)(iv)", "surveillance personnel receive immediate post-trade execution reports",
            List.of(monitor(), new Control("journal of every EXEC_REPORT and decision, ops /status", "journal",
                "journal.dir", config.journal().dir(), "-", "journal:JournalRoundTripTest, ops:OpsServerTest", true)));
        add("RTS 6 Art. 12", "kill functionality: cancel any or all unexecuted orders immediately",
            List.of(kill(RejectReason.KILL_OPERATOR_HALT, "operator HALT / CANCEL_ALL (ops /halt, /cancel-all; naming "
                    + "an instrument halts it alone, its new orders refused with 90 RISK_INSTRUMENT_HALTED)",
                "always on", true),
                kill(RejectReason.KILL_OPERATOR_FLATTEN, "operator FLATTEN (ops /flatten)", "always on", true),
                kill(RejectReason.KILL_VENUE_DOWN, "kill.venueDownMs", Long.toString(kill.venueDownMs()), true)));
        add("RTS 6 Art. 15(1)(a)", "pre-trade price collars", checks(RejectReason.RISK_PRICE_COLLAR,
            RejectReason.RISK_FAT_FINGER_PRICE, RejectReason.RISK_NBBO));
        add("RTS 6 Art. 15(1)(b)", "maximum order values", checks(RejectReason.RISK_MAX_ORDER_NOTIONAL));
        add("RTS 6 Art. 15(1)(c)", "maximum order volumes", checks(RejectReason.RISK_MAX_ORDER_QTY,
            RejectReason.RISK_FAT_FINGER_QTY, RejectReason.RISK_ADV_CHILD, RejectReason.RISK_ADV_PARENT));
        add("RTS 6 Art. 15(1)(d)", "maximum messages limits (throttle)",
            checks(RejectReason.RISK_THROTTLE_MESSAGE_RATE, RejectReason.RISK_THROTTLE_ORDER_TO_TRADE),
            kill(RejectReason.KILL_THROTTLE, "kill.throttleHaltAfter", Long.toString(kill.throttleHaltAfter()), true));
        add("RTS 6 Art. 16 (monitoring)", "real-time monitoring of all trading activity",
            List.of(monitor()));
        add("RTS 6 Art. 16 (alerts)", "real-time alerts when limits are approached or data fails",
            List.of(new Control("RISK_WARNING at a share of every limit", "monitor", "risk.warnAt",
                num(risk.warnAt()), "RISK_WARNING (type 25)", "engine:PreTradeRiskTest, engine:KillSwitchTest",
                true)),
            kill(RejectReason.KILL_STALE_MARKET_DATA, "kill.staleMarketDataMs", Long.toString(kill.staleMarketDataMs()),
                true));
        add("RTS 6 Art. 17", "post-trade controls: market and credit risk, maximum long and short positions and "
            + "overall strategy positions",
            checks(RejectReason.RISK_POSITION_NAV, RejectReason.RISK_MAX_POSITION, RejectReason.RISK_SECTOR,
                RejectReason.RISK_CLUSTER, RejectReason.RISK_CONCENTRATION, RejectReason.RISK_FACTOR,
                RejectReason.RISK_CRISIS_REGIME),
            kill(RejectReason.KILL_POSITION_LIMIT, "risk.maxPositionNav, risk.maxPosition",
                num(risk.maxPositionNav()) + ", " + risk.maxPosition(), true),
            kill(RejectReason.KILL_SLIPPAGE, "kill.slippage", num(kill.slippage()), true),
            kill(RejectReason.KILL_VOLATILITY_SPIKE, "risk.crisisVolLevel (index) / risk.proxyCrisisVol, "
                + "kill.volSpikeReduce", num(risk.crisisVolLevel()) + " / " + num(risk.proxyCrisisVol()) + ", "
                + num(kill.volSpikeReduce()), true));
    }

    private void add(final String rule, final String text, final List<Control> first, final Control... more)
    {
        final List<Control> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        requirements.add(new Requirement(rule, text, List.copyOf(all)));
    }

    /** The controls of the check table that report these reasons, in table order; factor limits one per factor. */
    private List<Control> checks(final RejectReason... reasons)
    {
        final List<Control> out = new ArrayList<>();
        for (final RejectReason reason : reasons)
        {
            for (final RiskCheck check : checks)
            {
                if (check.reason() != reason)
                {
                    continue;
                }
                final String code = reason.code() + " " + reason.name();
                final String test = reason == RejectReason.RISK_POSITION_NAV || reason == RejectReason.RISK_SECTOR
                    || reason == RejectReason.RISK_CRISIS_REGIME || reason == RejectReason.RISK_PDT
                    ? CHECK_TESTS + ", engine:PositionFlipTest" : CHECK_TESTS;
                if (reason == RejectReason.RISK_FACTOR)
                {
                    for (final FactorLimitConfig f : config.risk().factors())
                    {
                        out.add(new Control(check.name() + " " + f.name(), "pre-trade check",
                            "risk.factors[" + f.name() + "].limit", num(f.limit()), code, test, check.enabled()));
                    }
                    if (config.risk().factors().isEmpty())
                    {
                        out.add(new Control(check.name(), "pre-trade check", check.configKey(), "no factors", code,
                            test, false));
                    }
                    continue;
                }
                out.add(new Control(check.name(), "pre-trade check", check.configKey(), limit(check), code, test,
                    check.enabled()));
            }
        }
        return out;
    }

    private String limit(final RiskCheck check)
    {
        if (check.reason() == RejectReason.RISK_GROSS_EXPOSURE)
        {
            final RiskConfig r = config.risk();
            return num(r.maxGrossNav()) + " (bear " + num(r.maxGrossBearNav()) + ", margin "
                + num(r.maxGrossMarginNav()) + ", account " + config.account().type() + ")";
        }
        switch (check.reason())
        {
            case RISK_SHORT_SALE:
                return "not shortable: " + symbols(false) + "; account " + config.account().type();
            case RISK_RESTRICTED:
                return "restricted: " + symbols(true);
            case RISK_DRY_RUN:
                return "dryRun " + config.account().dryRun() + ", environment " + config.account().environment()
                    + ", allowProdWrite " + config.account().allowProdWrite();
            case RISK_CRISIS_REGIME:
                return config.risk().volIndexSymbol().isEmpty()
                    ? "proxy " + num(config.risk().proxyCrisisVol()) + " (index level " + num(check.configuredLimit())
                        + " when risk.volIndexSymbol is set)"
                    : num(check.configuredLimit()) + " on " + config.risk().volIndexSymbol();
            default:
                return check.enabled() ? num(check.configuredLimit()) : num(check.configuredLimit()) + " (off)";
        }
    }

    /** Symbols flagged restricted (true) or not shortable (false) in the reference data, or "none". */
    private String symbols(final boolean restricted)
    {
        final List<String> out = new ArrayList<>();
        for (final io.meridian.config.ReferenceInstrumentConfig r : config.reference().instruments())
        {
            if (restricted ? r.restricted() : !r.shortable())
            {
                out.add(r.symbol());
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static Control kill(final RejectReason reason, final String key, final String value,
        final boolean enabled)
    {
        final String test = reason == RejectReason.KILL_VOLATILITY_SPIKE
            ? KILL_TESTS + ", runtime:VolatilityRearmScenarioTest" : KILL_TESTS;
        return new Control("kill switch " + reason.name(), "kill switch", key, value,
            reason.code() + " " + reason.name(), test, enabled);
    }

    private Control monitor()
    {
        final boolean on = config.monitor().intervalMs() > 0;
        return new Control("risk monitor (RiskSnapshots)", "monitor", "monitor.intervalMs, monitor.window",
            config.monitor().intervalMs() + " ms, " + config.monitor().window() + (on ? "" : " (off)"),
            "RISK_SNAPSHOT (type 24)", "engine:RiskSnapshotsTest", on);
    }

    static String num(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    List<Requirement> requirements()
    {
        return requirements;
    }

    /**
     * Requirements with no control switched on.
     *
     * @return the count.
     */
    long unmapped()
    {
        return requirements.stream().filter(r -> !r.met()).count();
    }

    /**
     * The report as Markdown: one table row per control, grouped by requirement.
     *
     * @param source where the configuration came from.
     * @return the text.
     */
    String markdown(final String source)
    {
        final StringBuilder b = new StringBuilder();
        b.append("# Meridian control report: SEC 15c3-5 and MiFID II RTS 6\n\n");
        b.append("Configuration: ").append(source).append(". Generated from the engine's check table and the ")
            .append("effective configuration by `meridian risk report`.\n\n");
        b.append("| requirement | status | control | kind | config key | value | reason code | tests |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (final Requirement r : requirements)
        {
            final String status = r.met() ? "met" : "NOT MET";
            if (r.controls().isEmpty())
            {
                b.append("| ").append(r.rule()).append(": ").append(r.text()).append(" | ").append(status)
                    .append(" | none | | | | | |\n");
                continue;
            }
            boolean first = true;
            for (final Control c : r.controls())
            {
                b.append("| ").append(first ? r.rule() + ": " + r.text() : "").append(" | ")
                    .append(first ? status : "").append(" | ").append(c.name()).append(c.enabled() ? "" : " (off)")
                    .append(" | ").append(c.kind()).append(" | `").append(c.configKey()).append("` | ")
                    .append(c.value().replace("|", "\\|")).append(" | ").append(c.reason()).append(" | ")
                    .append(c.test().replaceAll("[a-z]+:", "")).append(" |\n");
                first = false;
            }
        }
        final long controls = requirements.stream().mapToLong(r -> r.controls().size()).sum();
        b.append('\n').append(requirements.size()).append(" requirements, ").append(controls).append(" controls, ")
            .append(unmapped()).append(" not met.\n");
        for (final Requirement r : requirements)
        {
            if (!r.met())
            {
                b.append("NOT MET: ").append(r.rule()).append(" (").append(r.text()).append(")\n");
            }
        }
        return b.toString();
    }
}
