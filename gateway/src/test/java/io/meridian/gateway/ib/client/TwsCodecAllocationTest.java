package io.meridian.gateway.ib.client;

import io.meridian.engine.testing.Allocations;
import io.meridian.gateway.ib.testing.Frames;
import io.meridian.gateway.ib.wire.TwsFrameReader;
import io.meridian.gateway.ib.wire.TwsFrameWriter;
import java.io.ByteArrayOutputStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decoding the steady-state messages and encoding orders allocate nothing. */
class TwsCodecAllocationTest
{
    /** Counts what it receives; allocates nothing. */
    private static final class CountingListener implements TwsClientListener
    {
        long ticks;
        long statuses;
        long executions;
        long orders;
        long checksum;

        @Override
        public void onTickPrice(final int reqId, final int tickType, final long price, final long size, final int a)
        {
            ticks++;
            checksum += price;
        }

        @Override
        public void onTickSize(final int reqId, final int tickType, final long size)
        {
            ticks++;
        }

        @Override
        public void onOrderStatus(final OrderStatusView status)
        {
            statuses++;
            checksum += status.filled();
        }

        @Override
        public void onExecution(final ExecutionView execution)
        {
            executions++;
            checksum += execution.execId().length();
        }

        @Override
        public void onCommission(final CommissionView commission)
        {
            executions++;
        }

        @Override
        public void onOpenOrder(final OpenOrderView order)
        {
            orders++;
        }
    }

    @Test
    void shouldDecodeSteadyStateMessagesWithoutAllocating()
    {
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        final byte[][] messages = {
            Frames.frame("1", "6", "12", "1", "187.25", "300", "1"),
            Frames.frame("2", "6", "12", "0", "300"),
            Frames.frame("3", "1001", "Submitted", "40", "60", "187.25", "987654321", "0", "187.25", "7", "", "0"),
            Frames.frame(TwsMessageDecoderGoldenTest.openOrder(true)),
            Frames.frame(TwsMessageDecoderGoldenTest.fields("11", "-1", "1001", TwsMessageDecoderGoldenTest.AAPL_11,
                "e1", "20261202 15:31:02", "DU1", "ISLAND", "BOT", "40", "187.25", "9", "7", "0", "40", "187.25",
                "42", "", "", "", "2")),
            Frames.frame("59", "1", "e1", "0.35", "USD", "", "", ""),
        };
        for (int i = 0; i < 100; i++)
        {
            for (final byte[] m : messages)
            {
                stream.write(m, 0, m.length);
            }
        }
        final UnsafeBuffer bytes = new UnsafeBuffer(stream.toByteArray());
        final CountingListener listener = new CountingListener();
        final TwsMessageDecoder decoder = new TwsMessageDecoder(listener);
        final TwsFrameReader reader = new TwsFrameReader();
        final byte[] handshake = Frames.frame("151", "t");
        reader.append(new UnsafeBuffer(handshake), 0, handshake.length);
        reader.poll(decoder, 1);
        final Runnable window = () ->
        {
            int offset = 0;
            while (offset < bytes.capacity())
            {
                offset += reader.append(bytes, offset, Math.min(1500, bytes.capacity() - offset));
                reader.poll(decoder, Integer.MAX_VALUE);
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("600 decoded TWS messages", window);
        assertEquals(0, decoder.rejected());
        assertEquals(0, listener.ticks % 200);
        assertEquals(listener.statuses, listener.orders);
        assertEquals(2 * listener.orders, listener.executions);
        assertEquals(listener.checksum, listener.checksum & Long.MAX_VALUE);
    }

    @Test
    void shouldEncodeOrdersWithoutAllocating()
    {
        final TwsFrameWriter writer = new TwsFrameWriter(64 * 1024);
        final TwsRequestEncoder encoder = new TwsRequestEncoder(writer);
        final IbOrder order = new IbOrder().account("DU123456");
        final IbContract contract = TwsRequestEncoderGoldenTest.AAPL;
        final Runnable window = () ->
        {
            for (int i = 0; i < 50; i++)
            {
                order.set(1000 + i, (i & 1) == 0, 100_00000000L, IbOrderType.LMT, 187_25000000L + i, 0,
                    IbTimeInForce.DAY, false, 42 + i);
                encoder.placeOrder(151, contract, order);
                encoder.cancelOrder(1000 + i);
                writer.consumed(writer.pendingBytes());
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("50 PLACE_ORDER + CANCEL_ORDER", window);
    }
}
