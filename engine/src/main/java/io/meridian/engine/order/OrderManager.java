package io.meridian.engine.order;

import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.stage.Stage;
import java.util.Arrays;

/**
 * Stage 7 (with stages 5 and 6, which share its state): the order policy. It reads the event, the top of book and
 * the earlier stages' results from the {@link EventSlot}, runs pre-trade risk and the kill switch, keeps its orders in
 * {@link WorkingOrders}, positions and P&amp;L in a {@link PositionKeeper}, and writes every decision through a
 * {@link DecisionEncoder}, in this order per event: TRADING_STATE changes, SIGNAL, cancels (forced by the kill
 * switch, or of a timed-out order), RISK_DECISION, and the NEW order it allows. It keeps no copy of the book.
 *
 * <p>Order policy: at most one working order per instrument; the order for a new target is a DAY limit for
 * {@code target - position} priced at the touch: joining our own side (buy at the bid, sell at the ask) or crossing
 * to the far side (buy at the ask, sell at the bid), as configured; a working order older than the order
 * timeout is cancelled, acknowledged or not; after a risk reject the instrument cools down for the order timeout
 * before trying again.
 *
 * <p>Single-threaded (the order stage's thread); allocation-free; reads time only from event headers.
 */
public final class OrderManager implements Stage
{
    private final InstrumentIndex instruments;
    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;
    private final PositionKeeper positions;
    private final WorkingOrders orders;
    private final DecisionEncoder decisions;
    private final long orderTimeoutNs;
    private final boolean crossSpread;
    private final long[] lastMarketDataNs;
    private final long[] coolDownUntilNs;
    private boolean venueUp = true;
    private long eventTimeNs;

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
        this.orderTimeoutNs = orderTimeoutNs;
        final int n = instruments.count();
        this.orders = new WorkingOrders(n, orderCapacity);
        this.decisions = new DecisionEncoder(modelId, sink);
        final long[] multipliers = new long[n];
        for (int i = 0; i < n; i++)
        {
            multipliers[i] = instruments.cashMultiplier(i);
        }
        this.positions = new PositionKeeper(multipliers);
        lastMarketDataNs = new long[n];
        coolDownUntilNs = new long[n];
        Arrays.fill(lastMarketDataNs, Long.MIN_VALUE);
        Arrays.fill(coolDownUntilNs, Long.MIN_VALUE);
    }

    @Override
    public String name()
    {
        return "risk+orders";
    }

    /**
     * Handles one inbound event after the earlier stages; sets {@link EventSlot#ordersSent}.
     *
     * @param slot the event.
     * @return always true.
     */
    @Override
    public boolean onEvent(final EventSlot slot)
    {
        eventTimeNs = slot.eventTimeNs;
        decisions.cause(slot.sequence, slot.eventTimeNs, slot.receiveTimeNs);
        final long ordersBefore = decisions.ordersSent();
        switch (slot.type)
        {
            case RecordType.QUOTE:
            case RecordType.TRADE:
            case RecordType.BAR:
                if (slot.marketDataAccepted)
                {
                    onMarketData(slot);
                }
                break;
            case RecordType.EXEC_REPORT:
                if (orders.onExecReport(slot.buffer, 0, positions))
                {
                    checkLoss();
                }
                break;
            case RecordType.TIMER:
                onTimer();
                break;
            case RecordType.OPERATOR:
                onOperator(OperatorCodec.command(slot.buffer, 0));
                break;
            case RecordType.CONNECTIVITY:
                venueUp = ConnectivityCodec.state(slot.buffer, 0) == ConnectivityState.UP;
                break;
            default:
                break;
        }
        slot.ordersSent = (int)(decisions.ordersSent() - ordersBefore);
        return true;
    }

    private void onMarketData(final EventSlot slot)
    {
        final int index = slot.instrumentIndex;
        if (slot.type == RecordType.QUOTE || slot.type == RecordType.BAR)
        {
            positions.mark(index, (slot.bidPrice + slot.askPrice) >> 1);
        }
        lastMarketDataNs[index] = eventTimeNs;
        if (killSwitch.staleTripped() && killSwitch.onMarketDataAge(oldestMarketDataNs(), eventTimeNs))
        {
            emitStateChange();
        }
        final boolean lossHalt = killSwitch.onPnl(positions.totalPnl());
        if (lossHalt)
        {
            emitStateChange();
        }
        if (slot.scored)
        {
            decisions.signal(slot.instrumentId, slot.score,
                slot.hasTarget ? slot.targetPosition : positions.position(index), positions.position(index));
        }
        if (lossHalt)
        {
            cancelAll();
        }
        expireWorkingOrder(index);
        if (slot.hasTarget)
        {
            rebalance(slot, index);
        }
    }

    private void rebalance(final EventSlot slot, final int index)
    {
        final long now = eventTimeNs;
        if (orders.hasWorkingOrder(index) || now < coolDownUntilNs[index] || slot.bidPrice == 0)
        {
            return;
        }
        final long position = positions.position(index);
        final long delta = slot.targetPosition - position;
        if (delta == 0)
        {
            return;
        }
        final byte side = delta > 0 ? Side.BUY : Side.SELL;
        final long qty = Math.abs(delta);
        final long price = (side == Side.BUY) == crossSpread ? slot.askPrice : slot.bidPrice;
        final long reference = slot.lastTradePrice > 0 ? slot.lastTradePrice : (slot.bidPrice + slot.askPrice) >> 1;
        final long clOrdId = orders.nextId();
        final RejectReason reason = risk.check(
            killSwitch.state(), venueUp, side, qty, price, instruments.cashMultiplier(index), position,
            orders.workingSigned(index), reference, lastMarketDataNs[index], now);
        decisions.riskDecision(slot.instrumentId, clOrdId, side, reason, price, qty);
        if (reason != RejectReason.NONE)
        {
            coolDownUntilNs[index] = now + orderTimeoutNs;
            return;
        }
        orders.open(clOrdId, index, side, price, qty, now);
        decisions.orderCommand(slot.instrumentId, clOrdId, OrderCommandType.NEW, side, OrderType.LIMIT, price, qty, 0);
    }

    private void expireWorkingOrder(final int index)
    {
        final int slot = orders.expire(index, eventTimeNs, orderTimeoutNs);
        if (slot >= 0)
        {
            final OrderStore store = orders.store();
            decisions.orderCommand(
                instruments.id(index), orders.nextId(), OrderCommandType.CANCEL, store.side(slot), OrderType.LIMIT,
                store.price(slot), store.leaves(slot), store.clOrdId(slot));
        }
    }

    private void onTimer()
    {
        if (killSwitch.onMarketDataAge(oldestMarketDataNs(), eventTimeNs))
        {
            emitStateChange();
        }
        for (int i = 0; i < instruments.count(); i++)
        {
            expireWorkingOrder(i);
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
        if (orders.cancelAll())
        {
            decisions.orderCommand(0, orders.nextId(), OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
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
        return oldest == Long.MAX_VALUE ? eventTimeNs : oldest;
    }

    private void emitStateChange()
    {
        decisions.tradingState(killSwitch.state(), killSwitch.previousState(), killSwitch.lastReason());
    }

    public PositionKeeper positions()
    {
        return positions;
    }

    public WorkingOrders workingOrders()
    {
        return orders;
    }

    public DecisionEncoder decisions()
    {
        return decisions;
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
        return decisions.signals();
    }

    public long ordersSent()
    {
        return decisions.ordersSent();
    }

    public long cancelsSent()
    {
        return decisions.cancelsSent();
    }

    public long massCancels()
    {
        return decisions.massCancels();
    }

    public long stateChanges()
    {
        return decisions.stateChanges();
    }

    public long fills()
    {
        return orders.fills();
    }

    public long filledQty()
    {
        return orders.filledQty();
    }

    public long venueRejects()
    {
        return orders.venueRejects();
    }

    public long unknownReports()
    {
        return orders.unknownReports();
    }

    /**
     * Output records emitted so far (the last output sequence).
     *
     * @return the count.
     */
    public long outputSequence()
    {
        return decisions.outputSequence();
    }

    /**
     * Whether an instrument has a working order.
     *
     * @param index dense instrument index.
     * @return true when one is working.
     */
    public boolean hasWorkingOrder(final int index)
    {
        return orders.hasWorkingOrder(index);
    }
}
