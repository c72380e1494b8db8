package io.meridian.bench.ib;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.gateway.ib.adapter.IbGateway;
import io.meridian.gateway.ib.adapter.IbInstrument;
import io.meridian.gateway.ib.client.IbContract;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.runtime.launch.Args;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code ./meridian bench ib-roundtrip [--orders N]}: the order round trip over loopback against ib-sim, on one
 * thread: an engine ORDER_COMMAND (a DAY limit far from the market, so it rests) handed to the IB adapter, encoded as
 * PLACE_ORDER, read and acknowledged by the simulator, and the ACK EXEC_REPORT back in the adapter's sink; then a
 * cancel (not timed) and a pause so that the next order finds a pacing token (IB's limit, 45 messages/s here, is not
 * part of the latency). Baseline in the same run, interleaved order by order: a raw non-blocking socket echo over
 * loopback of a frame of the PLACE_ORDER's size, through an echo server polled in the same loop. Prints p50, p90, p99
 * and max of both and their ratio; with 500 orders or more, also the p50 and p90 of each 250 orders, which show the
 * order path warming up: at IB's pace (45 messages/s, here one order and one cancel per 50 ms) the adapter's and the
 * simulator's order code runs a few hundred times a minute, so the first orders run interpreted or C1-compiled.
 */
public final class IbRoundTripMain
{
    private static final String USAGE = "usage: meridian bench ib-roundtrip [--orders N]   (default 200)";
    private static final int FRAME = 200;
    /** Orders per line of the JIT warm-up's progress (printed when there are at least two such windows). */
    private static final int WINDOW = 250;

