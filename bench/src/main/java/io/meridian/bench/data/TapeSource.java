package io.meridian.bench.data;

import io.meridian.gateway.sim.MarketDataSource;
import org.agrona.MutableDirectBuffer;

/**
 * A pre-generated market tape as the driver's market-data source, so that generating the market costs nothing while
 * a harness measures. Owned by the driver's thread; allocation-free.
 */
public final class TapeSource implements MarketDataSource
{
    private final EventTape tape;
    private int next;

    /**
     * A source replaying a tape once.
     *
     * @param tape market records in event-time order.
     */
    public TapeSource(final EventTape tape)
    {
        this.tape = tape;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the tape ran out (it was generated too short for the run).
     */
    @Override
    public long peekTimeNs()
    {
        if (next == tape.size())
        {
            throw new IllegalStateException("the market tape ran out after " + tape.size() + " records");
        }
        return tape.eventTimeNs(next);
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        peekTimeNs();
        final int length = tape.length(next);
        buffer.putBytes(offset, tape.buffer(), tape.offset(next), length);
        next++;
        return length;
    }

    /**
     * Records replayed so far.
     *
     * @return the count.
     */
    public int position()
    {
        return next;
    }
}
