package io.meridian.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the replay harness in-process on a small generated journal and checks its report lines. Never asserts a
 * timing.
 */
class ReplayBenchMainTest
{
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldReportReadAndVerifyThroughput()
    {
        final HarnessOutput output = HarnessOutput.run(ReplayBenchMain::run, "--events", "50000", "--repeat", "1");

        assertEquals(0, output.exitCode(), output.text());
        assertTrue(output.value("replay_read_events_per_s") > 0);
        assertTrue(output.value("replay_verify_events_per_s") > 0);
        assertTrue(output.value("backtest_events_per_s") > 0);
        assertTrue(output.value("baseline_chronicle_read_events_per_s") > 0);
        assertTrue(output.value("baseline_engine_only_events_per_s") > 0);
        assertTrue(output.value("baseline_verify_one_thread_events_per_s") > 0);
        assertTrue(output.value("backtest_warm_events_per_s") > 0);
        assertTrue(output.value("baseline_chronicle_append_per_s") > 0);
        assertTrue(output.value("baseline_append_limit_events_per_s") < output.value("baseline_chronicle_append_per_s"),
            "the backtest appends more than one document per event (its decisions), so its limit is below the rate");
        assertEquals(50_000, output.value("replay_events"));
        assertTrue(output.value("replay_decisions") > 0, "the demo journal must contain decisions");
        assertEquals(1.0, output.value("replay_identical"), output.text());
    }

    @Test
    void shouldRejectAJournalThatIsNotOne()
    {
        assertEquals(2, HarnessOutput.run(ReplayBenchMain::run, "--journal", "/nonexistent/meridian").exitCode());
        assertEquals(2, HarnessOutput.run(ReplayBenchMain::run, "--repeat", "0").exitCode());
    }
}
