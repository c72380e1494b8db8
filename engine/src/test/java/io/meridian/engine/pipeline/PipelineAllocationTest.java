package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.testing.Allocations;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

/**
 * The steady-state pipeline allocates nothing: after 50k warm-up events, three windows of 100k events each
 * (quotes, trades, acks, fills, cancels) are measured with the thread's allocation counter. The last window must be
 * exactly 0 bytes; the earlier ones may only show a one-off below 1 KiB (JIT deoptimisation can materialise an
 * object once), never anything that scales with events.
 */
class PipelineAllocationTest
{
    private static final int WARMUP = 50_000;
    private static final int WINDOW = 100_000;
    private static final int WINDOWS = 3;

    @Test
    void shouldMeasureZeroForNoWork()
    {
        Allocations.currentThread();
        final long before = Allocations.currentThread();
        assertEquals(0, Allocations.currentThread() - before, "the measurement itself must not allocate");
    }

    @Test
    void shouldAllocateNothingPerEventInSingleMode()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 42);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final EventSlot slot = new EventSlot();
        run(WARMUP, market, slot, pipeline, null);
        final long ordersBefore = pipeline.orders().ordersSent();
        final long fillsBefore = pipeline.orders().fills();
        final long signalsBefore = pipeline.orders().signals();

        assertSteadyStateZero(market, slot, pipeline, null);

        assertTrue(pipeline.orders().ordersSent() - ordersBefore > 100, "the order path must be exercised");
        assertTrue(pipeline.orders().fills() - fillsBefore > 100, "the fill path must be exercised");
        assertTrue(pipeline.orders().signals() - signalsBefore > 10_000, "the scoring path must be exercised");
    }

    @Test
    void shouldAllocateNothingWhileRecordingLatency()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 7);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final TimedPipeline timed = new TimedPipeline(pipeline, new SystemNanoClock(), new PipelineLatency());
        final EventSlot slot = new EventSlot();
        run(WARMUP, market, slot, pipeline, timed);

        assertSteadyStateZero(market, slot, pipeline, timed);

        assertTrue(timed.latency().snapshot(PipelineLatency.TICK_TO_ORDER).getTotalCount() > 0);
        assertEquals(WARMUP + WINDOWS * WINDOW, timed.latency().snapshot(PipelineLatency.EVENT).getTotalCount());
    }

    private static void assertSteadyStateZero(
        final TestMarket market, final EventSlot slot, final Pipeline pipeline, final TimedPipeline timed)
    {
        final long[] windows = new long[WINDOWS];
        for (int w = 0; w < WINDOWS; w++)
        {
            final long before = Allocations.currentThread();
            run(WINDOW, market, slot, pipeline, timed);
            windows[w] = Allocations.currentThread() - before;
        }
        for (int w = 0; w < WINDOWS - 1; w++)
        {
            assertTrue(windows[w] < 1024, "window " + w + " allocated " + windows[w] + " bytes");
        }
        assertEquals(0, windows[WINDOWS - 1], "bytes allocated by the last " + WINDOW + " events");
    }

    private static void run(
        final int events, final TestMarket market, final EventSlot slot, final Pipeline pipeline,
        final TimedPipeline timed)
    {
        for (int i = 0; i < events; i++)
        {
            market.next(slot.buffer);
            if (timed == null)
            {
                pipeline.onEvent(slot);
            }
            else
            {
                timed.onEvent(slot);
            }
        }
    }
}
