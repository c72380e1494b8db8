package io.meridian.report;

import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Transaction-cost analysis of the orders in a journal, aggregated by instrument, side and order type.
 * Conventions (sign {@code s} = +1 for a buy, −1 for a sell; {@code Q} ordered, {@code q} filled; prices are mids
 * unless named):
 * <ul>
 *   <li>Decision price {@code Pd}: the mid when the instrument's current target position was first signalled (the
 *       SIGNAL that asked for the trade). Arrival price {@code Pa}: the mid when the order was sent. End price
 *       {@code Pe}: the mid when the order finished (filled, cancelled or rejected, or the journal ended).</li>
 *   <li>Implementation shortfall, in bps of the decision value {@code Pd × Q}: delay {@code s(Pa − Pd)q},
 *       execution {@code s(P̄ − Pa)q} with {@code P̄} the average fill price, opportunity {@code s(Pe − Pd)(Q − q)},
 *       and fees (the charged costs of the fills); the shortfall is their sum.</li>
 *   <li>Fill rate {@code Σq / ΣQ}; time to fill from sending to the last fill, mean over orders with fills.</li>
 *   <li>Markout at horizon h: {@code s(mid(t + h) − price) / price} in bps for each fill (positive: the price moved
 *       our way), where {@code mid(t + h)} is the last mid at or before {@code t + h} in event time;
 *       quantity-weighted. Fills whose horizon passes the end of the journal are left out and counted.</li>
 *   <li>Aggregates weight by value: sums of cash over sums of decision value.</li>
 *   <li>Per order ({@link OrderTca}): the same figures in bps of that order's decision value; its markouts are
 *       quantity-weighted over its own fills. An order is handed to the sink once it has finished and the last of
 *       its fills' markout horizons has passed (or the journal ended), so rows come in that order, not by id.</li>
 * </ul>
 * Memory: the working orders, the finished orders whose markouts are still due, and, per horizon, the fills younger
 * than it; nothing per finished order once it is handed on. Single-threaded.
 */
final class TcaBook
{
    private final String[] symbols;
    private final long[] horizonsNs;
    private final Consumer<OrderTca> sink;
    private final double[] decisionMid;
    private final long[] decisionNs;
    private final long[] lastTarget;
    private final Map<Long, Order> working = new HashMap<>();
    /** Finished orders whose row waits for markouts: a fill or cost that the engine applies late still joins them. */
    private final Map<Long, Order> finished = new HashMap<>();
    private long unattributed;
    /** An IB journal's: a finished order's row waits for a late execution as long as a fill's last markout would. */
    private boolean holdFinished;
    private long nowNs;
    /** The last finished order id per slot of the engine's order store (id modulo its capacity), as the store keeps. */
    private final long[] finishedIds = new long[FINISHED_SLOTS];
    private static final int FINISHED_SLOTS = 4096;
    private final Map<String, Aggregate> aggregates = new TreeMap<>();
    private final List<ArrayDeque<Fill>> pending;
    private long unresolvedMarkouts;

    /** One working order. */
    private static final class Order
    {
        long clOrdId;
        int index;
        int sign;
        byte side;
        byte type;
        Aggregate aggregate;
        long decisionNs;
        long sentNs;
        double qty;
        double decision;
        double arrival;
        double filledQty;
        double filledValue;
        double fees;
        long lastFillNs = Long.MIN_VALUE;
        String status;
        double endMid;
        int pendingMarkouts;
        double[] markoutSum;
        double[] markoutQty;
    }

    /** A fill waiting for a markout horizon. */
    private record Fill(long dueNs, double price, double qty, Order order)
    {
    }

    /** Sums for one (instrument, side, order type). */
    static final class Aggregate
    {
        long orders;
        double orderedQty;
        double filledQty;
        double decisionValue;
        double delay;
        double execution;
        double opportunity;
        double fees;
        long filledOrders;
        double timeToFillS;
        final double[] markoutSum;
        final double[] markoutQty;

        Aggregate(final int horizons)
        {
            markoutSum = new double[horizons];
            markoutQty = new double[horizons];
        }
    }

    /**
     * A book.
     *
     * @param symbols symbols by dense index.
     * @param horizonsNs markout horizons in nanoseconds.
     * @param sink takes each finished order, once its markouts are resolved.
     */
    TcaBook(final String[] symbols, final long[] horizonsNs, final Consumer<OrderTca> sink)
    {
        this.symbols = symbols.clone();
        this.horizonsNs = horizonsNs.clone();
        this.sink = sink;
        decisionMid = new double[symbols.length];
        decisionNs = new long[symbols.length];
        lastTarget = new long[symbols.length];
        Arrays.fill(lastTarget, Long.MIN_VALUE);
        pending = new ArrayList<>(horizonsNs.length);
        for (int h = 0; h < horizonsNs.length; h++)
        {
            pending.add(new ArrayDeque<>());
        }
    }

