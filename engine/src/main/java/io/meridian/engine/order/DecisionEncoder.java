package io.meridian.engine.order;

import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.RiskInstrumentSnapshotCodec;
import io.meridian.engine.codec.RiskSnapshotCodec;
import io.meridian.engine.codec.RiskWarningCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.risk.RiskMonitor;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Writes the order stage's outbound records — SIGNAL, RISK_DECISION, RISK_WARNING, ORDER_COMMAND and TRADING_STATE —
 * into one
 * reused buffer and hands each to the {@link OutboundSink}. Every record carries the next output sequence and the
 * causing inbound event's sequence and times (set per event by {@link #cause}); padding bytes are zero. Counts what it
 * wrote.
 * Single-threaded (the order stage's thread); allocation-free.
 */
public final class DecisionEncoder
{
    private static final int VENUE_ID = 1;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private final OutboundSink sink;
    private final int modelId;
    private long outputSequence;
    private long causeSequence;
    private long causeEventTimeNs;
    private long causeReceiveTimeNs;

    private long signals;
    private long ordersSent;
    private long cancelsSent;
    private long massCancels;
    private long stateChanges;
    private long warnings;
    private long reconciliationRecords;

    /**
     * An encoder.
     *
     * @param modelId scorer id journaled in signals.
     * @param sink where the records go.
     */
    public DecisionEncoder(final int modelId, final OutboundSink sink)
    {
        this.modelId = modelId;
        this.sink = sink;
    }

    /**
     * Sets the inbound event the next records are caused by.
     *
     * @param sequence its inbound sequence.
     * @param eventTimeNs its event time.
     * @param receiveTimeNs its receive time.
     */
    public void cause(final long sequence, final long eventTimeNs, final long receiveTimeNs)
    {
        causeSequence = sequence;
        causeEventTimeNs = eventTimeNs;
        causeReceiveTimeNs = receiveTimeNs;
    }

    private void header(final byte type, final int length, final int instrumentId)
    {
        // the buffer is shared by every record type: clear the body first so that padding is zero, not bytes left
        // over from the previous, longer record (journal bytes are then a function of the fields alone)
        out.setMemory(Header.LENGTH, length - Header.LENGTH, (byte)0);
        Header.write(
            out, 0, type, length, instrumentId, ++outputSequence, causeEventTimeNs, causeReceiveTimeNs, 0, 0);
    }

    /**
     * A SIGNAL: the model's score and what the strategy made of it.
     *
     * @param instrumentId the instrument.
     * @param score the model score.
     * @param targetPosition the target (the current position when the strategy set none), lots.
     * @param position the current position, lots.
     */
    public void signal(final int instrumentId, final double score, final long targetPosition, final long position)
    {
        header(SignalCodec.TYPE, SignalCodec.LENGTH, instrumentId);
        SignalCodec.causeSequence(out, 0, causeSequence);
        SignalCodec.score(out, 0, score);
        SignalCodec.targetPosition(out, 0, targetPosition);
        SignalCodec.position(out, 0, position);
        SignalCodec.modelId(out, 0, modelId);
        sink.onRecord(out, 0, SignalCodec.LENGTH);
        signals++;
    }

    /**
     * A RISK_DECISION on a new order.
     *
     * @param instrumentId the instrument.
     * @param clOrdId the order's client id.
     * @param side its side.
     * @param reason {@link RejectReason#NONE} when accepted.
     * @param price its limit price, ticks.
     * @param qty its quantity, lots.
     * @param checkCode reason code of the check whose limit and value are reported (0 when none).
     * @param limit that check's limit.
     * @param value that check's measured value.
     */
    public void riskDecision(
        final int instrumentId, final long clOrdId, final byte side, final RejectReason reason, final long price,
        final long qty, final short checkCode, final double limit, final double value)
    {
        header(RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH, instrumentId);
        RiskDecisionCodec.causeSequence(out, 0, causeSequence);
        RiskDecisionCodec.clOrdId(out, 0, clOrdId);
        RiskDecisionCodec.side(out, 0, side);
        RiskDecisionCodec.accepted(out, 0, (byte)(reason == RejectReason.NONE ? 1 : 0));
        RiskDecisionCodec.reasonCode(out, 0, reason.code());
        RiskDecisionCodec.price(out, 0, price);
        RiskDecisionCodec.qty(out, 0, qty);
        RiskDecisionCodec.checkCode(out, 0, checkCode);
        RiskDecisionCodec.limit(out, 0, limit);
        RiskDecisionCodec.value(out, 0, value);
        sink.onRecord(out, 0, RiskDecisionCodec.LENGTH);
    }

    /**
     * A RISK_WARNING: a check or trigger reached its warning level.
     *
     * @param instrumentId the instrument, 0 when global.
     * @param clOrdId the order being checked, 0 for a kill-switch trigger.
     * @param reason the check's or trigger's reason code.
     * @param limit its limit.
     * @param value the measured value.
     */
    public void riskWarning(
        final int instrumentId, final long clOrdId, final RejectReason reason, final double limit, final double value)
    {
        header(RiskWarningCodec.TYPE, RiskWarningCodec.LENGTH, instrumentId);
        RiskWarningCodec.causeSequence(out, 0, causeSequence);
        RiskWarningCodec.clOrdId(out, 0, clOrdId);
        RiskWarningCodec.reasonCode(out, 0, reason.code());
        RiskWarningCodec.limit(out, 0, limit);
        RiskWarningCodec.value(out, 0, value);
        sink.onRecord(out, 0, RiskWarningCodec.LENGTH);
        warnings++;
    }

    /**
     * An ORDER_COMMAND to the venue (DAY time in force).
     *
     * @param instrumentId the instrument, 0 for a mass cancel.
     * @param clOrdId the command's client id.
     * @param command {@link OrderCommandType} code.
     * @param side side code.
     * @param orderType order type code.
     * @param price limit price, ticks.
     * @param qty quantity, lots.
     * @param origClOrdId the order a cancel refers to, else 0.
     */
    public void orderCommand(
        final int instrumentId, final long clOrdId, final byte command, final byte side, final byte orderType,
        final long price, final long qty, final long origClOrdId)
    {
        orderCommand(instrumentId, clOrdId, command, side, orderType, TimeInForce.DAY, price, 0, (byte)0, qty,
            origClOrdId);
    }

    /**
     * An ORDER_COMMAND to the venue with every order field: time in force, stop (aux) price and flags.
     *
     * @param instrumentId the instrument, 0 for a mass cancel.
     * @param clOrdId the command's client id.
     * @param command {@link OrderCommandType} code.
     * @param side side code.
     * @param orderType {@link io.meridian.engine.api.OrderType} code.
     * @param timeInForce {@link TimeInForce} code.
     * @param price limit price, ticks (0 for MARKET and STOP).
     * @param auxPrice stop price, ticks (STOP and STOP_LIMIT, else 0).
     * @param orderFlags {@link OrderCommandCodec#FLAG_OUTSIDE_RTH} or 0.
     * @param qty quantity, lots.
     * @param origClOrdId the order a cancel refers to, else 0.
     */
    public void orderCommand(
        final int instrumentId, final long clOrdId, final byte command, final byte side, final byte orderType,
        final byte timeInForce, final long price, final long auxPrice, final byte orderFlags, final long qty,
        final long origClOrdId)
    {
        header(OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, instrumentId);
        OrderCommandCodec.causeSequence(out, 0, causeSequence);
        OrderCommandCodec.clOrdId(out, 0, clOrdId);
        OrderCommandCodec.command(out, 0, command);
        OrderCommandCodec.side(out, 0, side);
        OrderCommandCodec.orderType(out, 0, orderType);
        OrderCommandCodec.timeInForce(out, 0, timeInForce);
        OrderCommandCodec.venueId(out, 0, VENUE_ID);
        OrderCommandCodec.price(out, 0, price);
        OrderCommandCodec.qty(out, 0, qty);
        OrderCommandCodec.origClOrdId(out, 0, origClOrdId);
        OrderCommandCodec.auxPrice(out, 0, auxPrice);
        OrderCommandCodec.orderFlags(out, 0, orderFlags);
        sink.onRecord(out, 0, OrderCommandCodec.LENGTH);
        switch (command)
        {
            case OrderCommandType.NEW:
                ordersSent++;
                break;
            case OrderCommandType.CANCEL:
                cancelsSent++;
                break;
            case OrderCommandType.MASS_CANCEL:
                massCancels++;
                break;
            default:
                break;
        }
    }

    /**
     * A TRADING_STATE change.
     *
     * @param instrumentId the instrument of a per-instrument change, 0 for the global state.
     * @param state the new state.
     * @param previousState the state before.
     * @param reason why it changed.
     * @param limit the trigger's limit.
     * @param value the measured value.
     */
    public void tradingState(
        final int instrumentId, final byte state, final byte previousState, final RejectReason reason,
        final double limit, final double value)
    {
        header(TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH, instrumentId);
        TradingStateChangeCodec.causeSequence(out, 0, causeSequence);
        TradingStateChangeCodec.state(out, 0, state);
        TradingStateChangeCodec.previousState(out, 0, previousState);
        TradingStateChangeCodec.reasonCode(out, 0, reason.code());
        TradingStateChangeCodec.limit(out, 0, limit);
        TradingStateChangeCodec.value(out, 0, value);
        sink.onRecord(out, 0, TradingStateChangeCodec.LENGTH);
        stateChanges++;
    }

    /**
     * Output records written so far (the last output sequence).
     *
     * @return the count.
     */
    public long outputSequence()
    {
        return outputSequence;
    }

    public long signals()
    {
        return signals;
    }

    public long ordersSent()
    {
        return ordersSent;
    }

    public long cancelsSent()
    {
        return cancelsSent;
    }

    public long massCancels()
    {
        return massCancels;
    }

    public long stateChanges()
    {
        return stateChanges;
    }

    public long warnings()
    {
        return warnings;
    }

    /**
     * A RISK_SNAPSHOT of the real-time risk monitor (global: instrument id 0).
     *
     * @param nav net asset value, currency.
     * @param gross gross exposure, currency.
     * @param net net exposure, currency.
     * @param leverage gross over NAV.
     * @param drawdown fall from peak NAV, a fraction.
     * @param monthPnl month-to-date P&amp;L, currency.
     * @param monitor the VaR and CVaR figures.
     * @param maxUsage the largest limit usage.
     * @param maxUsageCode its limit's reason code.
     */
    public void riskSnapshot(
        final double nav, final double gross, final double net, final double leverage, final double drawdown,
        final double monthPnl, final RiskMonitor monitor, final double maxUsage, final short maxUsageCode)
    {
        header(RiskSnapshotCodec.TYPE, RiskSnapshotCodec.LENGTH, 0);
        RiskSnapshotCodec.causeSequence(out, 0, causeSequence);
        RiskSnapshotCodec.nav(out, 0, nav);
        RiskSnapshotCodec.grossExposure(out, 0, gross);
        RiskSnapshotCodec.netExposure(out, 0, net);
        RiskSnapshotCodec.leverage(out, 0, leverage);
        RiskSnapshotCodec.drawdown(out, 0, drawdown);
        RiskSnapshotCodec.monthPnl(out, 0, monthPnl);
        RiskSnapshotCodec.histVar95(out, 0, monitor.histVar95());
        RiskSnapshotCodec.histCvar95(out, 0, monitor.histCvar95());
        RiskSnapshotCodec.histVar99(out, 0, monitor.histVar99());
        RiskSnapshotCodec.histCvar99(out, 0, monitor.histCvar99());
        RiskSnapshotCodec.paramVar99(out, 0, monitor.paramVar99());
        RiskSnapshotCodec.maxUsage(out, 0, maxUsage);
        RiskSnapshotCodec.maxUsageCode(out, 0, maxUsageCode);
        RiskSnapshotCodec.returns(out, 0, monitor.count());
        sink.onRecord(out, 0, RiskSnapshotCodec.LENGTH);
        riskSnapshots++;
    }

    /**
     * RISK_SNAPSHOT records written.
     *
     * @return the count.
     */
    public long riskSnapshots()
    {
        return riskSnapshots;
    }

    private long riskSnapshots;

    /**
     * A RECONCILIATION: one difference between the engine and the broker, or a clean reconciliation.
     *
     * @param instrumentId the instrument (0 for none).
     * @param kind a {@code ReconciliationCodec.KIND_*} code.
     * @param clOrdId the order (0 for none).
     * @param engineValue what the engine holds.
     * @param brokerValue what the broker holds.
     * @param diffs differences in this reconciliation.
     * @param index this one's number from 1 (0 when clean).
     * @param applied whether the engine applied it.
     */
    public void reconciliation(
        final int instrumentId, final byte kind, final long clOrdId, final long engineValue, final long brokerValue,
        final int diffs, final int index, final boolean applied)
    {
        header(ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH, instrumentId);
        ReconciliationCodec.causeSequence(out, 0, causeSequence);
        ReconciliationCodec.clOrdId(out, 0, clOrdId);
        ReconciliationCodec.engineValue(out, 0, engineValue);
        ReconciliationCodec.brokerValue(out, 0, brokerValue);
        ReconciliationCodec.diffs(out, 0, diffs);
        ReconciliationCodec.index(out, 0, index);
        ReconciliationCodec.diffKind(out, 0, kind);
        ReconciliationCodec.applied(out, 0, applied ? (byte)1 : (byte)0);
        sink.onRecord(out, 0, ReconciliationCodec.LENGTH);
        reconciliationRecords++;
    }

    /**
     * RECONCILIATION records written.
     *
     * @return the count.
     */
    public long reconciliationRecords()
    {
        return reconciliationRecords;
    }

    /**
     * A RISK_INSTRUMENT_SNAPSHOT: one instrument's (or, with instrument id 0, the portfolio's) figures of a risk
     * snapshot.
     *
     * @param instrumentId the instrument, 0 for the total.
     * @param gross gross exposure, currency.
     * @param net net exposure, currency.
     * @param share share of gross exposure (total: the largest instrument's).
     * @param herfindahl the share squared (total: the Herfindahl-Hirschman index).
     * @param monitor the VaR and CVaR figures of its returns.
     * @param trigger {@code RiskInstrumentSnapshotCodec.TRIGGER_TIMER} or {@code TRIGGER_FILL}.
     */
    public void riskInstrumentSnapshot(final int instrumentId, final double gross, final double net,
        final double share, final double herfindahl, final RiskMonitor monitor, final byte trigger)
    {
        header(RiskInstrumentSnapshotCodec.TYPE, RiskInstrumentSnapshotCodec.LENGTH, instrumentId);
        RiskInstrumentSnapshotCodec.causeSequence(out, 0, causeSequence);
        RiskInstrumentSnapshotCodec.grossExposure(out, 0, gross);
        RiskInstrumentSnapshotCodec.netExposure(out, 0, net);
        RiskInstrumentSnapshotCodec.share(out, 0, share);
        RiskInstrumentSnapshotCodec.herfindahl(out, 0, herfindahl);
        RiskInstrumentSnapshotCodec.histVar95(out, 0, monitor.histVar95());
        RiskInstrumentSnapshotCodec.histCvar95(out, 0, monitor.histCvar95());
        RiskInstrumentSnapshotCodec.histVar99(out, 0, monitor.histVar99());
        RiskInstrumentSnapshotCodec.histCvar99(out, 0, monitor.histCvar99());
        RiskInstrumentSnapshotCodec.paramVar95(out, 0, monitor.paramVar95());
        RiskInstrumentSnapshotCodec.paramCvar95(out, 0, monitor.paramCvar95());
        RiskInstrumentSnapshotCodec.paramVar99(out, 0, monitor.paramVar99());
        RiskInstrumentSnapshotCodec.paramCvar99(out, 0, monitor.paramCvar99());
        RiskInstrumentSnapshotCodec.returns(out, 0, monitor.count());
        RiskInstrumentSnapshotCodec.trigger(out, 0, trigger);
        sink.onRecord(out, 0, RiskInstrumentSnapshotCodec.LENGTH);
    }

    /**
     * Appends the decision counters to a snapshot (issue 9); the output sequence is the journal's own and is not
     * part of it.
     *
     * @param out the snapshot part.
     */
    void saveState(final LongArrayList out)
    {
        out.addLong(signals);
        out.addLong(ordersSent);
        out.addLong(cancelsSent);
        out.addLong(massCancels);
        out.addLong(stateChanges);
        out.addLong(warnings);
        out.addLong(reconciliationRecords);
        out.addLong(riskSnapshots);
    }

    /**
     * Replaces the decision counters with a snapshot's ({@link #saveState}).
     *
     * @param in the part's values.
     * @param from where this state starts.
     * @return where the next state starts.
     */
    int loadState(final long[] in, final int from)
    {
        signals = in[from];
        ordersSent = in[from + 1];
        cancelsSent = in[from + 2];
        massCancels = in[from + 3];
        stateChanges = in[from + 4];
        warnings = in[from + 5];
        reconciliationRecords = in[from + 6];
        riskSnapshots = in[from + 7];
        return from + 8;
    }
}
