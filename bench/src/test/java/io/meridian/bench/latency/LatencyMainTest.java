package io.meridian.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the latency harness in-process with small numbers and checks its report: every required line is present and
 * a non-negative number, orders were measured, the journal replays identically and the histogram file is written.
 * Never asserts a timing.
 */
class LatencyMainTest
{
    private static final List<String> REQUIRED = List.of(
        "tick_to_order_p50_ns", "tick_to_order_p99_ns", "tick_to_order_p999_ns", "tick_to_order_max_ns",
        "tick_to_order_count", "events_per_s",
        "baseline_disruptor_hop_p50_ns", "baseline_disruptor_hop_p99_ns", "baseline_disruptor_hop_p999_ns",
        "baseline_chronicle_append_p50_ns", "baseline_chronicle_append_p99_ns", "baseline_chronicle_append_p999_ns",
        "stage_features_p50_ns", "stage_features_p99_ns", "stage_risk_orders_p99_ns", "tick_to_order_emitted_p50_ns",
        "journal_gate_wait_p99_ns", "event_to_journal_p50_ns", "producer_lag_p99_ns",
        "alloc_bytes_per_event_pipeline_thread", "alloc_bytes_per_event_producer_thread",
        "tick_to_order_p999_over_hop_p999", "load_average_start", "load_average_end", "runnable_tasks_end",
        "cpu_busy_percent", "cpu_steal_percent", "baseline_hop_sane", "replay_identical");

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldReportTickToOrderAndBaselinesAsNameValueLines(@TempDir final Path dir) throws IOException
    {
        final Path hgrm = dir.resolve("tto.hgrm");
        final HarnessOutput output = HarnessOutput.run(LatencyMain::run, "--events", "20000", "--warmup", "5000",
            "--rate", "20000", "--journal", dir.resolve("journal").toString(), "--hgrm", hgrm.toString());

        assertEquals(0, output.exitCode(), output.text());
        for (final String name : REQUIRED)
        {
            output.value(name);
        }
        assertTrue(output.value("tick_to_order_count") > 0, "orders must have been measured:\n" + output.text());
        assertEquals(20_000, output.value("measured_events"));
        assertEquals(1.0, output.value("replay_identical"), output.text());
        assertEquals(0.0, output.value("venue_commands_dropped"));
        assertEquals(20_000, output.value("baseline_disruptor_hop_count"), "every measured hop is recorded");
        assertEquals(20_000, output.value("event_to_journal_count"), "every measured event is journaled");
        assertTrue(output.text().contains("conditions"), "the conditions come first");
        assertTrue(output.text().contains("machine at start") && output.text().contains("machine at end"),
            "the machine's load is printed at start and end");
        assertTrue(output.value("baseline_hop_sane") == 1.0 || output.text().contains("WARNING raw hop p99"),
            "an insane hop baseline is explained");
        final String distribution = Files.readString(hgrm);
        assertTrue(distribution.contains("Percentile"), "the .hgrm file must hold the percentile distribution");
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRunStagedModePinnedWithoutStageTimingOrBaselines(@TempDir final Path dir)
    {
        final HarnessOutput output = HarnessOutput.run(LatencyMain::run, "--events", "10000", "--warmup", "2000",
            "--rate", "20000", "--mode", "staged", "--baselines", "false", "--pretouch", "false", "--pin", "split",
            "--hgrm", dir.resolve("staged.hgrm").toString());

        assertEquals(0, output.exitCode(), output.text());
        assertTrue(output.value("tick_to_order_count") > 0, output.text());
        assertFalse(output.values().containsKey("stage_features_p50_ns"), "staged mode has no per-stage timing");
        assertFalse(output.values().containsKey("baseline_disruptor_hop_p50_ns"));
        assertEquals(1.0, output.value("replay_identical"), output.text());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRunTheInlineComparisonTopology(@TempDir final Path dir)
    {
        final HarnessOutput output = HarnessOutput.run(LatencyMain::run, "--events", "10000", "--warmup", "2000",
            "--rate", "20000", "--mode", "inline", "--baselines", "false", "--hgrm", dir.resolve("i.hgrm").toString());

        assertEquals(0, output.exitCode(), output.text());
        assertTrue(output.value("tick_to_order_count") > 0, output.text());
        assertEquals(10_000, output.value("event_to_journal_count"), "every measured event is journaled");
        output.value("stage_event_p99_ns");
        assertEquals(1.0, output.value("replay_identical"), output.text());
    }

    @Test
    void shouldRejectBadOptionsNamingThem()
    {
        assertEquals(2, HarnessOutput.run(LatencyMain::run, "--rate", "fast").exitCode());
        assertEquals(2, HarnessOutput.run(LatencyMain::run, "--events").exitCode());
        assertEquals(2, HarnessOutput.run(LatencyMain::run, "--mode", "parallel").exitCode());
        assertEquals(2, HarnessOutput.run(LatencyMain::run, "--colour", "blue").exitCode());
        assertEquals(2, HarnessOutput.run(LatencyMain::run, "--pin", "cpu3").exitCode());
    }
}
