package io.meridian.report;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.order.BrokerLiveChecks;
import io.meridian.engine.order.BrokerReconciler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What an IB session's journal (issue 9) adds to the fills and costs of a {@link JournalAnalyzer}, read the way the
 * engine's order stage applied it, with the engine's own classes and the analyzer's positions:
 * <ul>
 *   <li>IB's commissions: the broker's EXECUTION records go through a {@link BrokerLiveChecks}, which charges each
 *       execution id's commission once, when both it and the execution's fill are in the position; each charge is
 *       a {@code commission} cost of the execution's instrument and order (TCA fees) at the event that charged it.</li>
 *   <li>Fills missed while the engine was away: the broker's snapshots are collected by a {@link BrokerReconciler}
 *       fed the same POSITION, OPEN_ORDER, EXECUTION and CONNECTIVITY records; when it is complete with the venue up,
 *       the engine reconciled, and each applied MISSED_FILL record is a fill of the order's side for the broker's
 *       filled quantity beyond the engine's (at most the order's) at the price of the order's last execution in that
 *       snapshot, without costs; the snapshot executions' commissions are then charged as the engine charges them.</li>
 *   <li>Late fills: an EXEC_REPORT fill of an order that is not working is held until the input's decisions, and
 *       applied for the quantity its FILL_FOR_FINISHED_ORDER record names if the engine journaled one; without one,
 *       dropped for an order this journal saw finish (the engine ignored it), applied in full otherwise.</li>
 *   <li>Adopted positions: an applied POSITION_MISMATCH (an operator's accepted resume) moves the position by broker
 *       minus engine at the mark (the broker's average cost before any mark), without costs: the engine books the
 *       broker's position so, and from then on its P&amp;L follows that position. It is not a trade of ours: no fill,
 *       traded value or TCA row.</li>
 * </ul>
 * A journal that starts from an engine-state snapshot (STATE_RESTORE records of a restart from a cleanly ended
 * session) is counted, not restored: its figures cover its own events. Single-threaded.
 */
final class BrokerFills
{
    private final JournalAnalyzer a;
    /** The broker's snapshots, collected as the engine collects them. */
    private final BrokerReconciler broker;
    /** The broker's commissions, charged as the engine charges them. */
    private final BrokerLiveChecks brokerLive;
    /** IB execution id hash to its order, until its commission is charged. */
    private final Map<Long, Long> executionOrder = new HashMap<>();
    private boolean venueUp = true;
    private boolean reconciling;
    private final long[] missedFills = new long[BrokerReconciler.MAX_DIFFS];
    private int missedFillCount;
    private boolean charged;
    private long inputTimeNs;
    /** An EXEC_REPORT fill of an order that is not working here: applied if the engine journals it as a late fill. */
    private final UnsafeBuffer lateFill = new UnsafeBuffer(new byte[ExecReportCodec.LENGTH]);
    private boolean lateFillPending;
    private int lateFillIndex;
    private long commissions;
    private long missedApplied;
    private long missedNotApplied;
    private long lateFills;
    private long adoptedPositions;
    private long stateRestores;
    private long brokerRecords;

    BrokerFills(final JournalAnalyzer analyzer)
    {
        this.a = analyzer;
        broker = new BrokerReconciler(analyzer.instruments);
        brokerLive = new BrokerLiveChecks(analyzer.instruments);
        brokerLive.chargeListener(this::onCommission);
    }

    /**
     * Holds an EXEC_REPORT fill of an order that is not working until the input's decisions show whether the engine
     * took it as a late fill.
     *
     * @param b the record's buffer.
     * @param o where it starts.
     */
    void holdLateFill(final DirectBuffer b, final int o, final int i)
    {
        lateFill.putBytes(0, b, o, ExecReportCodec.LENGTH);
        lateFillPending = true;
        lateFillIndex = i;
    }

    /**
     * Inputs other than quotes and execution reports: the venue's connectivity and the broker's records (IB), fed to
     * the engine's own reconciler and live checks exactly as the order stage feeds them.
     */
    void onInput(final DirectBuffer b, final int o, final byte type, final long t)
    {
        inputTimeNs = t;
        switch (type)
        {
            case RecordType.CONNECTIVITY:
                venueUp = ConnectivityCodec.state(b, o) == ConnectivityState.UP;
                if (!venueUp)
                {
                    broker.onVenueDown();
                }
                else
                {
                    maybeReconciled();
                }
                break;
            case RecordType.ACCOUNT_VALUE:
                brokerRecords++;
                break;
            case RecordType.EXECUTION:
                brokerRecords++;
                final byte kind = ExecutionCodec.kind(b, o);
                if (kind == ExecutionCodec.KIND_EXECUTION || kind == ExecutionCodec.KIND_LIVE_EXECUTION)
                {
                    executionOrder.put(ExecutionCodec.execIdHash(b, o), ExecutionCodec.clOrdId(b, o));
                }
                onBrokerRecord(b, o);
                break;
            case RecordType.POSITION:
            case RecordType.OPEN_ORDER:
                brokerRecords++;
                onBrokerRecord(b, o);
                break;
            case RecordType.STATE_RESTORE:
                stateRestores++;
                break;
            default:
                break;
        }
    }

    private void onBrokerRecord(final DirectBuffer b, final int o)
    {
        a.tca.holdFinished();
        brokerLive.onBrokerRecord(b, o, a.positions, broker.collecting());
        broker.onBrokerRecord(b, o);
        maybeReconciled();
    }

    /** The engine reconciles when the broker's snapshot is complete and the venue is up; its records follow. */
    private void maybeReconciled()
    {
        if (venueUp && broker.ready())
        {
            broker.snapshotCompared();
            reconciling = true;
            missedFillCount = 0;
        }
    }

    /** A commission the engine's live checks charged (to this analyzer's positions). */
    private void onCommission(final long execIdHash, final int i, final long commission)
    {
        final Long clOrdId = executionOrder.remove(execIdHash);
        a.costs[0][i] += commission;
        commissions++;
        a.tca.onCost(clOrdId == null ? 0 : clOrdId, JournalAnalyzer.cash(commission));
        a.sessions.onCost(inputTimeNs, JournalAnalyzer.cash(commission));
        charged = true;
    }

    /**
     * After an input's decisions: a reconciliation's commissions are charged for the missed fills it applied (as the
     * engine does after journaling it), and a fill of a finished order that the engine did not take is dropped.
     */
    void afterDecisions()
    {
        if (lateFillPending)
        {
            lateFillPending = false;
            unheldFill();
        }
        if (reconciling)
        {
            reconciling = false;
            brokerLive.afterReconcile(missedFills, missedFillCount, a.positions);
        }
        if (charged)
        {
            charged = false;
            for (int i = 0; i < a.n; i++)
            {
                a.current[i] = JournalAnalyzer.cash(a.positions.netPnl(i));
            }
            a.current[a.n] = JournalAnalyzer.cash(a.positions.totalPnl());
        }
    }

    /**
     * A held fill the engine did not journal as a late fill: dropped for an order this journal saw finish (the engine
     * ignores a report of a finished order that adds nothing), applied in full for an order this journal did not
     * send (the engine's from a restored state, or a journal of fills alone).
     */
    private void unheldFill()
    {
        if (a.tca.finished(ExecReportCodec.clOrdId(lateFill, 0)))
        {
            return;
        }
        final int i = lateFillIndex;
        a.execReportFill(lateFill, 0, i, ExecReportCodec.lastQty(lateFill, 0));
        a.current[i] = JournalAnalyzer.cash(a.positions.netPnl(i));
        a.current[a.n] = JournalAnalyzer.cash(a.positions.totalPnl());
    }

    /** A RECONCILIATION decision: the fills and positions the engine applied with it. */
    void onReconciliation(final DirectBuffer b, final int o, final int i)
    {
        if (ReconciliationCodec.applied(b, o) == 0 || i < 0)
        {
            return;
        }
        final long clOrdId = ReconciliationCodec.clOrdId(b, o);
        final long engine = ReconciliationCodec.engineValue(b, o);
        final long brokerValue = ReconciliationCodec.brokerValue(b, o);
        switch (ReconciliationCodec.diffKind(b, o))
        {
            case ReconciliationCodec.KIND_MISSED_FILL:
                if (missedFillCount < missedFills.length)
                {
                    missedFills[missedFillCount++] = clOrdId;
                }
                missedFill(i, clOrdId, engine, brokerValue, Header.eventTimeNs(b, o));
                break;
            case ReconciliationCodec.KIND_FILL_FOR_FINISHED_ORDER:
                if (lateFillPending && ExecReportCodec.clOrdId(lateFill, 0) == clOrdId)
                {
                    lateFillPending = false;
                    lateFills++;
                    a.execReportFill(lateFill, 0, i, brokerValue);
                    a.current[i] = JournalAnalyzer.cash(a.positions.netPnl(i));
                    a.current[a.n] = JournalAnalyzer.cash(a.positions.totalPnl());
                }
                break;
            case ReconciliationCodec.KIND_POSITION_MISMATCH:
                // an operator's resume adopted the broker's position: booked at the mark (the broker's average cost
                // before any), without costs, as BrokerReconciler.adoptPositions books it; not a trade of ours
                final long price = a.positions.markPrice(i) != 0 ? a.positions.markPrice(i) : broker.brokerAvgCost(i);
                final long before = a.positions.position(i);
                final long netBefore = a.positions.realized(i) - a.positions.costs(i);
                a.positions.onFill(i, brokerValue - engine, price, 0L);
                a.roundTrip(i, before, a.positions.position(i), netBefore);
                adoptedPositions++;
                a.current[i] = JournalAnalyzer.cash(a.positions.netPnl(i));
                a.current[a.n] = JournalAnalyzer.cash(a.positions.totalPnl());
                break;
            case ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER:
                a.tca.onDone(clOrdId, a.mids[i], "cancelled");
                break;
            default:
                break;
        }
    }

    /**
     * A fill the reconciliation found missed while the engine was away, applied as BrokerReconciler applies it: the
     * broker's filled quantity beyond the engine's (at most the order's), at the price of the order's last execution
     * in the broker's snapshot, without costs (its commissions follow from the broker's records).
     */
    private void missedFill(final int i, final long clOrdId, final long engineFilled, final long brokerFilled,
        final long t)
    {
        final byte side = a.tca.side(clOrdId);
        if (side == Side.NONE)
        {
            missedNotApplied++;
            return;
        }
        final double ordered = a.tca.orderedQty(clOrdId) * a.instruments.qtyScale(i);
        final long orderedLots = Math.round(ordered);
        final long qty = Math.min(brokerFilled, orderedLots) - engineFilled;
        if (qty <= 0)
        {
            return;
        }
        missedApplied++;
        a.fill(i, clOrdId, Side.sign(side) * qty, broker.lastExecutionPrice(clOrdId), 0L, t);
        if (engineFilled + qty >= orderedLots)
        {
            a.tca.onDone(clOrdId, a.mids[i], "filled");
        }
        a.current[i] = JournalAnalyzer.cash(a.positions.netPnl(i));
        a.current[a.n] = JournalAnalyzer.cash(a.positions.totalPnl());
    }

    /**
     * Whether the journal had broker records or an engine-state snapshot (an IB session's).
     *
     * @return true when it had.
     */
    boolean any()
    {
        return brokerRecords > 0 || stateRestores > 0;
    }

    /**
     * The report's {@code broker} section.
     *
     * @return snake_case counts and a note.
     */
    Map<String, Object> asMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker_records", brokerRecords);
        m.put("commissions_charged", commissions);
        m.put("missed_fills_applied", missedApplied);
        m.put("missed_fills_not_applied", missedNotApplied);
        m.put("late_fills_applied", lateFills);
        m.put("positions_adopted", adoptedPositions);
        m.put("tca_unattributed", a.tca.unattributed());
        m.put("state_restores", stateRestores);
        m.put("note", stateRestores > 0
            ? "this journal starts from an engine-state snapshot of an earlier session (STATE_RESTORE): its figures "
            + "cover this journal's events only, not the positions and costs the snapshot carried"
            : "fills, commissions, missed and late fills and adopted positions as the engine applied them");
        return m;
    }
}
