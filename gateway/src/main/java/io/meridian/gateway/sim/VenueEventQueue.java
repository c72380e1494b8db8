package io.meridian.gateway.sim;

import io.meridian.engine.codec.Header;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The simulated venue's pending events: each one a record in a fixed-size slot of one buffer (an ORDER_COMMAND to
 * process or an EXEC_REPORT to emit), ordered by a binary min-heap of slot indices keyed by (due time, creation
 * order), so that events due at the same time come out in the order they were added. Pre-sized; it grows (and
 * allocates) only when more events are pending than its capacity, and then {@link #slots()} is a new buffer holding
 * the same bytes. Owned by the venue's thread.
 */
final class VenueEventQueue
{
    /** Bytes per slot: the longest record. */
    static final int SLOT_LENGTH = Header.MAX_RECORD_LENGTH;

    private UnsafeBuffer slots;
    private long[] slotDueNs;
    private long[] slotSeq;
    private int[] freeSlots;
    private int freeSlotCount;
    private int[] heap;
    private int heapSize;
    private long pendingSeq;

    /**
     * An empty queue.
     *
     * @param capacity events that can be pending before the queue grows.
     */
    VenueEventQueue(final int capacity)
    {
        slots = new UnsafeBuffer(new byte[capacity * SLOT_LENGTH]);
        slotDueNs = new long[capacity];
        slotSeq = new long[capacity];
        freeSlots = new int[capacity];
        heap = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeSlotCount = capacity;
    }

    /**
     * The slots' bytes; read it again after {@link #add}, which may have grown it.
     *
     * @return the buffer.
     */
    UnsafeBuffer slots()
    {
        return slots;
    }

    /**
     * Where a slot's record starts in {@link #slots()}.
     *
     * @param slot the slot.
     * @return its byte offset.
     */
    static int offset(final int slot)
    {
        return slot * SLOT_LENGTH;
    }

    /**
     * When the earliest pending event is due.
     *
     * @return its time in nanoseconds, or {@link Long#MAX_VALUE} when nothing is pending.
     */
    long nextDueNs()
    {
        return heapSize == 0 ? Long.MAX_VALUE : slotDueNs[heap[0]];
    }

    /**
     * Takes a free slot for an event due at {@code dueNs}; the caller writes the record into it.
     *
     * @param dueNs when the event is due.
     * @return the slot.
     */
    int add(final long dueNs)
    {
        if (freeSlotCount == 0)
        {
            grow();
        }
        final int slot = freeSlots[--freeSlotCount];
        slotDueNs[slot] = dueNs;
        slotSeq[slot] = ++pendingSeq;

        int child = heapSize++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!before(slot, heap[parent]))
            {
                break;
            }
            heap[child] = heap[parent];
            child = parent;
        }
        heap[child] = slot;
        return slot;
    }

    /**
     * Removes the earliest pending event; the caller reads it, then {@link #free frees} the slot. Only call it when
     * {@link #nextDueNs()} is not {@link Long#MAX_VALUE}.
     *
     * @return its slot.
     */
    int takeEarliest()
    {
        final int top = heap[0];
        final int last = heap[--heapSize];
        if (heapSize > 0)
        {
            int parent = 0;
            while (true)
            {
                int child = 2 * parent + 1;
                if (child >= heapSize)
                {
                    break;
                }
                if (child + 1 < heapSize && before(heap[child + 1], heap[child]))
                {
                    child++;
                }
                if (!before(heap[child], last))
                {
                    break;
                }
                heap[parent] = heap[child];
                parent = child;
            }
            heap[parent] = last;
        }
        return top;
    }

    /**
     * When a slot's event is due.
     *
     * @param slot the slot.
     * @return its due time in nanoseconds.
     */
    long dueNs(final int slot)
    {
        return slotDueNs[slot];
    }

    /**
     * Returns a slot taken by {@link #takeEarliest()} to the free list.
     *
     * @param slot the slot.
     */
    void free(final int slot)
    {
        freeSlots[freeSlotCount++] = slot;
    }

    private boolean before(final int a, final int b)
    {
        final long dueA = slotDueNs[a];
        final long dueB = slotDueNs[b];
        return dueA < dueB || (dueA == dueB && slotSeq[a] < slotSeq[b]);
    }

    private void grow()
    {
        final int oldCapacity = slotDueNs.length;
        final int newCapacity = oldCapacity * 2;
        final byte[] newBytes = new byte[newCapacity * SLOT_LENGTH];
        slots.getBytes(0, newBytes, 0, oldCapacity * SLOT_LENGTH);
        slots = new UnsafeBuffer(newBytes);
        slotDueNs = Arrays.copyOf(slotDueNs, newCapacity);
        slotSeq = Arrays.copyOf(slotSeq, newCapacity);
        heap = Arrays.copyOf(heap, newCapacity);
        freeSlots = new int[newCapacity];
        freeSlotCount = 0;
        for (int i = newCapacity - 1; i >= oldCapacity; i--)
        {
            freeSlots[freeSlotCount++] = i;
        }
    }
}
