package io.meridian.gateway.ibsim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One client connection of the simulator: its socket, received bytes, pending output (including messages held back
 * by a delay fault) and its subscriptions. Owned by the simulator's thread.
 */
final class SimSession
{
    /** Most output bytes held for a client that does not read; beyond this the session is dropped. */
    private static final int MAX_PENDING_BYTES = 8 * 1024 * 1024;

    /** A message held back until a time. */
    private static final class Delayed
    {
        final long dueNs;
        final long order;
        final byte[] bytes;

        Delayed(final long dueNs, final long order, final byte[] bytes)
        {
            this.dueNs = dueNs;
            this.order = order;
            this.bytes = bytes;
        }
    }

    final SocketChannel channel;
    final SimWire.Inbound inbound = new SimWire.Inbound();
    final Map<Integer, Integer> marketDataReqIds = new HashMap<>();
    final long[] receivedNs = new long[64];
    int receivedCount;
    int serverVersion;
    int clientId = -1;
    boolean started;
    boolean closed;
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>(
        (a, b) -> a.dueNs != b.dueNs ? Long.compare(a.dueNs, b.dueNs) : Long.compare(a.order, b.order));
    private long delayedOrder;
    private long pendingBytes;

    SimSession(final SocketChannel channel)
    {
        this.channel = channel;
    }

    void send(final byte[] bytes)
    {
        if (closed)
        {
            return;
        }
        output.add(ByteBuffer.wrap(bytes));
        pendingBytes += bytes.length;
        if (pendingBytes > MAX_PENDING_BYTES)
        {
            close();
        }
    }

    void sendAt(final long dueNs, final byte[] bytes)
    {
        delayed.add(new Delayed(dueNs, delayedOrder++, bytes));
    }

    /**
     * Records one received message's time.
     *
     * @return how many messages arrived within the last second, this one included (counted up to the ring's 64).
     */
    int received(final long nowNs)
    {
        receivedNs[receivedCount % receivedNs.length] = nowNs;
        receivedCount++;
        int n = 1;
        while (n < receivedNs.length && n < receivedCount
            && nowNs - receivedNs[(receivedCount - 1 - n) % receivedNs.length] < 1_000_000_000L)
        {
            n++;
        }
        return n;
    }

    int flush(final long nowNs)
    {
        while (!delayed.isEmpty() && delayed.peek().dueNs <= nowNs)
        {
            send(delayed.poll().bytes);
        }
        int written = 0;
        try
        {
            while (!output.isEmpty() && !closed)
            {
                final ByteBuffer head = output.peek();
                written += channel.write(head);
                if (head.hasRemaining())
                {
                    break;
                }
                pendingBytes -= head.capacity();
                output.poll();
            }
        }
        catch (final IOException ex)
        {
            close();
        }
        return written;
    }

    void close()
    {
        closed = true;
        try
        {
            channel.close();
        }
        catch (final IOException ignored)
        {
            // already failed: nothing more to do
        }
    }
}
