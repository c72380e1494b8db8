package io.meridian.gateway.sim;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The simulated venue's commands waiting for the next bar of their instrument (the next-bar-open fill model of
 * {@link SimulatedVenue}): a FIFO of command copies, pre-sized, allocation-free. A released command is marked in its
 * header's {@code flags} field ({@link #RELEASED}) so the venue processes it instead of holding it again. Owned by
 * the venue's thread.
 */
final class BarHold
{
    /** Header flags bit of a command copy released at a bar open. */
    static final int RELEASED = 1;

    private final UnsafeBuffer held;
    private final int capacity;
    private int count;

    BarHold(final int capacity)
    {
        this.capacity = capacity;
        this.held = new UnsafeBuffer(new byte[capacity * OrderCommandCodec.LENGTH]);
    }

    /**
     * Holds a copy of a command.
     *
     * @return false when full (the caller processes it at once).
     */
    boolean hold(final DirectBuffer buffer, final int offset)
    {
        if (count == capacity)
        {
            return false;
        }
        held.putBytes(count * OrderCommandCodec.LENGTH, buffer, offset, OrderCommandCodec.LENGTH);
        count++;
        return true;
    }

    /**
     * Moves the held commands of one instrument, in the order they arrived, into the venue's pending queue, due at
     * {@code dueNs} and marked {@link #RELEASED}.
     */
    void release(final int instrumentId, final VenueEventQueue pending, final long dueNs)
    {
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            final int offset = i * OrderCommandCodec.LENGTH;
            if (Header.instrumentId(held, offset) == instrumentId)
            {
                final int slot = pending.add(dueNs);
                final int slotOffset = VenueEventQueue.offset(slot);
                pending.slots().putBytes(slotOffset, held, offset, OrderCommandCodec.LENGTH);
                pending.slots().putInt(slotOffset + Header.FLAGS_OFFSET, RELEASED);
            }
            else
            {
                if (kept != i)
                {
                    held.putBytes(kept * OrderCommandCodec.LENGTH, held, offset, OrderCommandCodec.LENGTH);
                }
                kept++;
            }
        }
        count = kept;
    }

    /**
     * Withdraws the held commands of one instrument (0: all), for a mass cancel: each held NEW is reported
     * CANCELLED (never acknowledged: venue order id 0, nothing left, nothing filled), other commands are dropped.
     *
     * @return how many reports were emitted.
     */
    int withdraw(final int instrumentId, final VenueReports reports, final long nowNs)
    {
        int emitted = 0;
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            final int offset = i * OrderCommandCodec.LENGTH;
            final int instrument = Header.instrumentId(held, offset);
            if (instrumentId == 0 || instrument == instrumentId)
            {
                if (OrderCommandCodec.command(held, offset) == OrderCommandType.NEW)
                {
                    reports.emit(nowNs, instrument, OrderCommandCodec.clOrdId(held, offset), 0L, ExecType.CANCELLED,
                        OrderCommandCodec.side(held, offset), (short)0, 0L, 0L, 0L, 0L);
                    emitted++;
                }
            }
            else
            {
                if (kept != i)
                {
                    held.putBytes(kept * OrderCommandCodec.LENGTH, held, offset, OrderCommandCodec.LENGTH);
                }
                kept++;
            }
        }
        count = kept;
        return emitted;
    }

    int count()
    {
        return count;
    }
}
