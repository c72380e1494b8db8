package io.meridian.bench.latency;

import io.meridian.config.PipelineConfig;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.CpuPlan;
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
 *   --mode M          single | staged (default single), both with parallel journalers; or inline: single mode with
 *                     the engine's inline journaling (engine.journaling=inline), one consumer thread that journals,
 *                     runs the stages and sends
 *   --scorer S        java | onnx (default java)
 *   --wait W          consumer wait strategy: yielding | sleeping | blocking | busy-spin (default yielding)
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
 * <p>Threads: the main thread is the producer and busy-spins between slots; it is the one spinning thread a 2-vCPU
 * machine can afford. The consumers (input journaler, pipeline, outbound handler; in staged mode one per stage) use
 * the yielding wait strategy by default: it spins briefly then gives its CPU to any other runnable thread, so the
 * consumers do not starve the producer or each other, yet wake within a scheduler round-trip. {@code sleeping}
 * would add a timer wake-up of tens of microseconds to every hop; {@code blocking} a futex wake-up per event paid by
 * the producer; {@code busy-spin} would make three spinning threads on two CPUs (DEPENDENCIES.md: p99.9 in
 * milliseconds).
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
        defaults.put("wait", PipelineConfig.WAIT_BUSY_SPIN);
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
            final String mode = options.choice("mode", PipelineConfig.MODE_SINGLE, PipelineConfig.MODE_STAGED,
                LatencyRun.INLINE);
            final String scorer = options.choice("scorer", Scorers.JAVA, Scorers.ONNX);
            final String wait = options.choice("wait", "yielding", "sleeping", "blocking", "busy-spin");
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
        report.machineConditions();
        report.condition("offered rate", settings.rate() + " events/s");
        report.condition("events", settings.events() + " measured after " + settings.warmup() + " warm-up");
        report.condition("mode", settings.mode());
        report.condition("scorer", settings.scorer() + " (" + Scorers.DEMO_MODEL + ")");
        report.condition("wait strategy", settings.waitStrategy() + " (inbound and outbound rings); producer spins");
        report.condition("journal", settings.journalDir() + (tempDir != null ? " (temporary)" : ""));
        report.condition("pretouch", settings.pretouch() ? "every 10 ms" : "off");
        report.condition("stage timing", settings.stageTiming() && !PipelineConfig.MODE_STAGED.equals(settings.mode())
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

        report.section("allocation and GC in the measured phase");
        report.value("alloc_bytes_per_event_pipeline_thread", (double)live.pipelineThreadBytes() / live.events());
        report.value("alloc_bytes_per_event_consumer_threads", (double)live.consumerThreadBytes() / live.events());
        report.value("gc_count", live.gcCount());
        report.value("gc_time_ms", live.gcMillis());
        report.text(String.format(Locale.ROOT,
            "pipeline thread %.3f B/event, all consumer threads %.3f B/event; %d GCs, %d ms",
            (double)live.pipelineThreadBytes() / live.events(), (double)live.consumerThreadBytes() / live.events(),
            live.gcCount(), live.gcMillis()));
        report.section("journal");
        report.value("journal_input_records", live.inputRecords());
        report.value("journal_output_records", live.outputRecords());
        report.value("journal_bytes", BenchFiles.size(settings.journalDir()));
        report.value("journal_pages_pretouched", live.pagesPretouched());
        report.value("venue_commands_dropped", live.commandsDropped());
        report.text(live.inputRecords() + " inbound and " + live.outputRecords() + " decision records, "
            + live.pagesPretouched() + " pages pretouched, " + live.commandsDropped() + " venue commands dropped");

        if (options.bool("baselines"))
        {
            baselines(settings, report, tickToOrder);
        }
        int exit = 0;
        if (options.bool("verify"))
        {
            final ReplayVerifier.Result verdict = ReplayVerifier.verify(settings.journalDir(), List.of());
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

    private static void baselines(final LatencyRun.Settings settings, final Report report, final Histogram tto)
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
            report.text(String.format(Locale.ROOT, "tick-to-order / raw hop: p50 %.2fx, p99 %.2fx", p50Ratio,
                p99Ratio));
        }
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
