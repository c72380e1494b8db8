package io.meridian.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RunManifest;
import io.meridian.report.stats.ReturnStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made journal (one round trip in MRDA with known costs, a risk reject and a kill-switch event) and every
 * figure of its report worked out by hand.
 */
final class ReportTest
{
    private static final long T0 = 1_767_623_400_000_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int MRDA = 1;

    @TempDir
    Path tmp;

    private final UnsafeBuffer b = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private long outputSequence;

    @Test
    void shouldReportARoundTripByHand() throws IOException
    {
        final Path dir = writeJournal();
        final Report report = Report.analyze(dir, 0, 0, null);
        final Map<String, Object> root = report.asMap();

        assertEquals(1.0, (Double)root.get("equity_interval_s"), "4 s of run: the 1 s interval gives 5 >= 2 points");
        assertEquals(5, root.get("equity_points"));
        assertEquals(252 * 23400.0, (Double)root.get("periods_per_year"));
        // t0: flat; t1: bought 100 at 50.01, mid 50.00, costs 1.30; t2: mid 51.00; t3: sold 100 at 50.99 (net
        // 98.00 - 1.30 - 0.9584); t4: unchanged
        final double[] expected = {1e6, 1e6 - 2.30, 1e6 + 97.70, 1e6 + 95.7416, 1e6 + 95.7416};
        final double[] equity = report.equity().get("total");
        for (int k = 0; k < expected.length; k++)
        {
            assertEquals(expected[k], equity[k], 1e-9, "equity point " + k);
        }
        final Map<String, Object> total = row(root, "total");
        assertEquals(95.7416, (Double)total.get("net_pnl"), 1e-9);
        assertEquals(98.00, (Double)total.get("gross_pnl"), 1e-9);
        assertEquals(2.2584, (Double)total.get("costs_total"), 1e-9);
        @SuppressWarnings("unchecked")
        final Map<String, Object> costs = (Map<String, Object>)total.get("costs");
        assertEquals(2.00, (Double)costs.get("commission"), 1e-12);
        assertEquals(0.1418, (Double)costs.get("sec_fee"), 1e-12);
        assertEquals(0.0166, (Double)costs.get("finra_taf"), 1e-12);
        assertEquals(0.10, (Double)costs.get("exchange_fee"), 1e-12, "0.30 take fee - 0.20 rebate");
        assertEquals(0.0, (Double)costs.get("impact"), 1e-12);
        assertEquals(2.00, (Double)costs.get("spread"), 1e-12, "a cent from the mid on each side, 100 shares");
        assertEquals(1L, total.get("round_trips"));
        assertEquals(1.0, (Double)total.get("hit_rate"));
        assertTrue(Double.isNaN((Double)total.get("profit_factor")), "no losing trip");
        assertEquals(95.7416, (Double)total.get("avg_win"), 1e-9);
        assertEquals((5001 + 5099) / 1e6, (Double)total.get("turnover"), 1e-15, "traded 10,100 on 1,000,000");
        assertEquals(0.5, (Double)total.get("exposure_time"), 1e-15, "long from 1 s to 3 s of 4 s");
        final ReturnStatistics st = ReturnStatistics.of(expected, 5, 1.0,
            new ReturnStatistics.Conventions(252 * 23400.0, 0, 0, 0, 0, 0));
        assertEquals(st.sharpe(), (Double)total.get("sharpe"), 1e-12);
        assertEquals(st.maxDrawdown(), (Double)total.get("max_drawdown"), 1e-15);
        assertEquals(2.30 / 1e6, (Double)total.get("max_drawdown"), 1e-15,
            "t0 to t1 (2.30) is deeper than t2 to t3 (1.9584 of 1,000,097.70)");
        assertEquals(2.0, (Double)total.get("max_drawdown_duration_s"), "peak at t0, regained at t2");

        final Map<String, Object> mrda = row(root, "MRDA");
        assertEquals(95.7416, (Double)mrda.get("net_pnl"), 1e-9);
        assertEquals(0L, mrda.get("position"));

        @SuppressWarnings("unchecked")
        final Map<String, Map<String, Object>> tca = (Map<String, Map<String, Object>>)root.get("tca");
        final Map<String, Object> buys = tca.get("MRDA/BUY/LIMIT");
        assertEquals(1L, buys.get("orders"));
        assertEquals(1.0, (Double)buys.get("fill_rate"));
        assertEquals(0.0, (Double)buys.get("delay_bps"), 1e-12, "decided and sent at the same mid");
        assertEquals(2.0, (Double)buys.get("execution_bps"), 1e-9, "1 cent over the 50.00 arrival mid");
        assertEquals(2.6, (Double)buys.get("fees_bps"), 1e-9, "1.30 on 5,000");
        assertEquals(4.6, (Double)buys.get("implementation_shortfall_bps"), 1e-9);
        assertEquals(1.0, (Double)buys.get("mean_time_to_fill_s"), 1e-12);
        @SuppressWarnings("unchecked")
        final Map<String, Object> markouts = (Map<String, Object>)buys.get("markout_bps");
        assertEquals((51.0 - 50.01) / 50.01 * 1e4, (Double)markouts.get("1s"), 1e-9, "mid 51.00 one second later");
        assertTrue(Double.isNaN((Double)markouts.get("5s")), "the journal ends before 5 s");
        assertEquals(1L, root.get("tca_markouts_cut_by_end"));
        assertEquals(1L, root.get("tca_orders_count"), "order 2 (the sell) has no ORDER_COMMAND in this journal");
        @SuppressWarnings("unchecked")
        final List<Map<String, Object>> orders = (List<Map<String, Object>>)root.get("tca_orders");
        assertEquals(1, orders.size());
        final Map<String, Object> order = orders.get(0);
        assertEquals(1L, order.get("order_id"));
        assertEquals("filled", order.get("status"));
        assertEquals(Instant.ofEpochSecond(0, T0).toString(), order.get("decision_time"));
        assertEquals(50.01, (Double)order.get("avg_fill_price"), 1e-12);
        assertEquals(4.6, (Double)order.get("implementation_shortfall_bps"), 1e-9, "as the aggregate: one order");
        assertEquals(1.0, (Double)order.get("time_to_fill_s"), 0.0);
        assertEquals(orders, root.get("tca_worst_orders"), "one order: it is the worst");
        assertEquals("all 1 orders, in the order they finished", root.get("tca_orders_note"));

        assertEquals(Map.of("RISK_MAX_ORDER_NOTIONAL", 1L), root.get("rejects"));
        @SuppressWarnings("unchecked")
        final List<Map<String, Object>> kills = (List<Map<String, Object>>)root.get("kill_switch_events");
        assertEquals(1, kills.size());
        assertEquals("HALTED", kills.get(0).get("to"));
        assertEquals("KILL_DAILY_LOSS", kills.get(0).get("reason"));
        assertEquals(Instant.ofEpochSecond(0, T0 + 3 * S).toString(), kills.get(0).get("time"));
    }

