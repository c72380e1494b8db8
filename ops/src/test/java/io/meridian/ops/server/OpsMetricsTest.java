package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.pipeline.PipelineLatency;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The classic histogram buckets built from an HdrHistogram of nanoseconds, checked against counts worked out by hand.
 */
class OpsMetricsTest
{
    @Test
    void shouldCountEachValueInTheFirstBucketWhoseBoundItDoesNotExceed()
    {
        final Histogram latencies = new Histogram(PipelineLatency.HIGHEST_NS, 3);
        // 800 ns and 1,000 ns: le 1us; 2,400 ns: le 2.5us; 12 us: le 15us; 20 us x3: le 20us; 20.9 us: le 30us;
        // 0.3 s: le 0.5s; 2 s: +Inf
        for (final long ns : new long[]{800, 1_000, 2_400, 12_000, 20_000, 20_000, 20_000, 20_900, 300_000_000L,
            2_000_000_000L})
        {
            latencies.recordValue(ns);
        }
        final HistogramDataPointSnapshot point = OpsMetrics.histogram(Labels.EMPTY, latencies);
        final Map<Double, Long> counts = new LinkedHashMap<>();
        for (final ClassicHistogramBucket bucket : point.getClassicBuckets())
        {
            if (bucket.getCount() > 0)
            {
                counts.put(bucket.getUpperBound(), bucket.getCount());
            }
        }
        final Map<Double, Long> expected = new LinkedHashMap<>();
        expected.put(1e-6, 2L);
        expected.put(2.5e-6, 1L);
        expected.put(1.5e-5, 1L);
        expected.put(2e-5, 3L);
        expected.put(3e-5, 1L);
        expected.put(0.5, 1L);
        expected.put(Double.POSITIVE_INFINITY, 1L);
        assertEquals(expected, counts);
        assertEquals(10, point.getCount());
        assertEquals(OpsMetrics.BUCKETS_SECONDS.length + 1, point.getClassicBuckets().size());
        // sum = mean x count, within HdrHistogram's three significant digits
        final double sumSeconds = (800 + 1_000 + 2_400 + 12_000 + 60_000 + 20_900 + 300_000_000.0 + 2_000_000_000.0)
            / 1e9;
        assertEquals(sumSeconds, point.getSum(), sumSeconds * 1e-3);
    }

    @Test
    void shouldServeAnEmptyHistogramAsZeroes()
    {
        final HistogramDataPointSnapshot point = OpsMetrics.histogram(Labels.EMPTY,
            new Histogram(PipelineLatency.HIGHEST_NS, 3));
        assertEquals(0, point.getCount());
        assertEquals(0.0, point.getSum());
    }
}
