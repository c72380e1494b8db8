package io.meridian.report;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.SignalCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.journal.RecordCursor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;

/**
 * One streaming pass over a journal: the input queue in sequence order and, in step with it, the decisions each
 * input caused. It keeps positions and P&amp;L with the engine's own {@link PositionKeeper} (marked to the mid of
 * every quote, net of the costs in the fills' EXEC_REPORT records), samples the equity curves
 * ({@link EquitySampler}), sums costs by kind, traded value, round trips, exposure time, rejects and kill-switch
 * events, and feeds the {@link TcaBook}. Memory does not grow with the number of events. Single-threaded.
 *
 * <p>An IB session's journal (issue 9) is read the way the engine applied it: besides the venue's fills, the broker's
 * commissions (EXECUTION records) are charged once per execution id by the engine's own {@code BrokerLiveChecks}, the
 * broker's snapshots are collected by the engine's own {@code BrokerReconciler} (the price a missed fill is applied
 * at), and the RECONCILIATION decisions say which fills the engine applied: missed fills (MISSED_FILL), late fills of
 * finished orders (FILL_FOR_FINISHED_ORDER, for the quantity the engine took) and positions adopted on an operator's
 * resume (POSITION_MISMATCH, applied: booked at the mark without costs, as the engine books them); see
 * {@link BrokerFills}.
 */
final class JournalAnalyzer implements AutoCloseable
{
    /** Cost kinds, in EXEC_REPORT order. */
    static final String[] COST_KINDS = {"commission", "sec_fee", "finra_taf", "exchange_fee", "impact", "spread"};

    final InstrumentIndex instruments;
    final int n;
    final PositionKeeper positions;
    /** The engine's market-data validation: what it accepts moves the marks. */
    private final MarketDataStage book;
    final EquitySampler sampler;
    final TcaBook tca;
    final TcaOrders tcaOrders;
    final Sessions sessions;
    final String[] horizonLabels;
    final double[] mids;
    final double[] current;
    final long[][] costs;
    final double[] tradedValue;
    final long[] fills;
    final long[] exposureNs;
    long anyExposureNs;
    final long[] wins;
    final long[] losses;
    final double[] winSum;
    final double[] lossSum;
    private final long[] tripStart;
    final Map<String, Long> rejects = new LinkedHashMap<>();
    final List<Map<String, Object>> killEvents = new ArrayList<>();
    long inputRecords;
    long outputRecords;
    long signals;
    long orders;
    long cancels;
    long firstNs = Long.MIN_VALUE;
    long lastNs = Long.MIN_VALUE;
    /** What an IB session's journal adds: the broker's commissions, missed and late fills, adopted positions. */
    final BrokerFills broker;

    /**
     * An analyzer.
     *
     * @param config the journal's configuration (from its manifest).
     * @param tcaCsv where to write the per-order TCA rows, or null.
     */
    JournalAnalyzer(final EngineConfig config, final Path tcaCsv)
    {
        instruments = EngineFactory.instruments(config);
        n = instruments.count();
        final long[] multipliers = new long[n];
        final String[] symbols = new String[n];
        for (int i = 0; i < n; i++)
        {
            multipliers[i] = instruments.cashMultiplier(i);
            symbols[i] = instruments.symbol(i);
        }
        positions = new PositionKeeper(multipliers);
        book = new MarketDataStage(instruments);
        sampler = new EquitySampler(config.report().equityIntervalMs() * 1_000_000L,
            config.report().minEquityPoints(), n + 1);
        final String[] horizons = config.report().markoutsMs().split(",", -1);
        final long[] horizonsNs = new long[horizons.length];
        for (int h = 0; h < horizons.length; h++)
        {
            horizonsNs[h] = Long.parseLong(horizons[h]) * 1_000_000L;
        }
        sessions = new Sessions(ZoneId.of(config.account().timezone()));
        horizonLabels = markoutLabels(horizons);
        tcaOrders = new TcaOrders(horizonLabels, tcaCsv);
        tca = new TcaBook(symbols, horizonsNs, tcaOrders);
        mids = new double[n];
        current = new double[n + 1];
        costs = new long[COST_KINDS.length][n];
        tradedValue = new double[n];
        fills = new long[n];
        exposureNs = new long[n];
        wins = new long[n];
        losses = new long[n];
        winSum = new double[n];
        lossSum = new double[n];
        tripStart = new long[n];
        broker = new BrokerFills(this);
    }