    /**
     * Resolves the markouts due before {@code nowNs} with the current mids (call before the state changes for an
     * event at {@code nowNs}).
     *
     * @param nowNs the next event's time.
     * @param mids current mids by index.
     */
    void advanceTo(final long nowNs, final double[] mids)
    {
        this.nowNs = nowNs;
        for (int h = 0; h < pending.size(); h++)
        {
            final ArrayDeque<Fill> queue = pending.get(h);
            while (!queue.isEmpty() && queue.peekFirst().dueNs() < nowNs)
            {
                final Fill f = queue.pollFirst();
                final Order o = f.order();
                if (f.qty() > 0)
                {
                    final double markout = o.sign * (mids[o.index] - f.price()) / f.price() * 1e4 * f.qty();
                    o.aggregate.markoutSum[h] += markout;
                    o.aggregate.markoutQty[h] += f.qty();
                    o.markoutSum[h] += markout;
                    o.markoutQty[h] += f.qty();
                }
                markoutDone(o);
            }
        }
    }

    /** From now on finished orders wait for late executions (a journal with the broker's records: IB). */
    void holdFinished()
    {
        holdFinished = true;
    }

    void onSignal(final int index, final long target, final double mid, final long nowNs)
    {
        if (target != lastTarget[index])
        {
            lastTarget[index] = target;
            decisionMid[index] = mid;
            decisionNs[index] = nowNs;
        }
    }

    void onNewOrder(
        final long clOrdId, final int index, final byte side, final byte type, final double qty, final long nowNs,
        final double mid)
    {
        final Order o = new Order();
        o.clOrdId = clOrdId;
        o.index = index;
        o.sign = Side.sign(side);
        o.side = side;
        o.type = type;
        o.aggregate = aggregates.computeIfAbsent(symbols[index] + "/" + Side.name(side) + "/" + OrderType.name(type),
            k -> new Aggregate(horizonsNs.length));
        o.sentNs = nowNs;
        o.qty = qty;
        o.arrival = mid;
        final boolean decided = decisionMid[index] > 0;
        o.decision = decided ? decisionMid[index] : mid;
        o.decisionNs = decided ? decisionNs[index] : nowNs;
        o.markoutSum = new double[horizonsNs.length];
        o.markoutQty = new double[horizonsNs.length];
        working.put(clOrdId, o);
    }

    void onFill(final long clOrdId, final double qty, final double price, final double fees, final long nowNs)
    {
        final Order o = working.get(clOrdId);
        if (o == null)
        {
            onFinishedFill(clOrdId, qty, price, fees, nowNs);
            return;
        }
        addFill(o, qty, price, fees, nowNs);
    }

    /**
     * An order finished.
     *
     * @param clOrdId its id.
     * @param endMid the mid now.
     * @param status {@code filled}, {@code cancelled} or {@code rejected}.
     */
    void onDone(final long clOrdId, final double endMid, final String status)
    {
        final Order o = working.remove(clOrdId);
        if (o != null)
        {
            o.status = status;
            close(o, endMid);
        }
    }

    /**
     * Closes the orders still working at the end of the journal and counts the markouts it cut short.
     *
     * @param mids the last mids.
     */
    void finish(final double[] mids)
    {
        for (final Order o : working.values())
        {
            o.status = "open_at_end";
            close(o, mids[o.index]);
        }
        working.clear();
        for (final ArrayDeque<Fill> queue : pending)
        {
            while (!queue.isEmpty())
            {
                final Fill f = queue.pollFirst();
                unresolvedMarkouts += f.qty() > 0 ? 1 : 0;
                markoutDone(f.order());
            }
        }
    }

