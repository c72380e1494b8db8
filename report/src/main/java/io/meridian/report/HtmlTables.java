package io.meridian.report;

import java.util.List;
import java.util.Map;

/**
 * The tearsheet's HTML tables (kept apart from the charts in {@link Tearsheet}).
 */
final class HtmlTables
{
    private HtmlTables()
    {
    }

    @SuppressWarnings("unchecked")
    static void instrumentTable(final StringBuilder h, final Map<String, Object> instruments)
    {
        final String[] cols = {"net_pnl", "gross_pnl", "costs_total", "sharpe", "max_drawdown", "hit_rate",
            "round_trips", "fills", "turnover", "exposure_time"};
        h.append("<table id=\"instruments\"><tr><th>instrument</th>");
        for (final String c : cols)
        {
            h.append("<th>").append(c).append("</th>");
        }
        for (final String k : JournalAnalyzer.COST_KINDS)
        {
            h.append("<th>").append(k).append("</th>");
        }
        h.append("</tr>");
        for (final Map.Entry<String, Object> e : instruments.entrySet())
        {
            final Map<String, Object> row = (Map<String, Object>)e.getValue();
            h.append("<tr><td>").append(Tearsheet.esc(e.getKey())).append("</td>");
            for (final String c : cols)
            {
                h.append("<td>").append(Tearsheet.esc(Report.fmt(row.get(c)))).append("</td>");
            }
            final Map<String, Object> costs = (Map<String, Object>)row.get("costs");
            for (final String k : JournalAnalyzer.COST_KINDS)
            {
                h.append("<td>").append(Tearsheet.esc(Report.fmt(costs.get(k)))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    @SuppressWarnings("unchecked")
    static void table(final StringBuilder h, final String id, final Map<String, Object> rows)
    {
        h.append("<table id=\"").append(id).append("\">");
        boolean header = true;
        for (final Map.Entry<String, Object> e : rows.entrySet())
        {
            final Map<String, Object> row = (Map<String, Object>)e.getValue();
            if (header)
            {
                h.append("<tr><th></th>");
                for (final String k : row.keySet())
                {
                    h.append("<th>").append(Tearsheet.esc(k)).append("</th>");
                }
                h.append("</tr>");
                header = false;
            }
            h.append("<tr><td>").append(Tearsheet.esc(e.getKey())).append("</td>");
            for (final Object v : row.values())
            {
                final String text = v instanceof Map ? compact((Map<String, Object>)v) : Report.fmt(v);
                h.append("<td>").append(Tearsheet.esc(text)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    private static String compact(final Map<String, Object> map)
    {
        final StringBuilder s = new StringBuilder();
        for (final Map.Entry<String, Object> e : map.entrySet())
        {
            s.append(s.length() == 0 ? "" : "  ").append(e.getKey()).append(' ').append(Report.fmt(e.getValue()));
        }
        return s.toString();
    }

    static void simpleTable(final StringBuilder h, final String id, final Map<String, Object> map,
        final String keyHeader, final String valueHeader)
    {
        h.append("<table id=\"").append(id).append("\"><tr><th>").append(keyHeader).append("</th><th>")
            .append(valueHeader).append("</th></tr>");
        for (final Map.Entry<String, Object> e : map.entrySet())
        {
            h.append("<tr><td>").append(Tearsheet.esc(e.getKey())).append("</td><td>")
                .append(Tearsheet.esc(Report.fmt(e.getValue()))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /**
     * The orders with the highest implementation shortfall (at most {@link TcaOrders#WORST} rows).
     *
     * @param h the page.
     * @param orders the JSON's {@code tca_worst_orders}, worst first.
     */
    static void worstOrders(final StringBuilder h, final List<Map<String, Object>> orders)
    {
        final String[] cols = {"order_id", "instrument", "side", "order_type", "status", "implementation_shortfall_bps",
            "delay_bps", "execution_bps", "opportunity_bps", "fees_bps", "fill_rate", "time_to_fill_s",
            "decision_price", "arrival_price", "avg_fill_price", "filled_qty", "ordered_qty"};
        h.append("<table id=\"tca-worst-orders\"><tr>");
        for (final String c : cols)
        {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>");
        for (final Map<String, Object> row : orders)
        {
            h.append("<tr class=\"order\">");
            for (final String c : cols)
            {
                h.append("<td>").append(Tearsheet.esc(Report.fmt(row.get(c)))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    static void killSwitchEvents(final StringBuilder h, final List<Map<String, Object>> events)
    {
        h.append("<h2>Kill-switch events</h2>\n<table id=\"kill-switch\"><tr><th>time</th><th>from</th><th>to</th>"
            + "<th>reason</th></tr>");
        for (final Map<String, Object> e : events)
        {
            h.append("<tr><td>").append(Tearsheet.esc(String.valueOf(e.get("time")))).append("</td><td>")
                .append(Tearsheet.esc(String.valueOf(e.get("from")))).append("</td><td>")
                .append(Tearsheet.esc(String.valueOf(e.get("to")))).append("</td><td>")
                .append(Tearsheet.esc(String.valueOf(e.get("reason")))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /**
     * The per-stage latency: the given table (a run summary's), else the journal's {@link LatencySidecar}, else the
     * report's note that it was not recorded.
     *
     * @param h the page.
     * @param root the report.
     * @param latencyNs a run summary's {@code latencyNs}, or null.
     */
    @SuppressWarnings("unchecked")
    static void latency(final StringBuilder h, final Map<String, Object> root, final Map<String, Object> latencyNs)
    {
        final Map<String, Object> sidecar = (Map<String, Object>)root.get("latency");
        final Map<String, Object> stages = latencyNs != null ? latencyNs
            : sidecar == null ? null : (Map<String, Object>)sidecar.get("stages");
        if (stages == null)
        {
            h.append("<p id=\"latency-missing\" class=\"note\">")
                .append(Tearsheet.esc(String.valueOf(root.get("latency_note")))).append("</p>\n");
            return;
        }
        if (latencyNs == null)
        {
            h.append("<p class=\"note\">").append(Tearsheet.esc(String.valueOf(sidecar.get("note"))))
                .append("</p>\n");
        }
        table(h, "latency", stages);
    }

    /**
     * One row per session.
     *
     * @param h the page.
     * @param sessions the JSON's {@code sessions}.
     */
    static void sessions(final StringBuilder h, final List<Map<String, Object>> sessions)
    {
        final String[] cols = {"session", "periods", "net_pnl", "total_return", "sharpe", "sortino", "max_drawdown",
            "annual_volatility", "fills", "traded_value", "costs_total"};
        h.append("<table id=\"sessions\"><tr>");
        for (final String c : cols)
        {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>");
        for (final Map<String, Object> row : sessions)
        {
            h.append("<tr class=\"session\">");
            for (final String c : cols)
            {
                h.append("<td>").append(Tearsheet.esc(Report.fmt(row.get(c)))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }
}
