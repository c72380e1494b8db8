package io.meridian.runtime.backtest;

import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.telemetry.StatePublisher;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorInbox;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a backtest does for an ops server after each event: publishes the engine's state, reports the sequence of an
 * operator command it took from the inbox, and makes its progress visible to the server's threads. Written by the
 * backtest's thread only; {@link #processed()} may be read from any thread.
 */
final class BacktestOps
{
    private final StatePublisher publisher;
    private final OperatorInbox inbox;
    private final AtomicLong processed = new AtomicLong(-1);

    BacktestOps(final StatePublisher publisher, final OperatorInbox inbox)
    {
        this.publisher = publisher;
        this.inbox = inbox;
    }

    void afterEvent(final EventSlot slot, final EventMerger merger)
    {
        publisher.onEvent(slot);
        final long request = merger.takeOperatorRequest();
        if (request >= 0)
        {
            inbox.completed(request, slot.sequence);
        }
        // journaled and processed: ordered after the state above for the ops server's threads
        processed.lazySet(slot.sequence);
    }

    void publish()
    {
        publisher.publish();
    }

    long processed()
    {
        return processed.get();
    }
}