    @Test
    void shouldWriteStableJsonAndTheReturnSeries() throws IOException
    {
        final Report report = Report.analyze(writeJournal(), 0, 0, null);
        final Path json = tmp.resolve("r.json");
        report.writeJson(json);
        final JsonNode tree = new ObjectMapper().readTree(json.toFile());
        final JsonNode total = tree.get("instruments").get("total");
        for (final String name : Report.STATISTICS)
        {
            assertTrue(total.has(name), name);
        }
        for (final String name : List.of("hit_rate", "profit_factor", "turnover", "costs", "net_pnl", "gross_pnl"))
        {
            assertTrue(total.has(name), name);
        }
        assertTrue(total.get("profit_factor").isNull(), "NaN is written as null");
        assertTrue(tree.get("periods_per_year").isNumber());
        assertTrue(tree.get("tca").has("total"));
        assertTrue(tree.get("instruments").has("MRDB"));
        for (final String kind : List.of("commission", "sec_fee", "finra_taf", "exchange_fee", "impact", "spread"))
        {
            assertTrue(total.get("costs").get(kind).isNumber(), "cost kind " + kind);
        }
        for (final String name : List.of("annual_return", "annual_volatility", "total_return", "avg_win", "avg_loss",
            "exposure_time", "max_drawdown_duration_s"))
        {
            assertTrue(total.has(name), name);
        }
        for (final String name : List.of("orders", "fill_rate", "delay_bps", "execution_bps", "opportunity_bps",
            "fees_bps", "implementation_shortfall_bps", "mean_time_to_fill_s", "markout_bps"))
        {
            assertTrue(tree.get("tca").get("total").has(name), "TCA aggregate " + name);
        }
        for (final String name : List.of("config_hash", "model_sha256", "seed", "run_id", "engine_version"))
        {
            assertTrue(tree.get("run").has(name), "manifest " + name);
        }
        assertEquals(1, tree.get("kill_switch_events").size());
        assertTrue(tree.get("replay").asText().startsWith("not verified here"), tree.get("replay").asText());

        final Path csv = tmp.resolve("r.csv");
        report.writeReturnsCsv(csv);
        final List<String> lines = Files.readAllLines(csv);
        assertEquals("time,return", lines.get(0));
        assertEquals(5, lines.size(), "4 returns");
        assertEquals(Instant.ofEpochSecond(0, T0 + S) + "," + ((1e6 - 2.30) / 1e6 - 1), lines.get(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayLatencyIsNotRecordedWithoutASidecarAndReadItWhenThere() throws IOException
    {
        final Path dir = writeJournal();
        final Report without = Report.analyze(dir, 0, 0, null);
        assertEquals(null, without.asMap().get("latency"));
        assertTrue(((String)without.asMap().get("latency_note")).startsWith("latency: not recorded"));
        assertTrue(new ObjectMapper().readTree(without.toJson()).get("latency").isNull(), "JSON null");
        final String bare = Tearsheet.html(without, null);
        assertTrue(bare.contains("<p id=\"latency-missing\" class=\"note\">latency: not recorded"), bare);
        assertFalse(bare.contains("<table id=\"latency\""));

        final Map<String, Object> book = new LinkedHashMap<>();
        book.put("count", 10L);
        book.put("p50", 40L);
        book.put("p99", 90L);
        book.put("p999", 611L);
        book.put("max", 9000L);
        LatencySidecar.write(dir, Map.of("book", book), 8, "one event in 8");
        final Report with = Report.analyze(dir, 0, 0, null);
        final Map<String, Object> latency = (Map<String, Object>)with.asMap().get("latency");
        assertEquals(8, latency.get("sample_every"));
        assertEquals(40, ((Map<String, Object>)((Map<String, Object>)latency.get("stages")).get("book")).get("p50"));
        final String html = Tearsheet.html(with, null);
        assertTrue(html.contains("<table id=\"latency\"><tr><th></th><th>count</th><th>p50</th>"), html);
        assertTrue(html.contains("<td>book</td><td>10</td><td>40</td>"), html);

        Files.writeString(dir.resolve(LatencySidecar.FILE), "{not json");
        final JournalException ex = assertThrows(JournalException.class, () -> Report.analyze(dir, 0, 0, null));
        assertTrue(ex.getMessage().contains(dir.resolve("latency.json").toString()), ex.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveStatisticsPerSessionOverTwoDays()
    {
        // hourly points from 09:30 New York on 5 January: bought 100 at 50.01 (mid 50.00) at 10:30 with 1.00
        // commission, marked at 51.00 from 11:30; on 6 January at 09:30 the mid is 52.00, and 100 are sold at 51.99
        // with 1.00 commission at 10:30. Local midnight falls between points 14 (23:30) and 15 (00:30).
        final long h = 3_600 * S;
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("report.equityIntervalMs=3600000",
            "report.minEquityPoints=2", "report.markoutsMs=1000"));
        final Path dir = tmp.resolve("two-days");
        try (JournalWriter w = JournalWriter.open(dir, RunManifest.of("test", "sessions", "backtest", Instant.EPOCH,
            "profile:demo", List.of(), config).toText()))
        {
            quote(w, 1, 0, 4999, 5001);
            fill(w, 2, h, 1, Side.BUY, 5001, 100, new long[]{10_000, 0, 0, 0, 0, 0});
            quote(w, 3, 2 * h, 5099, 5101);
            quote(w, 4, 24 * h, 5199, 5201);
            fill(w, 5, 25 * h, 2, Side.SELL, 5199, 100, new long[]{10_000, 0, 0, 0, 0, 0});
            quote(w, 6, 26 * h, 5199, 5201);
        }
        final Map<String, Object> root = Report.analyze(dir, 0, 0, null).asMap();
        assertEquals(3600.0, (Double)root.get("equity_interval_s"));
        assertEquals("America/New_York", root.get("sessions_timezone"));
        final List<Map<String, Object>> sessions = (List<Map<String, Object>>)root.get("sessions");
        assertEquals(2, sessions.size(), sessions.toString());
        final Map<String, Object> first = sessions.get(0);
        final Map<String, Object> second = sessions.get(1);
        assertEquals("2026-01-05", first.get("session"));
        assertEquals("2026-01-06", second.get("session"));
        assertEquals(14L, ((Number)first.get("periods")).longValue(), "points 1 to 14");
        assertEquals(12L, ((Number)second.get("periods")).longValue(), "points 15 to 26");
        assertEquals(98.00, (Double)first.get("net_pnl"), 1e-9, "1e6 to 1e6 + 99.00 - 1.00");
        assertEquals(98.00, (Double)second.get("net_pnl"), 1e-9, "1e6 + 98 to 1e6 + 198 - 1.00 - 1.00");
        assertEquals((Double)row(root, "total").get("net_pnl"),
            (Double)first.get("net_pnl") + (Double)second.get("net_pnl"), 1e-9,
            "sessions add up to the run (its last event is on a grid point)");
        assertEquals(98.00 / 1e6, (Double)first.get("total_return"), 1e-15);
        assertEquals(98.00 / (1e6 + 98), (Double)second.get("total_return"), 1e-15);
        assertEquals(2.00 / 1e6, (Double)first.get("max_drawdown"), 1e-15, "1e6 to 1e6 - 2.00 at the buy");
        assertEquals(2.00 / (1e6 + 198), (Double)second.get("max_drawdown"), 1e-15, "sold 1 cent under the mid");
        assertEquals(1L, first.get("fills"));
        assertEquals(5001.0, (Double)first.get("traded_value"), 1e-9);
        assertEquals(1.00, (Double)second.get("costs_total"), 1e-12);
        final String html = Tearsheet.html(Report.analyze(dir, 0, 0, null), null);
        assertTrue(html.contains("<tr class=\"session\"><td>2026-01-06</td><td>12</td><td>98.00</td>"), html);
    }

    @Test
    void shouldCountWinningAndLosingRoundTripsByHand()
    {
        // four trips in MRDA, 1.00 commission on every fill (2.00 a trip):
        //   long 100 at 50.00, out at 50.50: +50.00 - 2.00 = +48.00
        //   long 100 at 50.50, out at 50.20: -30.00 - 2.00 = -32.00
        //   short 200 at 50.20, covered at 50.00 in two fills of 100: +40.00 - 3.00 = +37.00 (three fills)
        //   short 100 at 50.00, covered at 50.10: -10.00 - 2.00 = -12.00
        final long[] commission = {10_000, 0, 0, 0, 0, 0};
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("report.equityIntervalMs=1000",
            "report.minEquityPoints=2", "report.markoutsMs=1000"));
        final Path dir = tmp.resolve("trips");
        try (JournalWriter w = JournalWriter.open(dir, RunManifest.of("test", "trips", "backtest", Instant.EPOCH,
            "profile:demo", List.of(), config).toText()))
        {
            quote(w, 1, 0, 4999, 5001);
            fill(w, 2, S, 1, Side.BUY, 5000, 100, commission);
            fill(w, 3, 2 * S, 2, Side.SELL, 5050, 100, commission);
            fill(w, 4, 3 * S, 3, Side.BUY, 5050, 100, commission);
            fill(w, 5, 4 * S, 4, Side.SELL, 5020, 100, commission);
            fill(w, 6, 5 * S, 5, Side.SELL, 5020, 200, commission);
            fill(w, 7, 6 * S, 6, Side.BUY, 5000, 100, commission);
            fill(w, 8, 7 * S, 7, Side.BUY, 5000, 100, commission);
            fill(w, 9, 8 * S, 8, Side.SELL, 5000, 100, commission);
            fill(w, 10, 9 * S, 9, Side.BUY, 5010, 100, commission);
            quote(w, 11, 10 * S, 5009, 5011);
        }
        final Map<String, Object> root = Report.analyze(dir, 0, 0, null).asMap();
        for (final String name : List.of("total", "MRDA"))
        {
            final Map<String, Object> r = row(root, name);
            assertEquals(4L, r.get("round_trips"), name);
            assertEquals(0.5, (Double)r.get("hit_rate"), 1e-15, name + ": 2 winning trips of 4");
            assertEquals((48.00 + 37.00) / (32.00 + 12.00), (Double)r.get("profit_factor"), 1e-12,
                name + ": 85.00 won / 44.00 lost");
            assertEquals((48.00 + 37.00) / 2, (Double)r.get("avg_win"), 1e-9, name);
            assertEquals(-(32.00 + 12.00) / 2, (Double)r.get("avg_loss"), 1e-9, name + ": a loss is negative");
            assertEquals(48.00 - 32.00 + 37.00 - 12.00, (Double)r.get("net_pnl"), 1e-9, name + ": trips sum to net");
            assertEquals(9.00, (Double)r.get("costs_total"), 1e-12, name + ": nine fills");
        }
        assertTrue((Double)row(root, "MRDB").get("hit_rate") == null
            || Double.isNaN((Double)row(root, "MRDB").get("hit_rate")), "no trip in MRDB");
    }

    @Test
    void shouldStateItsConventionsInTheJsonAndTheTearsheet() throws IOException
    {
        final Report report = Report.analyze(writeJournal(), 0, 0, null);
        final JsonNode conventions = new ObjectMapper().readTree(report.toJson()).get("conventions");
        assertTrue(conventions != null && conventions.isObject(), "a conventions section in the JSON");
        // the journal's 1 s interval: P = 252 x 23,400 / 1
        final String annualisation = conventions.get("annualisation").asText();
        assertTrue(annualisation.contains("252 days x 23400 s / equity_interval_s")
            && annualisation.endsWith("= 252 x 23400 / 1 = 5896800; annual figures scale a period's mean by P and "
            + "its sd by sqrt(P)"), annualisation);
        assertTrue(conventions.get("sharpe").asText().contains("sample sd (n-1)"), conventions.toString());
        assertTrue(conventions.get("volatility").asText().contains("sample sd (n-1)"), conventions.toString());
        assertTrue(conventions.get("moments").asText().contains("population moments, central moments divided by n"),
            conventions.toString());
        final String drawdown = conventions.get("max_drawdown").asText();
        assertTrue(drawdown.contains("1 - equity / running peak, a fraction of the peak")
            && drawdown.contains("from that peak to its recovery or the end"), drawdown);

        final String html = Tearsheet.html(report, null);
        final int section = html.indexOf("<h2>Conventions</h2>");
        assertTrue(section >= 0, "a conventions section in the tearsheet");
        final String table = html.substring(section);
        for (final String figure : List.of("annualisation", "sharpe", "volatility", "moments", "max_drawdown"))
        {
            assertTrue(table.contains("<td>" + figure + "</td><td>"
                + Tearsheet.esc(conventions.get(figure).asText()) + "</td>"),
                figure + " in the tearsheet: " + table);
        }
    }

    @Test
    void shouldNeverWriteNegativeZero()
    {
        // a sell decided and sent at the same mid has a delay of -1 x 0.0 = -0.0
        assertEquals(Map.of("delay_bps", 0.0), Report.sanitized(Map.of("delay_bps", -0.0)));
        assertEquals("0.0", String.valueOf(((Map<?, ?>)Report.sanitized(Map.of("x", -0.0))).get("x")));
        assertEquals(Report.fmt(0.0), Report.fmt(-0.0));
    }

    @Test
    void shouldReadAsManyRecordsBareAsTheReport()
    {
        final Path dir = writeJournal();
        final Report report = Report.analyze(dir, 0, 0, null);
        final BareRead bare = BareRead.of(dir);
        assertEquals(5, bare.inputRecords(), "3 quotes, 2 fills");
        assertEquals(4, bare.outputRecords(), "signal, order, risk reject, kill switch");
        assertEquals(report.records(), bare.records());
        assertEquals(report.inputRecords(), bare.inputRecords());
    }

    @Test
    void shouldRefuseADirectoryThatIsNotAJournal()
    {
        final JournalException ex = assertThrows(JournalException.class,
            () -> Report.analyze(tmp.resolve("nothing-here"), 0, 0, null));
        assertTrue(ex.getMessage().contains("nothing-here"), ex.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(final Map<String, Object> root, final String name)
    {
        return (Map<String, Object>)((Map<String, Object>)root.get("instruments")).get(name);
    }

    private Path writeJournal()
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("report.equityIntervalMs=1000",
            "report.minEquityPoints=2", "report.markoutsMs=1000,5000"));
        final String manifest = RunManifest.of("test", "report-test", "backtest", Instant.EPOCH, "profile:demo",
            List.of(), config).toText();
        final Path dir = tmp.resolve("journal");
        try (JournalWriter w = JournalWriter.open(dir, manifest))
        {
            quote(w, 1, 0, 4999, 5001);
            signal(w, 1, 0, 100);
            order(w, 1, 0, 1, Side.BUY, 5001, 100);
            fill(w, 2, S, 1, Side.BUY, 5001, 100, new long[]{10_000, 0, 0, 3_000, 0, 10_000});
            quote(w, 3, 2 * S, 5099, 5101);
            risk(w, 3, 2 * S);
            fill(w, 4, 3 * S, 2, Side.SELL, 5099, 100, new long[]{10_000, 1_418, 166, -2_000, 0, 10_000});
            kill(w, 4, 3 * S);
            quote(w, 5, 4 * S, 5099, 5101);
        }
        return dir;
    }

    private void quote(final JournalWriter w, final long seq, final long t, final long bid, final long ask)
    {
        Header.write(b, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, MRDA, seq, T0 + t, 0, 1, seq);
        QuoteCodec.bidPrice(b, 0, bid);
        QuoteCodec.bidQty(b, 0, 100);
        QuoteCodec.askPrice(b, 0, ask);
        QuoteCodec.askQty(b, 0, 100);
        w.appendInput(b, 0, QuoteCodec.LENGTH);
    }

    private void fill(final JournalWriter w, final long seq, final long t, final long clOrdId, final byte side,
        final long price, final long qty, final long[] costs)
    {
        b.setMemory(0, Header.MAX_RECORD_LENGTH, (byte)0);
        Header.write(b, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, MRDA, seq, T0 + t, 0, 2, seq);
        ExecReportCodec.clOrdId(b, 0, clOrdId);
        ExecReportCodec.execType(b, 0, ExecType.FILL);
        ExecReportCodec.side(b, 0, side);
        ExecReportCodec.lastPrice(b, 0, price);
        ExecReportCodec.lastQty(b, 0, qty);
        ExecReportCodec.cumQty(b, 0, qty);
        ExecReportCodec.commission(b, 0, costs[0]);
        ExecReportCodec.secFee(b, 0, costs[1]);
        ExecReportCodec.finraTaf(b, 0, costs[2]);
        ExecReportCodec.exchangeFee(b, 0, costs[3]);
        ExecReportCodec.impactCost(b, 0, costs[4]);
        ExecReportCodec.spreadCost(b, 0, costs[5]);
        w.appendInput(b, 0, ExecReportCodec.LENGTH);
    }

    private void signal(final JournalWriter w, final long cause, final long t, final long target)
    {
        Header.write(b, 0, SignalCodec.TYPE, SignalCodec.LENGTH, MRDA, ++outputSequence, T0 + t, 0, 0, 0);
        SignalCodec.causeSequence(b, 0, cause);
        SignalCodec.targetPosition(b, 0, target);
        w.appendOutput(b, 0, SignalCodec.LENGTH);
    }

    private void order(final JournalWriter w, final long cause, final long t, final long clOrdId, final byte side,
        final long price, final long qty)
    {
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, MRDA, ++outputSequence, T0 + t, 0, 0, 0);
        OrderCommandCodec.causeSequence(b, 0, cause);
        OrderCommandCodec.clOrdId(b, 0, clOrdId);
        OrderCommandCodec.command(b, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(b, 0, side);
        OrderCommandCodec.orderType(b, 0, OrderType.LIMIT);
        OrderCommandCodec.price(b, 0, price);
        OrderCommandCodec.qty(b, 0, qty);
        w.appendOutput(b, 0, OrderCommandCodec.LENGTH);
    }

    private void risk(final JournalWriter w, final long cause, final long t)
    {
        Header.write(b, 0, RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH, MRDA, ++outputSequence, T0 + t, 0, 0, 0);
        RiskDecisionCodec.causeSequence(b, 0, cause);
        RiskDecisionCodec.accepted(b, 0, (byte)0);
        RiskDecisionCodec.reasonCode(b, 0, RejectReason.RISK_MAX_ORDER_NOTIONAL.code());
        w.appendOutput(b, 0, RiskDecisionCodec.LENGTH);
    }

    private void kill(final JournalWriter w, final long cause, final long t)
    {
        Header.write(b, 0, TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH, 0, ++outputSequence, T0 + t,
            0, 0, 0);
        TradingStateChangeCodec.causeSequence(b, 0, cause);
        TradingStateChangeCodec.state(b, 0, TradingState.HALTED);
        TradingStateChangeCodec.previousState(b, 0, TradingState.ACTIVE);
        TradingStateChangeCodec.reasonCode(b, 0, RejectReason.KILL_DAILY_LOSS.code());
        w.appendOutput(b, 0, TradingStateChangeCodec.LENGTH);
    }
}
