package io.meridian.engine.order;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Our orders and their state machine: the {@link OrderStore} plus the one working order each instrument may have.
 * Execution reports move an order PENDING_NEW to WORKING (ack or first fill) and to DONE (fill with nothing left,
 * cancel confirmed, venue reject); fills are applied to the {@link PositionKeeper}. Reports for unknown or finished
 * orders are counted and ignored. Single-threaded (the order stage's thread); allocation-free.
 */
public final class WorkingOrders
{
    private final OrderStore store;
    private final long[] workingClOrdId;
    private final long[] workingSigned;
    private long fills;
    private long filledQty;
    private long venueRejects;
    private long unknownReports;
    private boolean lastFillLate;
    private long lateFilledBefore;
    private long lateFills;
    private int lastFillIndex = -1;
    private byte lastFillSide;
    private long lastFillPrice;
    private long lastFillSignedQty;

    /**
     * Empty.
     *
     * @param instruments number of instruments (dense indexes).
     * @param capacity live-order capacity (power of two).
     */
    public WorkingOrders(final int instruments, final int capacity)
    {
        store = new OrderStore(capacity);
        workingClOrdId = new long[instruments];
        workingSigned = new long[instruments];
    }

    /**
     * Takes the next client order id (for a new order or a cancel request).
     *
     * @return the id.
     */
    public long nextId()
    {
        return store.nextId();
    }

    /**
     * Records a new order as the instrument's working order, pending acknowledgement.
     *
     * @param clOrdId id from {@link #nextId()}.
     * @param index dense instrument index.
     * @param side side code.
     * @param price limit price, ticks.
     * @param qty quantity, lots.
     * @param nowNs event time.
     */
    public void open(
        final long clOrdId, final int index, final byte side, final long price, final long qty, final long nowNs)
    {
        store.create(clOrdId, index, side, price, qty, nowNs);
        workingClOrdId[index] = clOrdId;
        workingSigned[index] = Side.sign(side) * qty;
    }

    /**
     * Whether an instrument has a working order.
     *
     * @param index dense instrument index.
     * @return true when one is working.
     */
    public boolean hasWorkingOrder(final int index)
    {
        return workingClOrdId[index] != 0;
    }

    /**
     * Client order id of the instrument's working order.
     *
     * @param index dense instrument index.
     * @return the id, 0 when none is working.
     */
    public long workingClOrdId(final int index)
    {
        return workingClOrdId[index];
    }

    /**
     * Signed quantity still working for an instrument.
     *
     * @param index dense instrument index.
     * @return lots, positive for a buy.
     */
    public long workingSigned(final int index)
    {
        return workingSigned[index];
    }

    /**
     * Marks the instrument's working order PENDING_CANCEL when it is live (sent or acknowledged) and at least
     * {@code timeoutNs} old.
     *
     * @param index dense instrument index.
     * @param nowNs event time.
     * @param timeoutNs order age that expires it.
     * @return the expired order's store slot, to cancel, or -1.
     */
    public int expire(final int index, final long nowNs, final long timeoutNs)
    {
        final long clOrdId = workingClOrdId[index];
        if (clOrdId == 0)
        {
            return -1;
        }
        final int slot = store.slotOf(clOrdId);
        final byte state = slot >= 0 ? store.state(slot) : OrderStore.DONE;
        if ((state == OrderStore.WORKING || state == OrderStore.PENDING_NEW)
            && nowNs - store.createdNs(slot) >= timeoutNs)
        {
            store.state(slot, OrderStore.PENDING_CANCEL);
            return slot;
        }
        return -1;
    }

    /**
     * Marks the instrument's working order PENDING_CANCEL when it is live (sent or acknowledged), whatever its age.
     *
     * @param index dense instrument index.
     * @return the order's store slot, to cancel, or -1 when none is live.
     */
    public int cancel(final int index)
    {
        final long clOrdId = workingClOrdId[index];
        if (clOrdId == 0)
        {
            return -1;
        }
        final int slot = store.slotOf(clOrdId);
        final byte state = slot >= 0 ? store.state(slot) : OrderStore.DONE;
        if (state == OrderStore.WORKING || state == OrderStore.PENDING_NEW)
        {
            store.state(slot, OrderStore.PENDING_CANCEL);
            return slot;
        }
        return -1;
    }

    /**
     * Marks every working order PENDING_CANCEL (before a mass cancel).
     *
     * @return true when there was at least one.
     */
    public boolean cancelAll()
    {
        boolean any = false;
        for (int i = 0; i < workingClOrdId.length; i++)
        {
            final int slot = workingClOrdId[i] == 0 ? -1 : store.slotOf(workingClOrdId[i]);
            if (slot >= 0)
            {
                store.state(slot, OrderStore.PENDING_CANCEL);
                any = true;
            }
        }
        return any;
    }

    /**
     * Applies an execution report.
     *
     * @param buffer the EXEC_REPORT record.
     * @param offset where it starts.
     * @param positions where fills go.
     * @return true when the report was a fill (the caller re-checks the loss limit).
     */
    public boolean onExecReport(final DirectBuffer buffer, final int offset, final PositionKeeper positions)
    {
        final int slot = store.slotOf(ExecReportCodec.clOrdId(buffer, offset));
        lastFillLate = false;
        if (slot < 0)
        {
            return onLateFill(buffer, offset, positions);
        }
        final int index = store.instrument(slot);
        final byte execType = ExecReportCodec.execType(buffer, offset);
        switch (execType)
        {
            case ExecType.ACK:
                if (store.state(slot) == OrderStore.PENDING_NEW)
                {
                    store.state(slot, OrderStore.WORKING);
                }
                return false;
            case ExecType.PARTIAL_FILL:
            case ExecType.FILL:
                onFill(slot, index, execType, buffer, offset, positions);
                return true;
            case ExecType.CANCELLED:
                finish(slot, index);
                return false;
            case ExecType.REJECTED:
                venueRejects++;
                finish(slot, index);
                return false;
            default:
                unknownReports++;
                return false;
        }
    }

    private void onFill(
        final int slot, final int index, final byte execType, final DirectBuffer buffer, final int offset,
        final PositionKeeper positions)
    {
        final long lastQty = ExecReportCodec.lastQty(buffer, offset);
        final long sign = Side.sign(store.side(slot));
        final long fillPrice = ExecReportCodec.lastPrice(buffer, offset);
        positions.onFill(index, sign * lastQty, fillPrice, ExecReportCodec.chargedCost(buffer, offset));
        lastFillIndex = index;
        lastFillSide = store.side(slot);
        lastFillPrice = fillPrice;
        lastFillSignedQty = sign * lastQty;
        fills++;
        filledQty += lastQty;
        final long leaves = ExecReportCodec.leavesQty(buffer, offset);
        store.leaves(slot, leaves);
        workingSigned[index] = sign * leaves;
        if (store.state(slot) == OrderStore.PENDING_NEW)
        {
            store.state(slot, OrderStore.WORKING);
        }
        if (execType == ExecType.FILL || leaves == 0)
        {
            finish(slot, index);
        }
    }

    private void finish(final int slot, final int index)
    {
        store.state(slot, OrderStore.DONE);
        if (workingClOrdId[index] == store.clOrdId(slot))
        {
            workingClOrdId[index] = 0;
            workingSigned[index] = 0;
        }
    }

    /**
     * Whether any order is still live at the venue (a cancel not yet confirmed counts).
     *
     * @return true while one is.
     */
    public boolean anyWorking()
    {
        for (final long id : workingClOrdId)
        {
            if (id != 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Instrument of the last fill.
     *
     * @return dense index, -1 before any.
     */
    public int lastFillIndex()
    {
        return lastFillIndex;
    }

    public byte lastFillSide()
    {
        return lastFillSide;
    }

    public long lastFillPrice()
    {
        return lastFillPrice;
    }

    /**
     * Signed quantity of the last fill.
     *
     * @return lots, positive for a buy.
     */
    public long lastFillSignedQty()
    {
        return lastFillSignedQty;
    }

    /**
     * The order store (read its slots, e.g. the side, price and leaves of an order to cancel).
     *
     * @return the store.
     */
    public OrderStore store()
    {
        return store;
    }

    public long fills()
    {
        return fills;
    }

    public long filledQty()
    {
        return filledQty;
    }

    public long venueRejects()
    {
        return venueRejects;
    }

    public long unknownReports()
    {
        return unknownReports;
    }

    /**
     * A report for an order that is not live: a fill of an order the engine already finished (a late execution, e.g.
     * one the broker made just before it confirmed a cancel) is applied to the position as a missed fill, for the
     * part of it that the report's cumulative quantity puts beyond the engine's filled quantity; anything else (a
     * duplicate of a fill already applied, a report for an unknown order) is counted as unknown.
     */
    private boolean onLateFill(final DirectBuffer buffer, final int offset, final PositionKeeper positions)
    {
        final byte execType = ExecReportCodec.execType(buffer, offset);
        final int slot = store.finishedSlotOf(ExecReportCodec.clOrdId(buffer, offset));
        if (slot < 0 || positions == null || (execType != ExecType.FILL && execType != ExecType.PARTIAL_FILL))
        {
            unknownReports++;
            return false;
        }
        // new only as far as the venue's cumulative quantity goes beyond what the engine has: a re-sent or
        // duplicated report of a fill already applied adds nothing
        final long filledBefore = store.qty(slot) - store.leaves(slot);
        final long lastQty = Math.min(ExecReportCodec.lastQty(buffer, offset),
            ExecReportCodec.cumQty(buffer, offset) - filledBefore);
        if (lastQty <= 0)
        {
            unknownReports++;
            return false;
        }
        final int index = store.instrument(slot);
        final long sign = Side.sign(store.side(slot));
        final long fillPrice = ExecReportCodec.lastPrice(buffer, offset);
        positions.onFill(index, sign * lastQty, fillPrice, ExecReportCodec.chargedCost(buffer, offset));
        lastFillIndex = index;
        lastFillSide = store.side(slot);
        lastFillPrice = fillPrice;
        lastFillSignedQty = sign * lastQty;
        lastFillLate = true;
        lateFilledBefore = filledBefore;
        store.leaves(slot, Math.max(0, store.leaves(slot) - lastQty));
        fills++;
        filledQty += lastQty;
        lateFills++;
        return true;
    }

    /**
     * Whether the last fill {@link #onExecReport} applied was a late one (for an order already finished).
     *
     * @return true when it was.
     */
    public boolean lastFillLate()
    {
        return lastFillLate;
    }

    /**
     * Filled quantity of the late-filled order before the late fill (the engine's view).
     *
     * @return lots.
     */
    public long lateFilledBefore()
    {
        return lateFilledBefore;
    }

    /**
     * Late fills applied (fills of orders already finished).
     *
     * @return the count.
     */
    public long lateFills()
    {
        return lateFills;
    }

    /**
     * Appends the working orders' state to a snapshot (issue 9): the counters (late fills too), each instrument's
     * working order and signed quantity, then the order store's state.
     *
     * @param out the snapshot part.
     */
    void saveState(final LongArrayList out)
    {
        out.addLong(fills);
        out.addLong(filledQty);
        out.addLong(venueRejects);
        out.addLong(unknownReports);
        out.addLong(lateFills);
        out.addLong(workingClOrdId.length);
        for (int i = 0; i < workingClOrdId.length; i++)
        {
            out.addLong(workingClOrdId[i]);
            out.addLong(workingSigned[i]);
        }
        store.saveState(out);
    }

    /**
     * Replaces the working orders' state with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        fills = in[from];
        filledQty = in[from + 1];
        venueRejects = in[from + 2];
        unknownReports = in[from + 3];
        lateFills = in[from + 4];
        if (in[from + 5] != workingClOrdId.length)
        {
            throw new IllegalArgumentException("snapshot has " + in[from + 5] + " instruments, the engine "
                + workingClOrdId.length);
        }
        int i = from + 6;
        for (int k = 0; k < workingClOrdId.length; k++, i += 2)
        {
            workingClOrdId[k] = in[i];
            workingSigned[k] = in[i + 1];
        }
        lastFillIndex = -1;
        return store.loadState(in, i);
    }
}
