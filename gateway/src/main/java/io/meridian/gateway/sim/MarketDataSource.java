package io.meridian.gateway.sim;

import org.agrona.MutableDirectBuffer;

/**
 * A simulation port: a source of market-data records in event-time order, pulled by the event-merging driver
 * (backtests, the demo, the simulated live run, the benchmarks). The synthetic market implements it; historical data
 * loaders and pre-generated tapes will too. A real market-data gateway does not: it pushes records as they arrive.
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
