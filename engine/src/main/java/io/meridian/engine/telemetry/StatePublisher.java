package io.meridian.engine.telemetry;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.order.RiskSnapshots;
import io.meridian.engine.order.OrderStore;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.engine.order.WorkingOrders;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import io.meridian.engine.risk.RiskMonitor;
import io.meridian.engine.stage.EventSlot;

/**
 * The pipeline side of {@link EngineState}: called by the thread that runs the order stage after every event's
 * stages ({@link #onEvent}), it counts the event and keeps what only the slot knows (the last prices, kill-switch
 * trips), and publishes the whole state when the event was not market data (an execution report, timer, operator
 * command or connectivity change changes positions, orders or the trading state: readers see it at once), when a
 * reader asked for it, or after {@link #PUBLISH_EVERY} market-data events; {@link #publish()} publishes on demand (the
 * pipeline thread calls it once more when it stops). Never blocks, never allocates; a publication is a few dozen
 * plain stores between two ordered ones. Owned by one thread.
 */
public final class StatePublisher
{
    /** Market-data events between two publications when nothing else asks for one. */
    public static final int PUBLISH_EVERY = 256;

    private final EngineState state;
    private final OrderManager orders;
    private final PositionKeeper positions;
    private final WorkingOrders working;
    private final KillSwitch killSwitch;
    private final PreTradeRisk risk;
    private final RejectReason[] reasons = RejectReason.values();
    private final long[] eventsByType = new long[EngineState.RECORD_TYPES];
    private final long[] bid;
    private final long[] ask;
    private final long[] lastTrade;
    private final long[] instrumentEvents;
    private long events;
    private long lastSequence = -1;
    private long lastEventTimeNs;
    private int sincePublication;

    /**
     * A publisher of one engine's state.
     *
     * @param state the block to publish into, sized for the engine's instruments.
     * @param orders the engine's order stage (positions, working orders, risk, kill switch, decision counters).
     * @throws IllegalArgumentException when the block is sized for another number of instruments.
     */
    public StatePublisher(final EngineState state, final OrderManager orders)
    {
        final int n = orders.positions().instruments();
        if (state.instruments() != n)
        {
            throw new IllegalArgumentException("engine state has room for " + state.instruments()
                + " instruments, the engine trades " + n);
        }
        this.state = state;
        this.orders = orders;
        this.positions = orders.positions();
        this.working = orders.workingOrders();
        this.killSwitch = orders.killSwitch();
        this.risk = orders.risk();
        bid = new long[n];
        ask = new long[n];
        lastTrade = new long[n];
        instrumentEvents = new long[n];
    }

    /**
     * Accounts for one event whose stages just ran, and publishes when due.
     *
     * @param slot the event.
     */
    public void onEvent(final EventSlot slot)
    {
        final byte type = slot.type;
        events++;
        eventsByType[type & (EngineState.RECORD_TYPES - 1)]++;
        lastSequence = slot.sequence;
        lastEventTimeNs = slot.eventTimeNs;
        final boolean marketData = type == RecordType.QUOTE || type == RecordType.TRADE;
        if (marketData && slot.marketDataAccepted)
        {
            final int index = slot.instrumentIndex;
            instrumentEvents[index]++;
            bid[index] = slot.bidPrice;
            ask[index] = slot.askPrice;
            lastTrade[index] = slot.lastTradePrice;
        }
        countOrders(slot.eventTimeNs);
        if (!marketData || ++sincePublication >= PUBLISH_EVERY || state.publicationRequested())
        {
            publish();
        }
    }

