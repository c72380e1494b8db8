package io.meridian.engine.order;

import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.stage.InstrumentIndex;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.collections.LongArrayList;

/**
 * What the broker's journaled OPEN_ORDER and EXECUTION records mean between reconciliations (issue 9):
 * <ul>
 *   <li><b>Commissions.</b> IB reports an execution's commission in a commissionReport after the execution, tied to it
 *       by the execution id (EXECUTION records of kind COMMISSION, with the id's hash). Each commission is charged
 *       once to its instrument's costs ({@link PositionKeeper#charge}, the same costs a simulated fill's EXEC_REPORT
 *       carries, so net P&amp;L = gross − costs alike) as soon as both it and its execution are known and the
 *       execution's fill is in the position: a live execution (its fill comes as the venue's EXEC_REPORT), or a
 *       snapshot execution of an order whose missed fills a reconciliation applied. Executions and commissions the
 *       broker sends again (every snapshot repeats the day's) are not charged twice.</li>
 *   <li><b>Duplicate order references.</b> Meridian sends its client order id as IB's order reference; an order
 *       reference the broker reports on a second IB order (a different non-zero venue order id than the first record
 *       that carried it) is a {@link ReconciliationCodec#KIND_DUPLICATE_ORDER_REF} difference, which halts trading
 *       until an operator resume.</li>
 * </ul>
 * Single-threaded (the order stage's). The tables are sized for a session's executions at construction; they grow
 * (allocate) only beyond {@link #CAPACITY} entries. Each reconciliation prunes them to what the broker's snapshot
 * still reports (IB reports the day's executions), and they are part of the engine-state snapshot
 * ({@link #saveState}), so a restart from a snapshot charges nothing twice.
 */
public final class BrokerLiveChecks
{
    /** Entries each table holds before it grows. */
    public static final int CAPACITY = 1 << 12;
    private static final long NONE = Long.MIN_VALUE;

    private final InstrumentIndex instruments;
    /** Execution id hash to instrument index, for executions whose fill is in the position, commission not charged. */
    private final Long2LongHashMap filled = new Long2LongHashMap(CAPACITY, 0.65f, NONE);
    /** Execution id hash to commission (cash units), for commissions whose execution is not (yet) in the position. */
    private final Long2LongHashMap commissions = new Long2LongHashMap(CAPACITY, 0.65f, NONE);
    /** Snapshot execution id hash to client order id and to instrument index (fill not applied, not charged). */
    private final Long2LongHashMap snapshotClOrdId = new Long2LongHashMap(CAPACITY, 0.65f, NONE);
    private final Long2LongHashMap snapshotIndex = new Long2LongHashMap(CAPACITY, 0.65f, NONE);
    private final LongHashSet charged = new LongHashSet(CAPACITY);
    private final Long2LongHashMap venueOrderIdByClOrdId = new Long2LongHashMap(CAPACITY, 0.65f, NONE);
    private final LongHashSet reportedDuplicates = new LongHashSet(64);
    /** Execution and commission id hashes, and order references, seen while the current broker snapshot collects. */
    private final LongHashSet seenInSnapshot = new LongHashSet(CAPACITY);
    private final LongHashSet refsInSnapshot = new LongHashSet(CAPACITY);
    private final long[] scratch = new long[CAPACITY];
    private boolean inSnapshot;
    private long commissionCharged;
    private long commissionsCharged;
    private long duplicateRefs;
    private long duplicateClOrdId;
    private long duplicateVenueOrderId;
    private long duplicateFirstVenueOrderId;
    private int duplicateInstrumentId;

    /**
     * Checks for one engine.
     *
     * @param instruments configured instruments.
     */
    public BrokerLiveChecks(final InstrumentIndex instruments)
    {
        this.instruments = instruments;
    }

