package io.meridian.gateway.sim;

import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.cost.CostModel;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test helper: writes market data and order commands into a venue and records the reports it emits.
 */
final class VenueScript implements ExecReportSink
{
    /** A decoded execution report. */
    record Report(
        long eventTimeNs,
        int instrumentId,
        long sourceSequence,
        long clOrdId,
        long venueOrderId,
        byte execType,
        byte side,
        short rejectCode,
        long lastPrice,
        long lastQty,
        long leavesQty,
        long cumQty)
    {
    }

    final List<Report> reports = new ArrayList<>();
    /** Per report: commission, secFee, finraTaf, exchangeFee, impactCost, spreadCost, liquidity. */
    final List<long[]> costs = new ArrayList<>();
    final SimulatedVenue venue;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private long feedSequence;

    VenueScript(final long latencyNs, final int maxOrders)
    {
        venue = new SimulatedVenue(new SimulatedVenue.Params(latencyNs, 7, maxOrders), this);
    }

    VenueScript(final SimulatedVenue.Params params)
    {
        venue = new SimulatedVenue(params, this);
    }

    VenueScript(final long latencyNs, final int maxOrders, final CostModel costModel)
    {
        venue = new SimulatedVenue(new SimulatedVenue.Params(latencyNs, 7, maxOrders), costModel, this);
    }

    @Override
    public void onExecReport(final DirectBuffer b, final int offset, final int length)
    {
        if (Header.type(b, offset) != RecordType.EXEC_REPORT || length != ExecReportCodec.LENGTH ||
            Header.length(b, offset) != length || Header.sourceId(b, offset) != SimulatedVenue.SOURCE_ID ||
            Header.sequence(b, offset) != 0 || Header.receiveTimeNs(b, offset) != 0)
        {
            throw new AssertionError("malformed report header");
        }
        reports.add(new Report(
            Header.eventTimeNs(b, offset),
            Header.instrumentId(b, offset),
            Header.sourceSequence(b, offset),
            ExecReportCodec.clOrdId(b, offset),
            ExecReportCodec.venueOrderId(b, offset),
            ExecReportCodec.execType(b, offset),
            ExecReportCodec.side(b, offset),
            ExecReportCodec.rejectCode(b, offset),
            ExecReportCodec.lastPrice(b, offset),
            ExecReportCodec.lastQty(b, offset),
            ExecReportCodec.leavesQty(b, offset),
            ExecReportCodec.cumQty(b, offset)));
        costs.add(new long[]{ExecReportCodec.commission(b, offset), ExecReportCodec.secFee(b, offset),
            ExecReportCodec.finraTaf(b, offset), ExecReportCodec.exchangeFee(b, offset),
            ExecReportCodec.impactCost(b, offset), ExecReportCodec.spreadCost(b, offset),
            ExecReportCodec.liquidity(b, offset)});
    }

    List<Report> drain()
    {
        final List<Report> copy = new ArrayList<>(reports);
        reports.clear();
        return copy;
    }

    void quote(
        final int instrumentId, final long timeNs, final long bid, final long bidQty, final long ask, final long askQty)
    {
        Header.write(buffer, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, instrumentId, 0, timeNs, 0, 1, ++feedSequence);
        QuoteCodec.bidPrice(buffer, 0, bid);
        QuoteCodec.bidQty(buffer, 0, bidQty);
        QuoteCodec.askPrice(buffer, 0, ask);
        QuoteCodec.askQty(buffer, 0, askQty);
        venue.onMarketData(buffer, 0);
    }

    void bar(final int instrumentId, final long timeNs, final long open, final long high, final long low,
        final long close, final long volume)
    {
        Header.write(buffer, 0, BarCodec.TYPE, BarCodec.LENGTH, instrumentId, 0, timeNs, 0, 1, ++feedSequence);
        BarCodec.open(buffer, 0, open);
        BarCodec.high(buffer, 0, high);
        BarCodec.low(buffer, 0, low);
        BarCodec.close(buffer, 0, close);
        BarCodec.volume(buffer, 0, volume);
        BarCodec.durationNs(buffer, 0, 0);
        venue.onMarketData(buffer, 0);
    }

    void trade(final int instrumentId, final long timeNs, final long price, final long qty, final byte aggressor)
    {
        Header.write(buffer, 0, TradeCodec.TYPE, TradeCodec.LENGTH, instrumentId, 0, timeNs, 0, 1, ++feedSequence);
        TradeCodec.price(buffer, 0, price);
        TradeCodec.qty(buffer, 0, qty);
        TradeCodec.aggressorSide(buffer, 0, aggressor);
        venue.onMarketData(buffer, 0);
    }

    void limit(
        final long nowNs, final int instrumentId, final long clOrdId, final byte side, final long price, final long qty)
    {
        command(nowNs, instrumentId, OrderCommandType.NEW, clOrdId, side, OrderType.LIMIT, (byte)0, price, qty, 0);
    }

    void ioc(
        final long nowNs, final int instrumentId, final long clOrdId, final byte side, final long price, final long qty)
    {
        command(nowNs, instrumentId, OrderCommandType.NEW, clOrdId, side, OrderType.LIMIT, SimulatedVenue.TIF_IOC,
            price, qty, 0);
    }

    void market(final long nowNs, final int instrumentId, final long clOrdId, final byte side, final long qty)
    {
        command(nowNs, instrumentId, OrderCommandType.NEW, clOrdId, side, OrderType.MARKET, (byte)0, 0, qty, 0);
    }

    void cancel(final long nowNs, final int instrumentId, final long clOrdId, final long origClOrdId)
    {
        command(nowNs, instrumentId, OrderCommandType.CANCEL, clOrdId, Side.NONE, (byte)0, (byte)0, 0, 0,
            origClOrdId);
    }

    void massCancel(final long nowNs, final int instrumentId, final long clOrdId)
    {
        command(nowNs, instrumentId, OrderCommandType.MASS_CANCEL, clOrdId, Side.NONE, (byte)0, (byte)0, 0, 0, 0);
    }

    void command(
        final long nowNs,
        final int instrumentId,
        final byte command,
        final long clOrdId,
        final byte side,
        final byte orderType,
        final byte timeInForce,
        final long price,
        final long qty,
        final long origClOrdId)
    {
        commandTo(nowNs, instrumentId, command, clOrdId, side, orderType, timeInForce, price, qty, origClOrdId, 7);
    }

    void commandTo(
        final long nowNs,
        final int instrumentId,
        final byte command,
        final long clOrdId,
        final byte side,
        final byte orderType,
        final byte timeInForce,
        final long price,
        final long qty,
        final long origClOrdId,
        final int venueId)
    {
        Header.write(buffer, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, instrumentId, 0, nowNs, 0, 0, 0);
        OrderCommandCodec.causeSequence(buffer, 0, 0);
        OrderCommandCodec.clOrdId(buffer, 0, clOrdId);
        OrderCommandCodec.command(buffer, 0, command);
        OrderCommandCodec.side(buffer, 0, side);
        OrderCommandCodec.orderType(buffer, 0, orderType);
        OrderCommandCodec.timeInForce(buffer, 0, timeInForce);
        OrderCommandCodec.venueId(buffer, 0, venueId);
        OrderCommandCodec.price(buffer, 0, price);
        OrderCommandCodec.qty(buffer, 0, qty);
        OrderCommandCodec.origClOrdId(buffer, 0, origClOrdId);
        venue.onOrderCommand(buffer, 0, nowNs);
    }
}
