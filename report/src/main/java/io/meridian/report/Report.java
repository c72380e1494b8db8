package io.meridian.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.config.ReportConfig;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RecordCursor;
import io.meridian.journal.RunManifest;
import io.meridian.report.stats.ReturnStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one journal: statistics of the equity curves (per instrument and total), costs by kind, round trips,
 * turnover, exposure, transaction-cost analysis, rejects and kill-switch events, the run manifest. Built by one
 * streaming pass ({@link #analyze}); written as JSON ({@link #writeJson}), a return series ({@link #writeReturnsCsv})
 * or an HTML tearsheet ({@link Tearsheet}).
 *
 * <p>Conventions: equity = {@code report.startingCapital} + net P&amp;L (after every charged cost), marked to the mid
 * of every quote and sampled as {@link EquitySampler} says; one instrument's equity is the capital plus that
 * instrument's net P&amp;L. Periods per year {@code P = report.periodsPerYear × report.tradingDayS / interval}. The
 * statistics are those of {@link ReturnStatistics}. Round trips run from a flat position to flat (or to a flip); hit
 * rate = winning trips / trips, profit factor = sum of wins / |sum of losses|. Turnover = traded value / capital.
 * Exposure time = share of the run's event time with a non-zero position.
 */
public final class Report
{
    /** JSON field names of the statistics, in output order (the stable public names). */
    public static final List<String> STATISTICS = List.of("sharpe", "sortino", "calmar", "max_drawdown",
        "max_drawdown_duration_s", "annual_return", "annual_volatility", "total_return", "skewness", "kurtosis", "psr",
        "dsr");

    private final Map<String, Object> root;
    private final double[] returnTimesS;
    private final double[] totalEquity;
    private final int points;
    private final long startNs;
    private final long intervalNs;
    private final double totalSharpe;
    private final Map<String, double[]> equityByName;

    private Report(
        final Map<String, Object> root, final long startNs, final long intervalNs, final Map<String, double[]> equity,
        final int points, final double totalSharpe)
    {
        this.root = root;
        this.startNs = startNs;
        this.intervalNs = intervalNs;
        this.equityByName = equity;
        this.totalEquity = equity.get("total");
        this.points = points;
        this.totalSharpe = totalSharpe;
        returnTimesS = new double[Math.max(0, points)];
        for (int k = 0; k < points; k++)
        {
            returnTimesS[k] = k * intervalNs / 1e9;
        }
    }

    /**
     * Analyzes a journal.
     *
     * @param dir the journal directory.
     * @param trials number of trials for the DSR (0 or 1: none).
     * @param trialsSharpeVariance variance of the trials' annual Sharpe ratios.
     * @param replayLine the replay verifier's line, or null when not verified.
     * @return the report.
     * @throws JournalException when the directory is not a readable journal of this format.
     */
    public static Report analyze(
        final Path dir, final long trials, final double trialsSharpeVariance, final String replayLine)
    {
        return analyze(dir, new ReportOptions().trials(trials).trialsSharpeVariance(trialsSharpeVariance)
            .replayLine(replayLine));
    }

    /**
     * Analyzes a journal.
     *
     * @param dir the journal directory.
     * @param options trials, replay line and the per-order TCA file.
     * @return the report.
     * @throws JournalException when the directory is not a readable journal of this format.
     */
    public static Report analyze(final Path dir, final ReportOptions options)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final String text = reader.manifestText();
            if (text.isEmpty())
            {
                throw new JournalException("journal " + dir + " has no readable manifest; cannot report on it");
            }
            final RunManifest manifest = RunManifest.parse(text);
            final EngineConfig config = ConfigLoader.loadText("manifest of " + dir, manifest.configYaml(), List.of());
            final Map<String, Object> latency = LatencySidecar.read(dir);
            try (JournalAnalyzer analyzer = new JournalAnalyzer(config, options.tcaCsv());
                RecordCursor input = reader.inputCursor();
                RecordCursor output = reader.outputCursor())
            {
                analyzer.run(input, output);
                if (input.result().corruption() != null || output.result().corruption() != null)
                {
                    throw new JournalException("journal " + dir + " has a corrupt record: "
                        + (input.result().corruption() != null ? input.result().corruption()
                        : output.result().corruption()) + " (journal verify names it)");
                }
                final Report report = build(dir, manifest, config.report(), analyzer, options.trials(),
                    options.trialsSharpeVariance(), options.replayLine());
                report.root.put("latency", latency);
                report.root.put("latency_note", latency == null ? "latency: not recorded (the journal holds no "
                    + "timings; demo, backtest, backtest --data and run write " + LatencySidecar.FILE + " beside it)"
                    : "from " + dir.resolve(LatencySidecar.FILE) + ", written when the run ended");
                return report;
            }
        }
    }

    private static Report build(
        final Path dir, final RunManifest manifest, final ReportConfig rc, final JournalAnalyzer a, final long trials,
        final double variance, final String replayLine)
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("journal", dir.toString());
        run.put("run_id", manifest.runId());
        run.put("mode", manifest.mode());
        run.put("engine_version", manifest.engineVersion());
        run.put("config_source", manifest.configSource());
        run.put("config_hash", manifest.configHash());
        run.put("model", manifest.modelPath());
        run.put("model_sha256", manifest.modelSha256());
        run.put("seed", manifest.seed());
        run.put("overrides", manifest.overrides());
        run.put("first_event", a.firstNs == Long.MIN_VALUE ? null : Instant.ofEpochSecond(0, a.firstNs).toString());
        run.put("last_event", a.lastNs == Long.MIN_VALUE ? null : Instant.ofEpochSecond(0, a.lastNs).toString());
        root.put("run", run);
        root.put("replay", replayLine == null ? "not verified here (meridian replay --journal DIR --verify)"
            : replayLine);

        final EquitySampler s = a.sampler;
        final double intervalS = s.intervalNs() / 1e9;
        final double periodsPerYear = rc.periodsPerYear() * rc.tradingDayS() / intervalS;
        final ReturnStatistics.Conventions conventions = new ReturnStatistics.Conventions(periodsPerYear,
            rc.riskFreeRate(), rc.minAcceptableReturn(), rc.benchmarkSharpe(), trials, variance);
        root.put("equity_interval_s", intervalS);
        root.put("equity_points", s.count());
        root.put("periods_per_year", periodsPerYear);
        root.put("starting_capital", rc.startingCapital());
        root.put("trials", trials);
        root.put("trials_sharpe_variance", variance);
        root.put("conventions", ConventionNotes.of(rc, periodsPerYear, intervalS));

        final Map<String, Object> instruments = new LinkedHashMap<>();
        final Map<String, double[]> equity = new LinkedHashMap<>();
        double totalSharpe = Double.NaN;
        final double runNs = Math.max(1, a.lastNs - a.firstNs);
        for (int i = 0; i <= a.n; i++)
        {
            final boolean total = i == a.n;
            final String name = total ? "total" : a.instruments.symbol(i);
            final double[] e = new double[s.count()];
            final double[] pnl = s.series(i);
            for (int k = 0; k < e.length; k++)
            {
                e[k] = rc.startingCapital() + pnl[k];
            }
            equity.put(name, e);
            final ReturnStatistics st = ReturnStatistics.of(e, e.length, intervalS, conventions);
            if (total)
            {
                totalSharpe = st.sharpe();
            }
            final Map<String, Object> row = statistics(st);
            trading(row, a, i, total, rc.startingCapital(), runNs);
            instruments.put(name, row);
        }
        root.put("instruments", instruments);
        root.put("sessions_timezone", a.sessions.zone());
        root.put("sessions", a.sessions.rows(equity.get("total"), s.count(), s.startNs(), s.intervalNs(),
            conventions));
        root.put("tca", a.tca.rows(a.horizonLabels));
        root.put("tca_markouts_cut_by_end", a.tca.unresolvedMarkouts());
        root.put("tca_orders_count", a.tcaOrders.count());
        root.put("tca_orders_note", a.tcaOrders.note());
        root.put("tca_orders", a.tcaOrders.listed());
        root.put("tca_worst_orders", a.tcaOrders.worstRows());
        root.put("rejects", a.rejects);
        root.put("kill_switch_events", a.killEvents);
        final Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("input_records", a.inputRecords);
        counts.put("decision_records", a.outputRecords);
        counts.put("signals", a.signals);
        counts.put("orders", a.orders);
        counts.put("cancels", a.cancels);
        root.put("counts", counts);
        if (a.broker.any())
        {
            root.put("broker", a.broker.asMap());
        }
        return new Report(root, s.startNs(), s.intervalNs(), equity, s.count(), totalSharpe);
    }

    private static Map<String, Object> statistics(final ReturnStatistics st)
    {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("sharpe", st.sharpe());
        row.put("sortino", st.sortino());
        row.put("calmar", st.calmar());
        row.put("max_drawdown", st.maxDrawdown());
        row.put("max_drawdown_duration_s", st.maxDrawdownDurationS());
        row.put("annual_return", st.annualReturn());
        row.put("annual_volatility", st.annualVolatility());
        row.put("total_return", st.totalReturn());
        row.put("skewness", st.skewness());
        row.put("kurtosis", st.kurtosis());
        row.put("psr", st.psr());
        row.put("dsr", st.dsr());
        row.put("periods", st.periods());
        return row;
    }

    private static void trading(
        final Map<String, Object> row, final JournalAnalyzer a, final int i, final boolean total,
        final double capital, final double runNs)
    {
        long wins = 0;
        long losses = 0;
        double winSum = 0;
        double lossSum = 0;
        double traded = 0;
        long fills = 0;
        final Map<String, Object> costs = new LinkedHashMap<>();
        double charged = 0;
        for (int k = 0; k < JournalAnalyzer.COST_KINDS.length; k++)
        {
            long sum = 0;
            for (int j = 0; j < a.n; j++)
            {
                if (total || j == i)
                {
                    sum += a.costs[k][j];
                }
            }
            costs.put(JournalAnalyzer.COST_KINDS[k], JournalAnalyzer.cash(sum));
            if (!"spread".equals(JournalAnalyzer.COST_KINDS[k]))
            {
                charged += JournalAnalyzer.cash(sum);
            }
        }
        for (int j = 0; j < a.n; j++)
        {
            if (total || j == i)
            {
                wins += a.wins[j];
                losses += a.losses[j];
                winSum += a.winSum[j];
                lossSum += a.lossSum[j];
                traded += a.tradedValue[j];
                fills += a.fills[j];
            }
        }
        final double net = total ? JournalAnalyzer.cash(a.positions.totalPnl())
            : JournalAnalyzer.cash(a.positions.netPnl(i));
        row.put("net_pnl", net);
        row.put("gross_pnl", net + charged);
        row.put("costs_total", charged);
        row.put("costs", costs);
        row.put("round_trips", wins + losses);
        row.put("hit_rate", wins + losses > 0 ? (double)wins / (wins + losses) : Double.NaN);
        row.put("profit_factor", lossSum < 0 ? winSum / -lossSum : Double.NaN);
        row.put("avg_win", wins > 0 ? winSum / wins : Double.NaN);
        row.put("avg_loss", losses > 0 ? lossSum / losses : Double.NaN);
        row.put("fills", fills);
        row.put("traded_value", traded);
        row.put("turnover", traded / capital);
        row.put("exposure_time", (total ? a.anyExposureNs : a.exposureNs[i]) / runNs);
        row.put("position", total ? null : a.positions.position(i));
    }

    /**
     * The report as an ordered tree of maps, lists, strings and numbers (NaN where undefined).
     *
     * @return the tree.
     */
    public Map<String, Object> asMap()
    {
        return Collections.unmodifiableMap(root);
    }

    /**
     * Records read: input events and decisions.
     *
     * @return the count.
     */
    @SuppressWarnings("unchecked")
    public long records()
    {
        final Map<String, Object> counts = (Map<String, Object>)root.get("counts");
        return (Long)counts.get("input_records") + (Long)counts.get("decision_records");
    }

    /**
     * Input events read.
     *
     * @return the count.
     */
    @SuppressWarnings("unchecked")
    public long inputRecords()
    {
        return (Long)((Map<String, Object>)root.get("counts")).get("input_records");
    }

    /**
     * The annualised Sharpe ratio of the total equity curve.
     *
     * @return the ratio, NaN when undefined.
     */
    public double totalSharpe()
    {
        return totalSharpe;
    }

    /**
     * Equity curves by instrument symbol and {@code total}, one value per sampled point.
     *
     * @return the curves.
     */
    Map<String, double[]> equity()
    {
        return equityByName;
    }

    long startNs()
    {
        return startNs;
    }

    long intervalNs()
    {
        return intervalNs;
    }

    int points()
    {
        return points;
    }

    /**
     * Writes the report as JSON (Jackson, indented; NaN as null).
     *
     * @param file the file.
     */
    public void writeJson(final Path file)
    {
        try
        {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The report as JSON text.
     *
     * @return the text.
     */
    public String toJson()
    {
        try
        {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(sanitized(root)) + "\n";
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the total return series the statistics were computed from: {@code time,return}, one row per period,
     * time as an ISO-8601 instant (the end of the period).
     *
     * @param file the file.
     */
    public void writeReturnsCsv(final Path file)
    {
        try (CsvWriter csv = CsvWriter.builder().build(file))
        {
            csv.writeRecord("time", "return");
            for (int k = 1; k < points; k++)
            {
                csv.writeRecord(Instant.ofEpochSecond(0, startNs + k * intervalNs).toString(),
                    Double.toString(totalEquity[k] / totalEquity[k - 1] - 1.0));
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The headline statistics as a few lines of text, for the demo and backtest summaries.
     *
     * @return the text (no trailing newline).
     */
    @SuppressWarnings("unchecked")
    public String headline()
    {
        final Map<String, Object> t = (Map<String, Object>)((Map<String, Object>)root.get("instruments")).get("total");
        return String.format(Locale.ROOT,
            "statistics (equity every %s s, P = %.0f periods/year): sharpe %s  sortino %s  max drawdown %s "
                + "(%s s)  annual return %s  annual vol %s  psr %s%n"
                + "  net P&L %,.2f = gross %,.2f - costs %,.2f  hit rate %s over %d round trips  turnover %s",
            fmt(root.get("equity_interval_s")), (Double)root.get("periods_per_year"), fmt(t.get("sharpe")),
            fmt(t.get("sortino")), fmt(t.get("max_drawdown")), fmt(t.get("max_drawdown_duration_s")),
            fmt(t.get("annual_return")), fmt(t.get("annual_volatility")), fmt(t.get("psr")),
            (Double)t.get("net_pnl"), (Double)t.get("gross_pnl"), (Double)t.get("costs_total"),
            fmt(t.get("hit_rate")), (Long)t.get("round_trips"), fmt(t.get("turnover")));
    }

    static String fmt(final Object value)
    {
        if (!(value instanceof Double))
        {
            return String.valueOf(value);
        }
        final double d = (Double)value == 0.0 ? 0.0 : (Double)value; // never -0.0
        if (!Double.isFinite(d))
        {
            return "n/a";
        }
        return Math.abs(d) >= 1e6 || (d != 0 && Math.abs(d) < 1e-3) ? String.format(Locale.ROOT, "%.3e", d)
            : String.format(Locale.ROOT, "%.4g", d);
    }

    @SuppressWarnings("unchecked")
    static Object sanitized(final Object value)
    {
        if (value instanceof Map)
        {
            final Map<String, Object> out = new LinkedHashMap<>();
            for (final Map.Entry<String, Object> e : ((Map<String, Object>)value).entrySet())
            {
                out.put(e.getKey(), sanitized(e.getValue()));
            }
            return out;
        }
        if (value instanceof List)
        {
            final List<Object> out = new ArrayList<>();
            for (final Object o : (List<Object>)value)
            {
                out.add(sanitized(o));
            }
            return out;
        }
        if (value instanceof Double && !Double.isFinite((Double)value))
        {
            return null;
        }
        if (value instanceof Double && (Double)value == 0.0)
        {
            return 0.0; // never -0.0
        }
        return value;
    }
}
