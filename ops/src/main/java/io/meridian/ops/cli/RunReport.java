package io.meridian.ops.cli;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.report.LatencySidecar;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The summary a run prints and writes as JSON: counts, rejects by reason, P&amp;L per instrument, latency
 * percentiles. Built once at the end of a run from the pipeline's counters; not on the hot path.
 */
public final class RunReport
{
    private final Map<String, Object> root = new LinkedHashMap<>();

    /**
     * Collects the report.
     *
     * @param runId run id.
     * @param journalDir journal directory.
     * @param pipeline the pipeline after the run.
     * @param latency its latency histograms by {@link PipelineLatency} index (e.g. {@code latency::snapshot}), or
     *     null.
     * @param events inbound events processed.
     * @param wallSeconds wall-clock duration of the run.
     * @param replayLine the replay verifier's line, or null.
     */
    public RunReport(
        final String runId,
        final String journalDir,
        final Pipeline pipeline,
        final IntFunction<Histogram> latency,
        final long events,
        final double wallSeconds,
        final String replayLine)
    {
        final OrderManager orders = pipeline.orders();
        final MarketDataStage book = pipeline.book();
        root.put("runId", runId);
        root.put("journal", journalDir);
        root.put("events", events);
        root.put("wallSeconds", round(wallSeconds, 3));
        root.put("eventsPerSecond", Math.round(events / Math.max(wallSeconds, 1e-9)));
        root.put("marketDataAccepted", book.acceptedCount());
        root.put("signals", orders.signals());
        root.put("orders", orders.ordersSent());
        root.put("fills", orders.fills());
        root.put("filledQty", orders.filledQty());
        root.put("cancels", orders.cancelsSent());
        root.put("massCancels", orders.massCancels());
        root.put("tradingStateChanges", orders.stateChanges());
        root.put("decisions", orders.outputSequence());

        final Map<String, Object> rejects = new LinkedHashMap<>();
        for (final RejectReason reason : RejectReason.values())
        {
            final long count = book.rejectCount(reason) + orders.risk().rejectCount(reason);
            if (count > 0 && reason != RejectReason.NONE)
            {
                rejects.put(reason.name(), count);
            }
        }
        if (orders.venueRejects() > 0)
        {
            rejects.put(RejectReason.VENUE_REJECT.name(), orders.venueRejects());
        }
        root.put("rejects", rejects);

        final InstrumentIndex instruments = pipeline.instruments();
        final PositionKeeper positions = orders.positions();
        final Map<String, Object> pnl = new LinkedHashMap<>();
        double total = 0.0;
        double costs = 0.0;
        for (int i = 0; i < instruments.count(); i++)
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            final double realized = Scales.toDouble(positions.realized(i), Scales.CASH_SCALE);
            final double unrealized = Scales.toDouble(positions.unrealized(i), Scales.CASH_SCALE);
            final double cost = Scales.toDouble(positions.costs(i), Scales.CASH_SCALE);
            row.put("position", positions.position(i));
            row.put("realized", round(realized, 2));
            row.put("unrealized", round(unrealized, 2));
            row.put("total", round(realized + unrealized, 2));
            row.put("costs", round(cost, 2));
            row.put("net", round(realized + unrealized - cost, 2));
            total += realized + unrealized;
            costs += cost;
            pnl.put(instruments.symbol(i), row);
        }
        root.put("pnl", pnl);
        root.put("pnlTotal", round(total, 2));
        root.put("costsTotal", round(costs, 2));
        root.put("pnlNet", round(total - costs, 2));

