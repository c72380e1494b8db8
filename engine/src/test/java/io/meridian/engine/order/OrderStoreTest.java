package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderStoreTest
{
    private final OrderStore store = new OrderStore(4);

    @Test
    void shouldAssignSequentialIdsFromOne()
    {
        assertEquals(0, store.lastClOrdId());
        assertEquals(1, store.nextId());
        assertEquals(2, store.nextId());
        assertEquals(2, store.lastClOrdId());
    }

    @Test
    void shouldCreateAPendingOrder()
    {
        final long id = store.nextId();
        store.create(id, 2, Side.SELL, 1_234, 50, 99);

        final int slot = store.slotOf(id);
        assertTrue(slot >= 0);
        assertEquals(id, store.clOrdId(slot));
        assertEquals(2, store.instrument(slot));
        assertEquals(Side.SELL, store.side(slot));
        assertEquals(1_234, store.price(slot));
        assertEquals(50, store.qty(slot));
        assertEquals(50, store.leaves(slot));
        assertEquals(99, store.createdNs(slot));
        assertEquals(OrderStore.PENDING_NEW, store.state(slot));
    }

    @Test
    void shouldNotFindUnknownFinishedOrNonPositiveIds()
    {
        final long id = store.nextId();
        store.create(id, 0, Side.BUY, 1, 1, 0);

        assertEquals(-1, store.slotOf(2));
        assertEquals(-1, store.slotOf(0));
        assertEquals(-1, store.slotOf(-3));
        assertEquals(-1, store.slotOf(id + 4), "same slot, other id");

        store.state(store.slotOf(id), OrderStore.DONE);
        assertEquals(-1, store.slotOf(id));
    }

    @Test
    void shouldReuseASlotOnlyOnceItsOrderIsDone()
    {
        for (int i = 0; i < 4; i++)
        {
            store.create(store.nextId(), 0, Side.BUY, 1, 1, 0);
        }
        final long fifth = store.nextId();

        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> store.create(fifth, 0, Side.BUY, 1, 1, 0));
        assertTrue(ex.getMessage().contains("1") && ex.getMessage().contains("5"), ex.getMessage());

        store.state(store.slotOf(1), OrderStore.DONE);
        store.create(fifth, 1, Side.SELL, 2, 3, 4);
        assertEquals(-1, store.slotOf(1));
        assertEquals(1, store.instrument(store.slotOf(fifth)));
    }

    @Test
    void shouldUpdateLeavesAndState()
    {
        final long id = store.nextId();
        store.create(id, 0, Side.BUY, 1, 10, 0);
        final int slot = store.slotOf(id);

        store.leaves(slot, 4);
        store.state(slot, OrderStore.WORKING);

        assertEquals(4, store.leaves(slot));
        assertEquals(10, store.qty(slot));
        assertEquals(OrderStore.WORKING, store.state(slot));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 100, -8})
    void shouldRequireAPowerOfTwoCapacity(final int capacity)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new OrderStore(capacity));

        assertTrue(ex.getMessage().contains("capacity") && ex.getMessage().contains(Integer.toString(capacity)));
    }
}
