package io.meridian.engine.order;

import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Our orders, in preallocated parallel arrays indexed by {@code clOrdId & mask}. Client order ids are assigned
 * sequentially from 1, so a slot is reused only after {@code capacity} newer orders; reusing a slot whose order is
 * still live is a broken invariant and throws. Single-threaded; allocation-free.
 */
public final class OrderStore
{
    /** Slot unused or order finished. */
    public static final byte DONE = 0;
    /** Sent, not acknowledged yet. */
    public static final byte PENDING_NEW = 1;
    /** Acknowledged and working. */
    public static final byte WORKING = 2;
    /** A cancel was sent. */
    public static final byte PENDING_CANCEL = 3;

    private final int mask;
    private final long[] clOrdId;
    private final int[] instrument;
    private final byte[] side;
    private final long[] price;
    private final long[] qty;
    private final long[] leaves;
    private final long[] createdNs;
    private final byte[] state;
    /** Per slot: no ORDER_SENT marker seen for the order yet (it may never have left the process). */
    private final boolean[] unsent;
    private long lastClOrdId;

    /**
     * A store.
     *
     * @param capacity power of two, at least the number of live orders at any time.
     */
    public OrderStore(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        mask = capacity - 1;
        clOrdId = new long[capacity];
        instrument = new int[capacity];
        side = new byte[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        leaves = new long[capacity];
        createdNs = new long[capacity];
        state = new byte[capacity];
        unsent = new boolean[capacity];
    }

    /**
     * Takes the next client order id without creating an order (cancel requests use this).
     *
     * @return the id.
     */
    public long nextId()
    {
        return ++lastClOrdId;
    }

    /**
     * Records a new order under a fresh id.
     *
     * @param id id from {@link #nextId()}.
     * @param instrumentIndex dense instrument index.
     * @param orderSide side code.
     * @param limitPrice price in ticks.
     * @param quantity lots.
     * @param nowNs event time.
     */
    public void create(
        final long id, final int instrumentIndex, final byte orderSide, final long limitPrice, final long quantity,
        final long nowNs)
    {
        final int s = (int)(id & mask);
        if (state[s] != DONE)
        {
            throw new IllegalStateException("order slot still live: " + clOrdId[s] + " when creating " + id);
        }
        clOrdId[s] = id;
        instrument[s] = instrumentIndex;
        side[s] = orderSide;
        price[s] = limitPrice;
        qty[s] = quantity;
        leaves[s] = quantity;
        createdNs[s] = nowNs;
        state[s] = PENDING_NEW;
        unsent[s] = true;
    }

    /**
     * Whether an order can be recorded under this id: its slot holds no live order.
     *
     * @param id a client order id.
     * @return true when {@link #create} may take it.
     */
    public boolean free(final long id)
    {
        return id > 0 && state[(int)(id & mask)] == DONE;
    }

    /**
     * Finds a live order.
     *
     * @param id client order id.
     * @return its slot, or -1 when unknown or finished.
     */
    public int slotOf(final long id)
    {
        final int s = (int)(id & mask);
        return clOrdId[s] == id && state[s] != DONE && id > 0 ? s : -1;
    }

    public long clOrdId(final int slot)
    {
        return clOrdId[slot];
    }

    public int instrument(final int slot)
    {
        return instrument[slot];
    }

    public byte side(final int slot)
    {
        return side[slot];
    }

    public long price(final int slot)
    {
        return price[slot];
    }

    public long qty(final int slot)
    {
        return qty[slot];
    }

    public long leaves(final int slot)
    {
        return leaves[slot];
    }

    public void leaves(final int slot, final long value)
    {
        leaves[slot] = value;
    }

    /**
     * Takes the broker's price and quantity for a live order (an operator accepted a reconciliation that found them
     * different); what was filled stays filled.
     *
     * @param slot the order.
     * @param newPrice the broker's price.
     * @param newQty the broker's quantity; leaves become it less the filled quantity, at least 0.
     */
    public void amend(final int slot, final long newPrice, final long newQty)
    {
        final long filled = qty[slot] - leaves[slot];
        price[slot] = newPrice;
        qty[slot] = newQty;
        leaves[slot] = Math.max(0, newQty - filled);
    }

    public long createdNs(final int slot)
    {
        return createdNs[slot];
    }

    public byte state(final int slot)
    {
        return state[slot];
    }

    public void state(final int slot, final byte value)
    {
        state[slot] = value;
    }

    public long lastClOrdId()
    {
        return lastClOrdId;
    }

    /**
     * Reserves every id up to {@code id}: the next id is above it (ids seen at the broker or in a previous journal are
     * never reused).
     *
     * @param id the highest id in use elsewhere.
     */
    public void reserveAbove(final long id)
    {
        if (id > lastClOrdId)
        {
            lastClOrdId = id;
        }
    }

    /**
     * The slot of a finished order whose slot has not been reused yet (its fields still hold the order), for a late
     * execution of it.
     *
     * @param id the client order id.
     * @return the slot, or -1 when the order is live, unknown or its slot was reused.
     */
    public int finishedSlotOf(final long id)
    {
        final int s = (int)(id & mask);
        return clOrdId[s] == id && state[s] == DONE && id > 0 ? s : -1;
    }

    /**
     * Appends this store's state to a snapshot (issue 9): the last client order id, the number of orders held, then
     * per order its id, instrument, side, price, quantity, leaves, creation time and state. Finished orders whose slot
     * is not reused yet are included: a late fill ({@link #finishedSlotOf}) and a reconciliation's stale open-order
     * entries still refer to them, so a restored engine must decide those as the original did. The state value
     * carries {@link #UNSENT_STATE_BIT} for an order with no ORDER_SENT marker yet; a value without it restores the
     * order as sent (the side that halts when the broker does not know it).
     *
     * @param out the snapshot part.
     */
    void saveState(final LongArrayList out)
    {
        out.addLong(lastClOrdId);
        final int countAt = out.size();
        out.addLong(0L);
        long live = 0;
        for (int s = 0; s < state.length; s++)
        {
            if (state[s] != DONE || clOrdId[s] != 0)
            {
                out.addLong(clOrdId[s]);
                out.addLong(instrument[s]);
                out.addLong(side[s]);
                out.addLong(price[s]);
                out.addLong(qty[s]);
                out.addLong(leaves[s]);
                out.addLong(createdNs[s]);
                out.addLong(state[s] | (unsent[s] ? UNSENT_STATE_BIT : 0L));
                live++;
            }
        }
        out.setLong(countAt, live);
    }

    /**
     * Replaces this store's state with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this store's state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        Arrays.fill(state, DONE);
        Arrays.fill(clOrdId, 0L);
        Arrays.fill(unsent, false);
        lastClOrdId = in[from];
        final long live = in[from + 1];
        int i = from + 2;
        for (long n = 0; n < live; n++, i += 8)
        {
            final int s = (int)(in[i] & mask);
            clOrdId[s] = in[i];
            instrument[s] = (int)in[i + 1];
            side[s] = (byte)in[i + 2];
            price[s] = in[i + 3];
            qty[s] = in[i + 4];
            leaves[s] = in[i + 5];
            createdNs[s] = in[i + 6];
            state[s] = (byte)in[i + 7];
            unsent[s] = (in[i + 7] & UNSENT_STATE_BIT) != 0;
        }
        return i;
    }

    /**
     * Number of slots (to visit every live order, e.g. at a reconciliation).
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return state.length;
    }

    /** In a snapshot's per-order state value: the order had no ORDER_SENT marker (above the state's byte). */
    static final long UNSENT_STATE_BIT = 1L << 8;

    /**
     * The gateway wrote this order to the venue (an ORDER_SENT input, issue 9): from now on the venue may know it.
     * An unknown or finished id is ignored.
     *
     * @param id the client order id.
     */
    public void markSent(final long id)
    {
        final int s = slotOf(id);
        if (s >= 0)
        {
            unsent[s] = false;
        }
    }

    /**
     * Whether the gateway marked this live order sent (an ORDER_SENT input since it was created). An order restored
     * from a snapshot written before the marker existed counts as sent.
     *
     * @param slot the order's slot.
     * @return true once marked sent.
     */
    public boolean sent(final int slot)
    {
        return !unsent[slot];
    }
}
