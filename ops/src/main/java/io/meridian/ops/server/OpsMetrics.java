package io.meridian.ops.server;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.EngineStateView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The engine's Prometheus metrics, collected on each scrape from one consistent {@link EngineStateView} and the
 * latency recorders, as the Prometheus Java client's snapshot model (its text writer does the exposition format).
 * Names start with {@code meridian_}; units are in the names (seconds, ratio, lots, currency); counters end in
 * {@code _total} in the exposition. The market-data age is measured here, on the wall clock, from when each
 * instrument's market-data count last changed. Latencies are classic Prometheus histograms ({@code _bucket{le=...}},
 * {@code _sum}, {@code _count}) built from the engine's cumulative HdrHistograms at {@link #BUCKETS_SECONDS}, so that
 * {@code histogram_quantile} over {@code rate(...[5m])} gives a windowed percentile. Scrapes are serialised.
 */
final class OpsMetrics implements MultiCollector
{
    /**
     * Upper bounds of the latency buckets, seconds: 1 us to 1 s, denser around the 20 us tick-to-order budget (the
     * last bucket, +Inf, is implicit).
     */
    static final double[] BUCKETS_SECONDS = {
        1e-6, 2.5e-6, 5e-6, 1e-5, 1.5e-5, 2e-5, 3e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2,
        0.1, 0.25, 0.5, 1.0};
    private static final double NANOS_PER_SECOND = 1e9;

    private final OpsEngine engine;
    private final OpsCommands commands;
    private final long[] lastMarketDataEvents;
    private final long[] lastMarketDataChangeNs;

    OpsMetrics(final OpsEngine engine, final OpsCommands commands)
    {
        this.engine = engine;
        this.commands = commands;
        final int n = engine.config().instruments().size();
        lastMarketDataEvents = new long[n];
        lastMarketDataChangeNs = new long[n];
        java.util.Arrays.fill(lastMarketDataChangeNs, System.nanoTime());
    }

    @Override
    public synchronized MetricSnapshots collect()
    {
        final EngineStateView view = engine.read();
        final List<MetricSnapshot> out = new ArrayList<>();
        counters(view, out);
        gauges(view, out);
        perInstrument(view, out);
        riskMonitor(view, out);
        riskInstruments(view, out);
        out.add(HistogramSnapshot.builder().name("meridian_tick_to_order_seconds")
            .help("Tick-to-order latency: intended send time of the event to the order handed to the venue")
            .unit(Unit.SECONDS)
            .dataPoint(histogram(Labels.EMPTY, engine.latency(PipelineLatency.TICK_TO_ORDER))).build());
        final HistogramSnapshot.Builder stages = HistogramSnapshot.builder().name("meridian_stage_latency_seconds")
            .help("Time per pipeline stage on the pipeline thread").unit(Unit.SECONDS);
        for (int stage = 0; stage < PipelineLatency.STAGES; stage++)
        {
            stages.dataPoint(histogram(Labels.of("stage", PipelineLatency.name(stage)), engine.latency(stage)));
        }
        out.add(stages.build());
        return new MetricSnapshots(out);
    }