    /**
     * A fill the engine applied to an order it had already finished (a late execution, or a fill a reconciliation
     * found missed): it joins the order's row and its aggregate while the row waits for its markouts; otherwise
     * (the row is written, or the order is not in this journal) it is counted as unattributed.
     */
    private void onFinishedFill(
        final long clOrdId, final double qty, final double price, final double fees, final long nowNs)
    {
        final Order o = finished.get(clOrdId);
        if (o == null)
        {
            unattributed++;
            return;
        }
        final Aggregate a = o.aggregate;
        if (o.filledQty == 0)
        {
            a.filledOrders++;
            a.timeToFillS += (nowNs - o.sentNs) / 1e9;
        }
        else
        {
            a.timeToFillS += (nowNs - o.lastFillNs) / 1e9;
        }
        a.filledQty += qty;
        a.delay += o.sign * (o.arrival - o.decision) * qty;
        a.execution += o.sign * (price - o.arrival) * qty;
        a.opportunity -= o.sign * (o.endMid - o.decision) * qty;
        a.fees += fees;
        addFill(o, qty, price, fees, nowNs);
    }

    private void addFill(final Order o, final double qty, final double price, final double fees, final long nowNs)
    {
        o.filledQty += qty;
        o.filledValue += qty * price;
        o.fees += fees;
        o.lastFillNs = nowNs;
        for (int h = 0; h < horizonsNs.length; h++)
        {
            pending.get(h).addLast(new Fill(nowNs + horizonsNs[h], price, qty, o));
            o.pendingMarkouts++;
        }
    }

    /**
     * A cost charged apart from its fill (IB's commission report), to the order the execution belongs to: working,
     * or finished with its row not yet written; otherwise counted as unattributed.
     *
     * @param clOrdId the order.
     * @param fees cash.
     */
    void onCost(final long clOrdId, final double fees)
    {
        Order o = working.get(clOrdId);
        if (o != null)
        {
            o.fees += fees;
            return;
        }
        o = finished.get(clOrdId);
        if (o == null)
        {
            unattributed++;
            return;
        }
        o.fees += fees;
        o.aggregate.fees += fees;
    }

    /** Whether an order of this journal finished, as long as the engine's order store remembers it (its slot). */
    boolean finished(final long clOrdId)
    {
        return clOrdId > 0 && finishedIds[(int)(clOrdId & (FINISHED_SLOTS - 1))] == clOrdId;
    }

    /** Whether an order is working (sent in this journal and not finished). */
    boolean working(final long clOrdId)
    {
        return working.containsKey(clOrdId);
    }

    /** An order's side (working, or finished with its row not yet written), {@link Side#NONE} when not known. */
    byte side(final long clOrdId)
    {
        final Order o = working.containsKey(clOrdId) ? working.get(clOrdId) : finished.get(clOrdId);
        return o == null ? Side.NONE : o.side;
    }

    /** An order's quantity in shares (working, or finished with its row not yet written), NaN when not known. */
    double orderedQty(final long clOrdId)
    {
        final Order o = working.containsKey(clOrdId) ? working.get(clOrdId) : finished.get(clOrdId);
        return o == null ? Double.NaN : o.qty;
    }

    /** Fills and costs applied to an order whose row was already written or that this journal did not send. */
    long unattributed()
    {
        return unattributed;
    }

    private void markoutDone(final Order o)
    {
        o.pendingMarkouts--;
        if (o.pendingMarkouts == 0 && o.status != null)
        {
            emit(o);
        }
    }

    private void emit(final Order o)
    {
        finished.remove(o.clOrdId);
        final double base = o.decision * o.qty;
        final double bps = base > 0 ? 1e4 / base : Double.NaN;
        final double[] markouts = new double[horizonsNs.length];
        for (int h = 0; h < markouts.length; h++)
        {
            markouts[h] = o.markoutQty[h] > 0 ? o.markoutSum[h] / o.markoutQty[h] : Double.NaN;
        }
        final boolean filled = o.filledQty > 0;
        sink.accept(new OrderTca(o.clOrdId, symbols[o.index], Side.name(o.side), OrderType.name(o.type), o.status,
            o.decisionNs, o.decision, o.sentNs, o.arrival, filled ? o.filledValue / o.filledQty : Double.NaN,
            o.filledQty, o.qty, filled ? (o.lastFillNs - o.sentNs) / 1e9 : Double.NaN, o.endMid,
            o.sign * (o.arrival - o.decision) * o.filledQty * bps,
            o.sign * (o.filledValue - o.arrival * o.filledQty) * bps,
            o.sign * (o.endMid - o.decision) * (o.qty - o.filledQty) * bps, o.fees * bps, markouts));
    }

