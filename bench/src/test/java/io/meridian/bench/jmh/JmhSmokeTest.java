package io.meridian.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.testing.Allocations;
import io.meridian.runtime.launch.JvmFlags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the benchmarks compiling and running without the JMH runner: each benchmark's state is set up, its benchmark
 * methods are called a few thousand times and torn down; the zero-allocation ones are checked for 0 B in steady
 * state (that is the property the benchmarks report with {@code -prof gc}); and the annotation processor's
 * benchmark list must name every benchmark with the launcher's JVM flags for the forks.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JmhSmokeTest
{
    private static final int CALLS = 5_000;
    private static final int WARMUP_EVENTS = 70_000;
    /** A one-off below this (a JIT deoptimisation can materialise an object once) is tolerated; per-call garbage
     * is not. */
    private static final long ONE_OFF_BYTES = 1024;

    @Test
    void shouldRunTheFullPipelineThroughOrdersAndFills()
    {
        final PipelineBenchmark benchmark = new PipelineBenchmark();
        benchmark.scorer = Scorers.JAVA;
        benchmark.setup();
        try
        {
            long last = -1;
            for (int i = 0; i < WARMUP_EVENTS; i++)
            {
                last = benchmark.onEvent();
            }
            assertTrue(last > 0, "decision records must be emitted");
            assertTrue(benchmark.venue().ordersSeen() > 10, "orders must reach the venue: "
                + benchmark.venue().ordersSeen());
            assertTrue(benchmark.pipeline().orders().fills() > 10, "fills must come back");
            final long before = Allocations.currentThread();
            for (int i = 0; i < CALLS; i++)
            {
                benchmark.onEvent();
            }
            assertAllocationFree(
                Allocations.currentThread() - before, "bytes allocated by " + CALLS + " pipeline passes");
            assertTrue(benchmark.naiveBoxedPipeline() >= 0);
            for (int i = 0; i < CALLS; i++)
            {
                benchmark.naiveBoxedPipeline();
            }
        }
        finally
        {
            benchmark.tearDown();
        }
    }

    @Test
    void shouldRunTheFeatureBenchmarks()
    {
        final FeatureBenchmark benchmark = new FeatureBenchmark();
        benchmark.setup();
        for (int i = 0; i < CALLS; i++)
        {
            benchmark.onQuote();
            benchmark.naiveBoxedOnQuote();
        }
        assertNotNull(benchmark.naiveBoxedOnQuote(), "the naive features must be warmed up after " + CALLS + " quotes");
        final long before = Allocations.currentThread();
        double sum = 0;
        for (int i = 0; i < CALLS; i++)
        {
            sum += benchmark.onQuote();
        }
        assertAllocationFree(Allocations.currentThread() - before, "bytes allocated by " + CALLS + " feature updates");
        assertTrue(Double.isFinite(sum));
    }

    @Test
    void shouldPassTheWholeRiskChainOnEveryOrder()
    {
        final RiskBenchmark benchmark = new RiskBenchmark();
        benchmark.setup();
        for (int i = 0; i < CALLS; i++)
        {
            final int code = benchmark.check();
            assertTrue(RiskBenchmark.passed(code), "order " + i + " rejected: " + RejectReason.fromCode(code));
            assertEquals("NONE", benchmark.naiveBoxedCheck(), "naive order " + i);
        }
        final long before = Allocations.currentThread();
        for (int i = 0; i < CALLS; i++)
        {
            benchmark.check();
        }
        assertAllocationFree(Allocations.currentThread() - before, "bytes allocated by " + CALLS + " risk checks");
        assertEquals(2L * CALLS, benchmark.risk().acceptedCount());
    }

    @Test
    void shouldScoreWithBothScorersAndTheNaiveBaseline()
    {
        final ScorerBenchmark benchmark = new ScorerBenchmark();
        final ScorerBenchmark.Vectors vectors = new ScorerBenchmark.Vectors();
        vectors.setup();
        final ScorerBenchmark.Naive naive = new ScorerBenchmark.Naive();
        naive.setup();
        for (final String kind : List.of(Scorers.JAVA, Scorers.ONNX))
        {
            final ScorerBenchmark.Model model = new ScorerBenchmark.Model();
            model.kind = kind;
            model.setup();
            try
            {
                for (int i = 0; i < CALLS; i++)
                {
                    final double score = benchmark.score(model, vectors);
                    final double baseline = benchmark.naiveBoxedScore(naive, vectors);
                    assertTrue(Double.isFinite(score), kind + " score " + i);
                    assertTrue(Double.isFinite(baseline), "naive score " + i);
                }
            }
            finally
            {
                model.tearDown();
            }
        }
    }

    private static void assertAllocationFree(final long bytes, final String what)
    {
        assertTrue(bytes < ONE_OFF_BYTES, what + ": " + bytes);
    }

    @Test
    void shouldListEveryBenchmarkWithTheLauncherFlags() throws IOException
    {
        final String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList"))
        {
            assertNotNull(in, "META-INF/BenchmarkList must be generated by the JMH annotation processor");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (final String benchmark : List.of("PipelineBenchmark.onEvent", "PipelineBenchmark.naiveBoxedPipeline",
            "FeatureBenchmark.onQuote", "FeatureBenchmark.naiveBoxedOnQuote", "RiskBenchmark.check",
            "RiskBenchmark.naiveBoxedCheck", "ScorerBenchmark.score", "ScorerBenchmark.naiveBoxedScore"))
        {
            final String className = benchmark.substring(0, benchmark.indexOf('.'));
            final String method = benchmark.substring(benchmark.indexOf('.') + 1);
            assertTrue(list.contains("io.meridian.bench.jmh.jmh_generated." + className + "_" + method + "_jmhTest"),
                "benchmark list lacks " + benchmark);
        }
        final long entries = list.lines().filter(line -> !line.isBlank()).count();
        for (final String flag : JvmFlags.launcher())
        {
            final long withFlag = list.lines().filter(line -> line.contains(" " + flag + " ")).count();
            assertEquals(entries, withFlag, "forks of every benchmark must get " + flag);
        }
    }
}
