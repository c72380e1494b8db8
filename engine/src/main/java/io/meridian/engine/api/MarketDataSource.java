package io.meridian.engine.api;

import org.agrona.MutableDirectBuffer;

/**
 * A source of market-data records in event-time order, pulled by a discrete-event driver (backtests, the demo):
 * the synthetic market and historical data loaders implement it.
 */
public interface MarketDataSource
{
    /**
     * Event time of the record {@link #next} would write.
     *
     * @return nanoseconds.
     */
    long peekTimeNs();

    /**
     * Writes the next record (header with sequence and receive time left 0 for the sequencer).
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return the record length.
     */
    int next(MutableDirectBuffer buffer, int offset);
}
