package io.meridian.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;

/**
 * Prints an ops server's {@code /status} document as tables for {@code meridian status}: trading state, positions
 * and P&amp;L per instrument, working orders, order counts, rejects by reason, latency percentiles, journal.
 */
final class StatusTable
{
    private StatusTable()
    {
    }

    static void print(final JsonNode s, final PrintStream out)
    {
        out.printf("run %s (%s)  trading state %s  (last change: %s)  kill-switch trips %d  %s%n",
            s.path("runId").asText(), s.path("profile").asText(), s.path("tradingState").asText(),
            s.path("lastStateReason").asText(), s.path("killSwitchTrips").asLong(),
            s.path("healthy").asBoolean() ? "healthy" : "UNHEALTHY");
        out.println();
        out.printf("%-8s %-10s %10s %12s %12s %14s %14s %14s%n", "instr", "state", "position", "bid", "ask",
            "realized", "unrealized", "P&L");
        for (final JsonNode i : s.path("instruments"))
        {
            out.printf("%-8s %-10s %,10d %,12.2f %,12.2f %,14.2f %,14.2f %,14.2f%n", i.path("symbol").asText(),
                i.path("state").asText(), i.path("position").asLong(), i.path("bid").asDouble(),
                i.path("ask").asDouble(), i.path("realizedPnl").asDouble(), i.path("unrealizedPnl").asDouble(),
                i.path("pnl").asDouble());
        }
        final JsonNode pnl = s.path("pnl");
        out.printf("%-8s %-10s %10s %12s %12s %,14.2f %,14.2f %,14.2f%n", "total", "", "", "", "",
            pnl.path("realized").asDouble(), pnl.path("unrealized").asDouble(), pnl.path("total").asDouble());
        out.println();
        boolean working = false;
        for (final JsonNode i : s.path("instruments"))
        {
            final JsonNode order = i.path("workingOrder");
            if (order.isObject())
            {
                if (!working)
                {
                    out.println("working orders:");
                    working = true;
                }
                out.printf("  %-8s #%d %s %d @ %.2f%n", i.path("symbol").asText(), order.path("clOrdId").asLong(),
                    order.path("side").asText(), order.path("leaves").asLong(), order.path("price").asDouble());
            }
        }
        if (!working)
        {
            out.println("working orders: none");
        }
        final JsonNode orders = s.path("orders");
        out.printf("orders: %,d sent, %,d cancels, %,d mass cancels, %,d fills (%,d lots), %,d signals%n",
            orders.path("sent").asLong(), orders.path("cancels").asLong(), orders.path("massCancels").asLong(),
            orders.path("fills").asLong(), orders.path("filledLots").asLong(), orders.path("signals").asLong());
        final StringBuilder rejects = new StringBuilder();
        for (final Map.Entry<String, JsonNode> reason : s.path("rejects").properties())
        {
            rejects.append(rejects.length() == 0 ? "" : ", ").append(reason.getKey()).append(' ')
                .append(String.format("%,d", reason.getValue().asLong()));
        }
        out.println("rejects: " + (rejects.length() == 0 ? "none" : rejects));
        out.println();
        out.printf("%-14s %12s %10s %10s %10s %10s %10s%n", "latency (us)", "count", "p50", "p90", "p99", "p99.9",
            "max");
        latencyRow(out, "tick-to-order", s.path("latency").path("tickToOrder"));
        for (final Map.Entry<String, JsonNode> stage : s.path("latency").path("stages").properties())
        {
            latencyRow(out, stage.getKey(), stage.getValue());
        }
        final JsonNode reconciliation = s.path("reconciliation");
        if (reconciliation.isObject())
        {
            reconciliation(reconciliation, out);
        }
        final JsonNode journal = s.path("journal");
        out.printf("%njournal %s: journaled sequence %,d, lag %,d events%n", journal.path("dir").asText(),
            journal.path("journaledSequence").asLong(), journal.path("lagEvents").asLong());
    }

    private static void reconciliation(final JsonNode r, final PrintStream out)
    {
        final JsonNode last = r.path("last");
        out.printf("%nreconciliations this session: %d%n", r.path("reconciliations").asLong());
        if (last.size() == 0)
        {
            out.println("last reconciliation: none yet");
            return;
        }
        if (last.size() == 1 && "CLEAN".equals(last.get(0).path("kind").asText()))
        {
            out.println("last reconciliation: clean (engine = broker)");
            return;
        }
        out.printf("last reconciliation: %d differences%n", last.size() + r.path("notShown").asInt());
        out.printf("  %-24s %-8s %10s %14s %14s %s%n", "kind", "instr", "order", "engine", "broker", "");
        for (final JsonNode d : last)
        {
            out.printf("  %-24s %-8s %10s %,14d %,14d %s%n", d.path("kind").asText(), d.path("instrument").asText(),
                d.path("orderId").asLong() == 0 ? "-" : "#" + d.path("orderId").asLong(), d.path("engine").asLong(),
                d.path("broker").asLong(), d.path("applied").asBoolean() ? "applied" : "");
        }
        if (r.path("notShown").asInt() > 0)
        {
            out.printf("  ... %d more not shown%n", r.path("notShown").asInt());
        }
    }

    private static void latencyRow(final PrintStream out, final String name, final JsonNode p)
    {
        out.printf("%-14s %,12d %10.1f %10.1f %10.1f %10.1f %10.1f%n", name, p.path("count").asLong(),
            p.path("p50Us").asDouble(), p.path("p90Us").asDouble(), p.path("p99Us").asDouble(),
            p.path("p999Us").asDouble(), p.path("maxUs").asDouble());
    }
}
