package io.meridian.engine.order;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Stage 7 (with stages 5 and 6, which share its state): order management. It journals signals, runs pre-trade
 * risk and the kill switch, creates and tracks orders, applies execution reports to positions and P&amp;L, and
 * emits every decision record and order command through the {@link OutboundSink}, in this order per event:
 * TRADING_STATE changes, SIGNAL, cancels (forced by the kill switch, or of a timed-out order), RISK_DECISION, and the
 * NEW order it allows.
 *
 * <p>Order policy: at most one working order per instrument; the order for a new target is a DAY limit for
 * {@code target - position} priced at the touch: joining our own side (buy at the bid, sell at the ask) or crossing
 * to the far side (buy at the ask, sell at the bid), as configured; a working order older than the order
 * timeout is cancelled, acknowledged or not; after a risk reject the instrument cools down for the order timeout
 * before trying again.
 *
 * <p>Single-threaded (the order stage's thread); allocation-free; reads time only from event headers.
 */
public final class OrderManager
{
    private static final int VENUE_ID = 1;

    private final InstrumentIndex instruments;
    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;
    private final PositionKeeper positions;
    private final OrderStore orders;
    private final OutboundSink sink;
    private final long orderTimeoutNs;
    private final int modelId;
    private final boolean crossSpread;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private final long[] bid;
    private final long[] ask;
    private final long[] lastTrade;
    private final long[] lastMarketDataNs;
    private final long[] workingClOrdId;
    private final long[] workingSigned;
    private final long[] coolDownUntilNs;
    private boolean venueUp = true;
    private long outputSequence;

    private long causeSequence;
    private long causeEventTimeNs;
    private long causeReceiveTimeNs;

    private long signals;
    private long ordersSent;
    private long cancelsSent;
    private long massCancels;
    private long fills;
    private long filledQty;
    private long venueRejects;
    private long unknownReports;
    private long stateChanges;

    /**
     * An order manager.
     *
     * @param instruments configured instruments.
     * @param risk pre-trade checks.
     * @param killSwitch kill switch.
     * @param orderCapacity live-order capacity (power of two).
     * @param orderTimeoutNs working orders older than this are cancelled; also the reject cool-down.
     * @param modelId scorer id journaled in signals.
     * @param crossSpread price orders at the far touch (true) or join our own side (false).
     * @param sink where outbound records go.
     */
    public OrderManager(
        final InstrumentIndex instruments,
        final PreTradeRisk risk,
        final KillSwitch killSwitch,
        final int orderCapacity,
        final long orderTimeoutNs,
        final int modelId,
        final boolean crossSpread,
        final OutboundSink sink)
    {
        this.crossSpread = crossSpread;
        this.instruments = instruments;
        this.risk = risk;
        this.killSwitch = killSwitch;
        this.orders = new OrderStore(orderCapacity);
        this.orderTimeoutNs = orderTimeoutNs;
        this.modelId = modelId;
        this.sink = sink;
        final int n = instruments.count();
        final long[] multipliers = new long[n];
        for (int i = 0; i < n; i++)
        {
            multipliers[i] = instruments.cashMultiplier(i);
        }
        this.positions = new PositionKeeper(multipliers);
        bid = new long[n];
        ask = new long[n];
        lastTrade = new long[n];
        lastMarketDataNs = new long[n];
        workingClOrdId = new long[n];
        workingSigned = new long[n];
        coolDownUntilNs = new long[n];
        Arrays.fill(lastMarketDataNs, Long.MIN_VALUE);
        Arrays.fill(coolDownUntilNs, Long.MIN_VALUE);
    }

    /**
     * Handles one inbound event after the earlier stages.
     *
     * @param buffer the inbound record.
     * @param offset where it starts.
     * @param marketDataAccepted the book stage accepted it (market data only).
     * @param scored the scoring stage produced {@code score}.
     * @param score the model score.
     * @param hasTarget the strategy stage produced {@code targetPosition}.
     * @param targetPosition target position in lots.
     */
    public void onEvent(
        final DirectBuffer buffer,
        final int offset,
        final boolean marketDataAccepted,
        final boolean scored,
        final double score,
        final boolean hasTarget,
        final long targetPosition)
    {
        causeSequence = Header.sequence(buffer, offset);
        causeEventTimeNs = Header.eventTimeNs(buffer, offset);
        causeReceiveTimeNs = Header.receiveTimeNs(buffer, offset);
        final long now = causeEventTimeNs;
        switch (Header.type(buffer, offset))
        {
            case RecordType.QUOTE:
            case RecordType.TRADE:
                if (marketDataAccepted)
                {
                    onMarketData(buffer, offset, now, scored, score, hasTarget, targetPosition);
                }
                break;
            case RecordType.EXEC_REPORT:
                onExecReport(buffer, offset);
                break;
            case RecordType.TIMER:
                onTimer(now);
                break;
            case RecordType.OPERATOR:
                onOperator(OperatorCodec.command(buffer, offset));
                break;
            case RecordType.CONNECTIVITY:
                venueUp = ConnectivityCodec.state(buffer, offset) == ConnectivityState.UP;
                break;
            default:
                break;
        }
    }

    private void onMarketData(
        final DirectBuffer buffer,
        final int offset,
        final long now,
        final boolean scored,
        final double score,
        final boolean hasTarget,
        final long targetPosition)
    {
        final int index = instruments.indexOf(Header.instrumentId(buffer, offset));
        if (Header.type(buffer, offset) == RecordType.QUOTE)
        {
            bid[index] = QuoteCodec.bidPrice(buffer, offset);
            ask[index] = QuoteCodec.askPrice(buffer, offset);
            positions.mark(index, (bid[index] + ask[index]) >> 1);
        }
        else
        {
            lastTrade[index] = TradeCodec.price(buffer, offset);
        }
        lastMarketDataNs[index] = now;
        if (killSwitch.staleTripped() && killSwitch.onMarketDataAge(oldestMarketDataNs(), now))
        {
            emitStateChange();
        }
        final boolean lossHalt = killSwitch.onPnl(positions.totalPnl());
        if (lossHalt)
        {
            emitStateChange();
        }
        if (scored)
        {
            emitSignal(index, score, hasTarget ? targetPosition : positions.position(index));
        }
        if (lossHalt)
        {
            cancelAll();
        }
        expireWorkingOrder(index, now);
        if (hasTarget)
        {
            rebalance(index, targetPosition, now);
        }
    }

    private void rebalance(final int index, final long target, final long now)
    {
        if (workingClOrdId[index] != 0 || now < coolDownUntilNs[index] || bid[index] == 0)
        {
            return;
        }
        final long position = positions.position(index);
        final long delta = target - position;
        if (delta == 0)
        {
            return;
        }
        final byte side = delta > 0 ? Side.BUY : Side.SELL;
        final long qty = Math.abs(delta);
        final long price = (side == Side.BUY) == crossSpread ? ask[index] : bid[index];
        final long reference = lastTrade[index] > 0 ? lastTrade[index] : (bid[index] + ask[index]) >> 1;
        final long clOrdId = orders.nextId();
        final RejectReason reason = risk.check(
            killSwitch.state(), venueUp, side, qty, price, instruments.cashMultiplier(index), position,
            workingSigned[index], reference, lastMarketDataNs[index], now);
        emitRiskDecision(index, clOrdId, side, reason, price, qty);
        if (reason != RejectReason.NONE)
        {
            coolDownUntilNs[index] = now + orderTimeoutNs;
            return;
        }
        orders.create(clOrdId, index, side, price, qty, now);
        workingClOrdId[index] = clOrdId;
        workingSigned[index] = Side.sign(side) * qty;
        emitOrderCommand(
            instruments.id(index), clOrdId, OrderCommandType.NEW, side, OrderType.LIMIT, price, qty, 0);
        ordersSent++;
    }

    private void expireWorkingOrder(final int index, final long now)
    {
        final long clOrdId = workingClOrdId[index];
        if (clOrdId == 0)
        {
            return;
        }
        final int slot = orders.slotOf(clOrdId);
        final byte state = slot >= 0 ? orders.state(slot) : OrderStore.DONE;
        if ((state == OrderStore.WORKING || state == OrderStore.PENDING_NEW)
            && now - orders.createdNs(slot) >= orderTimeoutNs)
        {
            orders.state(slot, OrderStore.PENDING_CANCEL);
            emitOrderCommand(
                instruments.id(index), orders.nextId(), OrderCommandType.CANCEL, orders.side(slot), OrderType.LIMIT,
                orders.price(slot), orders.leaves(slot), clOrdId);
            cancelsSent++;
        }
    }

    private void onExecReport(final DirectBuffer buffer, final int offset)
    {
        final long clOrdId = ExecReportCodec.clOrdId(buffer, offset);
        final int slot = orders.slotOf(clOrdId);
        if (slot < 0)
        {
            unknownReports++;
            return;
        }
        final int index = orders.instrument(slot);
        final byte execType = ExecReportCodec.execType(buffer, offset);
        switch (execType)
        {
            case ExecType.ACK:
                if (orders.state(slot) == OrderStore.PENDING_NEW)
                {
                    orders.state(slot, OrderStore.WORKING);
                }
                break;
            case ExecType.PARTIAL_FILL:
            case ExecType.FILL:
                final long lastQty = ExecReportCodec.lastQty(buffer, offset);
                final long signed = Side.sign(orders.side(slot)) * lastQty;
                positions.onFill(index, signed, ExecReportCodec.lastPrice(buffer, offset));
                fills++;
                filledQty += lastQty;
                final long leaves = ExecReportCodec.leavesQty(buffer, offset);
                orders.leaves(slot, leaves);
                workingSigned[index] = Side.sign(orders.side(slot)) * leaves;
                if (orders.state(slot) == OrderStore.PENDING_NEW)
                {
                    orders.state(slot, OrderStore.WORKING);
                }
                if (execType == ExecType.FILL || leaves == 0)
                {
                    finish(slot, index);
                }
                checkLoss();
                break;
            case ExecType.CANCELLED:
                finish(slot, index);
                break;
            case ExecType.REJECTED:
                venueRejects++;
                finish(slot, index);
                break;
            default:
                unknownReports++;
                break;
        }
    }

    private void finish(final int slot, final int index)
    {
        orders.state(slot, OrderStore.DONE);
        if (workingClOrdId[index] == orders.clOrdId(slot))
        {
            workingClOrdId[index] = 0;
            workingSigned[index] = 0;
        }
    }

    private void onTimer(final long now)
    {
        if (killSwitch.onMarketDataAge(oldestMarketDataNs(), now))
        {
            emitStateChange();
        }
        for (int i = 0; i < workingClOrdId.length; i++)
        {
            expireWorkingOrder(i, now);
        }
    }

    private void onOperator(final byte command)
    {
        switch (command)
        {
            case OperatorCommand.HALT:
                if (killSwitch.halt())
                {
                    emitStateChange();
                }
                break;
            case OperatorCommand.RESUME:
                if (killSwitch.resume())
                {
                    emitStateChange();
                }
                break;
            case OperatorCommand.CANCEL_ALL:
                cancelAll();
                break;
            default:
                break;
        }
    }

    private void checkLoss()
    {
        if (killSwitch.onPnl(positions.totalPnl()))
        {
            emitStateChange();
            cancelAll();
        }
    }

    private void cancelAll()
    {
        boolean any = false;
        for (int i = 0; i < workingClOrdId.length; i++)
        {
            final int slot = workingClOrdId[i] == 0 ? -1 : orders.slotOf(workingClOrdId[i]);
            if (slot >= 0)
            {
                orders.state(slot, OrderStore.PENDING_CANCEL);
                any = true;
            }
        }
        if (any)
        {
            emitOrderCommand(0, orders.nextId(), OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
            massCancels++;
        }
    }

    private long oldestMarketDataNs()
    {
        long oldest = Long.MAX_VALUE;
        for (final long t : lastMarketDataNs)
        {
            if (t != Long.MIN_VALUE && t < oldest)
            {
                oldest = t;
            }
        }
        return oldest == Long.MAX_VALUE ? causeEventTimeNs : oldest;
    }

    private void header(final byte type, final int length, final int instrumentId)
    {
        Header.write(
            out, 0, type, length, instrumentId, ++outputSequence, causeEventTimeNs, causeReceiveTimeNs, 0, 0);
    }

    private void emitSignal(final int index, final double score, final long target)
    {
        header(SignalCodec.TYPE, SignalCodec.LENGTH, instruments.id(index));
        SignalCodec.causeSequence(out, 0, causeSequence);
        SignalCodec.score(out, 0, score);
        SignalCodec.targetPosition(out, 0, target);
        SignalCodec.position(out, 0, positions.position(index));
        SignalCodec.modelId(out, 0, modelId);
        sink.onRecord(out, 0, SignalCodec.LENGTH);
        signals++;
    }

    private void emitRiskDecision(
        final int index, final long clOrdId, final byte side, final RejectReason reason, final long price,
        final long qty)
    {
        header(RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH, instruments.id(index));
        RiskDecisionCodec.causeSequence(out, 0, causeSequence);
        RiskDecisionCodec.clOrdId(out, 0, clOrdId);
        RiskDecisionCodec.side(out, 0, side);
        RiskDecisionCodec.accepted(out, 0, (byte)(reason == RejectReason.NONE ? 1 : 0));
        RiskDecisionCodec.reasonCode(out, 0, reason.code());
        RiskDecisionCodec.price(out, 0, price);
        RiskDecisionCodec.qty(out, 0, qty);
        sink.onRecord(out, 0, RiskDecisionCodec.LENGTH);
    }

    private void emitOrderCommand(
        final int instrumentId, final long clOrdId, final byte command, final byte side, final byte orderType,
        final long price, final long qty, final long origClOrdId)
    {
        header(OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, instrumentId);
        OrderCommandCodec.causeSequence(out, 0, causeSequence);
        OrderCommandCodec.clOrdId(out, 0, clOrdId);
        OrderCommandCodec.command(out, 0, command);
        OrderCommandCodec.side(out, 0, side);
        OrderCommandCodec.orderType(out, 0, orderType);
        OrderCommandCodec.timeInForce(out, 0, (byte)0);
        OrderCommandCodec.venueId(out, 0, VENUE_ID);
        OrderCommandCodec.price(out, 0, price);
        OrderCommandCodec.qty(out, 0, qty);
        OrderCommandCodec.origClOrdId(out, 0, origClOrdId);
        sink.onRecord(out, 0, OrderCommandCodec.LENGTH);
    }

    private void emitStateChange()
    {
        header(TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH, 0);
        TradingStateChangeCodec.causeSequence(out, 0, causeSequence);
        TradingStateChangeCodec.state(out, 0, killSwitch.state());
        TradingStateChangeCodec.previousState(out, 0, killSwitch.previousState());
        TradingStateChangeCodec.reasonCode(out, 0, killSwitch.lastReason().code());
        sink.onRecord(out, 0, TradingStateChangeCodec.LENGTH);
        stateChanges++;
    }

    public PositionKeeper positions()
    {
        return positions;
    }

    public PreTradeRisk risk()
    {
        return risk;
    }

    public KillSwitch killSwitch()
    {
        return killSwitch;
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

    public long stateChanges()
    {
        return stateChanges;
    }

    /**
     * Output records emitted so far (the last output sequence).
     *
     * @return the count.
     */
    public long outputSequence()
    {
        return outputSequence;
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
}
