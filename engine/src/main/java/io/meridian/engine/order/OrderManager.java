package io.meridian.engine.order;

import io.meridian.config.AccountConfig;
import io.meridian.config.EngineConfig;
import io.meridian.config.StrategyConfig;
import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.AccountValueCodec;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.OrderContext;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskReference;
import io.meridian.engine.risk.TradingCalendar;
import io.meridian.engine.risk.VolatilityGauge;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.stage.Stage;
import java.util.Arrays;
import io.meridian.engine.codec.OrderSentCodec;
import io.meridian.engine.state.StateRestore;
import org.agrona.collections.LongArrayList;

/**
 * Stage 7 (with stages 5 and 6, which share its state): the order policy. It reads the event, the top of book and
 * the earlier stages' results from the {@link EventSlot}, runs pre-trade risk and the kill switch, keeps its orders in
 * {@link WorkingOrders}, positions and P&amp;L in a {@link PositionKeeper} and the {@link Account}, and writes every
 * decision through a {@link DecisionEncoder}, in this order per event: TRADING_STATE changes (and RISK_WARNINGs of
 * the loss triggers), SIGNAL, cancels (forced by the kill switch, or of a timed-out order), RISK_DECISION (and its
 * RISK_WARNINGs), and the NEW order it allows. It keeps no copy of the book beyond each instrument's last touch.
 *
 * <p>Order policy: at most one working order per instrument; the order for a new target is a DAY limit for
 * {@code target - position} priced at the touch: joining our own side (buy at the bid, sell at the ask) or crossing
 * to the far side (buy at the ask, sell at the bid), as configured; a working order older than the order
 * timeout is cancelled, acknowledged or not; after a risk reject the instrument cools down for the order timeout
 * before trying again. Kill-switch actions: HALT triggers cancel every order; per-instrument triggers cancel that
 * instrument's order; the volatility trigger sells every position down by {@code kill.volSpikeReduce}; FLATTEN
 * cancels everything and closes every position at the far touch, then waits for the venue's confirmations. An operator
 * CANCEL_ALL or FLATTEN naming one instrument (the record's instrument id; 0 = all) acts on that instrument only: its
 * order is cancelled and, for FLATTEN, its strategy targets are ignored and its position closed until RESUME.
 *
 * <p>Single-threaded (the order stage's thread); allocation-free; reads time only from event headers.
 *
 * <p>Over 500 lines: the order policy and the kill switch's and operator's actions on orders (cancel one, cancel all,
 * reduce, flatten, halt or resume one instrument) act on the same working orders and per-instrument arrays in one
 * event, so they stay in one class (about 590 lines with the constructor and javadoc); the rest, about 230 lines, is
 * read-only accessors for reports, the ops server and tests, and the public delegates other modules call. The checks
 * live in {@link OrderRisk} and {@code engine.risk}, the broker's records in {@link BrokerEvents} and the engine-state
 * snapshot in {@link OrderStateSnapshot}.
 */
public final class OrderManager implements Stage, OrderRisk.MarketView
{
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final InstrumentIndex instruments;
    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;
    private final PositionKeeper positions;
    private final Account account;
    private final WorkingOrders orders;
    private final BrokerReconciler.BrokerCancel brokerCancel;
    private final DecisionEncoder decisions;
    private final OrderRisk orderRisk;
    private final VolatilityGauge volatility;
    private final TradingCalendar calendar;
    private final long orderTimeoutNs;
    private final boolean crossSpread;
    private final long maxPositionLots;
    private final double maxPositionNav;
    private final double volSpikeReduce;
    private final long[] lastMarketDataNs;
    private final long[] coolDownUntilNs;
    private final long[] bid;
    private final long[] ask;
    private final long[] reference;
    private final long[] decisionPrice;
    /** Lots the kill switch still has to trade per instrument (signed), sent once the instrument has no order. */
    private final long[] pendingReduction;
    /** Instruments an operator FLATTEN names: their strategy targets are ignored and positions closed, until RESUME. */
    private final boolean[] flattening;
    private boolean venueUp = true;
    private long eventTimeNs;
    /** The broker's records: connectivity, live checks, reconciliation (issue 9). */
    private final BrokerEvents broker;

