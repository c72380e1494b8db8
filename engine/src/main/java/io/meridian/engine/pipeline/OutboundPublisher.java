package io.meridian.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.meridian.engine.api.OutboundSink;
import org.agrona.DirectBuffer;

/**
 * The order stage's sink: copies each record into the outbound ring. Single producer (the order stage thread).
 */
final class OutboundPublisher implements OutboundSink
{
    private final RingBuffer<OutboundSlot> ring;
    long causePublishNanos;
    OutboundHandler direct;

    OutboundPublisher(final RingBuffer<OutboundSlot> ring)
    {
        this.ring = ring;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        if (direct != null)
        {
            direct.handle(buffer, offset, length, causePublishNanos);
            return;
        }
        final long sequence = ring.next();
        try
        {
            final OutboundSlot slot = ring.get(sequence);
            slot.buffer.putBytes(0, buffer, offset, length);
            slot.length = length;
            slot.causePublishNanos = causePublishNanos;
        }
        finally
        {
            ring.publish(sequence);
        }
    }
}