    /**
     * A broker-state record (OPEN_ORDER or EXECUTION; others are ignored).
     *
     * @param buffer the record's buffer.
     * @param offset where it starts.
     * @param positions where commissions are charged.
     * @param inSnapshot whether the reconciler is collecting a snapshot (which compares duplicates itself): the
     *     record's reference is noted but not reported.
     * @return true when the record showed a duplicate order reference not reported before (read it with
     *     {@code duplicate*}).
     */
    public boolean onBrokerRecord(
        final DirectBuffer buffer, final int offset, final PositionKeeper positions, final boolean inSnapshot)
    {
        this.inSnapshot = inSnapshot;
        final byte type = Header.type(buffer, offset);
        if (type == RecordType.OPEN_ORDER)
        {
            if (inSnapshot)
            {
                refsInSnapshot.add(OpenOrderCodec.clOrdId(buffer, offset));
            }
            return OpenOrderCodec.kind(buffer, offset) == OpenOrderCodec.KIND_ORDER
                && checkRef(buffer, offset, OpenOrderCodec.clOrdId(buffer, offset),
                OpenOrderCodec.venueOrderId(buffer, offset));
        }
        if (type != RecordType.EXECUTION)
        {
            return false;
        }
        final byte kind = ExecutionCodec.kind(buffer, offset);
        final long hash = ExecutionCodec.execIdHash(buffer, offset);
        if (inSnapshot)
        {
            seenInSnapshot.add(hash);
            refsInSnapshot.add(ExecutionCodec.clOrdId(buffer, offset));
        }
        if (kind == ExecutionCodec.KIND_COMMISSION)
        {
            onCommission(hash, ExecutionCodec.commission(buffer, offset), positions);
            return false;
        }
        if (kind != ExecutionCodec.KIND_EXECUTION && kind != ExecutionCodec.KIND_LIVE_EXECUTION)
        {
            return false;
        }
        final int index = instruments.indexOf(Header.instrumentId(buffer, offset));
        if (index >= 0 && !charged.contains(hash) && !filled.containsKey(hash))
        {
            if (kind == ExecutionCodec.KIND_LIVE_EXECUTION)
            {
                inPosition(hash, index, positions);
            }
            else
            {
                snapshotClOrdId.put(hash, ExecutionCodec.clOrdId(buffer, offset));
                snapshotIndex.put(hash, index);
            }
        }
        return checkRef(buffer, offset, ExecutionCodec.clOrdId(buffer, offset),
            ExecutionCodec.venueOrderId(buffer, offset));
    }

    /**
     * After a reconciliation: the snapshot executions of every order whose missed fills it applied are now in the
     * position, and their commissions are charged.
     *
     * @param reconciler the reconciler, just reconciled.
     * @param positions where commissions are charged.
     */
    public void afterReconcile(final BrokerReconciler reconciler, final PositionKeeper positions)
    {
        applyMissedFills(reconciler, positions);
        prune();
    }

    /**
     * Forgets what the broker will not report again: executions, commissions and order references that its snapshot
     * (and the live records while it was collected) no longer carried, e.g. an earlier day's. So the tables, and the
     * engine-state snapshot that holds them, stay the size of what the broker reports, not of the journal chain.
     */
    private void prune()
    {
        final LongHashSet.LongIterator chargedIds = charged.iterator();
        while (chargedIds.hasNext())
        {
            if (!seenInSnapshot.contains(chargedIds.nextValue()))
            {
                chargedIds.remove();
            }
        }
        pruneMap(filled, seenInSnapshot);
        pruneMap(commissions, seenInSnapshot);
        pruneMap(venueOrderIdByClOrdId, refsInSnapshot);
        snapshotClOrdId.clear();        // executions of orders without missed fills: their fills were in the position
        snapshotIndex.clear();
        seenInSnapshot.clear();         // the next snapshot collects from its first record
        refsInSnapshot.clear();
    }

    private static void pruneMap(final Long2LongHashMap map, final LongHashSet keep)
    {
        final Long2LongHashMap.KeyIterator keys = map.keySet().iterator();
        while (keys.hasNext())
        {
            if (!keep.contains(keys.nextValue()))
            {
                keys.remove();
            }
        }
    }

    private void applyMissedFills(final BrokerReconciler reconciler, final PositionKeeper positions)
    {
        for (int d = 0; d < reconciler.diffs(); d++)
        {
            if (reconciler.diffKind(d) != ReconciliationCodec.KIND_MISSED_FILL)
            {
                continue;
            }
            applyMissedFill(reconciler.diffClOrdId(d), positions);
        }
    }

