package io.meridian.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML tearsheet: one self-contained file (inline CSS and SVG charts drawn here; no script, no network) with
 * the headline statistics, equity curve, underwater (drawdown) chart, a returns heatmap (by day when the run spans
 * two days or more, else by minute), rolling Sharpe, return distribution, P&amp;L and costs per instrument, TCA,
 * rejects by reason, kill-switch events, per-stage latency (when a run summary supplies it), the run manifest and
 * the replay-verification line. Every chart is an {@code <svg class="chart">} with an id.
 */
public final class Tearsheet
{
    private static final int W = 900;
    private static final int H = 220;
    private static final int PAD = 40;
    private static final double MID = W / 2.0;

    private Tearsheet()
    {
    }

    /**
     * Writes the tearsheet.
     *
     * @param report the report.
     * @param file the HTML file.
     */
    public static void write(final Report report, final Path file)
    {
        write(report, null, file);
    }

    /**
     * Writes the tearsheet with the per-stage latency of the run's summary.
     *
     * @param report the report.
     * @param latencyNs per stage: count, p50, p99, p999, max (the demo summary's {@code latencyNs}), or null.
     * @param file the HTML file.
     */
    public static void write(final Report report, final Map<String, Object> latencyNs, final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html(report, latencyNs), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tearsheet's HTML.
     *
     * @param report the report.
     * @param latencyNs per-stage latency or null.
     * @return the document.
     */
    @SuppressWarnings("unchecked")
    static String html(final Report report, final Map<String, Object> latencyNs)
    {
        final Map<String, Object> root = report.asMap();
        final Map<String, Object> run = (Map<String, Object>)root.get("run");
        final Map<String, Object> instruments = (Map<String, Object>)root.get("instruments");
        final Map<String, Object> total = (Map<String, Object>)instruments.get("total");
        final double[] equity = report.equity().get("total");
        final int n = report.points();
        final double[] returns = new double[Math.max(0, n - 1)];
        for (int k = 1; k < n; k++)
        {
            returns[k - 1] = equity[k] / equity[k - 1] - 1.0;
        }
        final StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Meridian report ")
            .append(esc(String.valueOf(run.get("run_id")))).append("</title><style>")
            .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}")
            .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}")
            .append("td:first-child,th:first-child{text-align:left}svg.chart{border:1px solid #ddd;margin:6px 0;")
            .append("display:block}h2{margin-top:28px}.note{color:#666;font-size:90%}</style></head><body>\n");
        h.append("<h1>Meridian report: ").append(esc(String.valueOf(run.get("run_id")))).append("</h1>\n");
        h.append("<p class=\"note\">").append(esc(String.valueOf(root.get("replay")))).append("</p>\n");

        h.append("<h2>Headline statistics</h2>\n<table id=\"headline\"><tr>");
        final String[] keys = {"net_pnl", "gross_pnl", "costs_total", "sharpe", "sortino", "calmar", "max_drawdown",
            "max_drawdown_duration_s", "annual_return", "annual_volatility", "psr", "dsr", "hit_rate",
            "profit_factor", "turnover", "exposure_time"};
        for (final String k : keys)
        {
            h.append("<th>").append(k).append("</th>");
        }
        h.append("</tr><tr>");
        for (final String k : keys)
        {
            h.append("<td>").append(esc(Report.fmt(total.get(k)))).append("</td>");
        }
        h.append("</tr></table>\n<p class=\"note\">equity sampled every ").append(Report.fmt(root.get(
            "equity_interval_s"))).append(" s (").append(root.get("equity_points")).append(" points), ")
            .append(Report.fmt(root.get("periods_per_year"))).append(" periods per year; starting capital ")
            .append(Report.fmt(root.get("starting_capital"))).append(".</p>\n");

