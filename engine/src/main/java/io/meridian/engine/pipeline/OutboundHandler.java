package io.meridian.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * Journals every outbound record, then hands order commands to the venue once their cause is journaled.
 */
final class OutboundHandler implements EventHandler<OutboundSlot>
{
    private static final int GATE_SPINS = 100;

    private final OutboundSink decisionJournal;
    private final OutboundSink venue;
    private final Sequence inputJournaled;
    private final PipelineLatency latency;
    private final NanoClock clock;

    OutboundHandler(
        final OutboundSink decisionJournal,
        final OutboundSink venue,
        final Sequence inputJournaled,
        final PipelineLatency latency,
        final NanoClock clock)
    {
        this.decisionJournal = decisionJournal;
        this.venue = venue;
        this.inputJournaled = inputJournaled;
        this.latency = latency;
        this.clock = clock;
    }

    @Override
    public void onEvent(final OutboundSlot slot, final long sequence, final boolean endOfBatch)
    {
        handle(slot.buffer, 0, slot.length, slot.causePublishNanos);
    }

    // the yield in the gate is deliberate and measured (see the comment there), not a scheduling assumption
    @SuppressWarnings("ThreadPriorityCheck")
    void handle(final DirectBuffer buffer, final int offset, final int length, final long causePublishNanos)
    {
        decisionJournal.onRecord(buffer, offset, length);
        if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
        {
            final long cause = OrderCommandCodec.causeSequence(buffer, offset);
            int spins = 0;
            while (inputJournaled.get() < cause)
            {
                // spin briefly, then give the CPU away: on a small machine the journaler we wait for may need
                // this very CPU (measured: a pure spin here held it for a whole 4 ms scheduler slice)
                if (++spins < GATE_SPINS)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    Thread.yield();
                }
            }
            venue.onRecord(buffer, offset, length);
            if (latency != null && causePublishNanos != 0
                && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
            {
                latency.record(PipelineLatency.TICK_TO_ORDER, clock.nanoTime() - causePublishNanos);
            }
        }
    }
}
