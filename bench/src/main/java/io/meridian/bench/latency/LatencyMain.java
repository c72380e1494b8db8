package io.meridian.bench.latency;

import io.meridian.config.ConfigValues;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.CpuPlan;
import io.meridian.runtime.launch.Threads;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * {@code ./meridian bench latency}: end-to-end tick-to-order latency of the live topology under a fixed-rate offered
 * load, journaling on, coordinated-omission corrected, with two baselines measured in the same run.
 *
 * <pre>
 *   --rate R          offered load, events per second (default 100000)
 *   --events N        measured events (default 1000000)
 *   --warmup N        warm-up events before measuring (default 200000)
 *   --mode M          inline (default): single mode with inline journaling, the default live topology: one
 *                     consumer thread that journals, runs the stages and sends; single | staged: with parallel
 *                     journalers (for machines with 4 or more CPUs)
 *   --scorer S        java | onnx (default java)
 *   --wait W          consumer wait strategy: busy-spin | yielding | sleeping | blocking (default busy-spin, as
 *                     the profile; a second spinning consumer ring never spins: the outbound ring then yields)
 *   --pretouch B      run the journal pretouch agent, true | false (default true)
 *   --stage-timing B  time each stage in single mode, true | false (default true)
 *   --pin P           none | split: producer on CPU 0, consumer threads on the other CPUs (default none)
 *   --baselines B     measure the raw Disruptor hop and raw Chronicle append, true | false (default true)
 *   --verify B        replay-verify the journal afterwards, true | false (default true)
 *   --journal DIR     journal directory, must not hold a journal (default: a temporary one, deleted at the end)
 *   --hgrm FILE       tick-to-order percentile distribution (default DIR/tick-to-order.hgrm with --journal, else
 *                     TMPDIR/meridian-tick-to-order-MODE-SCORER.hgrm)
 * </pre>
 *
 * <p>Latency is measured from each event's <em>intended</em> send time ({@code start + i / rate}), not from when
 * the producer actually managed to send it, so a stalled producer charges its stall to every event it delayed.
 * Tick-to-order is the venue hand-off time of a NEW order command minus the intended send time of the inbound event
 * that caused it.
 *
 * <p>Threads: the main thread is the producer (the load generator) and busy-spins between slots. With the default
 * topology there is one consumer thread, the pipeline thread, and it busy-spins too: two spinning threads on two
 * CPUs, nothing else runnable but the pretouch agent's short wake-ups. With parallel journalers or staged mode the
 * consumers outnumber the CPUs of a small machine, and {@code --wait yielding} is the better choice there.
 *
 * <p>Output: the conditions, a table, then {@code name=value} lines (see bench/README.md).
 */
public final class LatencyMain
{
    private static final String COMMAND = "bench latency";
    private static final String USAGE = "usage: meridian bench latency [--rate R] [--events N] [--warmup N]"
        + " [--mode single|staged|inline] [--scorer java|onnx] [--wait yielding|sleeping|blocking|busy-spin]"
        + " [--pretouch true|false] [--stage-timing true|false] [--pin none|split] [--baselines true|false]"
        + " [--verify true|false]"
        + " [--journal DIR] [--hgrm FILE]";
    private static final double NANOS_PER_SECOND = 1e9;
    /** A raw one-hop p99 above this means the machine, not the engine, sets the tails. */
    private static final long SANE_HOP_P99_NS = 50_000;