        h.append("<h2>Equity curve</h2>\n");
        line(h, "equity", equity, n, false);
        final double[] underwater = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++)
        {
            peak = Math.max(peak, equity[k]);
            underwater[k] = equity[k] / peak - 1.0;
        }
        h.append("<h2>Drawdown (underwater)</h2>\n");
        line(h, "underwater", underwater, n, true);
        h.append("<h2>Returns heatmap</h2>\n");
        heatmap(h, report, returns);
        h.append("<h2>Rolling Sharpe</h2>\n");
        final int window = Math.max(2, Math.min(50, returns.length / 5));
        final double[] rolling = rollingSharpe(returns, window, (Double)root.get("periods_per_year"));
        h.append("<p class=\"note\">window ").append(window).append(" periods, annualised</p>\n");
        line(h, "rolling-sharpe", rolling, rolling.length, false);
        h.append("<h2>Return distribution</h2>\n");
        histogram(h, returns);

        h.append("<h2>P&amp;L and costs per instrument</h2>\n");
        pnlBars(h, instruments);
        HtmlTables.instrumentTable(h, instruments);
        h.append("<h2>Sessions (calendar days, ").append(esc(String.valueOf(root.get("sessions_timezone"))))
            .append(")</h2>\n");
        HtmlTables.sessions(h, (List<Map<String, Object>>)root.get("sessions"));
        h.append("<h2>Transaction-cost analysis</h2>\n");
        HtmlTables.table(h, "tca", (Map<String, Object>)root.get("tca"));
        final List<Map<String, Object>> worst = (List<Map<String, Object>>)root.get("tca_worst_orders");
        h.append("<h3>The ").append(worst.size()).append(" orders with the highest implementation shortfall (of ")
            .append(root.get("tca_orders_count")).append(")</h3>\n");
        HtmlTables.worstOrders(h, worst);
        h.append("<h2>Rejects by reason</h2>\n");
        HtmlTables.simpleTable(h, "rejects", (Map<String, Object>)root.get("rejects"), "reason", "count");
        HtmlTables.killSwitchEvents(h, (List<Map<String, Object>>)root.get("kill_switch_events"));
        h.append("<h2>Per-stage latency (ns)</h2>\n");
        HtmlTables.latency(h, root, latencyNs);
        h.append("<h2>Run manifest</h2>\n");
        HtmlTables.simpleTable(h, "manifest", run, "key", "value");
        h.append("<h2>Conventions</h2>\n");
        HtmlTables.simpleTable(h, "conventions", (Map<String, Object>)root.get("conventions"), "figure", "convention");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void line(final StringBuilder h, final String id, final double[] v, final int n,
        final boolean fill)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (int k = 0; k < n; k++)
        {
            if (Double.isFinite(v[k]))
            {
                min = Math.min(min, v[k]);
                max = Math.max(max, v[k]);
                finite++;
            }
        }
        if (finite == 0)
        {
            min = 0;
            max = 1;
        }
        if (max == min)
        {
            max = min + 1e-9 + Math.abs(min) * 1e-9;
        }
        svgOpen(h, id, H);
        axisLabels(h, min, max);
        final StringBuilder points = new StringBuilder();
        for (int k = 0; k < n; k++)
        {
            if (Double.isFinite(v[k]))
            {
                points.append(f(PAD + (W - 2.0 * PAD) * k / Math.max(1, n - 1))).append(',')
                    .append(f(y(v[k], min, max))).append(' ');
            }
        }
        if (fill && finite > 0)
        {
            h.append("<polygon fill=\"#f4b6b6\" points=\"").append(f(PAD)).append(',').append(f(y(0, min, max)))
                .append(' ').append(points).append(f(W - PAD)).append(',').append(f(y(0, min, max)))
                .append("\"/>");
        }
        h.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" points=\"").append(points)
            .append("\"/></svg>\n");
    }

    private static void heatmap(final StringBuilder h, final Report report, final double[] returns)
    {
        final long span = report.intervalNs() * Math.max(0, report.points() - 1);
        final boolean daily = span >= 2L * 86_400_000_000_000L;
        final Map<String, double[]> cells = new TreeMap<>();
        for (int k = 0; k < returns.length; k++)
        {
            final ZonedDateTime t = Instant.ofEpochSecond(0, report.startNs() + (k + 1) * report.intervalNs())
                .atZone(ZoneOffset.UTC);
            final String row = daily ? String.format(Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue())
                : String.format(Locale.ROOT, "%s %02d:00", t.toLocalDate(), t.getHour());
            final int col = daily ? t.getDayOfMonth() - 1 : t.getMinute();
            final double[] r = cells.computeIfAbsent(row, x -> filled(daily ? 31 : 60));
            r[col] = (Double.isNaN(r[col]) ? 1.0 : 1.0 + r[col]) * (1.0 + returns[k]) - 1.0;
        }
        double scale = 1e-12;
        for (final double[] r : cells.values())
        {
            for (final double x : r)
            {
                if (Double.isFinite(x))
                {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
        }
        final int cols = daily ? 31 : 60;
        final int cell = (W - 2 * PAD - 60) / cols;
        final int height = Math.max(1, cells.size()) * (cell + 2) + 30;
        svgOpen(h, "heatmap", height);
        h.append("<text x=\"4\" y=\"14\" font-size=\"11\">").append(daily ? "return by day (rows: month)"
            : "return by minute (rows: hour, UTC)").append("; colour scale +/-").append(Report.fmt(scale))
            .append("</text>");
        int rowIndex = 0;
        for (final Map.Entry<String, double[]> e : cells.entrySet())
        {
            final int yy = 22 + rowIndex * (cell + 2);
            h.append("<text x=\"4\" y=\"").append(yy + cell - 2).append("\" font-size=\"9\">").append(esc(e.getKey()))
                .append("</text>");
            for (int c = 0; c < cols; c++)
            {
                final double x = e.getValue()[c];
                if (Double.isNaN(x))
                {
                    continue;
                }
                final int intensity = (int)Math.round(200 * Math.min(1.0, Math.abs(x) / scale));
                final String colour = x >= 0 ? "rgb(" + (235 - intensity) + ",245," + (235 - intensity) + ")"
                    : "rgb(245," + (235 - intensity) + "," + (235 - intensity) + ")";
                h.append("<rect x=\"").append(PAD + 60 + c * cell).append("\" y=\"").append(yy).append("\" width=\"")
                    .append(cell - 1).append("\" height=\"").append(cell).append("\" fill=\"").append(colour)
                    .append("\"><title>").append(esc(e.getKey())).append(' ').append(c + (daily ? 1 : 0)).append(": ")
                    .append(Report.fmt(x)).append("</title></rect>");
            }
            rowIndex++;
        }
        h.append("</svg>\n");
    }

    private static double[] filled(final int n)
    {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] rollingSharpe(final double[] r, final int window, final double periodsPerYear)
    {
        final double[] out = new double[r.length];
        for (int k = 0; k < r.length; k++)
        {
            if (k + 1 < window)
            {
                out[k] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = k + 1 - window; j <= k; j++)
            {
                sum += r[j];
            }
            final double mean = sum / window;
            double ss = 0;
            for (int j = k + 1 - window; j <= k; j++)
            {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            final double sd = Math.sqrt(ss / (window - 1));
            out[k] = sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : Double.NaN;
        }
        return out;
    }

    private static void histogram(final StringBuilder h, final double[] r)
    {
        final int bins = 30;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final double x : r)
        {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (r.length == 0)
        {
            min = 0;
            max = 1;
        }
        if (max == min)
        {
            max = min + 1e-12;
        }
        final int[] counts = new int[bins];
        for (final double x : r)
        {
            counts[Math.min(bins - 1, (int)((x - min) / (max - min) * bins))]++;
        }
        int top = 1;
        for (final int c : counts)
        {
            top = Math.max(top, c);
        }
        svgOpen(h, "distribution", H);
        h.append("<text x=\"4\" y=\"14\" font-size=\"11\">period returns from ").append(Report.fmt(min))
            .append(" to ").append(Report.fmt(max)).append(", ").append(r.length).append(" periods</text>");
        final double width = (W - 2.0 * PAD) / bins;
        for (int b = 0; b < bins; b++)
        {
            final double height = (H - 2.0 * PAD) * counts[b] / top;
            h.append("<rect x=\"").append(f(PAD + b * width)).append("\" y=\"").append(f(H - PAD - height))
                .append("\" width=\"").append(f(width - 1)).append("\" height=\"").append(f(Math.max(0.5, height)))
                .append("\" fill=\"#1f5fa8\"><title>").append(counts[b]).append("</title></rect>");
        }
        h.append("</svg>\n");
    }

    @SuppressWarnings("unchecked")
    private static void pnlBars(final StringBuilder h, final Map<String, Object> instruments)
    {
        double scale = 1e-9;
        for (final Object o : instruments.values())
        {
            final Map<String, Object> row = (Map<String, Object>)o;
            scale = Math.max(scale, Math.max(Math.abs((Double)row.get("gross_pnl")),
                Math.max(Math.abs((Double)row.get("net_pnl")), Math.abs((Double)row.get("costs_total")))));
        }
        final int rowHeight = 54;
        svgOpen(h, "pnl-costs", instruments.size() * rowHeight + 20);
        int i = 0;
        for (final Map.Entry<String, Object> e : instruments.entrySet())
        {
            final Map<String, Object> row = (Map<String, Object>)e.getValue();
            final int y0 = 10 + i * rowHeight;
            h.append("<text x=\"4\" y=\"").append(y0 + 28).append("\" font-size=\"12\">").append(esc(e.getKey()))
                .append("</text>");
            bar(h, MID, y0, (Double)row.get("gross_pnl"), scale, "#7aa6d6", "gross");
            bar(h, MID, y0 + 15, -(Double)row.get("costs_total"), scale, "#d69a7a", "costs");
            bar(h, MID, y0 + 30, (Double)row.get("net_pnl"), scale, "#1f5fa8", "net");
            i++;
        }
        h.append("<line x1=\"").append(f(MID)).append("\" y1=\"0\" x2=\"").append(f(MID)).append("\" y2=\"")
            .append(instruments.size() * rowHeight + 20).append("\" stroke=\"#888\"/></svg>\n");
    }

    private static void bar(final StringBuilder h, final double mid, final int y, final double value,
        final double scale, final String colour, final String label)
    {
        final double length = Math.max(0.5, (W / 2.0 - 120) * Math.abs(value) / scale);
        final double x = value >= 0 ? mid : mid - length;
        h.append("<rect x=\"").append(f(x)).append("\" y=\"").append(y).append("\" width=\"").append(f(length))
            .append("\" height=\"12\" fill=\"").append(colour).append("\"><title>").append(label).append(' ')
            .append(Report.fmt(value)).append("</title></rect><text x=\"")
            .append(f(value >= 0 ? x + length + 4 : x - 4))
            .append("\" y=\"").append(y + 10).append("\" font-size=\"10\" text-anchor=\"")
            .append(value >= 0 ? "start" : "end").append("\">").append(label).append(' ')
            .append(String.format(Locale.ROOT, "%,.2f", value)).append("</text>");
    }

    private static void svgOpen(final StringBuilder h, final String id, final int height)
    {
        h.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
            .append(W).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(W).append(' ')
            .append(height).append("\">");
    }

    private static void axisLabels(final StringBuilder h, final double min, final double max)
    {
        h.append("<text x=\"4\" y=\"").append(PAD - 6).append("\" font-size=\"10\">").append(Report.fmt(max))
            .append("</text><text x=\"4\" y=\"").append(H - PAD + 14).append("\" font-size=\"10\">")
            .append(Report.fmt(min)).append("</text>");
    }

    private static double y(final double v, final double min, final double max)
    {
        return H - PAD - (H - 2.0 * PAD) * (v - min) / (max - min);
    }

    private static String f(final double v)
    {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
