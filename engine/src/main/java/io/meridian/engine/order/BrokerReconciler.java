package io.meridian.engine.order;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.PositionCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.stage.InstrumentIndex;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Reconciliation with the broker (issue 9 §3): collects the broker's snapshot from the journaled POSITION, OPEN_ORDER
 * and EXECUTION records of a session (each closed by its END record), and, once all three are complete and the venue
 * is up, compares it with the engine's working orders and positions. The result is a typed diff, journaled by the
 * caller as RECONCILIATION records ({@link ReconciliationCodec}): an order unknown to the broker, an order unknown to
 * the engine, a quantity or price mismatch, a duplicate order reference at the broker, a position mismatch, and fills
 * missed while down. Missed fills are applied here (through the same {@link WorkingOrders#onExecReport} path as a
 * venue fill, priced at the broker's executions); every other difference is a halting one. An order the engine was
 * cancelling that the broker no longer has is taken as cancelled. Every order the engine has sent and not seen finished
 * is matched (not only each instrument's working order), and a broker open order the engine has seen finished since
 * (e.g. its cancel acknowledged after the snapshot listed it) is stale, not unknown to the engine. Client order ids
 * the broker reports are reserved, so the engine never reuses one ({@link OrderStore#reserveAbove}).
 *
 * <p>An order unknown to the broker that the gateway never marked sent (pending new, no ORDER_SENT input, nothing
 * executed) never left the process (e.g. the engine stopped while it waited for a pacing token): it is finished here,
 * applied, as kind ORDER_NEVER_SENT; one marked sent stays a halting ORDER_UNKNOWN_TO_BROKER.
 *
 * <p>A fill reported live after the broker's position snapshot ended moves the broker's snapshot position with it (the
 * snapshot's positions and executions are answered at different moments; executions requested for the day are not
 * added, the position already holds them).
 *
 * <p>A snapshot is collected from the start and after every venue DOWN, and closed by the reconciliation; broker
 * records outside that window are journaled but not compared (the venue's execution reports carry live fills).
 * Single-threaded (the order stage's); allocation-free (tables sized at construction).
 *
 * <p>An accepted operator resume adopts the broker's side of the last reconciliation's differences
 * ({@link #adoptOrders}, {@link #adoptPositions}), once each.
 *
 * <p>Over 500 lines: the snapshot's tables, the comparison that reads them, the adoption that reads and marks the same
 * tables, and the accessors of the result belong together; about a quarter of the file is those read-only accessors.
 */
public final class BrokerReconciler
{
    /** Most broker open orders one snapshot holds. */
    public static final int MAX_OPEN_ORDERS = 256;
    /** Most broker executions one snapshot holds. */
    public static final int MAX_EXECUTIONS = 4096;
    /** Most differences one reconciliation reports (further ones are counted in the last record's total). */
    public static final int MAX_DIFFS = 64;

    private final InstrumentIndex instruments;
    private final int[] instrumentIds;
    private final long[] brokerPosition;
    private final long[] ooClOrdId = new long[MAX_OPEN_ORDERS];
    private final int[] ooIndex = new int[MAX_OPEN_ORDERS];
    private final long[] ooPrice = new long[MAX_OPEN_ORDERS];
    private final long[] ooQty = new long[MAX_OPEN_ORDERS];
    private final byte[] ooSide = new byte[MAX_OPEN_ORDERS];
    private final long[] ooVenueOrderId = new long[MAX_OPEN_ORDERS];
    private final boolean[] ooMatched = new boolean[MAX_OPEN_ORDERS];
    private int openOrders;
    private final long[] exClOrdId = new long[MAX_EXECUTIONS];
    private final long[] exPrice = new long[MAX_EXECUTIONS];
    private final long[] exQty = new long[MAX_EXECUTIONS];
    private final long[] exCum = new long[MAX_EXECUTIONS];
    private int executions;
    private final LongHashSet execIds = new LongHashSet(MAX_EXECUTIONS * 2);
    private long overflow;

    private boolean collecting = true;
    private boolean positionsEnd;
    private boolean openOrdersEnd;
    private boolean executionsEnd;

    private final byte[] diffKind = new byte[MAX_DIFFS];
    private final int[] diffInstrument = new int[MAX_DIFFS];
    private final long[] diffClOrdId = new long[MAX_DIFFS];
    private final long[] diffEngine = new long[MAX_DIFFS];
    private final long[] diffBroker = new long[MAX_DIFFS];
    private final boolean[] diffApplied = new boolean[MAX_DIFFS];
    private int diffs;
    private int haltingDiffs;
    private long reconciliations;

    private final UnsafeBuffer fill = new UnsafeBuffer(new byte[ExecReportCodec.LENGTH]);

    /**
     * A reconciler with an empty snapshot.
     *
     * @param instruments configured instruments.
     */
    public BrokerReconciler(final InstrumentIndex instruments)
    {
        this.instruments = instruments;
        final int n = instruments.count();
        this.instrumentIds = new int[n];
        for (int i = 0; i < n; i++)
        {
            instrumentIds[i] = instruments.id(i);
        }
        this.brokerPosition = new long[n];
        this.brokerAvgCost = new long[n];
        this.adoptDelta = new long[n];
        this.adopt = new boolean[n];
    }

    /**
     * The venue went down: the next snapshot starts empty.
     */
    public void onVenueDown()
    {
        collecting = true;
        positionsEnd = false;
        openOrdersEnd = false;
        executionsEnd = false;
        Arrays.fill(brokerPosition, 0);
        openOrders = 0;
        executions = 0;
        execIds.clear();
        overflow = 0;
    }

    /**
     * A broker-state record (POSITION, OPEN_ORDER or EXECUTION; other types are ignored).
     *
     * @param buffer the record's buffer.
     * @param offset where it starts.
     */
    public void onBrokerRecord(final DirectBuffer buffer, final int offset)
    {
        if (!collecting)
        {
            return;
        }
        final int index = instruments.indexOf(Header.instrumentId(buffer, offset));
        switch (Header.type(buffer, offset))
        {
            case RecordType.POSITION:
                if (PositionCodec.kind(buffer, offset) == PositionCodec.KIND_END)
                {
                    positionsEnd = true;
                }
                else if (index >= 0)
                {
                    brokerPosition[index] = PositionCodec.position(buffer, offset);
                    brokerAvgCost[index] = PositionCodec.avgCost(buffer, offset);
                }
                break;
            case RecordType.OPEN_ORDER:
                if (OpenOrderCodec.kind(buffer, offset) == OpenOrderCodec.KIND_END)
                {
                    openOrdersEnd = true;
                }
                else if (OpenOrderCodec.status(buffer, offset) != OpenOrderCodec.STATUS_DONE)
                {
                    addOpenOrder(buffer, offset, index);
                }
                else
                {
                    removeOpenOrder(buffer, offset);
                }
                break;
            case RecordType.EXECUTION:
                final byte kind = ExecutionCodec.kind(buffer, offset);
                if (kind == ExecutionCodec.KIND_END)
                {
                    executionsEnd = true;
                }
                else if ((kind == ExecutionCodec.KIND_EXECUTION || kind == ExecutionCodec.KIND_LIVE_EXECUTION)
                    && execIds.add(ExecutionCodec.execIdHash(buffer, offset)))
                {
                    addExecution(buffer, offset);
                    if (kind == ExecutionCodec.KIND_LIVE_EXECUTION && positionsEnd && index >= 0)
                    {
                        // a fill after the broker's position snapshot: the broker's position moved on by it
                        brokerPosition[index] += (ExecutionCodec.side(buffer, offset) == Side.SELL ? -1 : 1)
                            * ExecutionCodec.qty(buffer, offset);
                    }
                }
                break;
            default:
                break;
        }
    }

    private void addOpenOrder(final DirectBuffer buffer, final int offset, final int index)
    {
        final long venueOrderId = OpenOrderCodec.venueOrderId(buffer, offset);
        for (int i = 0; i < openOrders; i++)
        {
            if (ooVenueOrderIdMatches(i, buffer, offset, venueOrderId))
            {
                return;     // the same order reported again (IB repeats openOrder on every status change)
            }
        }
        if (openOrders == MAX_OPEN_ORDERS)
        {
            overflow++;
            return;
        }
        ooClOrdId[openOrders] = OpenOrderCodec.clOrdId(buffer, offset);
        ooIndex[openOrders] = index;
        ooPrice[openOrders] = OpenOrderCodec.price(buffer, offset);
        ooQty[openOrders] = OpenOrderCodec.qty(buffer, offset);
        ooSide[openOrders] = OpenOrderCodec.side(buffer, offset);
        ooVenueOrderId[openOrders] = venueOrderId;
        openOrders++;
    }

    /** The broker reports an order finished after the snapshot listed it open: it is no longer open. */
    private void removeOpenOrder(final DirectBuffer buffer, final int offset)
    {
        final long venueOrderId = OpenOrderCodec.venueOrderId(buffer, offset);
        for (int i = 0; i < openOrders; i++)
        {
            if (ooVenueOrderIdMatches(i, buffer, offset, venueOrderId))
            {
                final int last = --openOrders;
                ooClOrdId[i] = ooClOrdId[last];
                ooIndex[i] = ooIndex[last];
                ooPrice[i] = ooPrice[last];
                ooQty[i] = ooQty[last];
                ooVenueOrderId[i] = ooVenueOrderId[last];
                return;
            }
        }
    }

    private boolean ooVenueOrderIdMatches(
        final int i, final DirectBuffer buffer, final int offset, final long venueOrderId)
    {
        return ooVenueOrderId[i] == venueOrderId && ooClOrdId[i] == OpenOrderCodec.clOrdId(buffer, offset);
    }

    private void addExecution(final DirectBuffer buffer, final int offset)
    {
        if (executions == MAX_EXECUTIONS)
        {
            overflow++;
            return;
        }
        exClOrdId[executions] = ExecutionCodec.clOrdId(buffer, offset);
        exPrice[executions] = ExecutionCodec.price(buffer, offset);
        exQty[executions] = ExecutionCodec.qty(buffer, offset);
        exCum[executions] = ExecutionCodec.cumQty(buffer, offset);
        executions++;
    }

    /**
     * Whether a complete snapshot is waiting to be compared.
     *
     * @return true once positions, open orders and executions have each ended since the last DOWN.
     */
    public boolean ready()
    {
        return collecting && positionsEnd && openOrdersEnd && executionsEnd;
    }

    /**
     * Compares the snapshot with the engine's state, applies missed fills, and closes the snapshot. The differences
     * are then read with {@link #diffs()} and the {@code diff*} accessors, and journaled by {@link #emit}.
     *
     * @param orders the engine's orders (missed fills are applied to them).
     * @param positions the engine's positions.
     * @return the number of halting differences (all but applied missed fills).
     */
    public int reconcile(final WorkingOrders orders, final PositionKeeper positions)
    {
        collecting = false;
        diffs = 0;
        haltingDiffs = 0;
        reconciliations++;
        Arrays.fill(ooMatched, 0, openOrders, false);
        Arrays.fill(adopt, false);
        final OrderStore store = orders.store();
        long highest = 0;
        for (int i = 0; i < openOrders; i++)
        {
            highest = Math.max(highest, ooClOrdId[i]);
        }
        for (int i = 0; i < executions; i++)
        {
            highest = Math.max(highest, exClOrdId[i]);
        }
        store.reserveAbove(highest);
        for (int index = 0; index < instrumentIds.length; index++)
        {
            final long clOrdId = orders.workingClOrdId(index);
            if (clOrdId != 0)
            {
                reconcileOrder(orders, positions, store, index, clOrdId);
            }
        }
        // every other order the engine sent and has not seen finished (e.g. one pending cancel that is no longer its
        // instrument's working order) is matched too
        for (int s = 0; s < store.capacity(); s++)
        {
            if (store.state(s) != OrderStore.DONE && store.clOrdId(s) != orders.workingClOrdId(store.instrument(s)))
            {
                reconcileOrder(orders, positions, store, store.instrument(s), store.clOrdId(s));
            }
        }
        for (int i = 0; i < openOrders; i++)
        {
            if (ooMatched[i])
            {
                continue;
            }
            boolean duplicate = false;
            for (int j = 0; j < i && ooClOrdId[i] != 0; j++)
            {
                duplicate |= ooClOrdId[j] == ooClOrdId[i];
            }
            if (!duplicate && store.finishedSlotOf(ooClOrdId[i]) >= 0)
            {
                // the engine saw the broker finish this order (its cancel acknowledged, filled, rejected) after the
                // broker's open-order snapshot listed it: the snapshot's entry is stale, not an unknown order
                continue;
            }
            addDiff(duplicate ? ReconciliationCodec.KIND_DUPLICATE_ORDER_REF
                : ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE, ooIndex[i], ooClOrdId[i], 0, ooQty[i], false);
        }
        for (int index = 0; index < instrumentIds.length; index++)
        {
            if (positions.position(index) != brokerPosition[index])
            {
                addDiff(ReconciliationCodec.KIND_POSITION_MISMATCH, index, 0, positions.position(index),
                    brokerPosition[index], false);
                adopt[index] = true;
                adoptDelta[index] = brokerPosition[index] - positions.position(index);
            }
        }
        return haltingDiffs;
    }

    private void reconcileOrder(
        final WorkingOrders orders, final PositionKeeper positions, final OrderStore store, final int index,
        final long clOrdId)
    {
        final int slot = store.slotOf(clOrdId);
        if (slot < 0)
        {
            return;
        }
        long brokerFilled = 0;
        long brokerCum = 0;
        long lastPrice = 0;
        for (int i = 0; i < executions; i++)
        {
            if (exClOrdId[i] == clOrdId)
            {
                brokerFilled += exQty[i];
                brokerCum = Math.max(brokerCum, exCum[i]);
                lastPrice = exPrice[i];
            }
        }
        // executions are requested since the last journaled one, so the snapshot may hold only an order's later
        // executions: the broker's cumulative quantity of the order counts what went before
        brokerFilled = Math.max(brokerFilled, brokerCum);
        final long engineFilled = store.qty(slot) - store.leaves(slot);
        if (brokerFilled > engineFilled)
        {
            final long missed = Math.min(brokerFilled, store.qty(slot)) - engineFilled;
            addDiff(ReconciliationCodec.KIND_MISSED_FILL, index, clOrdId, engineFilled, brokerFilled, true);
            applyFill(orders, positions, store, slot, index, missed, lastPrice);
        }
        int found = -1;
        for (int i = 0; i < openOrders; i++)
        {
            if (ooClOrdId[i] == clOrdId)
            {
                if (found < 0)
                {
                    found = i;
                    ooMatched[i] = true;
                }
            }
        }
        if (store.slotOf(clOrdId) < 0)
        {
            return;     // filled by the missed fills: nothing is working any more
        }
        if (found < 0)
        {
            if (store.state(slot) == OrderStore.PENDING_CANCEL)
            {
                finish(orders, store, slot, index);     // the cancel went through while the engine was not told
            }
            else if (store.state(slot) == OrderStore.PENDING_NEW && !store.sent(slot) && brokerFilled == 0)
            {
                // never written to the venue (no ORDER_SENT marker, nothing executed): it cannot be working there
                addDiff(ReconciliationCodec.KIND_ORDER_NEVER_SENT, index, clOrdId, store.leaves(slot), 0, true);
                finish(orders, store, slot, index);
            }
            else
            {
                addDiff(ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER, index, clOrdId, store.leaves(slot), 0,
                    false);
            }
            return;
        }
        if (ooQty[found] != store.qty(slot))
        {
            addDiff(ReconciliationCodec.KIND_QTY_MISMATCH, index, clOrdId, store.qty(slot), ooQty[found], false);
        }
        if (ooPrice[found] != store.price(slot))
        {
            addDiff(ReconciliationCodec.KIND_PRICE_MISMATCH, index, clOrdId, store.price(slot), ooPrice[found],
                false);
        }
    }

    private void applyFill(
        final WorkingOrders orders, final PositionKeeper positions, final OrderStore store, final int slot,
        final int index, final long qty, final long price)
    {
        final long leaves = store.leaves(slot) - qty;
        fill.setMemory(0, ExecReportCodec.LENGTH, (byte)0);
        Header.write(fill, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, instrumentIds[index], 0, 0, 0, 0, 0);
        ExecReportCodec.clOrdId(fill, 0, store.clOrdId(slot));
        ExecReportCodec.execType(fill, 0, leaves <= 0 ? ExecType.FILL : ExecType.PARTIAL_FILL);
        ExecReportCodec.side(fill, 0, store.side(slot));
        ExecReportCodec.lastPrice(fill, 0, price);
        ExecReportCodec.lastQty(fill, 0, qty);
        ExecReportCodec.leavesQty(fill, 0, Math.max(0, leaves));
        ExecReportCodec.cumQty(fill, 0, store.qty(slot) - Math.max(0, leaves));
        orders.onExecReport(fill, 0, positions);
    }

    private void finish(final WorkingOrders orders, final OrderStore store, final int slot, final int index)
    {
        fill.setMemory(0, ExecReportCodec.LENGTH, (byte)0);
        Header.write(fill, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, instrumentIds[index], 0, 0, 0, 0, 0);
        ExecReportCodec.clOrdId(fill, 0, store.clOrdId(slot));
        ExecReportCodec.execType(fill, 0, ExecType.CANCELLED);
        ExecReportCodec.side(fill, 0, store.side(slot));
        orders.onExecReport(fill, 0, null);
    }

    private void addDiff(
        final byte kind, final int index, final long clOrdId, final long engine, final long broker,
        final boolean applied)
    {
        if (!applied)
        {
            haltingDiffs++;
        }
        if (diffs == MAX_DIFFS)
        {
            overflow++;
            return;
        }
        diffKind[diffs] = kind;
        diffInstrument[diffs] = index;
        diffClOrdId[diffs] = clOrdId;
        diffEngine[diffs] = engine;
        diffBroker[diffs] = broker;
        diffApplied[diffs] = applied;
        diffs++;
    }

    /**
     * Journals the last reconciliation: one RECONCILIATION record per difference, or one clean record.
     *
     * @param decisions the decision writer.
     */
    public void emit(final DecisionEncoder decisions)
    {
        if (diffs == 0)
        {
            decisions.reconciliation(0, ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0, false);
            return;
        }
        for (int i = 0; i < diffs; i++)
        {
            final int index = diffInstrument[i];
            decisions.reconciliation(index >= 0 ? instrumentIds[index] : 0, diffKind[i], diffClOrdId[i],
                diffEngine[i], diffBroker[i], diffs, i + 1, diffApplied[i]);
        }
    }

    /**
     * Differences found by the last reconciliation (at most {@link #MAX_DIFFS} kept).
     *
     * @return the count.
     */
    public int diffs()
    {
        return diffs;
    }

    /**
     * Halting differences of the last reconciliation.
     *
     * @return the count.
     */
    public int haltingDiffs()
    {
        return haltingDiffs;
    }

    /**
     * Kind of the i-th difference.
     *
     * @param i index.
     * @return a {@code ReconciliationCodec.KIND_*} code.
     */
    public byte diffKind(final int i)
    {
        return diffKind[i];
    }

    /**
     * Client order id of the i-th difference (0 for a position).
     *
     * @param i index.
     * @return the id.
     */
    public long diffClOrdId(final int i)
    {
        return diffClOrdId[i];
    }

    /**
     * The engine's value in the i-th difference.
     *
     * @param i index.
     * @return lots or ticks.
     */
    public long diffEngine(final int i)
    {
        return diffEngine[i];
    }

    /**
     * The broker's value in the i-th difference.
     *
     * @param i index.
     * @return lots or ticks.
     */
    public long diffBroker(final int i)
    {
        return diffBroker[i];
    }

    /**
     * Reconciliations so far.
     *
     * @return the count.
     */
    public long reconciliations()
    {
        return reconciliations;
    }

    /**
     * Broker records or differences beyond the tables' capacity (0 in a healthy session).
     *
     * @return the count.
     */
    public long overflow()
    {
        return overflow;
    }

    /**
     * Whether the engine still collects a snapshot (from the start and after every DOWN, until reconciled).
     *
     * @return true while collecting.
     */
    public boolean collecting()
    {
        return collecting;
    }

    private final long[] brokerAvgCost;
    /** Per instrument: a position mismatch of the last reconciliation not yet adopted, and by how much it differed. */
    private final boolean[] adopt;
    private final long[] adoptDelta;

    /**
     * An operator accepted the last reconciliation (an accepted RESUME): the broker's side of each order difference is
     * taken, once, and journaled as an applied RECONCILIATION record of the same kind (engine and broker values as
     * found):
     * <ul>
     *   <li>an order unknown to the broker that the engine still counts as live is finished with nothing more filled
     *       (a CANCELLED execution report through {@link WorkingOrders#onExecReport}), so its instrument can trade
     *       again;</li>
     *   <li>a quantity or price mismatch: the engine's order takes the broker's quantity or price (what was filled
     *       stays filled; an order left with nothing to fill is finished);</li>
     *   <li>an order unknown to the engine is recorded as pending cancel and cancelled at the broker: {@code cancels}
     *       receives its client order id and instrument, and journals the CANCEL; a fill of it before the cancel
     *       lands moves the position as any fill does.</li>
     * </ul>
     * The next reconciliation replaces what is pending.
     *
     * @param orders the engine's orders.
     * @param decisions the decision writer.
     * @param cancels sends the cancel of an order unknown to the engine.
     * @param nowNs event time.
     * @return the number of differences adopted.
     */
    public int adoptOrders(
        final WorkingOrders orders, final DecisionEncoder decisions, final BrokerCancel cancels, final long nowNs)
    {
        final OrderStore store = orders.store();
        int adopted = 0;
        for (int i = 0; i < diffs; i++)
        {
            final byte kind = diffKind[i];
            if (diffApplied[i] || (kind != ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER
                && kind != ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE
                && kind != ReconciliationCodec.KIND_QTY_MISMATCH && kind != ReconciliationCodec.KIND_PRICE_MISMATCH))
            {
                continue;
            }
            diffApplied[i] = true;
            final int instrumentId = diffInstrument[i] >= 0 ? instrumentIds[diffInstrument[i]] : 0;
            if (kind == ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE)
            {
                adoptForCancel(store, diffClOrdId[i], nowNs);
                cancels.cancel(instrumentId, diffClOrdId[i]);
            }
            else
            {
                final int slot = store.slotOf(diffClOrdId[i]);
                if (slot < 0 || store.state(slot) == OrderStore.DONE)
                {
                    continue;       // the broker has reported it since
                }
                if (kind == ReconciliationCodec.KIND_QTY_MISMATCH)
                {
                    store.amend(slot, store.price(slot), diffBroker[i]);
                }
                else if (kind == ReconciliationCodec.KIND_PRICE_MISMATCH)
                {
                    store.amend(slot, diffBroker[i], store.qty(slot));
                }
                if (kind == ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER || store.leaves(slot) == 0)
                {
                    finish(orders, store, slot, diffInstrument[i]);
                }
            }
            decisions.reconciliation(instrumentId, kind, diffClOrdId[i], diffEngine[i], diffBroker[i], 1, 1, true);
            adopted++;
        }
        return adopted;
    }

    /**
     * Records a broker order unknown to the engine in the order store as pending cancel (its side, price and quantity
     * as the broker's snapshot listed them), so a fill the broker reports before the cancel lands moves the position
     * like any fill, and the cancel's acknowledgement finishes it. An id whose store slot is taken stays unrecorded
     * (the cancel is sent all the same).
     */
    private void adoptForCancel(final OrderStore store, final long clOrdId, final long nowNs)
    {
        for (int k = 0; k < openOrders; k++)
        {
            if (ooClOrdId[k] == clOrdId && ooIndex[k] >= 0 && store.free(clOrdId))
            {
                store.create(clOrdId, ooIndex[k], ooSide[k], ooPrice[k], ooQty[k], nowNs);
                store.state(store.slotOf(clOrdId), OrderStore.PENDING_CANCEL);
                return;
            }
        }
    }

    /** Sends the cancel of an order the broker holds and the engine does not know (an accepted resume). */
    @FunctionalInterface
    public interface BrokerCancel
    {
        /**
         * Cancels it.
         *
         * @param instrumentId the order's instrument.
         * @param clOrdId its client order id (IB's order reference).
         */
        void cancel(int instrumentId, long clOrdId);
    }

    /**
     * An operator accepted the last reconciliation (an accepted RESUME): each position mismatch it found is adopted,
     * the engine's position moved by the difference (broker minus engine at the reconciliation, so fills since move
     * both alike) at the instrument's mark price (the broker's average cost before any mark), and journaled as an
     * applied POSITION_MISMATCH record (engine value before, broker value after), so the next reconciliation is clean.
     * A mismatch is adopted once; the next reconciliation replaces what is pending.
     *
     * @param positions the engine's positions.
     * @param decisions the decision writer.
     * @return the number of positions adopted.
     */
    public int adoptPositions(final PositionKeeper positions, final DecisionEncoder decisions)
    {
        int adopted = 0;
        for (int index = 0; index < adopt.length; index++)
        {
            if (!adopt[index])
            {
                continue;
            }
            adopt[index] = false;
            final long before = positions.position(index);
            final long price = positions.markPrice(index) != 0 ? positions.markPrice(index) : brokerAvgCost[index];
            positions.onFill(index, adoptDelta[index], price, 0L);
            decisions.reconciliation(instrumentIds[index], ReconciliationCodec.KIND_POSITION_MISMATCH, 0, before,
                positions.position(index), 1, 1, true);
            adopted++;
        }
        return adopted;
    }

    /**
     * Appends the reconciliation in progress or last finished to an engine-state snapshot (issue 9): the broker's
     * positions and costs, the open orders and executions collected so far (only the filled entries), the phase
     * flags, the differences found and the positions to adopt.
     *
     * @param out the snapshot values.
     */
    void saveState(final LongArrayList out)
    {
        StateValues.putLongs(out, brokerPosition);
        StateValues.putLongs(out, brokerAvgCost);
        StateValues.putBooleans(out, adopt);
        StateValues.putLongs(out, adoptDelta);
        out.addLong(openOrders);
        for (int k = 0; k < openOrders; k++)
        {
            out.addLong(ooClOrdId[k]);
            out.addLong(ooIndex[k]);
            out.addLong(ooPrice[k]);
            out.addLong(ooQty[k]);
            out.addLong(ooSide[k]);
            out.addLong(ooVenueOrderId[k]);
            StateValues.putBoolean(out, ooMatched[k]);
        }
        out.addLong(executions);
        for (int k = 0; k < executions; k++)
        {
            out.addLong(exClOrdId[k]);
            out.addLong(exPrice[k]);
            out.addLong(exQty[k]);
        }
        out.addLong(overflow);
        StateValues.putBoolean(out, collecting);
        StateValues.putBoolean(out, positionsEnd);
        StateValues.putBoolean(out, openOrdersEnd);
        StateValues.putBoolean(out, executionsEnd);
        out.addLong(diffs);
        for (int k = 0; k < diffs; k++)
        {
            out.addLong(diffKind[k]);
            out.addLong(diffInstrument[k]);
            out.addLong(diffClOrdId[k]);
            out.addLong(diffEngine[k]);
            out.addLong(diffBroker[k]);
            StateValues.putBoolean(out, diffApplied[k]);
        }
        out.addLong(haltingDiffs);
        out.addLong(reconciliations);
    }

    /**
     * Replaces the reconciliation state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this state starts.
     * @return where the next state starts.
     * @throws IllegalArgumentException when a count exceeds this build's capacity.
     */
    int loadState(final long[] in, final int at)
    {
        int i = StateValues.getLongs(in, at, brokerPosition);
        i = StateValues.getLongs(in, i, brokerAvgCost);
        i = StateValues.getBooleans(in, i, adopt);
        i = StateValues.getLongs(in, i, adoptDelta);
        openOrders = count(in[i++], MAX_OPEN_ORDERS, "open orders");
        for (int k = 0; k < openOrders; k++)
        {
            ooClOrdId[k] = in[i++];
            ooIndex[k] = (int)in[i++];
            ooPrice[k] = in[i++];
            ooQty[k] = in[i++];
            ooSide[k] = (byte)in[i++];
            ooVenueOrderId[k] = in[i++];
            ooMatched[k] = in[i++] != 0;
        }
        executions = count(in[i++], MAX_EXECUTIONS, "executions");
        for (int k = 0; k < executions; k++)
        {
            exClOrdId[k] = in[i++];
            exPrice[k] = in[i++];
            exQty[k] = in[i++];
        }
        overflow = in[i++];
        collecting = in[i++] != 0;
        positionsEnd = in[i++] != 0;
        openOrdersEnd = in[i++] != 0;
        executionsEnd = in[i++] != 0;
        diffs = count(in[i++], MAX_DIFFS, "differences");
        for (int k = 0; k < diffs; k++)
        {
            diffKind[k] = (byte)in[i++];
            diffInstrument[k] = (int)in[i++];
            diffClOrdId[k] = in[i++];
            diffEngine[k] = in[i++];
            diffBroker[k] = in[i++];
            diffApplied[k] = in[i++] != 0;
        }
        haltingDiffs = (int)in[i++];
        reconciliations = in[i++];
        return i;
    }

    private static int count(final long value, final int capacity, final String what)
    {
        if (value < 0 || value > capacity)
        {
            throw new IllegalArgumentException("engine state snapshot: " + value + " reconciliation " + what
                + " (this build holds at most " + capacity + ")");
        }
        return (int)value;
    }

    /**
     * The price of the last execution of an order in the broker's snapshot (being collected, or last compared): what
     * a missed fill of that order is applied at. For a reader of a journal (the report, issue 9) that feeds this
     * reconciler the journal's broker records and reads the comparison from its RECONCILIATION records.
     *
     * @param clOrdId the client order id.
     * @return ticks, 0 when the snapshot holds no execution of it.
     */
    public long lastExecutionPrice(final long clOrdId)
    {
        long price = 0;
        for (int i = 0; i < executions; i++)
        {
            if (exClOrdId[i] == clOrdId)
            {
                price = exPrice[i];
            }
        }
        return price;
    }

    /**
     * The broker's average cost of an instrument in its snapshot: what an adopted position is booked at before the
     * instrument has a mark ({@link #adoptPositions}).
     *
     * @param index dense instrument index.
     * @return ticks.
     */
    public long brokerAvgCost(final int index)
    {
        return brokerAvgCost[index];
    }

    /**
     * The snapshot was compared by the engine whose journal is being read (its RECONCILIATION records follow): stops
     * collecting until the next DOWN, as {@link #reconcile} does, so the snapshot's tables stay the ones compared.
     */
    public void snapshotCompared()
    {
        collecting = false;
    }

    /**
     * Executions in the broker's current (or last reconciled) snapshot, de-duplicated by execution id (issue 9: bounded
     * by the executions filter, not the whole day).
     *
     * @return the count.
     */
    public int snapshotExecutions()
    {
        return executions;
    }
}
