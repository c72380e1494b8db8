package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.Allocations;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

/**
 * The steady-state pipeline allocates nothing: after 50k warm-up events, windows of 100k events each (quotes,
 * trades, acks, fills, cancels) are measured with the thread's allocation counter until two consecutive windows
 * allocate exactly 0 bytes ({@link Allocations#assertSteadyStateAllocatesNothing}). The non-zero windows seen before
 * the zero ones are one-offs (80 bytes to 9 KB, once) from first-time resolution of a rarely taken path or a JIT
 * deoptimisation, which depend on what other tests ran earlier in the same JVM.
 */
class PipelineAllocationTest
{
    private static final int WARMUP = 50_000;
    private static final int WINDOW = 100_000;

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
        // the risk monitor on, every millisecond of event time, with a window that wraps during the warm-up
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=1", "monitor.window=50");
        final EventSlot slot = new EventSlot();
        run(WARMUP, market, slot, pipeline, null);
        final long snapshotsBefore = pipeline.orders().riskSnapshots().snapshots();
        final long ordersBefore = pipeline.orders().ordersSent();
        final long fillsBefore = pipeline.orders().fills();
        final long signalsBefore = pipeline.orders().signals();

        assertSteadyStateZero(market, slot, pipeline, null);

        assertTrue(pipeline.orders().ordersSent() - ordersBefore > 100, "the order path must be exercised");
        assertTrue(pipeline.orders().fills() - fillsBefore > 100, "the fill path must be exercised");
        assertTrue(pipeline.orders().signals() - signalsBefore > 10_000, "the scoring path must be exercised");
        assertTrue(pipeline.orders().riskSnapshots().snapshots() - snapshotsBefore > 100,
            "the risk monitor must be exercised: " + (pipeline.orders().riskSnapshots().snapshots() - snapshotsBefore));
    }

    @Test
    void shouldAllocateNothingPerEventWithBuiltBarsAndBarIndicators()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 11);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000",
            "features.bars.kind=time", "features.bars.timeMs=1",
            "features.indicators=[rsi_14, bb_20_2, macd_12_26_9, atr_14, vwap_session, ofi_100]");
        final EventSlot slot = new EventSlot();
        run(WARMUP, market, slot, pipeline, null);
        final long signalsBefore = pipeline.orders().signals();

        assertSteadyStateZero(market, slot, pipeline, null);

        assertTrue(pipeline.orders().signals() - signalsBefore > 10_000,
            "the vector with bar indicators must be ready and scored");
    }

    @Test
    void shouldAllocateNothingWhileRecordingLatency()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 7);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=1", "monitor.window=50");
        final TimedPipeline timed = new TimedPipeline(pipeline, new SystemNanoClock(), new PipelineLatency());
        final EventSlot slot = new EventSlot();
        run(WARMUP, market, slot, pipeline, timed);

        assertSteadyStateZero(market, slot, pipeline, timed);

        assertTrue(timed.latency().snapshot(PipelineLatency.TICK_TO_ORDER).getTotalCount() > 0);
    }

    private static void assertSteadyStateZero(
        final TestMarket market, final EventSlot slot, final Pipeline pipeline, final TimedPipeline timed)
    {
        final Runnable window = () -> run(WINDOW, market, slot, pipeline, timed);
        Allocations.assertSteadyStateAllocatesNothing(WINDOW + " pipeline events", window);
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