    private void close(final Order o, final double endMid)
    {
        finishedIds[(int)(o.clOrdId & (FINISHED_SLOTS - 1))] = o.clOrdId;
        final Aggregate a = o.aggregate;
        a.orders++;
        a.orderedQty += o.qty;
        a.filledQty += o.filledQty;
        a.decisionValue += o.decision * o.qty;
        a.delay += o.sign * (o.arrival - o.decision) * o.filledQty;
        a.execution += o.sign * (o.filledValue - o.arrival * o.filledQty);
        a.opportunity += o.sign * (endMid - o.decision) * (o.qty - o.filledQty);
        a.fees += o.fees;
        if (o.filledQty > 0)
        {
            a.filledOrders++;
            a.timeToFillS += (o.lastFillNs - o.sentNs) / 1e9;
        }
        o.endMid = endMid;
        if (o.pendingMarkouts == 0 && holdFinished && horizonsNs.length > 0)
        {
            final int last = horizonsNs.length - 1;     // a hold without quantity: no markout
            pending.get(last).addLast(new Fill(nowNs + horizonsNs[last], 0, 0, o));
            o.pendingMarkouts++;
        }
        if (o.pendingMarkouts == 0)
        {
            emit(o);
        }
        else
        {
            finished.put(o.clOrdId, o);
        }
    }

    /**
     * The aggregates as report rows, keyed {@code SYMBOL/SIDE/TYPE}; then each dimension alone (keys
     * {@code SYMBOL/}&#42;{@code /}&#42;, &#42;{@code /SIDE/}&#42; and &#42;{@code /}&#42;{@code /TYPE}); then
     * {@code total}.
     *
     * @param horizonsLabel labels of the horizons, e.g. {@code 1s}.
     * @return rows of snake_case figures.
     */
    Map<String, Map<String, Object>> rows(final String[] horizonsLabel)
    {
        final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        final Map<String, Aggregate> rollUps = new TreeMap<>();
        final Aggregate total = new Aggregate(horizonsNs.length);
        for (final Map.Entry<String, Aggregate> e : aggregates.entrySet())
        {
            rows.put(e.getKey(), row(e.getValue(), horizonsLabel));
            final String[] key = e.getKey().split("/", -1);
            for (final String rollUp : new String[]{key[0] + "/*/*", "*/" + key[1] + "/*", "*/*/" + key[2]})
            {
                add(rollUps.computeIfAbsent(rollUp, k -> new Aggregate(horizonsNs.length)), e.getValue());
            }
            add(total, e.getValue());
        }
        for (final Map.Entry<String, Aggregate> e : rollUps.entrySet())
        {
            rows.put(e.getKey(), row(e.getValue(), horizonsLabel));
        }
        rows.put("total", row(total, horizonsLabel));
        return rows;
    }

    long unresolvedMarkouts()
    {
        return unresolvedMarkouts;
    }

    private static void add(final Aggregate total, final Aggregate a)
    {
        total.orders += a.orders;
        total.orderedQty += a.orderedQty;
        total.filledQty += a.filledQty;
        total.decisionValue += a.decisionValue;
        total.delay += a.delay;
        total.execution += a.execution;
        total.opportunity += a.opportunity;
        total.fees += a.fees;
        total.filledOrders += a.filledOrders;
        total.timeToFillS += a.timeToFillS;
        for (int h = 0; h < a.markoutSum.length; h++)
        {
            total.markoutSum[h] += a.markoutSum[h];
            total.markoutQty[h] += a.markoutQty[h];
        }
    }

    private static Map<String, Object> row(final Aggregate a, final String[] labels)
    {
        final Map<String, Object> row = new LinkedHashMap<>();
        final double bps = a.decisionValue > 0 ? 1e4 / a.decisionValue : Double.NaN;
        row.put("orders", a.orders);
        row.put("ordered_qty", a.orderedQty);
        row.put("filled_qty", a.filledQty);
        row.put("fill_rate", a.orderedQty > 0 ? a.filledQty / a.orderedQty : Double.NaN);
        row.put("delay_bps", a.delay * bps);
        row.put("execution_bps", a.execution * bps);
        row.put("opportunity_bps", a.opportunity * bps);
        row.put("fees_bps", a.fees * bps);
        row.put("implementation_shortfall_bps", (a.delay + a.execution + a.opportunity + a.fees) * bps);
        row.put("mean_time_to_fill_s", a.filledOrders > 0 ? a.timeToFillS / a.filledOrders : Double.NaN);
        final Map<String, Object> markouts = new LinkedHashMap<>();
        for (int h = 0; h < labels.length; h++)
        {
            markouts.put(labels[h], a.markoutQty[h] > 0 ? a.markoutSum[h] / a.markoutQty[h] : Double.NaN);
        }
        row.put("markout_bps", markouts);
        return row;
    }
}