    private void applyMissedFill(final long clOrdId, final PositionKeeper positions)
    {
        int n = 0;
        final Long2LongHashMap.KeyIterator keys = snapshotClOrdId.keySet().iterator();
        while (keys.hasNext() && n < scratch.length)
        {
            final long hash = keys.nextValue();
            if (snapshotClOrdId.get(hash) == clOrdId)
            {
                scratch[n++] = hash;
            }
        }
        for (int i = 0; i < n; i++)
        {
            final long hash = scratch[i];
            final int index = (int)snapshotIndex.get(hash);
            snapshotClOrdId.remove(hash);
            snapshotIndex.remove(hash);
            inPosition(hash, index, positions);
        }
    }

    private void inPosition(final long hash, final int index, final PositionKeeper positions)
    {
        final long commission = commissions.remove(hash);
        if (commission == NONE)
        {
            filled.put(hash, index);
            return;
        }
        charge(hash, index, commission, positions);
    }

    private void onCommission(final long hash, final long commission, final PositionKeeper positions)
    {
        if (charged.contains(hash))
        {
            return;     // re-sent with a snapshot
        }
        final long index = filled.remove(hash);
        if (index == NONE)
        {
            commissions.put(hash, commission);
            return;
        }
        charge(hash, (int)index, commission, positions);
    }

    private void charge(final long hash, final int index, final long commission, final PositionKeeper positions)
    {
        charged.add(hash);
        positions.charge(index, commission);
        commissionCharged += commission;
        commissionsCharged++;
        if (chargeListener != null)
        {
            chargeListener.onCharge(hash, index, commission);
        }
    }

    private boolean checkRef(
        final DirectBuffer buffer, final int offset, final long clOrdId, final long venueOrderId)
    {
        if (clOrdId <= 0 || venueOrderId <= 0)
        {
            return false;
        }
        final long first = venueOrderIdByClOrdId.get(clOrdId);
        if (first == NONE)
        {
            venueOrderIdByClOrdId.put(clOrdId, venueOrderId);
            return false;
        }
        if (first == venueOrderId || inSnapshot || !reportedDuplicates.add(venueOrderId))
        {
            return false;       // the same order, or compared by the snapshot, or this duplicate was reported
        }
        duplicateRefs++;
        duplicateClOrdId = clOrdId;
        duplicateVenueOrderId = venueOrderId;
        duplicateFirstVenueOrderId = first;
        duplicateInstrumentId = Header.instrumentId(buffer, offset);
        return true;
    }

    /**
     * Commission charged so far, cash units.
     *
     * @return the sum.
     */
    public long commissionCharged()
    {
        return commissionCharged;
    }

    /**
     * Execution ids kept as charged (so a broker snapshot that repeats them charges nothing again); pruned at each
     * reconciliation to the ones the broker still reports.
     *
     * @return the count.
     */
    public int chargedExecutionsKept()
    {
        return charged.size();
    }

    /**
     * Commissions charged so far.
     *
     * @return the count.
     */
    public long commissionsCharged()
    {
        return commissionsCharged;
    }

    /**
     * Duplicate order references seen.
     *
     * @return the count.
     */
    public long duplicateRefs()
    {
        return duplicateRefs;
    }

    /**
     * The order reference of the last duplicate.
     *
     * @return the client order id.
     */
    public long duplicateClOrdId()
    {
        return duplicateClOrdId;
    }

    /**
     * The broker's order id that carried the reference second (the last duplicate).
     *
     * @return the venue order id.
     */
    public long duplicateVenueOrderId()
    {
        return duplicateVenueOrderId;
    }

    /**
     * The broker's order id that carried the reference first (the last duplicate).
     *
     * @return the venue order id.
     */
    public long duplicateFirstVenueOrderId()
    {
        return duplicateFirstVenueOrderId;
    }

    /**
     * The instrument of the record with the last duplicate.
     *
     * @return the instrument id.
     */
    public int duplicateInstrumentId()
    {
        return duplicateInstrumentId;
    }

