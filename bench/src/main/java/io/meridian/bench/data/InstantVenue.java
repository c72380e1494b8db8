package io.meridian.bench.data;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A venue with no latency and infinite liquidity, used as the engine's outbound sink in single-thread benchmarks so
 * that the order, acknowledgement and fill paths run: every NEW is acknowledged and fully filled at its limit price,
 * every CANCEL is confirmed. Reports queue up until the driver takes them with {@link #poll}, which stamps the
 * driver's event time. Allocation-free; single-threaded (the driver's thread).
 */
public final class InstantVenue implements OutboundSink
{
    /** Source id stamped on the reports. */
    public static final int SOURCE_ID = 2;

    private static final int CAPACITY = 256;
    private static final int SLOT = Header.MAX_RECORD_LENGTH;
    private static final long VENUE_ORDER_ID_BASE = 1_000_000_000L;

    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[CAPACITY * SLOT]);
    private int head;
    private int count;
    private long reports;
    private long ordersSeen;
    private long commandsSeen;

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        if (Header.type(buffer, offset) != RecordType.ORDER_COMMAND)
        {
            return;
        }
        commandsSeen++;
        final int instrument = Header.instrumentId(buffer, offset);
        final byte side = OrderCommandCodec.side(buffer, offset);
        switch (OrderCommandCodec.command(buffer, offset))
        {
            case OrderCommandType.NEW:
            {
                ordersSeen++;
                final long clOrdId = OrderCommandCodec.clOrdId(buffer, offset);
                final long qty = OrderCommandCodec.qty(buffer, offset);
                enqueue(instrument, clOrdId, ExecType.ACK, side, 0, 0, qty, 0);
                enqueue(instrument, clOrdId, ExecType.FILL, side, OrderCommandCodec.price(buffer, offset), qty, 0,
                    qty);
                break;
            }
            case OrderCommandType.CANCEL:
                enqueue(instrument, OrderCommandCodec.origClOrdId(buffer, offset), ExecType.CANCELLED, side, 0, 0, 0,
                    0);
                break;
            default:
                break;
        }
    }

    private void enqueue(
        final int instrument, final long clOrdId, final byte execType, final byte side, final long lastPrice,
        final long lastQty, final long leaves, final long cum)
    {
        if (count == CAPACITY)
        {
            throw new IllegalStateException(
                "instant venue: more than " + CAPACITY + " reports pending; poll more often");
        }
        final int offset = ((head + count) % CAPACITY) * SLOT;
        Header.write(pending, offset, RecordType.EXEC_REPORT, ExecReportCodec.LENGTH, instrument, 0L, 0L, 0L,
            SOURCE_ID, ++reports);
        ExecReportCodec.clOrdId(pending, offset, clOrdId);
        ExecReportCodec.venueOrderId(pending, offset, VENUE_ORDER_ID_BASE + clOrdId);
        ExecReportCodec.execType(pending, offset, execType);
        ExecReportCodec.side(pending, offset, side);
        ExecReportCodec.rejectCode(pending, offset, (short)0);
        ExecReportCodec.lastPrice(pending, offset, lastPrice);
        ExecReportCodec.lastQty(pending, offset, lastQty);
        ExecReportCodec.leavesQty(pending, offset, leaves);
        ExecReportCodec.cumQty(pending, offset, cum);
        count++;
    }

    /**
     * Whether a report is waiting.
     *
     * @return true when {@link #poll} has something to deliver.
     */
    public boolean hasPending()
    {
        return count > 0;
    }

    /**
     * Takes the oldest pending report.
     *
     * @param destination where to write it, at offset 0.
     * @param eventTimeNs event and receive time to stamp (the driver's current time).
     * @return the record length, or 0 when nothing is pending.
     */
    public int poll(final MutableDirectBuffer destination, final long eventTimeNs)
    {
        if (count == 0)
        {
            return 0;
        }
        final int offset = head * SLOT;
        destination.putBytes(0, pending, offset, ExecReportCodec.LENGTH);
        destination.putLong(Header.EVENT_TIME_NS_OFFSET, eventTimeNs);
        Header.receiveTimeNs(destination, 0, eventTimeNs);
        head = (head + 1) % CAPACITY;
        count--;
        return ExecReportCodec.LENGTH;
    }

    /**
     * NEW order commands seen.
     *
     * @return the count.
     */
    public long ordersSeen()
    {
        return ordersSeen;
    }

    /**
     * Order commands of any kind seen.
     *
     * @return the count.
     */
    public long commandsSeen()
    {
        return commandsSeen;
    }
}