    /**
     * Publishes the whole state now.
     */
    public void publish()
    {
        sincePublication = 0;
        final EngineState s = state;
        s.beginWrite();
        s.put(EngineState.EVENTS, events);
        s.put(EngineState.LAST_SEQUENCE, lastSequence);
        s.put(EngineState.LAST_EVENT_TIME, lastEventTimeNs);
        s.put(EngineState.TRADING_STATE, killSwitch.state());
        s.put(EngineState.PREVIOUS_STATE, killSwitch.previousState());
        s.put(EngineState.LAST_REASON, killSwitch.lastReason().code());
        s.put(EngineState.KILL_SWITCH_TRIPS, killSwitch.trips());
        s.put(EngineState.SIGNALS, orders.signals());
        s.put(EngineState.ORDERS, orders.ordersSent());
        s.put(EngineState.CANCELS, orders.cancelsSent());
        s.put(EngineState.MASS_CANCELS, orders.massCancels());
        s.put(EngineState.STATE_CHANGES, orders.stateChanges());
        s.put(EngineState.FILLS, orders.fills());
        s.put(EngineState.FILLED_QTY, orders.filledQty());
        s.put(EngineState.VENUE_REJECTS, orders.venueRejects());
        s.put(EngineState.UNKNOWN_REPORTS, orders.unknownReports());
        s.put(EngineState.RISK_ACCEPTED, risk.acceptedCount());
        s.put(EngineState.OUTPUTS, orders.outputSequence());
        long realized = 0;
        long unrealized = 0;
        for (int i = 0; i < eventsByType.length; i++)
        {
            s.put(EngineState.EVENTS_BY_TYPE + i, eventsByType[i]);
        }
        for (final RejectReason reason : reasons)
        {
            s.put(EngineState.REJECTS_BY_REASON + reason.code(), risk.rejectCount(reason));
        }
        final OrderStore store = working.store();
        for (int i = 0; i < bid.length; i++)
        {
            final int base = EngineState.INSTRUMENTS + i * EngineState.INSTRUMENT_SLOTS;
            final long instrumentRealized = positions.realized(i);
            final long instrumentUnrealized = positions.unrealized(i);
            realized += instrumentRealized;
            unrealized += instrumentUnrealized;
            s.put(base + EngineState.I_POSITION, positions.position(i));
            s.put(base + EngineState.I_REALIZED, instrumentRealized);
            s.put(base + EngineState.I_UNREALIZED, instrumentUnrealized);
            s.put(base + EngineState.I_BID, bid[i]);
            s.put(base + EngineState.I_ASK, ask[i]);
            s.put(base + EngineState.I_LAST_TRADE, lastTrade[i]);
            s.put(base + EngineState.I_FLATTENING, orders.flattening(i) ? 1 : 0);
            s.put(base + EngineState.I_EVENTS, instrumentEvents[i]);
            final long id = working.workingClOrdId(i);
            final int slot = id == 0 ? -1 : store.slotOf(id);
            s.put(base + EngineState.I_WORKING_ID, slot >= 0 ? id : 0);
            s.put(base + EngineState.I_WORKING_SIDE, slot >= 0 ? store.side(slot) : 0);
            s.put(base + EngineState.I_WORKING_PRICE, slot >= 0 ? store.price(slot) : 0);
            s.put(base + EngineState.I_WORKING_LEAVES, slot >= 0 ? store.leaves(slot) : 0);
            s.put(base + EngineState.I_STATE, killSwitch.instrumentState(i));
            s.put(base + EngineState.I_LAST_MARKET_DATA_NS, orders.lastDataNs(i));
        }
        s.put(EngineState.REALIZED, realized);
        s.put(EngineState.UNREALIZED, unrealized);
        s.put(EngineState.IN_SESSION, orders.account().calendar().inSession(lastEventTimeNs) ? 1 : 0);
        s.put(EngineState.ORDERS_LAST_SECOND, ordersLastSecond());
        publishRiskMonitor(s);
        s.endWrite();
    }

    /** Most orders the rolling one-second count sees; more in one second read as this many. */
    static final int ORDER_TIMES = 4096;
    private static final long ONE_SECOND_NS = 1_000_000_000L;
    private final long[] orderTimesNs = new long[ORDER_TIMES];
    private int orderCursor;
    private long ordersSeen;

    /** Notes the event time of every order the event sent (a ring of the last {@link #ORDER_TIMES}). */
    private void countOrders(final long eventTimeNs)
    {
        final long sent = orders.ordersSent();
        for (long n = ordersSeen; n < sent; n++)
        {
            orderTimesNs[orderCursor] = eventTimeNs;
            orderCursor = orderCursor + 1 == ORDER_TIMES ? 0 : orderCursor + 1;
        }
        ordersSeen = sent;
    }

