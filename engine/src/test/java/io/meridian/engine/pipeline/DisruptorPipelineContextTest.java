package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.Sequence;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.testing.TestEngines;
import org.junit.jupiter.api.Test;

/**
 * {@link DisruptorPipeline.Context#conclude()}: required settings, consistency rules and defaults.
 */
class DisruptorPipelineContextTest
{
    private static DisruptorPipeline.Context complete()
    {
        return new DisruptorPipeline.Context()
            .threadFactory(Thread::new)
            .inputJournaler((slot, sequence, endOfBatch) ->
            {
            })
            .inputJournaled(new Sequence(-1))
            .decisionJournal((buffer, offset, length) ->
            {
            })
            .venue((buffer, offset, length) ->
            {
            });
    }

    private static String concludeFailure(final DisruptorPipeline.Context context)
    {
        return assertThrows(IllegalArgumentException.class, context::conclude).getMessage();
    }

    @Test
    void shouldFillTheDefaults()
    {
        final DisruptorPipeline.Context context = complete().conclude();

        assertEquals(DisruptorPipeline.Context.RING_SIZE_DEFAULT, context.ringSize());
        assertEquals(ThreadMode.SINGLE, context.threadMode());
        assertEquals(JournalingMode.PARALLEL, context.journalingMode());
        assertEquals(WaitStrategyKind.YIELDING, context.waitStrategy());
        assertEquals(WaitStrategyKind.YIELDING, context.outboundWaitStrategy(), "outbound waits as inbound");
        assertNotNull(context.onPipelineThreadStart());
        assertNull(context.clock(), "no clock when nothing is measured");
        assertFalse(context.stageTickToOrder());
    }

    @Test
    void shouldTakeTheEngineSectionOfTheConfiguration()
    {
        final DisruptorPipeline.Context context = complete()
            .config(TestEngines.config("engine.mode=staged", "engine.journaling=parallel", "engine.ringSize=4096",
                "engine.waitStrategy=sleeping")
                .engine())
            .conclude();

        assertEquals(ThreadMode.STAGED, context.threadMode());
        assertEquals(4096, context.ringSize());
        assertEquals(WaitStrategyKind.SLEEPING, context.waitStrategy());
        assertEquals(JournalingMode.PARALLEL, context.journalingMode());
    }

    @Test
    void shouldNameAMissingSetting()
    {
        assertEquals("DisruptorPipeline.Context: venue is required", concludeFailure(complete().venue(null)));
        assertEquals("DisruptorPipeline.Context: threadFactory is required",
            concludeFailure(complete().threadFactory(null)));
        assertEquals("DisruptorPipeline.Context: inputJournaled is required",
            concludeFailure(complete().inputJournaled(null)));
    }

    @Test
    void shouldRefuseInconsistentSettings()
    {
        assertEquals("DisruptorPipeline.Context: ringSize must be a power of two, got 1000",
            concludeFailure(complete().ringSize(1000)));
        assertEquals("DisruptorPipeline.Context: journalingMode inline needs threadMode single, not staged",
            concludeFailure(complete().threadMode(ThreadMode.STAGED).journalingMode(JournalingMode.INLINE)));
        assertEquals("DisruptorPipeline.Context: stageLatency (stage timing) needs threadMode single, not staged",
            concludeFailure(complete().threadMode(ThreadMode.STAGED).stageLatency(new PipelineLatency())));
    }

    @Test
    void shouldRecordTickToOrderOnceWhenStagesAndHandOffShareHistograms()
    {
        final PipelineLatency shared = new PipelineLatency();
        final DisruptorPipeline.Context sharing = complete().handOffLatency(shared).stageLatency(shared).conclude();
        final DisruptorPipeline.Context separate =
            complete().handOffLatency(new PipelineLatency()).stageLatency(new PipelineLatency()).conclude();

        assertFalse(sharing.stageTickToOrder());
        assertTrue(separate.stageTickToOrder());
        assertNotNull(sharing.clock(), "a clock is filled in when latency is recorded");
    }

    @Test
    void shouldConcludeOnlyOnce()
    {
        final DisruptorPipeline.Context context = complete().conclude();

        assertThrows(IllegalStateException.class, context::conclude);
    }
}
