package io.meridian.gateway.sim;

import org.agrona.DirectBuffer;

/**
 * A simulation port: a venue that lives on event time, driven by the event-merging driver. It sees market data and
 * our order commands, and hands its execution reports to the sink it was built with when polled up to a time.
 * {@link SimulatedVenue} implements it. A real venue gateway does not: it implements the engine's
 * {@code io.meridian.engine.api} sinks and runs on wall-clock time.
 */
public interface SimulatedVenuePort
{
    /**
     * Applies a market-data record at its event time (running everything due before it first).
     *
     * @param buffer the record.
     * @param offset where it starts.
     */
    void onMarketData(DirectBuffer buffer, int offset);

    /**
     * Accepts an ORDER_COMMAND record sent at {@code nowNs}; it takes effect after the venue's latency.
     *
     * @param buffer the record.
     * @param offset where it starts.
     * @param nowNs when it left the engine.
     */
    void onOrderCommand(DirectBuffer buffer, int offset, long nowNs);

    /**
     * Time of the next thing the venue will do.
     *
     * @return nanoseconds, {@code Long.MAX_VALUE} when nothing is pending.
     */
    long nextEventTimeNs();

    /**
     * Does everything due at or before a time, emitting reports in due-time order.
     *
     * @param upToTimeNs the time.
     * @return reports emitted.
     */
    int poll(long upToTimeNs);
}
