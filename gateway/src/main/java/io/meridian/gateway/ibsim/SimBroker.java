package io.meridian.gateway.ibsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's broker: the truth about orders, executions, positions and cash. Orders match against the top of
 * book of the synthetic market: a buy executes at the ask when it is marketable (market order, triggered stop, or
 * limit at or above the ask), up to the ask size (and at most {@code partialFillQty} per execution when set); sells
 * mirror that at the bid. Stops (STP, STP LMT) trigger when the last trade reaches the stop price (a buy stop at a
 * trade at or above it, a sell stop at or below it; IB's default trigger for stocks), including the last trade
 * already printed when the order arrives; a triggered STP then acts as a market order, a triggered STP LMT as a
 * limit order at its limit price. IOC orders cancel what did not execute on arrival. Outside regular trading hours
 * only orders marked outsideRth execute; the others wait. At the session's end
 * ({@link #endSession}) DAY orders are cancelled and GTC orders keep working. Owned by the simulator's thread.
 */
final class SimBroker
{
    /** Receives what the broker does to orders. */
    interface Reports
    {
        void onStatus(SimOrder order);

        void onExecution(SimOrder order, Execution execution);
    }

    /** One execution, kept for REQ_EXECUTIONS. */
    record Execution(long orderId, int clientId, String execId, String time, long shares, double price,
        double commission, long cumQty, double avgPrice, SimOrder order)
    {
    }

    final SimConfig config;
    final double[] bid;
    final double[] ask;
    final long[] bidSize;
    final long[] askSize;
    final double[] last;
    final boolean[] halted;
    final long[] position;
    final double[] avgCost;
    final Map<Long, SimOrder> orders = new LinkedHashMap<>();
    final List<Execution> executions = new ArrayList<>();
    double cash;
    /** Whether the market is outside regular trading hours (fault {@code rth-end@T}, ended by {@code rth-start@T}). */
    boolean outsideRegularHours;
    private long nextPermId = 1_000_000;
    private long execSequence;

    SimBroker(final SimConfig config)
    {
        this.config = config;
        final int n = config.instruments().size();
        bid = new double[n];
        ask = new double[n];
        bidSize = new long[n];
        askSize = new long[n];
        last = new double[n];
        halted = new boolean[n];
        position = new long[n];
        avgCost = new double[n];
        cash = config.startCash();
    }

    int instrumentIndex(final long conId, final String symbol)
    {
        final List<SimConfig.Instrument> list = config.instruments();
        for (int i = 0; i < list.size(); i++)
        {
            final SimConfig.Instrument in = list.get(i);
            if (conId > 0 ? in.conId() == conId : in.symbol().equals(symbol))
            {
                return i;
            }
        }
        return -1;
    }

    long newPermId()
    {
        return nextPermId++;
    }

    long maxOrderId()
    {
        long max = 0;
        for (final long id : orders.keySet())
        {
            max = Math.max(max, id);
        }
        return max;
    }

    /** Accepts a new order (already validated) and tries to execute it. */
    void accept(final SimOrder order, final String time, final Reports reports)
    {
        orders.put(order.orderId, order);
        order.status = "Submitted";
        reports.onStatus(order);
        trigger(order, last[order.instrument]);
        match(order, time, reports);
        if ("IOC".equals(order.tif) && order.working())
        {
            order.status = "Cancelled";
            reports.onStatus(order);
        }
    }

    /**
     * Cancels an order after executing half of its rest (fault {@code late-exec}): the Cancelled status is reported
     * before the execution, as when a cancel and an execution cross at the exchange.
     *
     * @return false when the order is not working.
     */
    boolean cancelAfterLateExecution(final long orderId, final String time, final Reports reports)
    {
        final SimOrder order = orders.get(orderId);
        if (order == null || !order.working())
        {
            return false;
        }
        final int i = order.instrument;
        final double price = order.hasLimit() ? order.limitPrice : order.buy ? ask[i] : bid[i];
        final long shares = order.remaining() / 2;
        if (shares <= 0 || price <= 0)
        {
            return cancel(orderId, reports);
        }
        final Execution[] held = new Execution[1];
        execute(order, shares, price, time, new Reports()
        {
            @Override
            public void onStatus(final SimOrder o)
            {
                // the status after the execution is not sent: the cancel's status overtakes it
            }

            @Override
            public void onExecution(final SimOrder o, final Execution execution)
            {
                held[0] = execution;
            }
        });
        order.status = "Cancelled";
        reports.onStatus(order);
        reports.onExecution(order, held[0]);
        return true;
    }

    boolean cancel(final long orderId, final Reports reports)
    {
        final SimOrder order = orders.get(orderId);
        if (order == null || !order.working())
        {
            return false;
        }
        order.status = "Cancelled";
        reports.onStatus(order);
        return true;
    }

    void onQuote(final int instrument, final double bidPx, final long bidQty, final double askPx, final long askQty,
        final String time, final Reports reports)
    {
        bid[instrument] = bidPx;
        ask[instrument] = askPx;
        bidSize[instrument] = bidQty;
        askSize[instrument] = askQty;
        matchInstrument(instrument, time, reports);
    }

    void onTrade(final int instrument, final double price, final String time, final Reports reports)
    {
        last[instrument] = price;
        for (final SimOrder order : orders.values())
        {
            if (order.instrument == instrument && order.working())
            {
                trigger(order, price);
            }
        }
        matchInstrument(instrument, time, reports);
    }

    /** Triggers a stop order when a trade at {@code lastPrice} reached its stop price. */
    private static void trigger(final SimOrder o, final double lastPrice)
    {
        if (o.isStop() && !o.stopTriggered && lastPrice > 0)
        {
            o.stopTriggered = o.buy ? lastPrice >= o.stopPrice : lastPrice <= o.stopPrice;
        }
    }

    /**
     * The trading session ends: every working DAY order is cancelled (reported Cancelled); GTC orders keep working.
     *
     * @param reports receives the statuses.
     * @return how many orders were cancelled.
     */
    int endSession(final Reports reports)
    {
        int cancelled = 0;
        for (final SimOrder order : orders.values())
        {
            if (order.working() && !"GTC".equals(order.tif))
            {
                order.status = "Cancelled";
                reports.onStatus(order);
                cancelled++;
            }
        }
        return cancelled;
    }

    private void matchInstrument(final int instrument, final String time, final Reports reports)
    {
        for (final SimOrder order : new ArrayList<>(orders.values()))
        {
            if (order.instrument == instrument && order.working())
            {
                match(order, time, reports);
            }
        }
    }

    private void match(final SimOrder o, final String time, final Reports reports)
    {
        final int i = o.instrument;
        if (halted[i] || bid[i] <= 0 || ask[i] <= 0 || (outsideRegularHours && !o.outsideRth))
        {
            return;     // outside regular trading hours only an order marked outsideRth executes
        }
        if (o.isStop() && !o.stopTriggered)
        {
            return;     // waits for a trade at or through its stop price
        }
        final double price = o.buy ? ask[i] : bid[i];
        final boolean marketable = o.isMarket() || (o.buy ? price <= o.limitPrice : price >= o.limitPrice);
        if (!marketable)
        {
            return;
        }
        long shares = Math.min(o.remaining(), o.buy ? askSize[i] : bidSize[i]);
        if (config.partialFillQty() > 0)
        {
            shares = Math.min(shares, config.partialFillQty());
        }
        if (shares <= 0)
        {
            return;
        }
        execute(o, shares, price, time, reports);
    }

    private void execute(final SimOrder o, final long shares, final double price, final String time,
        final Reports reports)
    {
        final int i = o.instrument;
        o.avgPrice = (o.avgPrice * o.filled + price * shares) / (o.filled + shares);
        o.filled += shares;
        o.lastFillPrice = price;
        final double commission = Math.max(config.minCommission(), shares * config.commissionPerShare());
        final long signed = o.buy ? shares : -shares;
        final long before = position[i];
        final long after = before + signed;
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            avgCost[i] = (avgCost[i] * Math.abs(before) + price * shares) / Math.abs(after);
        }
        else if (Long.signum(after) != Long.signum(before) && after != 0)
        {
            avgCost[i] = price;
        }
        else if (after == 0)
        {
            avgCost[i] = 0;
        }
        position[i] = after;
        cash -= signed * price + commission;
        final String execId = String.format("%08x.%08x.01.01", o.permId, ++execSequence);
        final Execution e = new Execution(o.orderId, o.clientId, execId, time, shares, price, commission, o.filled,
            o.avgPrice, o);
        executions.add(e);
        if (o.remaining() == 0)
        {
            o.status = "Filled";
        }
        reports.onExecution(o, e);
        reports.onStatus(o);
    }

    double netLiquidation()
    {
        double nav = cash;
        for (int i = 0; i < position.length; i++)
        {
            final double mark = bid[i] > 0 && ask[i] > 0 ? (bid[i] + ask[i]) / 2 : last[i];
            nav += position[i] * mark;
        }
        return nav;
    }
}
