package io.meridian.engine.testing;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A small deterministic world for engine tests: random-walk quotes and trades for instruments 1..n, and an
 * instant venue that acknowledges and fully fills every new order at its limit price and confirms every cancel.
 * Allocation-free after construction, so it can drive allocation tests.
 */
public final class TestMarket implements OutboundSink
{
    private static final int PENDING = 256;

    private final int instruments;
    private final long[] mid;
    private final long[] sourceSeq;
    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[PENDING * Header.MAX_RECORD_LENGTH]);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private int head;
    private int count;
    private long state;
    private long timeNs = 1_000_000_000L;
    private long ordersSeen;

    /**
     * A market.
     *
     * @param instruments number of instruments (ids 1..n).
     * @param startMidTicks starting mid of every instrument, in ticks.
     * @param seed random seed.
     */
    public TestMarket(final int instruments, final long startMidTicks, final long seed)
    {
        this.instruments = instruments;
        this.mid = new long[instruments];
        this.sourceSeq = new long[instruments];
        java.util.Arrays.fill(mid, startMidTicks);
        this.state = seed;
    }

    private long nextRandom()
    {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Writes the next inbound event: a pending venue report first, else a quote (80%) or trade.
     *
     * @param buffer destination at offset 0.
     * @return the record length.
     */
    public int next(final MutableDirectBuffer buffer)
    {
        timeNs += 100_000 + (nextRandom() & 0xFFFF);
        if (count > 0)
        {
            final int offset = head * Header.MAX_RECORD_LENGTH;
            final int length = Header.length(pending, offset);
            buffer.putBytes(0, pending, offset, length);
            buffer.putLong(Header.EVENT_TIME_NS_OFFSET, timeNs);
            head = (head + 1) % PENDING;
            count--;
            return length;
        }
        final long r = nextRandom();
        final int index = (int)((r >>> 1) % instruments);
        final long step = ((r >>> 20) % 5) - 2;
        mid[index] = Math.max(1000, mid[index] + step * 10);
        final long half = 5 + ((r >>> 30) & 3) * 5;
        final long bidQty = 100 + ((r >>> 34) & 511);
        final long askQty = 100 + ((r >>> 44) & 511);
        final int id = index + 1;
        if (((r >>> 56) & 7) < 6)
        {
            return Records.quote(
                buffer, id, timeNs, ++sourceSeq[index], mid[index] - half, bidQty, mid[index] + half, askQty);
        }
        final boolean buy = (r & 1) == 0;
        return Records.trade(buffer, id, timeNs, ++sourceSeq[index], buy ? mid[index] + half : mid[index] - half,
            1 + ((r >>> 50) & 63), buy ? Side.BUY : Side.SELL);
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        if (Header.type(buffer, offset) != RecordType.ORDER_COMMAND)
        {
            return;
        }
        ordersSeen++;
        final int instrument = Header.instrumentId(buffer, offset);
        final long clOrdId = OrderCommandCodec.clOrdId(buffer, offset);
        final byte side = OrderCommandCodec.side(buffer, offset);
        final long price = OrderCommandCodec.price(buffer, offset);
        final long qty = OrderCommandCodec.qty(buffer, offset);
        switch (OrderCommandCodec.command(buffer, offset))
        {
            case OrderCommandType.NEW:
                enqueue(instrument, clOrdId, ExecType.ACK, side, 0, 0, qty, 0);
                enqueue(instrument, clOrdId, ExecType.FILL, side, price, qty, 0, qty);
                break;
            case OrderCommandType.CANCEL:
                enqueue(instrument, OrderCommandCodec.origClOrdId(buffer, offset), ExecType.CANCELLED, side, 0, 0,
                    0, 0);
                break;
            default:
                break;
        }
    }

    private void enqueue(
        final int instrument, final long clOrdId, final byte type, final byte side, final long price,
        final long qty, final long leaves, final long cum)
    {
        if (count == PENDING)
        {
            throw new IllegalStateException("test venue queue full");
        }
        final int index = (head + count) % PENDING;
        view.wrap(pending, index * Header.MAX_RECORD_LENGTH, Header.MAX_RECORD_LENGTH);
        Records.execReport(view, instrument, timeNs, clOrdId, type, side, price, qty, leaves, cum);
        count++;
    }

    /**
     * Order commands the venue has seen.
     *
     * @return the count.
     */
    public long ordersSeen()
    {
        return ordersSeen;
    }
}
