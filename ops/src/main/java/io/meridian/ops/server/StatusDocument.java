package io.meridian.ops.server;

import io.meridian.config.EngineConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.EngineStateView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The {@code GET /status} document: a tree of maps and lists that Jackson writes as JSON. Money is in currency units
 * (cash units / {@code Scales.CASH_SCALE}), prices in currency units (ticks / the instrument's price scale),
 * positions in lots, latencies in microseconds. Built on a handler thread from one consistent {@link EngineStateView}.
 */
final class StatusDocument
{
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9};
    private static final String[] PERCENTILE_NAMES = {"p50Us", "p90Us", "p99Us", "p999Us"};

    private StatusDocument()
    {
    }

    static Map<String, Object> build(final OpsEngine engine, final EngineStateView view)
    {
        final EngineConfig config = engine.config();
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runId", engine.runId());
        doc.put("profile", engine.profile());
        doc.put("healthy", engine.unhealthyReason() == null);
        doc.put("tradingState", stateName(view.tradingState()));
        doc.put("previousState", stateName(view.previousState()));
        doc.put("lastStateReason", view.lastReason().name());
        doc.put("killSwitchTrips", view.killSwitchTrips());
        doc.put("instruments", instruments(config, view));
        final Map<String, Object> pnl = new LinkedHashMap<>();
        pnl.put("realized", cash(view.realized()));
        pnl.put("unrealized", cash(view.unrealized()));
        pnl.put("total", cash(view.totalPnl()));
        doc.put("pnl", pnl);
        doc.put("orders", orders(view));
        doc.put("rejects", rejects(view));
        doc.put("events", events(view));
        doc.put("risk", risk(config, view));
        doc.put("journal", journal(engine, view));
        doc.put("latency", latency(engine));
        final io.meridian.runtime.ib.ReconciliationLog reconciliation = engine.reconciliationLog();
        if (reconciliation != null)
        {
            doc.put("reconciliation", reconciliation(config, reconciliation));
        }
        return doc;
    }

    static String stateName(final byte state)
    {
        return state == 0 ? "STARTING" : TradingState.name(state);
    }

    /**
     * The state trading in one instrument is in: FLATTENING while an operator flatten holds it, else the stricter of
     * its own scope (an operator halt naming it, a position or slippage trip) and the engine-wide state (codes order
     * ACTIVE, REDUCING, HALTED, FLATTENING by strictness).
     *
     * @param view the published state.
     * @param index the instrument.
     * @return a {@code TradingState} code, 0 before the first publication.
     */
    static byte instrumentState(final EngineStateView view, final int index)
    {
        if (view.flattening(index))
        {
            return TradingState.FLATTENING;
        }
        return (byte)Math.max(view.tradingState(), view.instrumentState(index));
    }

    static double cash(final long cashUnits)
    {
        return cashUnits / (double)Scales.CASH_SCALE;
    }

    private static List<Object> instruments(final EngineConfig config, final EngineStateView view)
    {
        final List<Object> list = new ArrayList<>();
        for (int i = 0; i < view.instruments(); i++)
        {
            final InstrumentConfig instrument = config.instruments().get(i);
            final double priceScale = instrument.priceScale();
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("symbol", instrument.symbol());
            entry.put("id", instrument.id());
            entry.put("state", stateName(instrumentState(view, i)));
            entry.put("ownState", stateName(view.instrumentState(i)));
            entry.put("position", view.position(i));
            entry.put("realizedPnl", cash(view.realized(i)));
            entry.put("unrealizedPnl", cash(view.unrealized(i)));
            entry.put("pnl", cash(view.realized(i) + view.unrealized(i)));
            entry.put("bid", view.bid(i) / priceScale);
            entry.put("ask", view.ask(i) / priceScale);
            entry.put("lastTrade", view.lastTrade(i) / priceScale);
            entry.put("marketDataEvents", view.instrumentEvents(i));
            if (view.workingOrderId(i) != 0)
            {
                final Map<String, Object> order = new LinkedHashMap<>();
                order.put("clOrdId", view.workingOrderId(i));
                order.put("side", Side.name(view.workingSide(i)));
                order.put("price", view.workingPrice(i) / priceScale);
                order.put("leaves", view.workingLeaves(i));
                entry.put("workingOrder", order);
            }
            else
            {
                entry.put("workingOrder", null);
            }
            list.add(entry);
        }
        return list;
    }

    private static Map<String, Object> orders(final EngineStateView view)
    {
        final Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("sent", view.orders());
        orders.put("cancels", view.cancels());
        orders.put("massCancels", view.massCancels());
        orders.put("fills", view.fills());
        orders.put("filledLots", view.filledQty());
        orders.put("riskAccepted", view.riskAccepted());
        orders.put("venueRejects", view.venueRejects());
        orders.put("signals", view.signals());
        long working = 0;
        for (int i = 0; i < view.instruments(); i++)
        {
            working += view.workingOrderId(i) != 0 ? 1 : 0;
        }
        orders.put("working", working);
        return orders;
    }

    static Map<String, Object> rejects(final EngineStateView view)
    {
        final Map<String, Object> rejects = new LinkedHashMap<>();
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason.name().startsWith("RISK_") && view.rejects(reason) > 0)
            {
                rejects.put(reason.name(), view.rejects(reason));
            }
        }
        if (view.venueRejects() > 0)
        {
            rejects.put(RejectReason.VENUE_REJECT.name(), view.venueRejects());
        }
        return rejects;
    }

    private static Map<String, Object> events(final EngineStateView view)
    {
        final Map<String, Object> events = new LinkedHashMap<>();
        events.put("total", view.events());
        for (int type = 1; type < EngineState.RECORD_TYPES; type++)
        {
            if (view.eventsOfType(type) > 0)
            {
                events.put(RecordType.name(type), view.eventsOfType(type));
            }
        }
        return events;
    }

    private static Map<String, Object> risk(final EngineConfig config, final EngineStateView view)
    {
        final Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxOrderQty", config.risk().maxOrderQty());
        limits.put("maxOrderNotional", config.risk().maxOrderNotional());
        limits.put("priceCollar", config.risk().priceCollar());
        limits.put("maxOrdersPerSecond", config.risk().maxOrdersPerSecond());
        limits.put("maxPosition", config.risk().maxPosition());
        limits.put("dailyLossLimit", config.kill().dailyLossLimit());
        limits.put("staleMarketDataMs", config.kill().staleMarketDataMs());
        final Map<String, Object> usage = new LinkedHashMap<>();
        final double loss = Math.max(0.0, -cash(view.totalPnl()));
        usage.put("dailyLoss", loss);
        usage.put("dailyLossRatio", config.kill().dailyLossLimit() > 0 ? loss / config.kill().dailyLossLimit() : 0.0);
        final Map<String, Object> positions = new LinkedHashMap<>();
        for (int i = 0; i < view.instruments(); i++)
        {
            positions.put(config.instruments().get(i).symbol(),
                Math.abs(view.position(i)) / (double)config.risk().maxPosition());
        }
        usage.put("positionRatio", positions);
        usage.put("ordersLastSecond", view.ordersLastSecond());
        usage.put("ordersPerSecondRatio", config.risk().maxOrdersPerSecond() > 0
            ? view.ordersLastSecond() / (double)config.risk().maxOrdersPerSecond() : 0.0);
        final Map<String, Object> ages = new LinkedHashMap<>();
        final Map<String, Object> ageRatios = new LinkedHashMap<>();
        final long staleMs = config.kill().staleMarketDataMs();
        for (int i = 0; i < view.instruments(); i++)
        {
            final String symbol = config.instruments().get(i).symbol();
            final long lastNs = view.lastMarketDataNs(i);
            // event time: how old the instrument's data was when the engine processed its last event
            final Double ageMs = lastNs == Long.MIN_VALUE || view.publications() == 0 ? null
                : Math.max(0, view.lastEventTimeNs() - lastNs) / 1e6;
            ages.put(symbol, ageMs);
            ageRatios.put(symbol, ageMs == null || staleMs <= 0 ? null : ageMs / staleMs);
        }
        usage.put("marketDataAgeMs", ages);
        usage.put("marketDataAgeRatio", ageRatios);
        final Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("limits", limits);
        risk.put("usage", usage);
        final Map<String, Object> monitor = monitor(view);
        monitor.putAll(riskConcentration(config, view));
        risk.put("monitor", monitor);
        return risk;
    }

    private static Map<String, Object> journal(final OpsEngine engine, final EngineStateView view)
    {
        final long published = engine.source().publishedSequence();
        final long journaled = engine.source().journaledSequence();
        final Map<String, Object> journal = new LinkedHashMap<>();
        journal.put("dir", engine.journalDir());
        journal.put("publishedSequence", published);
        journal.put("journaledSequence", journaled);
        journal.put("processedSequence", engine.source().processedSequence());
        journal.put("lagEvents", Math.max(0, published - journaled));
        journal.put("decisions", view.outputs());
        return journal;
    }

    private static Map<String, Object> latency(final OpsEngine engine)
    {
        final Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("tickToOrder", percentiles(engine.latency(PipelineLatency.TICK_TO_ORDER)));
        final Map<String, Object> stages = new LinkedHashMap<>();
        for (int stage = 0; stage < PipelineLatency.STAGES; stage++)
        {
            stages.put(PipelineLatency.name(stage), percentiles(engine.latency(stage)));
        }
        latency.put("stages", stages);
        return latency;
    }

    private static Map<String, Object> percentiles(final Histogram histogram)
    {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", histogram.getTotalCount());
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            p.put(PERCENTILE_NAMES[i], histogram.getTotalCount() == 0 ? 0.0
                : histogram.getValueAtPercentile(PERCENTILES[i]) / 1000.0);
        }
        p.put("maxUs", histogram.getTotalCount() == 0 ? 0.0 : histogram.getMaxValue() / 1000.0);
        return p;
    }

    /** The real-time risk monitor's last RISK_SNAPSHOT (issue 7): fractions of NAV for VaR, currency for money. */
    private static Map<String, Object> monitor(final EngineStateView view)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshots", view.riskSnapshots());
        m.put("nav", view.riskNav());
        m.put("grossExposure", view.riskGross());
        m.put("netExposure", view.riskNet());
        m.put("leverage", view.riskLeverage());
        m.put("drawdown", view.riskDrawdown());
        m.put("monthPnl", view.riskMonthPnl());
        m.put("returns", view.riskReturns());
        final Map<String, Object> var = new LinkedHashMap<>();
        var.put("historical95", view.riskHistVar95());
        var.put("historical99", view.riskHistVar99());
        var.put("parametric95", view.riskParamVar95());
        var.put("parametric99", view.riskParamVar99());
        m.put("var", var);
        final Map<String, Object> cvar = new LinkedHashMap<>();
        cvar.put("historical95", view.riskHistCvar95());
        cvar.put("historical99", view.riskHistCvar99());
        cvar.put("parametric95", view.riskParamCvar95());
        cvar.put("parametric99", view.riskParamCvar99());
        m.put("cvar", cvar);
        final io.meridian.engine.api.RejectReason limit =
            io.meridian.engine.api.RejectReason.fromCode((int)view.riskMaxUsageCode());
        m.put("maxLimitUsage", view.riskMaxUsage());
        m.put("maxLimitUsageOf", limit == null || view.riskMaxUsageCode() == 0 ? null : limit.name());
        return m;
    }

    /**
     * The risk monitor's concentration and per-instrument figures at its last snapshot (issue 7 §4, "per-instrument
     * and total"): {@code fillSnapshots}, {@code concentration} (largest share of gross exposure, Herfindahl-Hirschman
     * index) and {@code instruments} by symbol (gross and net exposure, share of gross, historical VaR 95/99 and CVaR
     * 95 of the instrument's own returns, fractions of NAV).
     */
    private static Map<String, Object> riskConcentration(final EngineConfig config, final EngineStateView view)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("fillSnapshots", view.riskFillSnapshots());
        final Map<String, Object> concentration = new LinkedHashMap<>();
        concentration.put("largestShare", view.riskLargestShare());
        concentration.put("herfindahl", view.riskHerfindahl());
        m.put("concentration", concentration);
        final Map<String, Object> instruments = new LinkedHashMap<>();
        for (int i = 0; i < view.instruments(); i++)
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("grossExposure", view.riskInstrument(i, EngineStateView.RiskFigure.GROSS));
            entry.put("netExposure", view.riskInstrument(i, EngineStateView.RiskFigure.NET));
            entry.put("share", view.riskInstrument(i, EngineStateView.RiskFigure.SHARE));
            final Map<String, Object> var = new LinkedHashMap<>();
            var.put("historical95", view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR95));
            var.put("historical99", view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR99));
            entry.put("var", var);
            final Map<String, Object> cvar = new LinkedHashMap<>();
            cvar.put("historical95", view.riskInstrument(i, EngineStateView.RiskFigure.HIST_CVAR95));
            entry.put("cvar", cvar);
            instruments.put(config.instruments().get(i).symbol(), entry);
        }
        m.put("instruments", instruments);
        return m;
    }

    /**
     * The current session's last broker reconciliation (issue 9): how many this session, and the last one's records
     * (kind, instrument, order id, engine and broker values, applied).
     */
    private static Map<String, Object> reconciliation(
        final EngineConfig config, final io.meridian.runtime.ib.ReconciliationLog log)
    {
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("reconciliations", log.reconciliations());
        final List<Object> last = new ArrayList<>();
        for (final io.meridian.runtime.ib.ReconciliationLog.Diff d : log.last())
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kindName());
            m.put("instrument", symbolOf(config, d.instrumentId()));
            m.put("orderId", d.clOrdId());
            m.put("engine", d.engineValue());
            m.put("broker", d.brokerValue());
            m.put("applied", d.applied());
            last.add(m);
        }
        r.put("last", last);
        r.put("notShown", log.dropped());
        return r;
    }

    private static String symbolOf(final EngineConfig config, final int instrumentId)
    {
        for (final InstrumentConfig i : config.instruments())
        {
            if (i.id() == instrumentId)
            {
                return i.symbol();
            }
        }
        return instrumentId == 0 ? "" : Integer.toString(instrumentId);
    }
}