    private IbRoundTripMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args the options.
     * @throws IOException when a socket fails.
     */
    public static void main(final String[] args) throws IOException
    {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the harness.
     *
     * @param args the options.
     * @param out where the report goes.
     * @return 0 on success, 2 on bad options.
     * @throws IOException when a socket fails.
     */
    public static int run(final String[] args, final PrintStream out) throws IOException
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("orders", "200");
        final Args options = Args.parse("bench ib-roundtrip", List.of(args), defaults, Set.of(Args.HELP))
            .noPositional();
        if (options.help())
        {
            out.println(USAGE);
            return 0;
        }
        final int orders = (int)options.longOption("orders", 10, 100_000);
        final Histogram ib = new Histogram(60_000_000_000L, 3);
        final Histogram echo = new Histogram(60_000_000_000L, 3);
        final Histogram window = new Histogram(60_000_000_000L, 3);
        final long[] ackNs = new long[orders + 1];
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(20),
                SimFaults.none(), System.currentTimeMillis());
            ServerSocketChannel server = ServerSocketChannel.open())
        {
            final int port = sim.bind();
            final List<IbInstrument> instruments = List.of(new IbInstrument(1, 100, 1,
                new IbContract(900_001, "MRDA", "STK", "SMART", "NASDAQ", "USD", "", "")));
            final IbGateway gateway = new IbGateway(new TwsConnectionConfig("127.0.0.1", port, 1, 45, 1,
                5_000_000_000L, 5_000_000_000L, 10_000_000L, 100_000_000L), instruments, "DU0000001", 1,
                (b, o, l) ->
                {
                    if (Header.type(b, o) == RecordType.EXEC_REPORT)
                    {
                        final int id = (int)ExecReportCodec.clOrdId(b, o);
                        final byte type = ExecReportCodec.execType(b, o);
                        if (id > 0 && id <= orders && type == ExecType.ACK)
                        {
                            ackNs[id] = System.nanoTime();
                        }
                    }
                }, new SystemEpochNanoClock());
            gateway.start(System.nanoTime());
            final long upBy = System.nanoTime() + 30_000_000_000L;
            while (!gateway.up())
            {
                if (System.nanoTime() > upBy)
                {
                    throw new IllegalStateException("ib-roundtrip: the adapter did not come up against ib-sim");
                }
                pump(sim, gateway, System.nanoTime() + 1_000_000L);
            }
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.configureBlocking(false);
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress()))
            {
                client.configureBlocking(false);
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketChannel peer = null;
                while (peer == null)
                {
                    peer = server.accept();
                }
                peer.configureBlocking(false);
                peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final ByteBuffer out1 = ByteBuffer.allocateDirect(FRAME);
                final ByteBuffer relay = ByteBuffer.allocateDirect(FRAME);
                final ByteBuffer back = ByteBuffer.allocateDirect(FRAME);
                final UnsafeBuffer command = new UnsafeBuffer(new byte[OrderCommandCodec.LENGTH]);
                for (int i = 1; i <= orders; i++)
                {
                    final long t0 = System.nanoTime();
                    gateway.onRecord(command(command, i, OrderCommandType.NEW, 0), 0, OrderCommandCodec.LENGTH);
                    while (ackNs[i] == 0)
                    {
                        sim.doWork(System.nanoTime());
                        gateway.doWork(System.nanoTime());
                    }
                    ib.recordValue(ackNs[i] - t0);
                    window.recordValue(ackNs[i] - t0);
                    if (i % WINDOW == 0 && orders >= 2 * WINDOW)
                    {
                        out.printf("ib order->ack, orders %,d-%,d: p50 %.1f us, p90 %.1f us%n", i - WINDOW + 1, i,
                            window.getValueAtPercentile(50) / 1e3, window.getValueAtPercentile(90) / 1e3);
                        window.reset();
                    }
                    echo.recordValue(echoOnce(client, peer, out1, relay, back));
                    gateway.onRecord(command(command, orders + i, OrderCommandType.CANCEL, i), 0,
                        OrderCommandCodec.LENGTH);
                    pump(sim, gateway, System.nanoTime() + 50_000_000L);     // two pacing tokens at 45/s
                }
                peer.close();
            }
            gateway.close();
        }
        out.printf("ib-roundtrip: %d orders over loopback against ib-sim (adapter -> PLACE_ORDER -> ib-sim -> "
            + "orderStatus -> ACK record)%n", orders);
        line(out, "ib order->ack", ib);
        line(out, "raw socket echo", echo);
        out.printf("ratio p50 %.1fx, p99 %.1fx%n", ib.getValueAtPercentile(50) / (double)echo.getValueAtPercentile(50),
            ib.getValueAtPercentile(99) / (double)echo.getValueAtPercentile(99));
        return 0;
    }

    private static long echoOnce(final SocketChannel client, final SocketChannel peer, final ByteBuffer out,
        final ByteBuffer relay, final ByteBuffer back) throws IOException
    {
        out.clear();
        relay.clear();
        back.clear();
        final long t0 = System.nanoTime();
        while (out.hasRemaining())
        {
            client.write(out);
        }
        while (relay.hasRemaining())
        {
            peer.read(relay);
        }
        relay.flip();
        while (relay.hasRemaining())
        {
            peer.write(relay);
        }
        while (back.hasRemaining())
        {
            client.read(back);
        }
        return System.nanoTime() - t0;
    }

    private static void pump(final IbSimulator sim, final IbGateway gateway, final long untilNs) throws IOException
    {
        while (System.nanoTime() < untilNs)
        {
            sim.doWork(System.nanoTime());
            gateway.doWork(System.nanoTime());
        }
    }

    private static UnsafeBuffer command(final UnsafeBuffer b, final long clOrdId, final byte command,
        final long orig)
    {
        b.setMemory(0, OrderCommandCodec.LENGTH, (byte)0);
        Header.write(b, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, 1, 1, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(b, 0, clOrdId);
        OrderCommandCodec.command(b, 0, command);
        OrderCommandCodec.side(b, 0, Side.SELL);
        OrderCommandCodec.orderType(b, 0, OrderType.LIMIT);
        OrderCommandCodec.venueId(b, 0, 1);
        OrderCommandCodec.price(b, 0, 999_900);
        OrderCommandCodec.qty(b, 0, 1);
        OrderCommandCodec.origClOrdId(b, 0, orig);
        return b;
    }

    private static void line(final PrintStream out, final String name, final Histogram h)
    {
        out.printf("%-16s p50 %8.1f us  p90 %8.1f us  p99 %8.1f us  max %8.1f us  (n=%d)%n", name,
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getMaxValue() / 1e3, h.getTotalCount());
    }
}