    /**
     * Reads both queues to the end.
     *
     * @param input the input cursor.
     * @param output the output cursor.
     */
    void run(final RecordCursor input, final RecordCursor output)
    {
        boolean outputReady = output.next();
        while (input.next())
        {
            final DirectBuffer b = input.buffer();
            final int o = input.offset();
            onInput(b, o);
            final long sequence = Header.sequence(b, o);
            while (outputReady && causeOf(output) <= sequence)
            {
                onOutput(output.buffer(), output.offset());
                outputReady = output.next();
            }
            broker.afterDecisions();
        }
        while (outputReady)
        {
            onOutput(output.buffer(), output.offset());
            outputReady = output.next();
        }
        broker.afterDecisions();
        if (lastNs != Long.MIN_VALUE)
        {
            sampler.finish(lastNs, current);
        }
        tca.finish(mids);
    }

    private static long causeOf(final RecordCursor output)
    {
        // every decision record has its cause's input sequence first in its body (offset 48)
        return SignalCodec.causeSequence(output.buffer(), output.offset());
    }

    private void onInput(final DirectBuffer b, final int o)
    {
        inputRecords++;
        final long t = Header.eventTimeNs(b, o);
        if (firstNs == Long.MIN_VALUE)
        {
            firstNs = t;
        }
        else if (t > lastNs)
        {
            final long dt = t - lastNs;
            boolean any = false;
            for (int i = 0; i < n; i++)
            {
                if (positions.position(i) != 0)
                {
                    exposureNs[i] += dt;
                    any = true;
                }
            }
            if (any)
            {
                anyExposureNs += dt;
            }
        }
        lastNs = Math.max(lastNs, t);
        sampler.advanceTo(t, current);
        tca.advanceTo(t, mids);
        final byte type = Header.type(b, o);
        final boolean marketData = type == RecordType.QUOTE || type == RecordType.BAR || type == RecordType.TRADE;
        if (!marketData && type != RecordType.EXEC_REPORT)
        {
            broker.onInput(b, o, type, t);
            return;
        }
        final int i = instruments.indexOf(Header.instrumentId(b, o));
        if (i < 0)
        {
            return;
        }
        if (marketData)
        {
            // marked as the engine marks: the book's mid after a quote or bar its market-data stage accepted (a
            // duplicate, out-of-order or invalid one leaves the mark where it was)
            if (book.onMarketData(b, o) != RejectReason.NONE || type == RecordType.TRADE)
            {
                return;
            }
            final long bid = book.bidPrice(i);
            final long ask = book.askPrice(i);
            positions.mark(i, (bid + ask) >> 1);
            mids[i] = (bid + ask) * 0.5 / instruments.priceScale(i);
        }
        else
        {
            onExecReport(b, o, i);
        }
        current[i] = cash(positions.netPnl(i));
        current[n] = cash(positions.totalPnl());
    }

    private void onExecReport(final DirectBuffer b, final int o, final int i)
    {
        final byte execType = ExecReportCodec.execType(b, o);
        final long clOrdId = ExecReportCodec.clOrdId(b, o);
        if (execType == ExecType.FILL || execType == ExecType.PARTIAL_FILL)
        {
            if (!tca.working(clOrdId))
            {
                // the engine applies a fill of an order it has finished only as a late fill, journaled as such; the
                // fill waits for this input's decisions
                broker.holdLateFill(b, o, i);
                return;
            }
            execReportFill(b, o, i, ExecReportCodec.lastQty(b, o));
            if (execType == ExecType.FILL || ExecReportCodec.leavesQty(b, o) == 0)
            {
                tca.onDone(clOrdId, mids[i], "filled");
            }
        }
        else if (execType == ExecType.CANCELLED)
        {
            tca.onDone(clOrdId, mids[i], "cancelled");
        }
        else if (execType == ExecType.REJECTED)
        {
            rejects.merge(reasonName(ExecReportCodec.rejectCode(b, o)), 1L, Long::sum);
            tca.onDone(clOrdId, mids[i], "rejected");
        }
    }

    /** A fill of an EXEC_REPORT (for {@code qty} of it) and the costs it charged, by kind. */
    void execReportFill(final DirectBuffer b, final int o, final int i, final long qty)
    {
        final long charged = ExecReportCodec.chargedCost(b, o);
        costs[0][i] += ExecReportCodec.commission(b, o);
        costs[1][i] += ExecReportCodec.secFee(b, o);
        costs[2][i] += ExecReportCodec.finraTaf(b, o);
        costs[3][i] += ExecReportCodec.exchangeFee(b, o);
        costs[4][i] += ExecReportCodec.impactCost(b, o);
        costs[5][i] += ExecReportCodec.spreadCost(b, o);
        fill(i, ExecReportCodec.clOrdId(b, o), Side.sign(ExecReportCodec.side(b, o)) * qty,
            ExecReportCodec.lastPrice(b, o), charged, Header.eventTimeNs(b, o));
    }