    private void counters(final EngineStateView view, final List<MetricSnapshot> out)
    {
        final CounterSnapshot.Builder events = CounterSnapshot.builder().name("meridian_events")
            .help("Inbound events processed, by record type");
        for (int type = 1; type < EngineState.RECORD_TYPES; type++)
        {
            if (RecordType.isInbound(type))
            {
                events.dataPoint(counter(Labels.of("type", RecordType.name(type)), view.eventsOfType(type)));
            }
        }
        out.add(events.build());
        out.add(counter("meridian_orders", "NEW order commands sent", view.orders()));
        out.add(counter("meridian_cancels", "CANCEL order commands sent", view.cancels()));
        out.add(counter("meridian_mass_cancels", "MASS_CANCEL order commands sent", view.massCancels()));
        out.add(counter("meridian_fills", "Fills applied", view.fills()));
        out.add(counter("meridian_filled_lots", "Lots filled", view.filledQty()));
        out.add(counter("meridian_signals", "SIGNAL records written", view.signals()));
        out.add(counter("meridian_kill_switch_trips",
            "Trading-state changes the kill switch made by itself, in any scope (loss, drawdown, stale market data, "
                + "venue down, position limit, slippage, volatility, throttle)",
            view.killSwitchTrips()));
        final CounterSnapshot.Builder rejects = CounterSnapshot.builder().name("meridian_rejects")
            .help("Orders rejected, by reason (RISK_*: pre-trade risk; VENUE_REJECT: the venue)");
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason.name().startsWith("RISK_"))
            {
                rejects.dataPoint(counter(Labels.of("reason", reason.name()), view.rejects(reason)));
            }
        }
        rejects.dataPoint(counter(Labels.of("reason", RejectReason.VENUE_REJECT.name()), view.venueRejects()));
        out.add(rejects.build());
        final CounterSnapshot.Builder operator = CounterSnapshot.builder().name("meridian_operator_commands")
            .help("Operator commands accepted by the ops server, by command");
        for (final String command : OpsCommands.COMMANDS)
        {
            operator.dataPoint(counter(Labels.of("command", command), commands.accepted(command)));
        }
        out.add(operator.build());
    }

    private void gauges(final EngineStateView view, final List<MetricSnapshot> out)
    {
        final GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("meridian_trading_state")
            .help("1 for the engine's current trading state, 0 for the others");
        for (byte code = TradingState.ACTIVE; code <= TradingState.FLATTENING; code++)
        {
            state.dataPoint(gauge(Labels.of("state", TradingState.name(code)), view.tradingState() == code ? 1 : 0));
        }
        out.add(state.build());
        out.add(gauge("meridian_in_session", "1 while the trading calendar has the exchange in session at the last "
            + "event's time, else 0", view.inSession() ? 1 : 0));
        out.add(gauge("meridian_up", "1 while the pipeline thread runs and no handler failed",
            engine.unhealthyReason() == null ? 1 : 0));
        out.add(gauge("meridian_pnl_realized_currency", "Realized P&L over all instrument, currency units",
            StatusDocument.cash(view.realized())));
        out.add(gauge("meridian_pnl_unrealized_currency", "Unrealized P&L at the mid, currency units",
            StatusDocument.cash(view.unrealized())));
        out.add(gauge("meridian_pnl_total_currency", "Realized plus unrealized P&L, currency units",
            StatusDocument.cash(view.totalPnl())));
        final EngineConfig config = engine.config();
        out.add(gauge("meridian_daily_loss_limit_currency", "kill.dailyLossLimit, currency units",
            config.kill().dailyLossLimit()));
        final double loss = Math.max(0.0, -StatusDocument.cash(view.totalPnl()));
        out.add(gauge("meridian_daily_loss_usage_ratio", "Loss so far over kill.dailyLossLimit",
            config.kill().dailyLossLimit() > 0 ? loss / config.kill().dailyLossLimit() : 0.0));
        final long published = engine.source().publishedSequence();
        final long journaled = engine.source().journaledSequence();
        final long processed = engine.source().processedSequence();
        out.add(gauge("meridian_journal_lag_events", "Inbound events published but not yet journaled",
            (double)Math.max(0, published - journaled)));
        out.add(gauge("meridian_journal_disk_free_bytes", "Free space on the journal directory's file system (-1: "
            + "unreadable); /health is down below ops.minFreeDiskMb",
            (double)JournalHealth.freeBytes(java.nio.file.Path.of(engine.journalDir()))));
        out.add(gauge("meridian_journal_input_sequence", "Sequence of the last inbound event journaled",
            (double)journaled));
        out.add(gauge("meridian_inbound_ring_occupancy_ratio", "Share of the inbound ring's slots not yet processed",
            Math.max(0, published - processed) / (double)engine.source().ringSize()));
        int working = 0;
        for (int i = 0; i < view.instruments(); i++)
        {
            working += view.workingOrderId(i) != 0 ? 1 : 0;
        }
        out.add(gauge("meridian_working_orders", "Orders working at the venue", working));
    }

    private void perInstrument(final EngineStateView view, final List<MetricSnapshot> out)
    {
        final EngineConfig config = engine.config();
        final GaugeSnapshot.Builder position = GaugeSnapshot.builder().name("meridian_position_lots")
            .help("Signed position per instrument, lots");
        final GaugeSnapshot.Builder positionUsage = GaugeSnapshot.builder().name("meridian_position_usage_ratio")
            .help("Absolute position over risk.maxPosition per instrument");
        final GaugeSnapshot.Builder realized = GaugeSnapshot.builder().name("meridian_instrument_pnl_realized_currency")
            .help("Realized P&L per instrument, currency units");
        final GaugeSnapshot.Builder unrealized = GaugeSnapshot.builder()
            .name("meridian_instrument_pnl_unrealized_currency")
            .help("Unrealized P&L per instrument at the mid, currency units");
        final GaugeSnapshot.Builder price = GaugeSnapshot.builder().name("meridian_last_price_currency")
            .help("Last bid, ask and trade price per instrument, currency units");
        final GaugeSnapshot.Builder age = GaugeSnapshot.builder().name("meridian_market_data_age_seconds")
            .help("Wall-clock time since the instrument's last accepted market-data event was processed")
            .unit(Unit.SECONDS);
        final GaugeSnapshot.Builder instrumentState = GaugeSnapshot.builder()
            .name("meridian_instrument_trading_state")
            .help("1 for the state trading in the instrument is in (its own scope, an operator halt naming it, or the "
                + "engine-wide state when stricter), 0 for the others");
        final long now = System.nanoTime();
        for (int i = 0; i < view.instruments(); i++)
        {
            final String symbol = config.instruments().get(i).symbol();
            final byte effective = StatusDocument.instrumentState(view, i);
            for (byte code = TradingState.ACTIVE; code <= TradingState.FLATTENING; code++)
            {
                instrumentState.dataPoint(gauge(Labels.of("instrument", symbol, "state", TradingState.name(code)),
                    effective == code ? 1 : 0));
            }
            final double scale = config.instruments().get(i).priceScale();
            final Labels labels = Labels.of("instrument", symbol);
            position.dataPoint(gauge(labels, (double)view.position(i)));
            positionUsage.dataPoint(gauge(labels, Math.abs(view.position(i)) / (double)config.risk().maxPosition()));
            realized.dataPoint(gauge(labels, StatusDocument.cash(view.realized(i))));
            unrealized.dataPoint(gauge(labels, StatusDocument.cash(view.unrealized(i))));
            price.dataPoint(gauge(Labels.of("instrument", symbol, "kind", "bid"), view.bid(i) / scale));
            price.dataPoint(gauge(Labels.of("instrument", symbol, "kind", "ask"), view.ask(i) / scale));
            price.dataPoint(gauge(Labels.of("instrument", symbol, "kind", "trade"), view.lastTrade(i) / scale));
            if (view.instrumentEvents(i) != lastMarketDataEvents[i])
            {
                lastMarketDataEvents[i] = view.instrumentEvents(i);
                lastMarketDataChangeNs[i] = now;
            }
            age.dataPoint(gauge(labels, (now - lastMarketDataChangeNs[i]) / NANOS_PER_SECOND));
        }
        out.add(instrumentState.build());
        out.add(position.build());
        out.add(positionUsage.build());
        out.add(realized.build());
        out.add(unrealized.build());
        out.add(price.build());
        out.add(age.build());
    }

    private static CounterSnapshot counter(final String name, final String help, final long value)
    {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(counter(Labels.EMPTY, value)).build();
    }

    private static CounterDataPointSnapshot counter(final Labels labels, final long value)
    {
        return CounterDataPointSnapshot.builder().labels(labels).value((double)value).build();
    }

    private static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder().name(name).help(help).dataPoint(gauge(Labels.EMPTY, value)).build();
    }

    private static GaugeDataPointSnapshot gauge(final Labels labels, final double value)
    {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    /**
     * A classic histogram data point from an HdrHistogram of nanoseconds: per bucket, the values at or below its upper
     * bound and above the previous one (HdrHistogram counts a value to a bound when it is within the histogram's
     * three significant digits of it); the +Inf bucket holds the rest; the sum is mean x count.
     *
     * @param labels the point's labels.
     * @param histogram latencies in nanoseconds.
     * @return the point.
     */
    static HistogramDataPointSnapshot histogram(final Labels labels, final Histogram histogram)
    {
        final double[] bounds = new double[BUCKETS_SECONDS.length + 1];
        final long[] counts = new long[bounds.length];
        final long total = histogram.getTotalCount();
        long below = 0;
        for (int i = 0; i < BUCKETS_SECONDS.length; i++)
        {
            bounds[i] = BUCKETS_SECONDS[i];
            final long atOrBelow = total == 0 ? 0
                : histogram.getCountBetweenValues(0, Math.round(BUCKETS_SECONDS[i] * NANOS_PER_SECOND));
            counts[i] = Math.max(0, atOrBelow - below);
            below = Math.max(below, atOrBelow);
        }
        bounds[BUCKETS_SECONDS.length] = Double.POSITIVE_INFINITY;
        counts[BUCKETS_SECONDS.length] = Math.max(0, total - below);
        final double sum = total == 0 ? 0.0 : histogram.getMean() * total / NANOS_PER_SECOND;
        return HistogramDataPointSnapshot.builder().labels(labels)
            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).sum(sum).build();
    }

    /** The real-time risk monitor's last RISK_SNAPSHOT as {@code meridian_risk_*} gauges (issue 7). */
    private static void riskMonitor(final EngineStateView view, final List<MetricSnapshot> out)
    {
        out.add(gauge("meridian_risk_snapshots", "RISK_SNAPSHOT records written by the risk monitor",
            (double)view.riskSnapshots()));
        out.add(gauge("meridian_risk_nav_currency", "NAV at the last risk snapshot, currency units", view.riskNav()));
        out.add(gauge("meridian_risk_gross_exposure_currency", "Gross exposure at the last risk snapshot",
            view.riskGross()));
        out.add(gauge("meridian_risk_net_exposure_currency", "Net exposure at the last risk snapshot",
            view.riskNet()));
        out.add(gauge("meridian_risk_leverage_ratio", "Gross exposure over NAV", view.riskLeverage()));
        out.add(gauge("meridian_risk_drawdown_ratio", "Fall of NAV from its peak", view.riskDrawdown()));
        out.add(gauge("meridian_risk_month_pnl_currency", "Month-to-date P&L at the last risk snapshot",
            view.riskMonthPnl()));
        out.add(gauge("meridian_risk_var_window_returns", "Returns in the VaR window", (double)view.riskReturns()));
        out.add(GaugeSnapshot.builder().name("meridian_risk_var_ratio")
            .help("Value at risk over one snapshot interval, a fraction of NAV")
            .dataPoint(gauge(Labels.of("method", "historical", "level", "0.95"), view.riskHistVar95()))
            .dataPoint(gauge(Labels.of("method", "historical", "level", "0.99"), view.riskHistVar99()))
            .dataPoint(gauge(Labels.of("method", "parametric", "level", "0.95"), view.riskParamVar95()))
            .dataPoint(gauge(Labels.of("method", "parametric", "level", "0.99"), view.riskParamVar99())).build());
        out.add(GaugeSnapshot.builder().name("meridian_risk_cvar_ratio")
            .help("Conditional value at risk over one snapshot interval, a fraction of NAV")
            .dataPoint(gauge(Labels.of("method", "historical", "level", "0.95"), view.riskHistCvar95()))
            .dataPoint(gauge(Labels.of("method", "historical", "level", "0.99"), view.riskHistCvar99()))
            .dataPoint(gauge(Labels.of("method", "parametric", "level", "0.95"), view.riskParamCvar95()))
            .dataPoint(gauge(Labels.of("method", "parametric", "level", "0.99"), view.riskParamCvar99())).build());
        out.add(gauge("meridian_risk_max_limit_usage_ratio",
            "The largest usage (value over limit) among the monitored limits", view.riskMaxUsage()));
    }

    /** The risk monitor's concentration and per-instrument figures as {@code meridian_risk_*} gauges (issue 7). */
    private void riskInstruments(final EngineStateView view, final List<MetricSnapshot> out)
    {
        out.add(gauge("meridian_risk_fill_snapshots", "RISK_SNAPSHOT records written after a fill",
            (double)view.riskFillSnapshots()));
        out.add(GaugeSnapshot.builder().name("meridian_risk_concentration_ratio")
            .help("Concentration of gross exposure: the largest instrument's share, and the Herfindahl-Hirschman index")
            .dataPoint(gauge(Labels.of("measure", "largest_share"), view.riskLargestShare()))
            .dataPoint(gauge(Labels.of("measure", "herfindahl"), view.riskHerfindahl())).build());
        final GaugeSnapshot.Builder gross = GaugeSnapshot.builder()
            .name("meridian_risk_instrument_gross_exposure_currency")
            .help("Absolute position value per instrument at the last risk snapshot");
        final GaugeSnapshot.Builder net = GaugeSnapshot.builder()
            .name("meridian_risk_instrument_net_exposure_currency")
            .help("Signed position value per instrument at the last risk snapshot");
        final GaugeSnapshot.Builder share = GaugeSnapshot.builder().name("meridian_risk_instrument_share_ratio")
            .help("The instrument's share of gross exposure at the last risk snapshot");
        final GaugeSnapshot.Builder var = GaugeSnapshot.builder().name("meridian_risk_instrument_var_ratio")
            .help("Historical value at risk of the instrument's own returns, a fraction of NAV");
        final GaugeSnapshot.Builder cvar = GaugeSnapshot.builder().name("meridian_risk_instrument_cvar_ratio")
            .help("Historical conditional value at risk of the instrument's own returns, a fraction of NAV");
        for (int i = 0; i < view.instruments(); i++)
        {
            final String symbol = engine.config().instruments().get(i).symbol();
            final Labels labels = Labels.of("instrument", symbol);
            gross.dataPoint(gauge(labels, view.riskInstrument(i, EngineStateView.RiskFigure.GROSS)));
            net.dataPoint(gauge(labels, view.riskInstrument(i, EngineStateView.RiskFigure.NET)));
            share.dataPoint(gauge(labels, view.riskInstrument(i, EngineStateView.RiskFigure.SHARE)));
            var.dataPoint(gauge(Labels.of("instrument", symbol, "method", "historical", "level", "0.95"),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR95)));
            var.dataPoint(gauge(Labels.of("instrument", symbol, "method", "historical", "level", "0.99"),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR99)));
            cvar.dataPoint(gauge(Labels.of("instrument", symbol, "method", "historical", "level", "0.95"),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_CVAR95)));
        }
        out.add(gross.build());
        out.add(net.build());
        out.add(share.build());
        out.add(var.build());
        out.add(cvar.build());
    }
}
