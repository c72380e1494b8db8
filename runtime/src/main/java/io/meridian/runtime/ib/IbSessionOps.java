package io.meridian.runtime.ib;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.telemetry.StatePublisher;
import io.meridian.runtime.driver.OperatorInbox;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.MutableDirectBuffer;

/**
 * What an IB session does for an ops server: publishes the engine's state after each event, takes operator commands
 * from the inbox, reports the sequence each got, and makes its progress visible to the server's threads. Written by
 * the session's thread only; {@link #processed()} may be read from any thread.
 */
final class IbSessionOps
{
    private final StatePublisher publisher;
    private final OperatorInbox inbox;
    private final AtomicLong processed = new AtomicLong(-1);

    IbSessionOps(final StatePublisher publisher, final OperatorInbox inbox)
    {
        this.publisher = publisher;
        this.inbox = inbox;
    }

    void afterEvent(final EventSlot slot)
    {
        publisher.onEvent(slot);
        // journaled and processed: ordered after the state above for the ops server's threads
        processed.lazySet(slot.sequence);
    }

    long take(final MutableDirectBuffer buffer, final long eventTimeNs)
    {
        return inbox.hasCommand() ? inbox.take(buffer, 0, eventTimeNs) : -1;
    }

    void completed(final long request, final long sequence)
    {
        inbox.completed(request, sequence);
    }

    long processed()
    {
        return processed.get();
    }
}
