package io.meridian.gateway.sim;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.cost.CostModel;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A deterministic simulated venue: it matches our orders against the top of book it learns from market data, with a
 * fixed one-way latency, and emits EXEC_REPORT records through an {@link ExecReportSink}.
 *
 * <h2>Clock and the driver contract</h2>
 * The venue has no clock of its own: it is a discrete-event component whose time is the event time of whatever it
 * is given. A backtest driver merges the market-data stream and the venue's pending events by time:
 * <pre>
 *   loop:
 *     tm = market.peekTimeNs()   (Long.MAX_VALUE when the data is exhausted)
 *     tv = venue.nextEventTimeNs()
 *     if tv &lt;= tm: venue.poll(tv)                       reports go to the sink, i.e. into the engine
 *     else:        write the market event at tm;
 *                  venue.onMarketData(event)            the venue sees it first ...
 *                  engine.onEvent(event)                 ... then the engine, whose order commands go to
 *                                                        venue.onOrderCommand(cmd, tm)
 * </pre>
 * With this loop the venue's events at time {@code t} are delivered before market events at the same {@code t}.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Latency.</b> {@link #onOrderCommand} only queues the command; it <em>arrives</em> at the venue at
 *       {@code nowNs + latencyNs} and is processed then, inside {@link #poll}, against the top of book the venue
 *       knows at that moment (all market data with event time up to the arrival time that the driver has
 *       delivered). Every report the command causes carries {@code eventTimeNs = nowNs + latencyNs}. There is no
 *       extra latency on the way back: a report is emitted when the clock reaches its event time.</li>
 *   <li><b>NEW.</b> Rejected ({@link ExecType#REJECTED}, {@link RejectReason#VENUE_REJECT}) when the venue has no
 *       quote for the instrument yet, the side is unknown, the quantity is not positive, a limit
 *       price is not positive, the command names another venue (a {@code venueId} other than 0 or this venue's),
 *       the clOrdId is already working, or {@code maxOrders} orders are working. An order type other than MARKET
 *       and LIMIT (STOP, STOP_LIMIT: this venue keeps no stop book) or a time in force other than DAY, IOC and GTC
 *       is rejected with {@link RejectReason#VENUE_UNSUPPORTED_ORDER}; GTC behaves as DAY (a backtest has no
 *       session end that would cancel DAY orders). Otherwise {@link ExecType#ACK}
 *       (with a new venue order id), then, if marketable (MARKET; LIMIT buy at or above the ask; LIMIT sell at or
 *       below the bid) a fill at the touch price for {@code min(qty, displayed size)}: {@link ExecType#FILL} when
 *       complete, else {@link ExecType#PARTIAL_FILL}. The displayed size the fill took is removed from the venue's
 *       book until the next quote. A remainder of a MARKET order or of an IOC order ({@code timeInForce == 1}) is
 *       then {@link ExecType#CANCELLED}; a LIMIT DAY remainder rests.</li>
 *   <li><b>Resting limits.</b> When a QUOTE crosses a resting limit (ask at or below a buy's price, bid at or above a
 *       sell's price), the order fills at its own limit price for up to the displayed size of the other side. A
 *       TRADE that prints strictly through a resting limit's price (below a buy, above a sell) fills it at its limit
 *       price for up to the traded quantity. Several of our orders share the displayed or traded size in
 *       price-time priority (best price first, then earliest venue order id). These reports carry the market
 *       event's time ({@code +0}: the venue and the market are co-located) and are queued: the next
 *       {@link #poll} emits them. Our own orders never trade with each other.</li>
 *   <li><b>Bars: fills at the next bar's open</b> (by default; {@link Params#barFill()} chooses the bar's open,
 *       close or typical price (high + low + close) / 3, and {@link Params#barSlippageBps()} widens the quote by
 *       that many basis points of the price, rounded up to a tick, on each side; "open" below means the chosen
 *       price). A BAR sets the instrument's book to a quote one tick either side
 *       of the bar's <em>open</em>, both sides sized at the bar's volume (at least one lot), and fills resting limits
 *       that quote crosses (as a QUOTE does). Every command for that instrument that arrives after a bar is held
 *       (in arrival order) until the instrument's next bar, and is then matched against that bar's open quote: a
 *       marketable order fills at the open plus or minus one tick (the spread the model charges), a limit that is
 *       not marketable rests and fills only when a later bar's open crosses it. No intrabar path is assumed, so an
 *       order decided on a bar's close never trades at a price of that bar. A QUOTE for the instrument ends bar
 *       mode. A MASS_CANCEL is never held: it acts on arrival and also withdraws the held commands in its scope (a
 *       held NEW is reported {@link ExecType#CANCELLED} with {@code venueOrderId = 0}, {@code leavesQty = 0} and
 *       {@code cumQty = 0}, after the working orders' reports, in arrival order; a held CANCEL is dropped: its order
 *       is cancelled by the mass cancel itself).</li>
 *   <li><b>CANCEL</b> of a working order ({@code origClOrdId}): {@link ExecType#CANCELLED} with {@code clOrdId} =
 *       the original order's clOrdId, {@code leavesQty = 0} and its {@code cumQty}. Unknown or no longer working:
 *       {@link ExecType#REJECTED} with {@link RejectReason#VENUE_UNKNOWN_ORDER} and {@code clOrdId} =
 *       {@code origClOrdId}, {@code venueOrderId = 0}.</li>
 *   <li><b>MASS_CANCEL</b>: {@link ExecType#CANCELLED} for every working order of the header's instrument (0 = all
 *       instruments), in clOrdId order; nothing when none is working.</li>
 *   <li>An unknown command code is rejected with {@link RejectReason#VENUE_REJECT} for the command's clOrdId.</li>
 *   <li><b>Reports.</b> Full EXEC_REPORT records: {@code sequence = 0}, {@code receiveTimeNs = 0},
 *       {@code sourceId = }{@link #SOURCE_ID}, {@code sourceSequence} counts emitted reports from 1 in emission
 *       order, {@code instrumentId} of the order. {@code lastPrice}/{@code lastQty} are set on fills only;
 *       {@code leavesQty}/{@code cumQty} always describe the order after the report.</li>
 *   <li><b>Order.</b> {@link #poll} handles pending events in due-time order, ties in creation order (commands in
 *       the order they were given); a command's reports are emitted as soon as it is processed.</li>
 * </ul>
 *
 * <p>The output is a pure function of the sequence of calls and their arguments. After construction, steady-state
 * operation allocates nothing (pooled orders, pre-sized arrays, one book per instrument created on its first market
 * event), as long as no more than {@code 4 * maxOrders + 64} events are pending at once (beyond that the pending
 * arrays grow).
 *
 * <p>Not thread-safe: owned by the thread that drives the backtest. The sink may call {@link #onOrderCommand}
 * re-entrantly (a single-threaded engine reacting to a report); such a command is queued like any other. The pending
 * events live in a {@link VenueEventQueue}; {@link VenueReports} encodes and emits the reports.
 *
 * <p>Over 500 lines: the contract stated above sits beside the matching code that implements it.
 */
public final class SimulatedVenue implements SimulatedVenuePort
{
    /** The {@code sourceId} written in every report header: the simulated venue. */
    public static final int SOURCE_ID = 2;

    /** Time-in-force code for immediate-or-cancel. */
    public static final byte TIF_IOC = 1;

    /** Bar fill model: the next bar's open (the default). */
    public static final int BAR_FILL_OPEN = 0;
    /** Bar fill model: the next bar's close. */
    public static final int BAR_FILL_CLOSE = 1;
    /** Bar fill model: the next bar's typical price, (high + low + close) / 3 rounded to the nearest tick. */
    public static final int BAR_FILL_TYPICAL = 2;

    private final long latencyNs;
    private final int barFill;
    private final double barSlippageBps;
    private final int venueId;
    private final int maxOrders;
    private final VenueReports reports;
    private final CostModel costModel;

    private final Int2ObjectHashMap<VenueBook> books = new Int2ObjectHashMap<>();

    private final VenueOrder[] orderPool;
    private int orderPoolSize;
    private final VenueOrder[] working;
    private int workingCount;

    private final VenueEventQueue pending;
    private final BarHold barHold;

    private long nextVenueOrderId;

    /**
     * Venue parameters.
     *
     * @param latencyNs one-way latency from our order command to its processing at the venue, {@code >= 0}.
     * @param venueId this venue's id; commands addressed to another non-zero venue id are rejected. {@code >= 0}.
     * @param maxOrders most orders working at once, in {@code [1, 1_000_000]}; a NEW beyond it is rejected.
     * @param barFill on bars, the price of the next bar orders fill against: {@link #BAR_FILL_OPEN},
     *                {@link #BAR_FILL_CLOSE} or {@link #BAR_FILL_TYPICAL}.
     * @param barSlippageBps on bars, slippage beyond the one-tick half spread, basis points of that price, in
     *                       {@code [0, 1000]}.
     */
    public record Params(long latencyNs, int venueId, int maxOrders, int barFill, double barSlippageBps)
    {
        /**
         * Parameters with the default bar fill model: the next bar's open, no extra slippage.
         *
         * @param latencyNs one-way latency.
         * @param venueId this venue's id.
         * @param maxOrders most orders working at once.
         */
        public Params(final long latencyNs, final int venueId, final int maxOrders)
        {
            this(latencyNs, venueId, maxOrders, BAR_FILL_OPEN, 0.0);
        }

        /**
         * Validates the parameters.
         *
         * @throws IllegalArgumentException naming the bad field.
         */
        public Params
        {
            if (latencyNs < 0 || latencyNs > 3_600_000_000_000L)
            {
                throw new IllegalArgumentException(
                    "SimulatedVenue.Params.latencyNs=" + latencyNs + " must be in [0, 3.6e12] (one hour)");
            }
            if (venueId < 0)
            {
                throw new IllegalArgumentException("SimulatedVenue.Params.venueId=" + venueId + " must be >= 0");
            }
            if (maxOrders < 1 || maxOrders > 1_000_000)
            {
                throw new IllegalArgumentException(
                    "SimulatedVenue.Params.maxOrders=" + maxOrders + " must be in [1, 1000000]");
            }
            if (barFill < BAR_FILL_OPEN || barFill > BAR_FILL_TYPICAL)
            {
                throw new IllegalArgumentException("SimulatedVenue.Params.barFill=" + barFill + " must be "
                    + BAR_FILL_OPEN + " (open), " + BAR_FILL_CLOSE + " (close) or " + BAR_FILL_TYPICAL + " (typical)");
            }
            if (!(barSlippageBps >= 0.0 && barSlippageBps <= 1_000.0))
            {
                throw new IllegalArgumentException(
                    "SimulatedVenue.Params.barSlippageBps=" + barSlippageBps + " must be in [0, 1000]");
            }
        }
    }

    /**
     * Creates a venue with no market data and no orders.
     *
     * @param params the parameters.
     * @param sink where reports go.
     */
    public SimulatedVenue(final Params params, final ExecReportSink sink)
    {
        this(params, null, sink);
    }

    /**
     * Creates a venue that charges a cost model's costs on every fill (carried in the fill reports' cost fields).
     *
     * @param params the parameters.
     * @param costModel the costs to charge, or {@code null} for none (cost fields stay 0).
     * @param sink where reports go.
     */
    public SimulatedVenue(final Params params, final CostModel costModel, final ExecReportSink sink)
    {
        this.costModel = costModel;
        if (sink == null)
        {
            throw new IllegalArgumentException("SimulatedVenue sink must not be null");
        }
        this.latencyNs = params.latencyNs();
        this.barFill = params.barFill();
        this.barSlippageBps = params.barSlippageBps();
        this.venueId = params.venueId();
        this.maxOrders = params.maxOrders();
        this.reports = new VenueReports(sink);

        orderPool = new VenueOrder[maxOrders];
        for (int i = 0; i < maxOrders; i++)
        {
            orderPool[i] = new VenueOrder();
        }
        orderPoolSize = maxOrders;
        working = new VenueOrder[maxOrders];

        pending = new VenueEventQueue(4 * maxOrders + 64);
        barHold = new BarHold(4 * maxOrders + 64);
    }

    /**
     * Applies one market-data record at its event time {@code t} (a BAR: see the class documentation). First does
     * {@link #poll poll(t)} (so every pending event due at or before {@code t} happens before this record, whatever
     * the caller did), then: a QUOTE replaces the instrument's top of book and fills resting limits it crosses; a
     * TRADE records the last price and fills resting limits it prints through. Fill reports are queued with due time
     * {@code t}. Other record types are ignored.
     *
     * @param buffer buffer holding the record.
     * @param offset where the record starts.
     */
    @Override
    public void onMarketData(final DirectBuffer buffer, final int offset)
    {
        final byte type = Header.type(buffer, offset);
        if (type != RecordType.QUOTE && type != RecordType.TRADE && type != RecordType.BAR)
        {
            return;
        }
        final long timeNs = Header.eventTimeNs(buffer, offset);
        poll(timeNs);

        final int instrumentId = Header.instrumentId(buffer, offset);
        VenueBook book = books.get(instrumentId);
        if (book == null)
        {
            book = new VenueBook();
            books.put(instrumentId, book);
        }

        if (type == RecordType.BAR)
        {
            onBar(book, instrumentId, buffer, offset, timeNs);
        }
        else if (type == RecordType.QUOTE)
        {
            book.bars = false;
            book.quoted = true;
            book.bidPrice = QuoteCodec.bidPrice(buffer, offset);
            book.bidQty = QuoteCodec.bidQty(buffer, offset);
            book.askPrice = QuoteCodec.askPrice(buffer, offset);
            book.askQty = QuoteCodec.askQty(buffer, offset);
            if (costModel != null)
            {
                costModel.onQuote(instrumentId, book.bidPrice, book.askPrice);
            }
            if (workingCount > 0)
            {
                book.askQty = matchResting(book, instrumentId, Side.BUY, book.askPrice, true, book.askQty, timeNs);
                book.bidQty = matchResting(book, instrumentId, Side.SELL, book.bidPrice, true, book.bidQty, timeNs);
            }
        }
        else
        {
            final long price = TradeCodec.price(buffer, offset);
            final long qty = TradeCodec.qty(buffer, offset);
            if (workingCount > 0)
            {
                matchResting(book, instrumentId, Side.BUY, price, false, qty, timeNs);
                matchResting(book, instrumentId, Side.SELL, price, false, qty, timeNs);
            }
        }
    }

    /**
     * A bar (the next-bar-open model): the book becomes a quote one tick either side of the bar's open, both sides
     * sized at its volume (at least one lot); resting limits it crosses fill as on a quote; the commands held since
     * the previous bar are queued, due now, to be matched against this open by the next poll; later commands are
     * held until the next bar.
     */
    private void onBar(final VenueBook book, final int instrumentId, final DirectBuffer buffer, final int offset,
        final long timeNs)
    {
        final long price = barPrice(buffer, offset);
        final long slip = barSlippageBps == 0.0 ? 0 : (long)Math.ceil(price * barSlippageBps / 10_000.0);
        final long size = Math.max(BarCodec.volume(buffer, offset), 1);
        book.bars = true;
        book.quoted = true;
        book.bidPrice = Math.max(price - 1 - slip, 1);
        book.bidQty = size;
        book.askPrice = price + 1 + slip;
        book.askQty = size;
        if (workingCount > 0)
        {
            book.askQty = matchResting(book, instrumentId, Side.BUY, book.askPrice, true, book.askQty, timeNs);
            book.bidQty = matchResting(book, instrumentId, Side.SELL, book.bidPrice, true, book.bidQty, timeNs);
        }
        barHold.release(instrumentId, pending, timeNs);
    }

    /** The bar's price that the configured bar fill model fills against. */
    private long barPrice(final DirectBuffer buffer, final int offset)
    {
        switch (barFill)
        {
            case BAR_FILL_CLOSE:
                return BarCodec.close(buffer, offset);
            case BAR_FILL_TYPICAL:
                // nearest tick: a third rounds down, two thirds up
                return (BarCodec.high(buffer, offset) + BarCodec.low(buffer, offset) + BarCodec.close(buffer, offset)
                    + 1) / 3;
            default:
                return BarCodec.open(buffer, offset);
        }
    }

    /**
     * Whether a due command waits for its instrument's next bar: its book was set by a bar and the command is not
     * one released at that bar's open.
     */
    private boolean holdForNextBar(final int offset)
    {
        final UnsafeBuffer slots = pending.slots();
        final VenueBook book = books.get(Header.instrumentId(slots, offset));
        return book != null && book.bars && (slots.getInt(offset + Header.FLAGS_OFFSET) & BarHold.RELEASED) == 0
            && OrderCommandCodec.command(slots, offset) != OrderCommandType.MASS_CANCEL
            && barHold.hold(slots, offset);
    }

    /**
     * Accepts one of our ORDER_COMMAND records, sent at {@code nowNs}. Nothing happens yet: the command is copied and
     * queued to arrive at {@code nowNs + latencyNs}, when {@link #poll} processes it.
     *
     * @param buffer buffer holding the record.
     * @param offset where the record starts.
     * @param nowNs the time the command leaves the engine.
     * @throws IllegalArgumentException when the record is not an ORDER_COMMAND.
     */
    @Override
    public void onOrderCommand(final DirectBuffer buffer, final int offset, final long nowNs)
    {
        final byte type = Header.type(buffer, offset);
        if (type != RecordType.ORDER_COMMAND)
        {
            throw new IllegalArgumentException("SimulatedVenue.onOrderCommand: record at offset " + offset +
                " has type " + RecordType.name(type) + ", expected ORDER_COMMAND");
        }
        final int slot = pending.add(nowNs + latencyNs);
        pending.slots().putBytes(VenueEventQueue.offset(slot), buffer, offset, OrderCommandCodec.LENGTH);
    }

    /**
     * When the next pending event (a command arriving or a queued report) is due.
     *
     * @return its time in nanoseconds, or {@link Long#MAX_VALUE} when nothing is pending.
     */
    @Override
    public long nextEventTimeNs()
    {
        return pending.nextDueNs();
    }

    /**
     * Advances the venue's clock to {@code upToTimeNs}: processes every pending event due at or before it, in
     * due-time order (ties in creation order). Commands are matched at their due time and their reports emitted at
     * once; queued reports are emitted.
     *
     * @param upToTimeNs the time to advance to.
     * @return how many reports were emitted.
     */
    @Override
    public int poll(final long upToTimeNs)
    {
        int emitted = 0;
        while (pending.nextDueNs() <= upToTimeNs)
        {
            final int slot = pending.takeEarliest();
            final int slotOffset = VenueEventQueue.offset(slot);
            final long dueNs = pending.dueNs(slot);
            if (Header.type(pending.slots(), slotOffset) == RecordType.ORDER_COMMAND)
            {
                if (!holdForNextBar(slotOffset))
                {
                    emitted += processCommand(slotOffset, dueNs);
                }
            }
            else
            {
                reports.emitQueued(pending.slots(), slotOffset, dueNs);
                emitted++;
            }
            pending.free(slot);
        }
        return emitted;
    }

    /**
     * Number of orders working at the venue.
     *
     * @return the count.
     */
    public int workingOrderCount()
    {
        return workingCount;
    }

    /**
     * Number of reports emitted so far (the last {@code sourceSequence} used).
     *
     * @return the count.
     */
    public long reportsEmitted()
    {
        return reports.emitted();
    }

    /**
     * The configured one-way latency.
     *
     * @return nanoseconds.
     */
    public long latencyNs()
    {
        return latencyNs;
    }

    private int processCommand(final int offset, final long nowNs)
    {
        final byte command = OrderCommandCodec.command(pending.slots(), offset);
        switch (command)
        {
            case OrderCommandType.NEW:
                return processNew(offset, nowNs);
            case OrderCommandType.CANCEL:
                return processCancel(offset, nowNs);
            case OrderCommandType.MASS_CANCEL:
                return processMassCancel(Header.instrumentId(pending.slots(), offset), nowNs);
            default:
                final UnsafeBuffer slots = pending.slots();
                reports.emit(nowNs, Header.instrumentId(slots, offset), OrderCommandCodec.clOrdId(slots, offset), 0L,
                    ExecType.REJECTED, OrderCommandCodec.side(slots, offset), RejectReason.VENUE_REJECT.code(),
                    0L, 0L, 0L, 0L);
                return 1;
        }
    }

    private int processNew(final int offset, final long nowNs)
    {
        final int instrumentId = Header.instrumentId(pending.slots(), offset);
        final long clOrdId = OrderCommandCodec.clOrdId(pending.slots(), offset);
        final byte side = OrderCommandCodec.side(pending.slots(), offset);
        final byte orderType = OrderCommandCodec.orderType(pending.slots(), offset);
        final long price = OrderCommandCodec.price(pending.slots(), offset);
        final long qty = OrderCommandCodec.qty(pending.slots(), offset);
        final int targetVenue = OrderCommandCodec.venueId(pending.slots(), offset);
        final VenueBook book = books.get(instrumentId);

        final byte tif = OrderCommandCodec.timeInForce(pending.slots(), offset);
        if ((orderType != OrderType.MARKET && orderType != OrderType.LIMIT)
            || (tif != TimeInForce.DAY && tif != TimeInForce.IOC && tif != TimeInForce.GTC))
        {
            // STOP / STOP_LIMIT (or an unknown code): this venue has no stop book, so it refuses them by name
            // rather than treating them as market or limit orders
            reports.emit(nowNs, instrumentId, clOrdId, 0L, ExecType.REJECTED, side,
                RejectReason.VENUE_UNSUPPORTED_ORDER.code(), 0L, 0L, 0L, 0L);
            return 1;
        }
        final boolean valid = book != null && book.quoted &&
            (side == Side.BUY || side == Side.SELL) &&
            (orderType == OrderType.MARKET || (orderType == OrderType.LIMIT && price > 0)) &&
            qty > 0 &&
            (targetVenue == 0 || targetVenue == venueId) &&
            workingIndex(clOrdId) < 0 &&
            workingCount < maxOrders;
        if (!valid)
        {
            reports.emit(nowNs, instrumentId, clOrdId, 0L, ExecType.REJECTED, side, RejectReason.VENUE_REJECT.code(),
                0L, 0L, 0L, 0L);
            return 1;
        }

        final VenueOrder order = orderPool[--orderPoolSize];
        orderPool[orderPoolSize] = null;
        order.clOrdId = clOrdId;
        order.venueOrderId = ++nextVenueOrderId;
        order.instrumentId = instrumentId;
        order.side = side;
        order.price = price;
        order.leavesQty = qty;
        order.cumQty = 0;
        reports.emit(nowNs, instrumentId, clOrdId, order.venueOrderId, ExecType.ACK, side, (short)0, 0L, 0L, qty, 0L);
        int emitted = 1;

        final boolean market = orderType == OrderType.MARKET;
        if (side == Side.BUY)
        {
            if (book.askQty > 0 && (market || price >= book.askPrice))
            {
                final long fillQty = Math.min(qty, book.askQty);
                book.askQty -= fillQty;
                fill(order, book, book.askPrice, fillQty, true);
                reports.emitFill(order, nowNs);
                emitted++;
            }
        }
        else
        {
            if (book.bidQty > 0 && (market || price <= book.bidPrice))
            {
                final long fillQty = Math.min(qty, book.bidQty);
                book.bidQty -= fillQty;
                fill(order, book, book.bidPrice, fillQty, true);
                reports.emitFill(order, nowNs);
                emitted++;
            }
        }

        if (order.leavesQty == 0)
        {
            release(order);
        }
        else if (market || tif == TIF_IOC)
        {
            order.leavesQty = 0;
            reports.emit(nowNs, instrumentId, clOrdId, order.venueOrderId, ExecType.CANCELLED, side, (short)0,
                0L, 0L, 0L, order.cumQty);
            emitted++;
            release(order);
        }
        else
        {
            insertWorking(order);
        }
        return emitted;
    }

    private int processCancel(final int offset, final long nowNs)
    {
        final long origClOrdId = OrderCommandCodec.origClOrdId(pending.slots(), offset);
        final int index = workingIndex(origClOrdId);
        if (index < 0)
        {
            final UnsafeBuffer slots = pending.slots();
            reports.emit(nowNs, Header.instrumentId(slots, offset), origClOrdId, 0L, ExecType.REJECTED,
                OrderCommandCodec.side(slots, offset), RejectReason.VENUE_UNKNOWN_ORDER.code(), 0L, 0L, 0L, 0L);
            return 1;
        }
        final VenueOrder order = working[index];
        removeWorking(index);
        order.leavesQty = 0;
        reports.emit(nowNs, order.instrumentId, order.clOrdId, order.venueOrderId, ExecType.CANCELLED, order.side,
            (short)0, 0L, 0L, 0L, order.cumQty);
        release(order);
        return 1;
    }

    private int processMassCancel(final int instrumentId, final long nowNs)
    {
        int emitted = 0;
        int kept = 0;
        final int count = workingCount;
        for (int i = 0; i < count; i++)
        {
            final VenueOrder order = working[i];
            if (instrumentId == 0 || order.instrumentId == instrumentId)
            {
                order.leavesQty = 0;
                reports.emit(nowNs, order.instrumentId, order.clOrdId, order.venueOrderId, ExecType.CANCELLED,
                    order.side, (short)0, 0L, 0L, 0L, order.cumQty);
                emitted++;
                release(order);
            }
            else
            {
                working[kept++] = order;
            }
        }
        for (int i = kept; i < count; i++)
        {
            working[i] = null;
        }
        workingCount = kept;
        return emitted + barHold.withdraw(instrumentId, reports, nowNs);
    }

    /**
     * Fills resting orders of one instrument and side against liquidity at a price, in price-time priority.
     *
     * @param inclusive true when an order priced exactly at {@code price} is crossed (quotes), false when the
     *                  price must be strictly through it (trades).
     * @return the liquidity left.
     */
    private long matchResting(
        final VenueBook book,
        final int instrumentId,
        final byte restingSide,
        final long price,
        final boolean inclusive,
        final long liquidity,
        final long timeNs)
    {
        long available = liquidity;
        while (available > 0)
        {
            int best = -1;
            for (int i = 0; i < workingCount; i++)
            {
                final VenueOrder order = working[i];
                if (order.instrumentId != instrumentId || order.side != restingSide)
                {
                    continue;
                }
                final boolean crossed;
                if (restingSide == Side.BUY)
                {
                    crossed = inclusive ? order.price >= price : order.price > price;
                }
                else
                {
                    crossed = inclusive ? order.price <= price : order.price < price;
                }
                if (crossed && (best < 0 || hasPriority(order, working[best])))
                {
                    best = i;
                }
            }
            if (best < 0)
            {
                break;
            }
            final VenueOrder order = working[best];
            final long fillQty = Math.min(order.leavesQty, available);
            available -= fillQty;
            fill(order, book, order.price, fillQty, false);
            reports.queueFill(pending, order, timeNs);
            if (order.leavesQty == 0)
            {
                removeWorking(best);
                release(order);
            }
        }
        return available;
    }

    private static boolean hasPriority(final VenueOrder candidate, final VenueOrder incumbent)
    {
        if (candidate.price != incumbent.price)
        {
            return candidate.side == Side.BUY ? candidate.price > incumbent.price : candidate.price < incumbent.price;
        }
        return candidate.venueOrderId < incumbent.venueOrderId;
    }

    private void fill(
        final VenueOrder order, final VenueBook book, final long price, final long fillQty, final boolean took)
    {
        order.leavesQty -= fillQty;
        order.cumQty += fillQty;
        order.lastFillPrice = price;
        order.lastFillQty = fillQty;
        order.lastFillLiquidity = took ? ExecReportCodec.LIQUIDITY_TOOK : ExecReportCodec.LIQUIDITY_ADDED;
        if (costModel != null)
        {
            costModel.charge(order.instrumentId, order.side, took, price, fillQty, book.bidPrice, book.askPrice,
                order.costs, order.lastFillCosts);
        }
    }

    private void release(final VenueOrder order)
    {
        order.reset();
        orderPool[orderPoolSize++] = order;
    }

    /** Binary search of the working orders, which are kept sorted by clOrdId. */
    private int workingIndex(final long clOrdId)
    {
        int low = 0;
        int high = workingCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midId = working[mid].clOrdId;
            if (midId < clOrdId)
            {
                low = mid + 1;
            }
            else if (midId > clOrdId)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    private void insertWorking(final VenueOrder order)
    {
        final int insertAt = -(workingIndex(order.clOrdId) + 1);
        System.arraycopy(working, insertAt, working, insertAt + 1, workingCount - insertAt);
        working[insertAt] = order;
        workingCount++;
    }

    private void removeWorking(final int index)
    {
        System.arraycopy(working, index + 1, working, index, workingCount - index - 1);
        working[--workingCount] = null;
    }
}