        if (latency != null)
        {
            final Map<String, Object> stages = new LinkedHashMap<>();
            for (int h = 0; h < PipelineLatency.COUNT; h++)
            {
                stages.put(PipelineLatency.name(h), percentiles(latency.apply(h)));
            }
            root.put("latencyNs", stages);
        }
        if (replayLine != null)
        {
            root.put("replay", replayLine);
        }
    }

    /**
     * Adds the headline statistics of the run's journal (the {@code report} module's), printed after the P&amp;L.
     *
     * @param headline the text.
     * @return this report.
     */
    public RunReport statistics(final String headline)
    {
        root.put("statistics", headline);
        return this;
    }

    /**
     * Records that the stage and whole-event histograms hold a sample of one event in {@code sampleEvery} (see
     * {@link PipelineLatency#sampleEvery()}); the text report says so above the latency table.
     *
     * @param sampleEvery the sample interval, 1 for every event.
     * @return this report.
     */
    public RunReport latencySampleEvery(final int sampleEvery)
    {
        root.put("latencySampleEvery", sampleEvery);
        return this;
    }

    /**
     * Adds the rate of the run's second half, once the JIT has compiled the hot path; the whole run's rate includes
     * the warm-up.
     *
     * @param events inbound events processed in the second half.
     * @param seconds wall-clock duration of the second half.
     * @return this report.
     */
    public RunReport secondHalfRate(final long events, final double seconds)
    {
        root.put("secondHalfEventsPerSecond", Math.round(events / Math.max(seconds, 1e-9)));
        return this;
    }

    /**
     * Writes the latency percentiles beside the journal ({@link LatencySidecar}), where {@code meridian report} finds
     * them; a failure to write is a warning, not a failed run.
     *
     * @param journalDir the run's journal directory.
     * @param sampleEvery stages timed on one event in this many.
     * @param note how the figures were taken.
     * @param err where a warning goes.
     * @return this report.
     */
    @SuppressWarnings("unchecked")
    public RunReport writeLatencySidecar(
        final Path journalDir, final int sampleEvery, final String note, final PrintStream err)
    {
        final Map<String, Object> stages = (Map<String, Object>)root.get("latencyNs");
        if (stages != null)
        {
            try
            {
                LatencySidecar.write(journalDir, stages, sampleEvery, note);
            }
            catch (final UncheckedIOException ex)
            {
                err.println("warning: " + ex.getMessage() + " (report will say: latency not recorded)");
            }
        }
        return this;
    }

    private static Map<String, Object> percentiles(final Histogram histogram)
    {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", histogram.getTotalCount());
        p.put("p50", histogram.getValueAtPercentile(50.0));
        p.put("p99", histogram.getValueAtPercentile(99.0));
        p.put("p999", histogram.getValueAtPercentile(99.9));
        p.put("max", histogram.getMaxValue());
        return p;
    }

    private static double round(final double value, final int decimals)
    {
        final double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    /**
     * The report as a map (insertion ordered), for tests.
     *
     * @return the map.
     */
    public Map<String, Object> asMap()
    {
        return Collections.unmodifiableMap(root);
    }

    /**
     * Human-readable text.
     *
     * @return the text.
     */
    @SuppressWarnings("unchecked")
    public String toText()
    {
        final StringBuilder out = new StringBuilder(2048);
        out.append(String.format(Locale.ROOT, "run %s  journal %s%n", root.get("runId"), root.get("journal")));
        out.append(String.format(Locale.ROOT, "events %,d in %.2f s (%,d events/s", (Long)root.get("events"),
            (Double)root.get("wallSeconds"), (Long)root.get("eventsPerSecond")));
        final Object secondHalf = root.get("secondHalfEventsPerSecond");
        if (secondHalf != null)
        {
            out.append(String.format(Locale.ROOT, "; second half, after JIT warm-up: %,d events/s", (Long)secondHalf));
        }
        out.append(String.format(Locale.ROOT, ")%n"));
        out.append(String.format(Locale.ROOT,
            "signals %,d  orders %,d  fills %,d (qty %,d)  cancels %,d  mass cancels %,d  state changes %,d%n",
            (Long)root.get("signals"), (Long)root.get("orders"), (Long)root.get("fills"),
            (Long)root.get("filledQty"), (Long)root.get("cancels"), (Long)root.get("massCancels"),
            (Long)root.get("tradingStateChanges")));
        final Map<String, Object> rejects = (Map<String, Object>)root.get("rejects");
        out.append("rejects by reason:");
        if (rejects.isEmpty())
        {
            out.append(" none");
        }
        out.append(System.lineSeparator());
        for (final Map.Entry<String, Object> e : rejects.entrySet())
        {
            out.append(String.format(Locale.ROOT, "  %-26s %,12d%n", e.getKey(), (Long)e.getValue()));
        }
        out.append(String.format(Locale.ROOT,
            "P&L per instrument (gross = realized + unrealized; net = gross - costs):%n"
            + "  %-8s %10s %14s %14s %14s %14s %14s%n",
            "symbol", "position", "realized", "unrealized", "gross", "costs", "net"));
        final Map<String, Object> pnl = (Map<String, Object>)root.get("pnl");
        for (final Map.Entry<String, Object> e : pnl.entrySet())
        {
            final Map<String, Object> row = (Map<String, Object>)e.getValue();
            out.append(String.format(Locale.ROOT, "  %-8s %,10d %,14.2f %,14.2f %,14.2f %,14.2f %,14.2f%n",
                e.getKey(), (Long)row.get("position"), (Double)row.get("realized"), (Double)row.get("unrealized"),
                (Double)row.get("total"), (Double)row.get("costs"), (Double)row.get("net")));
        }
        out.append(String.format(Locale.ROOT, "  %-8s %10s %14s %14s %,14.2f %,14.2f %,14.2f%n", "total", "", "", "",
            (Double)root.get("pnlTotal"), (Double)root.get("costsTotal"), (Double)root.get("pnlNet")));
        if (root.get("statistics") != null)
        {
            out.append(root.get("statistics")).append(System.lineSeparator());
        }
        final Map<String, Object> latency = (Map<String, Object>)root.get("latencyNs");
        if (latency != null)
        {
            final Object sampleEvery = root.get("latencySampleEvery");
            out.append(sampleEvery == null || (Integer)sampleEvery == 1 ? "latency (ns):" : String.format(Locale.ROOT,
                "latency (ns; stages and event timed on one event in %d, tick_to_order on every order):",
                (Integer)sampleEvery));
            out.append(String.format(Locale.ROOT, "%n  %-14s %12s %10s %10s %10s %10s%n",
                "stage", "count", "p50", "p99", "p99.9", "max"));
            for (final Map.Entry<String, Object> e : latency.entrySet())
            {
                final Map<String, Object> p = (Map<String, Object>)e.getValue();
                out.append(String.format(Locale.ROOT, "  %-14s %,12d %,10d %,10d %,10d %,10d%n", e.getKey(),
                    (Long)p.get("count"), (Long)p.get("p50"), (Long)p.get("p99"), (Long)p.get("p999"),
                    (Long)p.get("max")));
            }
        }
        if (root.get("replay") != null)
        {
            out.append(root.get("replay")).append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * The report as JSON.
     *
     * @return the JSON text.
     */
    public String toJson()
    {
        final StringBuilder out = new StringBuilder(2048);
        writeJson(out, root, 0);
        out.append('\n');
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeJson(final StringBuilder out, final Object value, final int indent)
    {
        if (value instanceof Map)
        {
            final Map<String, Object> map = (Map<String, Object>)value;
            out.append('{');
            boolean first = true;
            for (final Map.Entry<String, Object> e : map.entrySet())
            {
                out.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
                quote(out, e.getKey());
                out.append(": ");
                writeJson(out, e.getValue(), indent + 1);
                first = false;
            }
            out.append(first ? "}" : "\n" + "  ".repeat(indent) + "}");
        }
        else if (value instanceof String)
        {
            quote(out, (String)value);
        }
        else if (value instanceof Double)
        {
            final double d = (Double)value;
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        }
        else
        {
            out.append(value);
        }
    }

    private static void quote(final StringBuilder out, final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }
}
