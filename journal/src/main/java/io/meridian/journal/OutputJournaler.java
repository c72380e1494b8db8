package io.meridian.journal;

import io.meridian.engine.api.OutboundSink;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * Appends the engine's outbound records (signals, risk decisions, order commands, trading-state changes) to the
 * output queue in the order the engine made them. The outbound-ring consumer calls {@link #onRecord} for every
 * record before it hands an order command to the venue.
 *
 * <p>Runs on the outbound consumer's thread; allocation-free.
 */
public final class OutputJournaler implements OutboundSink
{
    private final JournalWriter writer;
    private final AtomicLong journaled = new AtomicLong();
    private long count;

    /**
     * A journaler appending to a writer's output queue.
     *
     * @param writer the journal.
     */
    public OutputJournaler(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        writer.appendOutput(buffer, offset, length);
        journaled.lazySet(++count);
    }

    /**
     * Records journaled so far; read it from any thread.
     *
     * @return the count.
     */
    public long count()
    {
        return journaled.get();
    }
}
