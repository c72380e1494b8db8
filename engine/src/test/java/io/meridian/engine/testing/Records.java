package io.meridian.engine.testing;

import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TimerCodec;
import io.meridian.engine.codec.TradeCodec;
import org.agrona.MutableDirectBuffer;

/**
 * Writes inbound records for tests, into a caller's buffer at offset 0.
 */
public final class Records
{
    /** Source id used for test market data. */
    public static final int FEED = 1;
    /** Source id used for test execution reports. */
    public static final int VENUE = 2;

    private Records()
    {
    }

    public static int quote(
        final MutableDirectBuffer b, final int instrument, final long timeNs, final long sourceSeq,
        final long bid, final long bidQty, final long ask, final long askQty)
    {
        Header.write(b, 0, RecordType.QUOTE, QuoteCodec.LENGTH, instrument, 0, timeNs, timeNs, FEED, sourceSeq);
        QuoteCodec.bidPrice(b, 0, bid);
        QuoteCodec.bidQty(b, 0, bidQty);
        QuoteCodec.askPrice(b, 0, ask);
        QuoteCodec.askQty(b, 0, askQty);
        return QuoteCodec.LENGTH;
    }

    public static int trade(
        final MutableDirectBuffer b, final int instrument, final long timeNs, final long sourceSeq,
        final long price, final long qty, final byte aggressor)
    {
        Header.write(b, 0, RecordType.TRADE, TradeCodec.LENGTH, instrument, 0, timeNs, timeNs, FEED, sourceSeq);
        TradeCodec.price(b, 0, price);
        TradeCodec.qty(b, 0, qty);
        TradeCodec.aggressorSide(b, 0, aggressor);
        return TradeCodec.LENGTH;
    }

    public static int bar(
        final MutableDirectBuffer b, final int instrument, final long timeNs, final long sourceSeq,
        final long open, final long high, final long low, final long close, final long volume)
    {
        Header.write(b, 0, RecordType.BAR, BarCodec.LENGTH, instrument, 0, timeNs, timeNs, FEED, sourceSeq);
        BarCodec.open(b, 0, open);
        BarCodec.high(b, 0, high);
        BarCodec.low(b, 0, low);
        BarCodec.close(b, 0, close);
        BarCodec.volume(b, 0, volume);
        BarCodec.durationNs(b, 0, 0);
        return BarCodec.LENGTH;
    }

    public static int execReport(
        final MutableDirectBuffer b, final int instrument, final long timeNs, final long clOrdId,
        final byte execType, final byte side, final long lastPrice, final long lastQty, final long leaves,
        final long cum)
    {
        b.setMemory(0, ExecReportCodec.LENGTH, (byte)0);    // no costs, not bytes of the slot's previous record
        Header.write(b, 0, RecordType.EXEC_REPORT, ExecReportCodec.LENGTH, instrument, 0, timeNs, timeNs, VENUE, 0);
        ExecReportCodec.clOrdId(b, 0, clOrdId);
        ExecReportCodec.venueOrderId(b, 0, clOrdId + 1_000_000);
        ExecReportCodec.execType(b, 0, execType);
        ExecReportCodec.side(b, 0, side);
        ExecReportCodec.rejectCode(b, 0, (short)0);
        ExecReportCodec.lastPrice(b, 0, lastPrice);
        ExecReportCodec.lastQty(b, 0, lastQty);
        ExecReportCodec.leavesQty(b, 0, leaves);
        ExecReportCodec.cumQty(b, 0, cum);
        return ExecReportCodec.LENGTH;
    }

    public static int timer(final MutableDirectBuffer b, final long timeNs)
    {
        Header.write(b, 0, RecordType.TIMER, TimerCodec.LENGTH, 0, 0, timeNs, timeNs, 3, 0);
        TimerCodec.timerId(b, 0, 1);
        return TimerCodec.LENGTH;
    }

    public static int operator(final MutableDirectBuffer b, final long timeNs, final byte command)
    {
        Header.write(b, 0, RecordType.OPERATOR, OperatorCodec.LENGTH, 0, 0, timeNs, timeNs, 4, 0);
        OperatorCodec.command(b, 0, command);
        OperatorCodec.operator(b, 0, 0);
        return OperatorCodec.LENGTH;
    }

    public static int connectivity(final MutableDirectBuffer b, final long timeNs, final byte state)
    {
        Header.write(b, 0, RecordType.CONNECTIVITY, ConnectivityCodec.LENGTH, 0, 0, timeNs, timeNs, 2, 0);
        ConnectivityCodec.venueId(b, 0, 1);
        ConnectivityCodec.state(b, 0, state);
        return ConnectivityCodec.LENGTH;
    }
}