    /** Orders sent within one second (event time) before the last event: newest first, up to the first older one. */
    private long ordersLastSecond()
    {
        final long noted = Math.min(ordersSeen, ORDER_TIMES);
        long count = 0;
        int at = orderCursor;
        for (long n = 0; n < noted; n++)
        {
            at = at == 0 ? ORDER_TIMES - 1 : at - 1;
            if (lastEventTimeNs - orderTimesNs[at] >= ONE_SECOND_NS)
            {
                break;
            }
            count++;
        }
        return count;
    }

    /** The risk monitor's last snapshot, doubles as raw bits (slots 30-47). */
    private void publishRiskMonitor(final EngineState s)
    {
        final RiskSnapshots snapshots = orders.riskSnapshots();
        final RiskSnapshots m = snapshots;
        s.put(EngineState.RISK_SNAPSHOTS, snapshots.snapshots());
        putDouble(s, EngineState.RISK_NAV, snapshots.nav());
        putDouble(s, EngineState.RISK_GROSS, snapshots.gross());
        putDouble(s, EngineState.RISK_NET, snapshots.net());
        putDouble(s, EngineState.RISK_LEVERAGE, snapshots.leverage());
        putDouble(s, EngineState.RISK_DRAWDOWN, snapshots.drawdown());
        putDouble(s, EngineState.RISK_MONTH_PNL, snapshots.monthPnl());
        putDouble(s, EngineState.RISK_HIST_VAR95, m.histVar95());
        putDouble(s, EngineState.RISK_HIST_CVAR95, m.histCvar95());
        putDouble(s, EngineState.RISK_HIST_VAR99, m.histVar99());
        putDouble(s, EngineState.RISK_HIST_CVAR99, m.histCvar99());
        putDouble(s, EngineState.RISK_PARAM_VAR95, m.paramVar95());
        putDouble(s, EngineState.RISK_PARAM_CVAR95, m.paramCvar95());
        putDouble(s, EngineState.RISK_PARAM_VAR99, m.paramVar99());
        putDouble(s, EngineState.RISK_PARAM_CVAR99, m.paramCvar99());
        putDouble(s, EngineState.RISK_MAX_USAGE, snapshots.maxUsage());
        s.put(EngineState.RISK_MAX_USAGE_CODE, snapshots.maxUsageCode());
        s.put(EngineState.RISK_RETURNS, m.returns());
        publishRiskConcentration(s);
    }

    private static void putDouble(final EngineState s, final int slot, final double value)
    {
        s.put(slot, Double.doubleToRawLongBits(value));
    }

    /** The risk monitor's concentration and per-instrument figures (global slots 48-50, instrument slots 16-21). */
    private void publishRiskConcentration(final EngineState s)
    {
        final RiskSnapshots m = orders.riskSnapshots();
        s.put(EngineState.RISK_FILL_SNAPSHOTS, m.fillSnapshots());
        putDouble(s, EngineState.RISK_LARGEST_SHARE, m.largestShare());
        putDouble(s, EngineState.RISK_HERFINDAHL, m.herfindahl());
        for (int i = 0; i < s.instruments(); i++)
        {
            final int base = EngineState.INSTRUMENTS + i * EngineState.INSTRUMENT_SLOTS;
            final RiskMonitor own = m.instrumentMonitor(i);
            putDouble(s, base + EngineState.I_RISK_GROSS, m.instrumentGross(i));
            putDouble(s, base + EngineState.I_RISK_NET, m.instrumentNet(i));
            putDouble(s, base + EngineState.I_RISK_SHARE, m.instrumentShare(i));
            putDouble(s, base + EngineState.I_RISK_HIST_VAR95, own.histVar95());
            putDouble(s, base + EngineState.I_RISK_HIST_VAR99, own.histVar99());
            putDouble(s, base + EngineState.I_RISK_HIST_CVAR95, own.histCvar95());
        }
    }
}
