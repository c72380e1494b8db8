package io.meridian.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one live topology: the defaults fit a small machine (one consumer thread), a larger explicit topology is
 * warned about there, and a short run with the defaults journals a replay-identical session with orders and fills.
 */
class LiveTopologyTest
{
    private static final String NO_HALT = "kill.dailyLossLimit=1e12";

    @Test
    void shouldRunOneConsumerThreadWithTheDefaults()
    {
        final EngineConfig defaults = ConfigLoader.loadProfile("demo", List.of());
        assertEquals(1, ThreadBudget.consumerThreads(defaults));
        assertNull(ThreadBudget.sizingWarning(defaults, 2));
    }

    @Test
    void shouldWarnWhenAnExplicitTopologyNeedsMoreThreadsThanTheMachineHas()
    {
        final EngineConfig parallel = ConfigLoader.loadProfile("demo", List.of("engine.journaling=parallel"));
        final EngineConfig staged = ConfigLoader.loadProfile("demo",
            List.of("engine.mode=staged", "engine.journaling=parallel"));
        assertEquals(3, ThreadBudget.consumerThreads(parallel));
        assertEquals(7, ThreadBudget.consumerThreads(staged));
        final String warning = ThreadBudget.sizingWarning(staged, 2);
        assertTrue(warning.contains("runs 7 consumer threads on 2 CPUs"), warning);
        assertTrue(warning.endsWith("they yield instead of busy-spinning"), warning);
        assertEquals(WaitStrategyKind.YIELDING, ThreadBudget.waitStrategy(staged, 2));
        assertEquals(WaitStrategyKind.BUSY_SPIN, ThreadBudget.waitStrategy(staged, ThreadBudget.SMALL_MACHINE_CPUS));
        assertEquals(WaitStrategyKind.BUSY_SPIN,
            ThreadBudget.waitStrategy(ConfigLoader.loadProfile("demo", List.of()), 2));
        assertNull(ThreadBudget.sizingWarning(staged, ThreadBudget.SMALL_MACHINE_CPUS));
    }

    @Test
    void shouldRequireConfigScorerAndJournal()
    {
        final IllegalStateException missing =
            assertThrows(IllegalStateException.class, () -> new LiveTopology.Context().conclude());
        assertEquals("LiveTopology.Context: config is required", missing.getMessage());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldJournalAReplayIdenticalSessionWithTheDefaults(@TempDir final Path dir)
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo",
            List.of(NO_HALT, "engine.waitStrategy=yielding"));
        final Path journalDir = dir.resolve("journal");
        final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        final long orders;
        try (Scorer scorer = Scorers.create(config.model().scorer(), config.model().path());
            JournalWriter journal = JournalWriter.open(journalDir, manifest(config)))
        {
            try (LiveTopology live = LiveTopology.start(new LiveTopology.Context()
                .config(config).scorer(scorer).journal(journal).availableCpus(2)
                .warnings(new PrintStream(warnings, true, StandardCharsets.UTF_8))))
            {
                live.feed(20_000, 40_000);
                live.awaitQuiet();
                assertEquals(20_000, live.published());
                assertTrue(live.reportsPublished() > 0, "the venue answered");
                orders = live.pipeline().orders().ordersSent();
                assertTrue(orders > 0, "orders were sent");
                assertEquals(orders, live.handOffLatency().snapshot(PipelineLatency.TICK_TO_ORDER).getTotalCount());
                assertEquals(20_000, live.journaled().getTotalCount());
                assertEquals(List.of("meridian-single-1"), live.threadNames());
            }
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    private static String manifest(final EngineConfig config)
    {
        final String model = config.model().path();
        return new RunManifest("test", "live-topology-test", "live", "2026-01-01T00:00:00Z", "profile:demo",
            ConfigLoader.configHash(config), List.of(NO_HALT, "engine.waitStrategy=yielding"), model,
            ModelFiles.sha256Hex(ModelFiles.read(model)), FeatureSchema.hash(), config.model().scorer(),
            config.run().seed(), ConfigLoader.canonicalYaml(config)).toText();
    }
}
