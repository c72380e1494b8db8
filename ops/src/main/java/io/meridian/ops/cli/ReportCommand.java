package io.meridian.ops.cli;

import io.meridian.journal.ReplayVerifier;
import io.meridian.report.BareRead;
import io.meridian.report.Report;
import io.meridian.report.ReportOptions;
import io.meridian.report.Tearsheet;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import io.meridian.runtime.launch.Threads;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code meridian report --journal DIR [MORE_DIRS...] [--out report.html] [--json report.json]
 * [--returns-csv FILE] [--tca-csv FILE] [--trials N --trials-sharpe-var V] [--summary-json FILE] [--verify]}:
 * statistics, costs and TCA (per order with {@code --tca-csv}) of a journal, streamed in constant memory. With
 * several journals, each is a trial: the report is of the one with the highest Sharpe ratio, deflated (DSR) by the
 * number of journals and the variance of their Sharpe ratios, unless {@code --trials} and {@code --trials-sharpe-var}
 * give them. {@code --baseline} also times a bare read of the same journal (before and after the report, in the same
 * process) and prints both rates.
 */
public final class ReportCommand
{
    static final Set<String> OPTIONS = Set.of("journal", "out", "json", "returns-csv", "trials", "trials-sharpe-var",
        "summary-json", "tca-csv");
    static final Set<String> FLAGS = Set.of("verify", "baseline");

    private ReportCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after the command.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("report", argv, OPTIONS, FLAGS);
        final String first = args.option("journal");
        if (first == null)
        {
            throw new UsageException("report: --journal DIR is required");
        }
        final List<Path> journals = new ArrayList<>();
        journals.add(Path.of(first));
        for (final String more : args.positional())
        {
            journals.add(Path.of(more));
        }
        final boolean trialsGiven = args.option("trials") != null;
        if (trialsGiven != (args.option("trials-sharpe-var") != null))
        {
            throw new UsageException("report: --trials N and --trials-sharpe-var V go together");
        }
        long trials = trialsGiven ? args.longOption("trials", 2, Long.MAX_VALUE) : 0;
        double variance = trialsGiven ? parseVariance(args.option("trials-sharpe-var")) : 0.0;

        Report best = null;
        Path bestDir = null;
        if (journals.size() > 1)
        {
            final double[] sharpes = new double[journals.size()];
            for (int j = 0; j < journals.size(); j++)
            {
                final Report r = Report.analyze(journals.get(j), 0, 0, null);
                sharpes[j] = r.totalSharpe();
                out.printf(Locale.ROOT, "trial %d: %s sharpe %.4f%n", j + 1, journals.get(j), sharpes[j]);
                if (best == null || sharpes[j] > best.totalSharpe() || Double.isNaN(best.totalSharpe()))
                {
                    best = r;
                    bestDir = journals.get(j);
                }
            }
            if (!trialsGiven)
            {
                trials = journals.size();
                variance = sampleVariance(sharpes);
            }
        }
        else
        {
            bestDir = journals.get(0);
        }
        final String replayLine = args.flag("verify")
            ? ReplayVerifier.verify(bestDir, List.of(), Threads.readAhead()).line() : null;
        final String tcaCsv = args.option("tca-csv");
        final long bareStartNanos = System.nanoTime();
        final BareRead bare = args.flag("baseline") ? BareRead.of(bestDir) : null;
        final double bareSeconds = (System.nanoTime() - bareStartNanos) / 1e9;
        final long startNanos = System.nanoTime();
        final Report report = Report.analyze(bestDir, new ReportOptions().trials(trials)
            .trialsSharpeVariance(variance).replayLine(replayLine).tcaCsv(tcaCsv == null ? null : Path.of(tcaCsv)));
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println("report of " + bestDir + (journals.size() > 1 ? " (highest Sharpe of " + journals.size()
            + " trials)" : ""));
        final long records = report.records();
        out.printf(Locale.ROOT,
            "read %,d records (%,d input events) in %.2f s (%,.0f records/s, %,.0f input events/s)%n", records,
            report.inputRecords(), seconds, records / Math.max(seconds, 1e-9),
            report.inputRecords() / Math.max(seconds, 1e-9));
        if (bare != null)
        {
            final long againStartNanos = System.nanoTime();
            final BareRead again = BareRead.of(bestDir);
            final double againSeconds = (System.nanoTime() - againStartNanos) / 1e9;
            out.printf(Locale.ROOT, "baseline, a bare read of the same journal (same cursors, no decoding), before "
                + "and after the report: %.2f s and %.2f s (%,.0f and %,.0f records/s); the report took %.2f and %.2f "
                + "times as long%n", bareSeconds, againSeconds, bare.records() / Math.max(bareSeconds, 1e-9),
                again.records() / Math.max(againSeconds, 1e-9), seconds / Math.max(bareSeconds, 1e-9),
                seconds / Math.max(againSeconds, 1e-9));
        }
        out.println(report.headline());
        if (args.option("json") != null)
        {
            report.writeJson(Path.of(args.option("json")));
            out.println("json: " + args.option("json"));
        }
        if (args.option("returns-csv") != null)
        {
            report.writeReturnsCsv(Path.of(args.option("returns-csv")));
            out.println("returns: " + args.option("returns-csv"));
        }
        if (tcaCsv != null)
        {
            out.println("tca per order: " + tcaCsv);
        }
        if (args.option("out") != null)
        {
            Tearsheet.write(report, latency(args.option("summary-json")), Path.of(args.option("out")));
            out.println("tearsheet: " + args.option("out"));
        }
        return 0;
    }

    /** The per-stage latency table of a demo/backtest summary JSON ({@code --summary-json}), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> latency(final String summaryJson)
    {
        if (summaryJson == null)
        {
            return null;
        }
        try
        {
            final Map<String, Object> summary = new ObjectMapper().readValue(Path.of(summaryJson).toFile(), Map.class);
            return (Map<String, Object>)summary.get("latencyNs");
        }
        catch (final IOException ex)
        {
            throw new UsageException("report: cannot read --summary-json " + summaryJson + ": " + ex.getMessage());
        }
    }

    private static double parseVariance(final String text)
    {
        try
        {
            final double v = Double.parseDouble(text);
            if (!(v >= 0) || Double.isInfinite(v))
            {
                throw new NumberFormatException();
            }
            return v;
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("report: --trials-sharpe-var '" + text + "' must be a finite number >= 0 "
                + "(the variance of the trials' annual Sharpe ratios)");
        }
    }

    private static double sampleVariance(final double[] values)
    {
        double sum = 0;
        int n = 0;
        for (final double v : values)
        {
            if (Double.isFinite(v))
            {
                sum += v;
                n++;
            }
        }
        if (n < 2)
        {
            return 0;
        }
        final double mean = sum / n;
        double ss = 0;
        for (final double v : values)
        {
            if (Double.isFinite(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }
        return ss / (n - 1);
    }
}