    /**
     * Appends what a restart must keep (issue 9): the executions whose fill is in the position awaiting their
     * commission, commissions awaiting their execution, the executions already charged (a broker snapshot repeats the
     * day's executions and commissions, and the ones of an order with missed fills are otherwise charged again), the
     * first IB order id seen with each order reference (duplicate references across sessions), the duplicates
     * reported, the counters, and a broker snapshot's executions collected and not yet applied (format 3: a periodic
     * snapshot may fall inside a reconciliation, which the restored engine finishes as the original did). Each table
     * is its size and then its entries. Allocates (snapshot time, not per event).
     *
     * @param out receives the values.
     */
    void saveState(final LongArrayList out)
    {
        saveMap(filled, out);
        saveMap(commissions, out);
        out.addLong(charged.size());
        charged.forEachLong(out::addLong);
        saveMap(venueOrderIdByClOrdId, out);
        out.addLong(reportedDuplicates.size());
        reportedDuplicates.forEachLong(out::addLong);
        out.addLong(commissionCharged);
        out.addLong(commissionsCharged);
        out.addLong(duplicateRefs);
        out.addLong(duplicateClOrdId);
        out.addLong(duplicateVenueOrderId);
        out.addLong(duplicateFirstVenueOrderId);
        out.addLong(duplicateInstrumentId);
        saveMap(snapshotClOrdId, out);
        saveMap(snapshotIndex, out);
    }

    /**
     * Replaces the checks' state with a snapshot's ({@link #saveState}), a broker snapshot being collected included.
     *
     * @param in the values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        int i = loadMap(filled, in, from);
        i = loadMap(commissions, in, i);
        charged.clear();
        final long chargedCount = in[i++];
        for (long k = 0; k < chargedCount; k++)
        {
            charged.add(in[i++]);
        }
        i = loadMap(venueOrderIdByClOrdId, in, i);
        reportedDuplicates.clear();
        final long duplicates = in[i++];
        for (long k = 0; k < duplicates; k++)
        {
            reportedDuplicates.add(in[i++]);
        }
        commissionCharged = in[i++];
        commissionsCharged = in[i++];
        duplicateRefs = in[i++];
        duplicateClOrdId = in[i++];
        duplicateVenueOrderId = in[i++];
        duplicateFirstVenueOrderId = in[i++];
        duplicateInstrumentId = (int)in[i++];
        i = loadMap(snapshotClOrdId, in, i);
        return loadMap(snapshotIndex, in, i);
    }

    private static void saveMap(final Long2LongHashMap map, final LongArrayList out)
    {
        out.addLong(map.size());
        map.forEachLong((key, value) ->
        {
            out.addLong(key);
            out.addLong(value);
        });
    }

    private static int loadMap(final Long2LongHashMap map, final long[] in, final int from)
    {
        map.clear();
        int i = from;
        final long size = in[i++];
        for (long k = 0; k < size; k++)
        {
            map.put(in[i], in[i + 1]);
            i += 2;
        }
        return i;
    }

    /** Told of each commission as it is charged, e.g. by a report that reads a journal as the engine applied it. */
    @FunctionalInterface
    public interface ChargeListener
    {
        /**
         * A commission was charged to an instrument's costs.
         *
         * @param execIdHash the hash of IB's execution id it belongs to.
         * @param index the instrument's dense index.
         * @param commission cash units.
         */
        void onCharge(long execIdHash, int index, long commission);
    }

    private ChargeListener chargeListener;

    /**
     * Sets who is told of each commission charged (none by default; the engine itself needs none).
     *
     * @param listener the listener, or null.
     */
    public void chargeListener(final ChargeListener listener)
    {
        this.chargeListener = listener;
    }

    /**
     * After a reconciliation read from a journal (issue 9, the report): the same as
     * {@link #afterReconcile(BrokerReconciler, PositionKeeper)} for a reconciliation whose MISSED_FILL differences
     * named these orders, in the records' order.
     *
     * @param missedFillClOrdIds client order ids of the applied missed fills.
     * @param count how many of them.
     * @param positions where commissions are charged.
     */
    public void afterReconcile(final long[] missedFillClOrdIds, final int count, final PositionKeeper positions)
    {
        for (int d = 0; d < count; d++)
        {
            applyMissedFill(missedFillClOrdIds[d], positions);
        }
        prune();
    }
}
