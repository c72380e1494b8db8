package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.testing.Records;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The order state machine: execution reports move orders through their states, fills reach the positions, and the
 * per-instrument working order is tracked.
 */
class WorkingOrdersTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final long T0 = 1_000_000_000L;

    private final WorkingOrders orders = new WorkingOrders(2, 16);
    private final PositionKeeper positions = new PositionKeeper(new long[] {1, 1});
    private final UnsafeBuffer report = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);

    private long open(final int index, final byte side, final long qty)
    {
        final long id = orders.nextId();
        orders.open(id, index, side, 1_000, qty, T0);
        return id;
    }

    private boolean exec(final long clOrdId, final byte type, final long lastQty, final long leaves)
    {
        Records.execReport(report, 1, T0, clOrdId, type, Side.BUY, 1_000, lastQty, leaves, 0);
        return orders.onExecReport(report, 0, positions);
    }

    private byte state(final long clOrdId)
    {
        final int slot = orders.store().slotOf(clOrdId);
        return slot < 0 ? OrderStore.DONE : orders.store().state(slot);
    }

    @Test
    void shouldTrackTheWorkingOrderOfEachInstrument()
    {
        final long id = open(A, Side.SELL, 30);

        assertTrue(orders.hasWorkingOrder(A));
        assertFalse(orders.hasWorkingOrder(B));
        assertEquals(-30, orders.workingSigned(A));
        assertEquals(OrderStore.PENDING_NEW, state(id));
    }

    @Test
    void shouldMoveAnOrderToWorkingOnAckAndFinishItOnTheLastFill()
    {
        final long id = open(A, Side.BUY, 30);

        assertFalse(exec(id, ExecType.ACK, 0, 30));
        assertEquals(OrderStore.WORKING, state(id));
        assertTrue(exec(id, ExecType.PARTIAL_FILL, 10, 20));
        assertEquals(20, orders.workingSigned(A));
        assertEquals(10, positions.position(A));
        assertTrue(exec(id, ExecType.FILL, 20, 0));

        assertEquals(OrderStore.DONE, state(id));
        assertFalse(orders.hasWorkingOrder(A));
        assertEquals(0, orders.workingSigned(A));
        assertEquals(30, positions.position(A));
        assertEquals(2, orders.fills());
        assertEquals(30, orders.filledQty());
    }

    @Test
    void shouldFinishOnCancelAndOnVenueReject()
    {
        final long cancelled = open(A, Side.BUY, 5);
        final long rejected = open(B, Side.BUY, 5);

        assertFalse(exec(cancelled, ExecType.CANCELLED, 0, 0));
        assertFalse(exec(rejected, ExecType.REJECTED, 0, 0));

        assertFalse(orders.hasWorkingOrder(A));
        assertFalse(orders.hasWorkingOrder(B));
        assertEquals(1, orders.venueRejects());
    }

    @Test
    void shouldCountReportsForUnknownOrFinishedOrders()
    {
        final long id = open(A, Side.BUY, 5);
        exec(id, ExecType.FILL, 5, 0);

        assertFalse(exec(id, ExecType.FILL, 5, 0));
        assertFalse(exec(999, ExecType.ACK, 0, 0));

        assertEquals(2, orders.unknownReports());
        assertEquals(5, positions.position(A), "a report for a finished order changes nothing");
    }

    @Test
    void shouldExpireOnlyALiveOrderOldEnough()
    {
        final long id = open(A, Side.BUY, 5);

        assertEquals(-1, orders.expire(A, T0 + 99, 100));
        assertEquals(-1, orders.expire(B, T0 + 100, 100), "no working order");
        final int slot = orders.expire(A, T0 + 100, 100);

        assertEquals(id, orders.store().clOrdId(slot));
        assertEquals(OrderStore.PENDING_CANCEL, state(id));
        assertEquals(-1, orders.expire(A, T0 + 200, 100), "a cancel is already pending");
    }

    @Test
    void shouldMarkEveryWorkingOrderForAMassCancel()
    {
        assertFalse(orders.cancelAll(), "nothing to cancel");
        final long a = open(A, Side.BUY, 5);
        final long b = open(B, Side.SELL, 5);

        assertTrue(orders.cancelAll());

        assertEquals(OrderStore.PENDING_CANCEL, state(a));
        assertEquals(OrderStore.PENDING_CANCEL, state(b));
    }
}