    /**
     * An order manager.
     *
     * @param instruments configured instruments.
     * @param config validated configuration (strategy, account, kill switch).
     * @param risk pre-trade checks.
     * @param killSwitch kill switch.
     * @param orderCapacity live-order capacity (power of two).
     * @param modelId scorer id journaled in signals.
     * @param sink where outbound records go.
     */
    public OrderManager(
        final InstrumentIndex instruments,
        final EngineConfig config,
        final PreTradeRisk risk,
        final KillSwitch killSwitch,
        final int orderCapacity,
        final int modelId,
        final OutboundSink sink)
    {
        this.instruments = instruments;
        this.risk = risk;
        this.killSwitch = killSwitch;
        this.crossSpread = StrategyConfig.PRICING_CROSS.equals(config.strategy().pricing());
        this.orderTimeoutNs = config.strategy().orderTimeoutMs() * NANOS_PER_MILLI;
        this.maxPositionLots = config.risk().maxPosition();
        this.maxPositionNav = config.risk().maxPositionNav();
        this.volSpikeReduce = config.kill().volSpikeReduce();
        final int n = instruments.count();
        this.orders = new WorkingOrders(n, orderCapacity);
        this.decisions = new DecisionEncoder(modelId, sink);
        final long[] multipliers = new long[n];
        final long[] priceScales = new long[n];
        final int[] ids = new int[n];
        int indexInstrument = -1;
        for (int i = 0; i < n; i++)
        {
            multipliers[i] = instruments.cashMultiplier(i);
            priceScales[i] = instruments.priceScale(i);
            ids[i] = instruments.id(i);
            if (instruments.symbol(i).equals(config.risk().volIndexSymbol()))
            {
                indexInstrument = i;
            }
        }
        this.positions = new PositionKeeper(multipliers);
        final AccountConfig a = config.account();
        this.calendar = new TradingCalendar(a.timezone(), a.sessionOpen(), a.sessionClose(), a.holidays());
        this.account = new Account(Scales.toFixed(a.startOfDayNav(), Scales.CASH_SCALE),
            AccountConfig.TYPE_MARGIN.equals(a.type()), config.risk().maxGrossMarginNav(), calendar, positions);
        final boolean index = indexInstrument >= 0;
        this.volatility = new VolatilityGauge(n, priceScales, indexInstrument,
            index ? config.risk().highVolLevel() : config.risk().proxyHighVol(),
            index ? config.risk().crisisVolLevel() : config.risk().proxyCrisisVol(),
            config.risk().proxyHalfLifeSamples());
        this.orderRisk = new OrderRisk(risk, killSwitch, account, orders, decisions, volatility,
            new OrderContext(multipliers, risk.reference()), ids, config.risk().pdtWindowDays());
        lastMarketDataNs = new long[n];
        coolDownUntilNs = new long[n];
        bid = new long[n];
        ask = new long[n];
        reference = new long[n];
        decisionPrice = new long[n];
        pendingReduction = new long[n];
        flattening = new boolean[n];
        Arrays.fill(lastMarketDataNs, Long.MIN_VALUE);
        Arrays.fill(coolDownUntilNs, Long.MIN_VALUE);
        this.snapshots = new RiskSnapshots(config, account, decisions, instruments);
        this.broker = new BrokerEvents(this, instruments, orders, positions, decisions, killSwitch, risk, orderRisk);
        this.brokerCancel = this::cancelUnknownToEngine;
        this.stateSnapshot = new OrderStateSnapshot(this, lastMarketDataNs, coolDownUntilNs, bid, ask, reference,
            decisionPrice, pendingReduction, flattening);
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
        if (slot.type == RecordType.STATE_RESTORE)
        {
            stateSnapshot.onStateRestore(slot);
            return true;
        }
        eventTimeNs = slot.eventTimeNs;
        decisions.cause(slot.sequence, slot.eventTimeNs, slot.receiveTimeNs);
        final long ordersBefore = decisions.ordersSent();
        final long fillsBefore = orders.fills();
        if (account.onTime(eventTimeNs))
        {
            orderRisk.onSessionStart();
        }
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
                onExecReport(slot);
                break;
            case RecordType.TIMER:
                onTimer();
                break;
            case RecordType.OPERATOR:
                onOperator(OperatorCodec.command(slot.buffer, 0), slot.instrumentId, slot.instrumentIndex);
                break;
            case RecordType.CONNECTIVITY:
                venueUp = ConnectivityCodec.state(slot.buffer, 0) == ConnectivityState.UP;
                killSwitch.onVenue(venueUp, eventTimeNs);
                broker.onBrokerConnectivity();
                break;
            case RecordType.ACCOUNT_VALUE:
                onAccountValue(slot);
                break;
            case RecordType.POSITION:
            case RecordType.OPEN_ORDER:
            case RecordType.EXECUTION:
                broker.onBrokerRecord(slot);
                break;
            case RecordType.ORDER_SENT:
                orders.store().markSent(OrderSentCodec.clOrdId(slot.buffer, 0));
                break;
            default:
                break;
        }
        driveReductions();
        snapshots.onEvent(eventTimeNs, orders.fills() != fillsBefore);
        slot.ordersSent = (int)(decisions.ordersSent() - ordersBefore);
        return true;
    }

    private void onMarketData(final EventSlot slot)
    {
        final int index = slot.instrumentIndex;
        if (slot.type == RecordType.QUOTE || slot.type == RecordType.BAR)
        {
            final long mid = (slot.bidPrice + slot.askPrice) >> 1;
            positions.mark(index, mid);
            volatility.onMid(index, mid, eventTimeNs);
        }
        bid[index] = slot.bidPrice;
        ask[index] = slot.askPrice;
        reference[index] = slot.lastTradePrice > 0 ? slot.lastTradePrice : (slot.bidPrice + slot.askPrice) >> 1;
        lastMarketDataNs[index] = eventTimeNs;
        if (killSwitch.staleTripped()
            && killSwitch.onMarketDataAge(oldestMarketDataNs(), eventTimeNs, calendar.inSession(eventTimeNs)))
        {
            orderRisk.emitStateChange();
        }
        final boolean lossHalt = orderRisk.checkAccount();
        // the level once per event (the regime is CRISIS exactly when the level reaches the crisis level)
        final double volatilityLevel = volatility.level();
        final double crisisLevel = volatility.crisisLevel();
        final boolean crisis = volatilityLevel >= crisisLevel;
        final boolean volatilityTrip = killSwitch.onVolatility(crisis, volatilityLevel, crisisLevel);
        if (volatilityTrip && killSwitch.lastTripChangedState())
        {
            orderRisk.emitStateChange();
        }
        if (killSwitch.onVolatilityCalm(crisis, volatilityLevel, crisisLevel))
        {
            orderRisk.emitStateChange();
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
        if (volatilityTrip)
        {
            reduceAll(volSpikeReduce);
        }
        expireWorkingOrder(index);
        if (flattening[index])
        {
            rebalance(slot, index, 0, true);
        }
        else if (slot.hasTarget)
        {
            rebalance(slot, index, slot.targetPosition, false);
        }
    }

    private void rebalance(final EventSlot slot, final int index, final long target, final boolean operatorFlatten)
    {
        final long now = eventTimeNs;
        if (orders.hasWorkingOrder(index) || now < coolDownUntilNs[index] || slot.bidPrice == 0
            || pendingReduction[index] != 0)
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
        final long price = (side == Side.BUY) == crossSpread ? slot.askPrice : slot.bidPrice;
        final long clOrdId = orders.nextId();
        final RejectReason reason = orderRisk.check(
            index, clOrdId, side, qty, price, qty, this, venueUp, now, operatorFlatten);
        if (reason != RejectReason.NONE)
        {
            coolDownUntilNs[index] = now + orderTimeoutNs;
            final boolean throttled = reason == RejectReason.RISK_THROTTLE_MESSAGE_RATE
                || reason == RejectReason.RISK_THROTTLE_ORDER_TO_TRADE;
            if (throttled && killSwitch.onThrottled(risk.throttledInSession()))
            {
                orderRisk.emitStateChange();
                cancelAll();
            }
            return;
        }
        sendNew(index, clOrdId, side, price, qty);
    }

    private void sendNew(final int index, final long clOrdId, final byte side, final long price, final long qty)
    {
        orders.open(clOrdId, index, side, price, qty, eventTimeNs);
        // the decision price: the reference the order was checked against (last trade, or mid before any trade)
        decisionPrice[index] = reference[index];
        risk.onMessage(eventTimeNs);
        decisions.orderCommand(instruments.id(index), clOrdId, OrderCommandType.NEW, side, OrderType.LIMIT, price,
            qty, 0);
    }

    private void onExecReport(final EventSlot slot)
    {
        if (!orders.onExecReport(slot.buffer, 0, positions))
        {
            return;
        }
        if (orders.lastFillLate())
        {
            broker.journalLateFill(slot);
        }
        final int index = orders.lastFillIndex();
        orderRisk.onFill(index, orders.lastFillSignedQty());
        if (killSwitch.onFill(index, orders.lastFillSide(), orders.lastFillPrice(), decisionPrice[index]))
        {
            orderRisk.emitStateChange();
            cancelInstrument(index);
        }
        if (orderRisk.checkPosition(index, maxPositionLots, maxPositionNav))
        {
            cancelInstrument(index);
        }
        if (orderRisk.checkAccount())
        {
            cancelAll();
        }
    }

    private void expireWorkingOrder(final int index)
    {
        final int slot = orders.expire(index, eventTimeNs, orderTimeoutNs);
        if (slot >= 0)
        {
            sendCancel(slot);
        }
    }

    private void sendCancel(final int slot)
    {
        final OrderStore store = orders.store();
        risk.onMessage(eventTimeNs);
        decisions.orderCommand(
            instruments.id(store.instrument(slot)), orders.nextId(), OrderCommandType.CANCEL, store.side(slot),
            OrderType.LIMIT, store.price(slot), store.leaves(slot), store.clOrdId(slot));
    }

    private void cancelInstrument(final int index)
    {
        final int slot = orders.expire(index, Long.MAX_VALUE, 0);
        if (slot >= 0)
        {
            sendCancel(slot);
        }
    }

    private void onTimer()
    {
        if (killSwitch.onMarketDataAge(oldestMarketDataNs(), eventTimeNs, calendar.inSession(eventTimeNs)))
        {
            orderRisk.emitStateChange();
        }
        if (killSwitch.onVenueTime(eventTimeNs))
        {
            orderRisk.emitStateChange();
            cancelAll();
        }
        for (int i = 0; i < instruments.count(); i++)
        {
            if (orderRisk.checkPosition(i, maxPositionLots, maxPositionNav))
            {
                cancelInstrument(i);
            }
        }
        for (int i = 0; i < instruments.count(); i++)
        {
            expireWorkingOrder(i);
        }
    }

    private void onOperator(final byte command, final int instrumentId, final int index)
    {
        if (instrumentId != 0 && index < 0)
        {
            // scoped to an instrument this engine does not trade: nothing to do
            return;
        }
        switch (command)
        {
            case OperatorCommand.HALT:
                if (instrumentId != 0)
                {
                    haltInstrument(instrumentId, index);
                }
                else if (killSwitch.halt())
                {
                    orderRisk.emitStateChange();
                }
                break;
            case OperatorCommand.RESUME:
                if (instrumentId != 0)
                {
                    resumeInstrument(index);
                    break;
                }
                if (killSwitch.venueDown() && killSwitch.refuseResume(eventTimeNs))
                {
                    orderRisk.emitStateChange();
                    break;
                }
                Arrays.fill(pendingReduction, 0);
                Arrays.fill(flattening, false);
                // issue 9: an accepted resume adopts the broker's side of the last reconciliation's differences
                broker.reconciler().adoptOrders(orders, decisions, brokerCancel, eventTimeNs);
                broker.reconciler().adoptPositions(positions, decisions);
                if (killSwitch.resume())
                {
                    orderRisk.emitStateChange();
                }
                break;
            case OperatorCommand.CANCEL_ALL:
                cancelScope(instrumentId, index);
                break;
            case OperatorCommand.FLATTEN:
                if (instrumentId == 0)
                {
                    if (killSwitch.flatten())
                    {
                        orderRisk.emitStateChange();
                    }
                    cancelAll();
                }
                else
                {
                    // one instrument: cancel its order, then close its position through reducing orders (checked as
                    // the kill switch's own) while the strategy's targets for it are ignored, until RESUME
                    cancelScope(instrumentId, index);
                    flattening[index] = true;
                }
                break;
            default:
                break;
        }
    }

    /** Cancels every working order (instrument id 0) or the named instrument's one. */
    /** An accepted resume cancels each order the broker holds and the engine does not know (issue 9). */
    private void cancelUnknownToEngine(final int instrumentId, final long clOrdId)
    {
        risk.onMessage(eventTimeNs);
        decisions.orderCommand(instrumentId, orders.nextId(), OrderCommandType.CANCEL, Side.NONE, OrderType.LIMIT, 0,
            0, clOrdId);
    }

    private void cancelScope(final int instrumentId, final int index)
    {
        if (instrumentId == 0)
        {
            cancelAll();
            return;
        }
        final int slot = orders.cancel(index);
        if (slot >= 0)
        {
            final OrderStore store = orders.store();
            risk.onMessage(eventTimeNs);
            decisions.orderCommand(
                instrumentId, orders.nextId(), OrderCommandType.CANCEL, store.side(slot), OrderType.LIMIT,
                store.price(slot), store.leaves(slot), store.clOrdId(slot));
        }
    }

    void cancelAll()
    {
        if (orders.cancelAll())
        {
            risk.onMessage(eventTimeNs);
            decisions.orderCommand(0, orders.nextId(), OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
        }
    }

    /**
     * Marks every position to be sold down by a share (the volatility trigger): the caller's cancels go first, the
     * reducing orders once each instrument has no working order.
     */
    private void reduceAll(final double share)
    {
        cancelAll();
        for (int i = 0; i < instruments.count(); i++)
        {
            final long position = positions.position(i);
            pendingReduction[i] = -Long.signum(position) * Math.round(Math.abs(position) * share);
        }
    }

    /**
     * Sends the kill switch's own orders: while FLATTENING a closing order per open position, otherwise any pending
     * reduction; each at the far touch, once the instrument has no working order and a book. Then checks for flat.
     */
    private void driveReductions()
    {
        final boolean flattening = killSwitch.state() == TradingState.FLATTENING;
        for (int i = 0; i < instruments.count(); i++)
        {
            final long qty = flattening ? -positions.position(i) : pendingReduction[i];
            if (qty == 0 || orders.hasWorkingOrder(i) || bid[i] == 0 || ask[i] == 0)
            {
                continue;
            }
            final byte side = qty > 0 ? Side.BUY : Side.SELL;
            final long price = side == Side.BUY ? ask[i] : bid[i];
            final long clOrdId = orders.nextId();
            orderRisk.check(i, clOrdId, side, Math.abs(qty), price, Math.abs(qty), this, venueUp, eventTimeNs, true);
            sendNew(i, clOrdId, side, price, Math.abs(qty));
            pendingReduction[i] = 0;
        }
        if (flattening)
        {
            long grossLots = 0;
            for (int i = 0; i < instruments.count(); i++)
            {
                grossLots += Math.abs(positions.position(i));
            }
            if (killSwitch.onFlatCheck(orders.anyWorking(), grossLots))
            {
                orderRisk.emitStateChange();
            }
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

    @Override
    public long bid(final int index)
    {
        return bid[index];
    }

    @Override
    public long ask(final int index)
    {
        return ask[index];
    }

    @Override
    public long reference(final int index)
    {
        return reference[index];
    }

    @Override
    public long lastDataNs(final int index)
    {
        return lastMarketDataNs[index];
    }

    public PositionKeeper positions()
    {
        return positions;
    }

    public Account account()
    {
        return account;
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

    public VolatilityGauge volatility()
    {
        return volatility;
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
     * Whether an operator FLATTEN is reducing the instrument's position (until RESUME).
     *
     * @param index dense instrument index.
     * @return true while flattening.
     */
    public boolean flattening(final int index)
    {
        return flattening[index];
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

    /** Operator HALT naming one instrument: that instrument HALTED (journaled), its working order cancelled. */
    private void haltInstrument(final int instrumentId, final int index)
    {
        if (killSwitch.haltInstrument(index))
        {
            orderRisk.emitStateChange();
        }
        cancelScope(instrumentId, index);
    }

    /** Operator RESUME naming one instrument: it returns to ACTIVE, and a flatten or reduction pending on it ends. */
    private void resumeInstrument(final int index)
    {
        pendingReduction[index] = 0;
        flattening[index] = false;
        if (killSwitch.resumeInstrument(index))
        {
            orderRisk.emitStateChange();
        }
    }

    private void onAccountValue(final EventSlot slot)
    {
        if (AccountValueCodec.kind(slot.buffer, 0) == AccountValueCodec.KIND_VALUE)
        {
            account.onBrokerValue(AccountValueCodec.tag(slot.buffer, 0), AccountValueCodec.value(slot.buffer, 0));
        }
    }

    /**
     * The reference data the order context reads (the same instance as {@link PreTradeRisk#reference()}).
     *
     * @return the reference data.
     */
    public RiskReference contextReference()
    {
        return orderRisk.contextReference();
    }

    /**
     * The real-time risk monitor (RISK_SNAPSHOT records).
     *
     * @return the monitor.
     */
    public RiskSnapshots riskSnapshots()
    {
        return snapshots;
    }

    private final RiskSnapshots snapshots;

    /**
     * The broker reconciler (issue 9).
     *
     * @return the reconciler.
     */
    public BrokerReconciler reconciler()
    {
        return broker.reconciler();
    }

    /**
     * The live broker checks: commissions charged and duplicate order references seen (issue 9).
     *
     * @return the checks.
     */
    public BrokerLiveChecks brokerLive()
    {
        return broker.brokerLive();
    }

    /** Engine-state snapshot format ({@link io.meridian.engine.state.StateRestore}); another is refused. */
    public static final long STATE_FORMAT = StateRestore.STATE_FORMAT;
    private final OrderStateSnapshot stateSnapshot;

    /**
     * Writes the state a restart restores from a snapshot instead of replaying the whole journal (issue 9); what it
     * covers is listed in {@link OrderStateSnapshot}.
     *
     * @param out receives the values.
     */
    @Override
    public void saveState(final LongArrayList out)
    {
        stateSnapshot.save(out);
    }

    /**
     * Replaces the state {@link #saveState} covers with a snapshot's.
     *
     * @param in the values.
     * @param at where the order stage's values start.
     * @return the position after them.
     * @throws IllegalArgumentException when they do not fit this engine (instrument count, array lengths).
     */
    @Override
    public int loadState(final long[] in, final int at)
    {
        return stateSnapshot.load(in, at);
    }

    /**
     * Snapshots restored from STATE_RESTORE records.
     *
     * @return the count.
     */
    public long restores()
    {
        return stateSnapshot.restores();
    }

    boolean venueUp()
    {
        return venueUp;
    }

    long eventTimeNs()
    {
        return eventTimeNs;
    }

    /** A snapshot's venue state and event time ({@link OrderStateSnapshot#load}). */
    void restoreVenueAndTime(final boolean venueUp, final long eventTimeNs)
    {
        this.venueUp = venueUp;
        this.eventTimeNs = eventTimeNs;
    }

    OrderRisk orderRisk()
    {
        return orderRisk;
    }
}