    /** One fill the engine applied: positions, traded value, round trips, TCA and sessions. */
    void fill(
        final int i, final long clOrdId, final long signedQty, final long price, final long charged, final long t)
    {
        final long before = positions.position(i);
        final long netBefore = positions.realized(i) - positions.costs(i);
        positions.onFill(i, signedQty, price, charged);
        final long after = positions.position(i);
        final double shares = (double)Math.abs(signedQty) / instruments.qtyScale(i);
        final double px = (double)price / instruments.priceScale(i);
        tradedValue[i] += shares * px;
        fills[i]++;
        roundTrip(i, before, after, netBefore);
        tca.onFill(clOrdId, shares, px, cash(charged), t);
        sessions.onFill(t, shares * px, cash(charged));
    }

    /** A round trip runs from a fill that leaves a flat position to the fill that flattens or flips it. */
    void roundTrip(final int i, final long before, final long after, final long netBefore)
    {
        if (before == 0)
        {
            tripStart[i] = netBefore;
            return;
        }
        if (after != 0 && Long.signum(after) == Long.signum(before))
        {
            return;
        }
        final long netAfter = positions.realized(i) - positions.costs(i);
        final double pnl = cash(netAfter - tripStart[i]);
        if (pnl > 0)
        {
            wins[i]++;
            winSum[i] += pnl;
        }
        else
        {
            losses[i]++;
            lossSum[i] += pnl;
        }
        tripStart[i] = netAfter;
    }

    private void onOutput(final DirectBuffer b, final int o)
    {
        outputRecords++;
        final byte type = Header.type(b, o);
        final int i = instruments.indexOf(Header.instrumentId(b, o));
        switch (type)
        {
            case RecordType.SIGNAL:
                signals++;
                if (i >= 0)
                {
                    tca.onSignal(i, SignalCodec.targetPosition(b, o), mids[i], Header.eventTimeNs(b, o));
                }
                break;
            case RecordType.RISK_DECISION:
                if (RiskDecisionCodec.accepted(b, o) == 0)
                {
                    rejects.merge(reasonName(RiskDecisionCodec.reasonCode(b, o)), 1L, Long::sum);
                }
                break;
            case RecordType.ORDER_COMMAND:
                if (OrderCommandCodec.command(b, o) == OrderCommandType.NEW && i >= 0)
                {
                    orders++;
                    tca.onNewOrder(OrderCommandCodec.clOrdId(b, o), i, OrderCommandCodec.side(b, o),
                        OrderCommandCodec.orderType(b, o),
                        (double)OrderCommandCodec.qty(b, o) / instruments.qtyScale(i), Header.eventTimeNs(b, o),
                        mids[i]);
                }
                else
                {
                    cancels++;
                }
                break;
            case RecordType.RECONCILIATION:
                broker.onReconciliation(b, o, i);
                break;
            case RecordType.TRADING_STATE:
                final Map<String, Object> event = new LinkedHashMap<>();
                event.put("time", Instant.ofEpochSecond(0, Header.eventTimeNs(b, o)).toString());
                event.put("from", TradingState.name(TradingStateChangeCodec.previousState(b, o)));
                event.put("to", TradingState.name(TradingStateChangeCodec.state(b, o)));
                event.put("reason", reasonName(TradingStateChangeCodec.reasonCode(b, o)));
                killEvents.add(event);
                break;
            default:
                break;
        }
    }

    /**
     * Labels of markout horizons: {@code 1s} for whole seconds, else {@code 250ms}.
     *
     * @param ms the horizons in milliseconds, as configured.
     * @return the labels.
     */
    static String[] markoutLabels(final String[] ms)
    {
        final String[] labels = new String[ms.length];
        for (int h = 0; h < ms.length; h++)
        {
            final long v = Long.parseLong(ms[h]);
            labels[h] = v % 1000 == 0 ? v / 1000 + "s" : v + "ms";
        }
        return labels;
    }

    /** Closes the per-order TCA file. */
    @Override
    public void close()
    {
        tcaOrders.close();
    }

    static String reasonName(final int code)
    {
        final RejectReason reason = RejectReason.fromCode(code);
        return reason == null ? "UNKNOWN(" + code + ")" : reason.name();
    }

    static double cash(final long units)
    {
        return Scales.toDouble(units, Scales.CASH_SCALE);
    }
}