    private LatencyMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args the options.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the harness.
     *
     * @param args the options.
     * @param out where the report goes (errors go to standard error).
     * @return 0 on success, 1 when the journal did not replay identically, 2 on bad options.
     */
    public static int run(final String[] args, final PrintStream out)
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rate", "100000");
        defaults.put("events", "1000000");
        defaults.put("warmup", "200000");
        defaults.put("mode", LatencyRun.INLINE);
        defaults.put("scorer", Scorers.JAVA);
        defaults.put("wait", WaitStrategyKind.BUSY_SPIN.configName());
        defaults.put("pretouch", "true");
        defaults.put("stage-timing", "true");
        defaults.put("pin", CpuPlan.NONE);
        defaults.put("baselines", "true");
        defaults.put("verify", "true");
        defaults.put("journal", null);
        defaults.put("hgrm", null);
        final LatencyRun.Settings settings;
        final Args options;
        final Path tempDir;
        try
        {
            options = Args.parse(COMMAND, List.of(args), defaults, Set.of(Args.HELP)).noPositional();
            if (options.help())
            {
                out.println(USAGE);
                return 0;
            }
            final long rate = options.longOption("rate", 1, 100_000_000);
            final long events = options.longOption("events", 1, 500_000_000);
            final long warmup = options.longOption("warmup", 0, 500_000_000);
            final String mode = options.choice("mode", ThreadMode.SINGLE.configName(), ThreadMode.STAGED.configName(),
                LatencyRun.INLINE);
            final String scorer = options.choice("scorer", Scorers.JAVA, Scorers.ONNX);
            final String wait = options.choice("wait", ConfigValues.names(WaitStrategyKind.values()));
            final boolean pretouch = options.bool("pretouch");
            final boolean stageTiming = options.bool("stage-timing");
            final CpuPlan cpus = CpuPlan.of(options.choice("pin", CpuPlan.NONE, CpuPlan.SPLIT));
            options.bool("baselines");
            options.bool("verify");
            final String journal = options.option("journal");
            tempDir = journal == null ? BenchFiles.tempDir("meridian-bench-latency-") : null;
            settings = new LatencyRun.Settings(rate, events, warmup, mode, scorer, wait, pretouch, stageTiming, cpus,
                journal == null ? tempDir.resolve("journal") : Path.of(journal));
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("error: " + ex.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try
        {
            return measure(settings, options, tempDir, out);
        }
        finally
        {
            BenchFiles.deleteTree(tempDir);
        }
    }

    private static int measure(
        final LatencyRun.Settings settings, final Args options, final Path tempDir, final PrintStream out)
    {
        final Report report = new Report();
        final MachineSample before = MachineSample.now();
        report.machineConditions();
        report.condition("machine at start", before.describe());
        report.condition("offered rate", settings.rate() + " events/s");
        report.condition("events", settings.events() + " measured after " + settings.warmup() + " warm-up");
        report.condition("mode", settings.mode());
        report.condition("scorer", settings.scorer() + " (" + Scorers.DEMO_MODEL + ")");
        report.condition("wait strategy", settings.waitStrategy() + " (inbound ring; yielding instead when more than"
            + " one consumer thread runs on fewer than 4 CPUs; the outbound ring never spins); producer spins");
        report.condition("journal", settings.journalDir() + (tempDir != null ? " (temporary)" : ""));
        report.condition("pretouch", settings.pretouch() ? "every 10 ms" : "off");
        final boolean staged = ThreadMode.STAGED.configName().equals(settings.mode());
        report.condition("stage timing", settings.stageTiming() && !staged
            ? "on (6 clock reads per event on the pipeline thread)" : "off");
        report.condition("configuration", "profile demo with " + LatencyRun.overrides(settings));

        final LatencyRun.Result live = new LatencyRun(settings).run();
        report.condition("consumer threads", String.join(", ", live.threads()));
        report.condition("cpu affinity", settings.cpus().describe());

        report.section("tick-to-order: intended send time of the causing event -> hand-off to the venue (NEW orders)");
        report.latencyHeading();
        final Histogram tickToOrder = live.stages()[PipelineLatency.TICK_TO_ORDER];
        report.latency("tick_to_order", "tick-to-order", tickToOrder);
        if (live.emitted().getTotalCount() > 0)
        {
            report.latency("tick_to_order_emitted", "  of which: until the order stage emits", live.emitted());
        }
        report.latency("journal_gate_wait", "  outbound wait for cause journaled", live.gateWait());
        final double eventsPerSecond = live.events() * NANOS_PER_SECOND / live.elapsedNs();
        report.value("events_per_s", eventsPerSecond);
        report.value("offered_events_per_s", settings.rate());
        report.value("measured_events", live.events());
        report.value("venue_reports", live.reports());
        report.value("orders_sent", live.orders());
        report.text(String.format(Locale.ROOT,
            "achieved %.0f events/s (offered %d); %d events of which %d venue reports; %d NEW orders",
            eventsPerSecond, settings.rate(), live.events(), live.reports(), live.orders()));

        if (live.stages()[PipelineLatency.EVENT].getTotalCount() > 0)
        {
            report.section("pipeline thread, per stage (stage did work for the event)");
            report.latencyHeading();
            for (int i = 0; i < PipelineLatency.COUNT; i++)
            {
                if (i != PipelineLatency.TICK_TO_ORDER)
                {
                    final String name = PipelineLatency.name(i).replace('+', '_');
                    report.latency("stage_" + name, "stage " + PipelineLatency.name(i), live.stages()[i]);
                }
            }
        }
        report.section("every inbound event, and the producer");
        report.latencyHeading();
        report.latency("event_to_journal", "intended send -> input journaled", live.journaled());
        report.latency("producer_lag", "lag behind intended send time", live.producerLag());

        allocation(report, live);
        report.section("journal");
        report.value("journal_input_records", live.inputRecords());
        report.value("journal_output_records", live.outputRecords());
        report.value("journal_bytes", BenchFiles.size(settings.journalDir()));
        report.value("journal_pages_pretouched", live.pagesPretouched());
        report.value("venue_commands_dropped", live.commandsDropped());
        report.text(live.inputRecords() + " inbound and " + live.outputRecords() + " decision records, "
            + live.pagesPretouched() + " pages pretouched, " + live.commandsDropped() + " venue commands dropped");

        Histogram hop = null;
        if (options.bool("baselines"))
        {
            hop = baselines(settings, report, tickToOrder);
        }
        machine(report, before, MachineSample.now(), hop);
        int exit = 0;
        if (options.bool("verify"))
        {
            final ReplayVerifier.Result verdict =
                ReplayVerifier.verify(settings.journalDir(), List.of(), Threads.readAhead());
            report.section("replay verification of the journal");
            report.text(verdict.line());
            report.value("replay_identical", verdict.identical() ? 1 : 0);
            exit = verdict.identical() ? 0 : 1;
        }
        final Path hgrm = hgrmFile(options, settings);
        writeHgrm(tickToOrder, hgrm);
        report.section("files");
        report.text("tick-to-order distribution: " + hgrm);
        report.print("meridian bench latency", out);
        return exit;
    }

    private static void allocation(final Report report, final LatencyRun.Result live)
    {
        report.section("allocation and GC in the measured phase");
        report.value("alloc_bytes_per_event_pipeline_thread", (double)live.pipelineThreadBytes() / live.events());
        report.value("alloc_bytes_per_event_consumer_threads", (double)live.consumerThreadBytes() / live.events());
        report.value("alloc_bytes_per_event_producer_thread", (double)live.producerThreadBytes() / live.events());
        report.value("gc_count", live.gcCount());
        report.value("gc_time_ms", live.gcMillis());
        report.text(String.format(Locale.ROOT,
            "pipeline thread %.3f B/event, all consumer threads %.3f B/event, producer %.3f B/event; %d GCs, %d ms",
            (double)live.pipelineThreadBytes() / live.events(), (double)live.consumerThreadBytes() / live.events(),
            (double)live.producerThreadBytes() / live.events(),
            live.gcCount(), live.gcMillis()));
    }

    /**
     * The machine's load over the run, and whether the raw hop baseline is sane (p99 at most 50 us); when it is not,
     * the likely reasons the samples show.
     */
    private static void machine(
        final Report report, final MachineSample before, final MachineSample after, final Histogram hop)
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        final double steal = after.stealPercentSince(before);
        final double busy = after.busyPercentSince(before);
        report.condition("machine at end", after.describe());
        report.section("the machine during the run (load from other processes shows in every hand-off)");
        report.text(String.format(Locale.ROOT, "%d CPUs; load average %.2f at start, %.2f at end; %d runnable tasks"
            + " at start, %d at end; CPUs busy %.1f%%, stolen by the hypervisor %.2f%%", cpus, before.load1(),
            after.load1(), before.runnable(), after.runnable(), busy, steal));
        report.value("cpus", cpus);
        report.value("load_average_start", before.load1());
        report.value("load_average_end", after.load1());
        report.value("runnable_tasks_start", before.runnable());
        report.value("runnable_tasks_end", after.runnable());
        report.value("cpu_busy_percent", busy);
        report.value("cpu_steal_percent", steal);
        if (hop == null || hop.getTotalCount() == 0)
        {
            return;
        }
        final long p99 = hop.getValueAtPercentile(99.0);
        final boolean sane = p99 <= SANE_HOP_P99_NS;
        report.value("baseline_hop_sane", sane ? 1 : 0);
        if (sane)
        {
            report.text(String.format(Locale.ROOT, "raw hop p99 %.1f us <= %d us: the machine can hand off in"
                + " microseconds; tails above it are the topology's", p99 / 1e3, SANE_HOP_P99_NS / 1000));
        }
        else
        {
            final double load = Math.max(before.load1(), after.load1());
            final StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                "WARNING raw hop p99 %.1f us > %d us: the machine itself, not the engine, is slow to hand off here;",
                p99 / 1e3, SANE_HOP_P99_NS / 1000));
            if (load > cpus || Math.max(before.runnable(), after.runnable()) > cpus)
            {
                why.append(String.format(Locale.ROOT, " more runnable threads than CPUs (load %.2f, up to %d"
                    + " runnable, %d CPUs): the harness's threads waited for a CPU;", load,
                    Math.max(before.runnable(), after.runnable()), cpus));
            }
            if (steal > 1.0)
            {
                why.append(String.format(Locale.ROOT, " the hypervisor stole %.1f%% of the CPU time;", steal));
            }
            why.append(" rerun on a quiet machine before reading the tails");
            report.text(why.toString());
        }
    }

    private static Histogram baselines(
        final LatencyRun.Settings settings, final Report report, final Histogram tto)
    {
        final Histogram hop = DisruptorHopBaseline.run(
            settings.rate(), settings.events(), settings.warmup(), 65_536, settings.waitStrategy(),
            settings.cpus());
        final Path queueDir = BenchFiles.tempDir("meridian-bench-chronicle-");
        final ChronicleAppendBaseline.Result append;
        try
        {
            append = ChronicleAppendBaseline.run(settings.rate(), settings.events(), settings.warmup(), queueDir);
        }
        finally
        {
            BenchFiles.deleteTree(queueDir);
        }
        report.section("baselines, same rate and pacing, measured in this run");
        report.latencyHeading();
        report.latency("baseline_disruptor_hop", "raw Disruptor one hop (" + settings.waitStrategy() + ")", hop);
        report.latency("baseline_chronicle_append", "raw Chronicle append, 64 B", append.append());
        report.latency("baseline_chronicle_append_co", "  same, from intended time", append.corrected());
        if (hop.getTotalCount() > 0 && tto.getTotalCount() > 0)
        {
            final double p50Ratio = (double)tto.getValueAtPercentile(50.0) / hop.getValueAtPercentile(50.0);
            final double p99Ratio = (double)tto.getValueAtPercentile(99.0) / hop.getValueAtPercentile(99.0);
            report.value("tick_to_order_p50_over_hop_p50", p50Ratio);
            report.value("tick_to_order_p99_over_hop_p99", p99Ratio);
            final double p999Ratio = (double)tto.getValueAtPercentile(99.9) / hop.getValueAtPercentile(99.9);
            report.value("tick_to_order_p999_over_hop_p999", p999Ratio);
            report.text(String.format(Locale.ROOT, "tick-to-order / raw hop: p50 %.2fx, p99 %.2fx, p99.9 %.2fx",
                p50Ratio, p99Ratio, p999Ratio));
        }
        return hop;
    }

    private static Path hgrmFile(final Args options, final LatencyRun.Settings settings)
    {
        final String explicit = options.option("hgrm");
        if (explicit != null)
        {
            return Path.of(explicit);
        }
        if (options.option("journal") != null)
        {
            return settings.journalDir().resolve("tick-to-order.hgrm");
        }
        return Path.of(System.getProperty("java.io.tmpdir"),
            "meridian-tick-to-order-" + settings.mode() + "-" + settings.scorer() + ".hgrm");
    }

    private static void writeHgrm(final Histogram histogram, final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8))
            {
                // values in microseconds, as HdrHistogram's plotter expects
                histogram.outputPercentileDistribution(hgrm, 1000.0);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
