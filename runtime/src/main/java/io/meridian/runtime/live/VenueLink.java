package io.meridian.runtime.live;

import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The venue stub at the end of the outbound handler: the hand-off point where tick-to-order is measured (the
 * Disruptor topology's outbound handler records it right after this sink returns). Each order command is copied
 * into a single-producer single-consumer ring that the producer thread drains into the simulated venue, which
 * answers with execution reports through the inbound ring, closing the loop as a venue gateway would.
 *
 * <p>It also measures the journal gate: the outbound handler journals each order command (through
 * {@link #decisionJournal}), then waits until the inbound event that caused it is journaled, then hands it here; the
 * time between the two is recorded in {@link #gateWait()}.
 *
 * <p>{@link #onRecord} and the decision journal run on the outbound handler's thread; {@link #ring()} is drained by
 * the producer thread; the counters may be read from any thread, and the histogram once {@link #received()} shows
 * every command. Allocation-free. A full ring drops the command and counts it (the engine then sees no answer).
 */
final class VenueLink implements OutboundSink
{
    /** Message type of an order command in the ring. */
    static final int ORDER_COMMAND_MSG = 1;
    private static final int CAPACITY = 1 << 20;

    private final OneToOneRingBuffer ring = new OneToOneRingBuffer(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Histogram gateWait = LiveTopology.histogram();
    private final NanoClock clock;
    private final OutboundSink journal;
    private long journaledAtNanos;
    private long receivedCount;
    private long droppedCount;

    /**
     * A link.
     *
     * @param clock the measurement clock.
     * @param journal the real decision journal, wrapped by {@link #decisionJournal}.
     */
    VenueLink(final NanoClock clock, final OutboundSink journal)
    {
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * The decision journal to give the topology: appends through the real one and notes when an order command was
     * journaled.
     *
     * @return the sink.
     */
    OutboundSink decisionJournal()
    {
        return this::journal;
    }

    private void journal(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.onRecord(buffer, offset, length);
        if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
        {
            journaledAtNanos = clock.nanoTime();
        }
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        gateWait.recordValue(Math.max(0, Math.min(clock.nanoTime() - journaledAtNanos, LiveTopology.HIGHEST_NS)));
        if (!ring.write(ORDER_COMMAND_MSG, buffer, offset, length))
        {
            dropped.lazySet(++droppedCount);
        }
        received.lazySet(++receivedCount);
    }

    OneToOneRingBuffer ring()
    {
        return ring;
    }

    /**
     * Order commands handed to the venue so far; any thread.
     *
     * @return the count.
     */
    long received()
    {
        return received.get();
    }

    /**
     * Order commands lost because the ring was full; any thread.
     *
     * @return the count.
     */
    long dropped()
    {
        return dropped.get();
    }

    /**
     * Time each order command waited between being journaled and being handed over (the outbound handler's wait for
     * its cause to be journaled). Read it only when {@link #received()} covers every command sent.
     *
     * @return the live histogram.
     */
    Histogram gateWait()
    {
        return gateWait;
    }
}
