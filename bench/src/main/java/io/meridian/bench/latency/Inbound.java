package io.meridian.bench.latency;

import io.meridian.engine.pipeline.DisruptorPipeline;
import org.agrona.DirectBuffer;

/**
 * The inbound side of a topology under test, as the producer and the harness see it.
 */
interface Inbound extends AutoCloseable
{
    /**
     * Publishes one inbound record; stamps its sequence and receive time.
     *
     * @param source the record.
     * @param offset where it starts.
     * @param length its length.
     * @param receiveTimeNs receive time to stamp.
     * @param publishNanos intended send time (measurement clock).
     * @return the sequence assigned.
     */
    long publish(DirectBuffer source, int offset, int length, long receiveTimeNs, long publishNanos);

    /**
     * Sequence of the last inbound event fully processed by the pipeline.
     *
     * @return the sequence, -1 before the first.
     */
    long processedSequence();

    /**
     * The first handler failure.
     *
     * @return the throwable or null.
     */
    Throwable failure();

    /**
     * Drains and stops; call only when {@link #failure()} is null.
     */
    @Override
    void close();

    /**
     * The engine's Disruptor topology as an {@link Inbound}.
     *
     * @param disruptor the started topology.
     * @return the adapter.
     */
    static Inbound of(final DisruptorPipeline disruptor)
    {
        return new Inbound()
        {
            @Override
            public long publish(
                final DirectBuffer source, final int offset, final int length, final long receiveTimeNs,
                final long publishNanos)
            {
                return disruptor.publish(source, offset, length, receiveTimeNs, publishNanos);
            }

            @Override
            public long processedSequence()
            {
                return disruptor.processedSequence();
            }

            @Override
            public Throwable failure()
            {
                return disruptor.failure();
            }

            @Override
            public void close()
            {
                disruptor.close();
            }
        };
    }
}
