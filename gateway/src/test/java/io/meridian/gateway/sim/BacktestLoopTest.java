package io.meridian.gateway.sim;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.gateway.market.SplitMix64;
import io.meridian.gateway.market.SyntheticMarket;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the synthetic market and the simulated venue with the merge loop the venue's javadoc describes, with a
 * seeded random order flow standing in for the engine, and checks determinism and bookkeeping invariants.
 */
class BacktestLoopTest
{
    private static final int MARKET_EVENTS = 100_000;

    @Test
    void shouldProduceIdenticalBytesForAnIdenticalScript()
    {
        final Run first = new Run(2_000, 77);
        first.run();
        final Run second = new Run(2_000, 77);
        second.run();
        assertTrue(first.fills > 100, "fills: " + first.fills);
        assertTrue(first.cancels > 10, "cancels: " + first.cancels);
        assertArrayEquals(first.bytes(), second.bytes());

        final Run slower = new Run(50_000, 77);
        slower.run();
        assertFalse(Arrays.equals(first.bytes(), slower.bytes()), "latency changes the outcome");
    }

    @Test
    void shouldKeepOrderQuantitiesConsistent()
    {
        final Run run = new Run(10_000, 5);
        run.run();
        assertTrue(run.reports > 1_000, "reports: " + run.reports);
        assertEquals(0, run.venue.workingOrderCount(), "the final mass cancel leaves nothing working");
        assertEquals(0, run.openOrders.size(), "every order reached a terminal state");
    }

    /** One backtest: market, venue, a random order flow and an output log of every record in delivery order. */
    private static final class Run implements ExecReportSink
    {
        final SyntheticMarket market;
        final SimulatedVenue venue;
        final SplitMix64 flow;
        final ExpandableArrayBuffer log = new ExpandableArrayBuffer(1 << 20);
        final UnsafeBuffer event = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final UnsafeBuffer command = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final long[] bid = new long[4];
        final long[] ask = new long[4];
        final Long2LongHashMap openOrders = new Long2LongHashMap(-1);
        int logPosition;
        long nextClOrdId = 1;
        long lastReportTimeNs;
        long lastSourceSequence;
        long reports;
        long fills;
        long cancels;

        Run(final long latencyNs, final long seed)
        {
            market = new SyntheticMarket(SyntheticMarket.Params.demo(seed, 0L));
            venue = new SimulatedVenue(new SimulatedVenue.Params(latencyNs, 1, 256), this);
            flow = new SplitMix64(seed * 31 + 1);
        }

        void run()
        {
            int delivered = 0;
            while (true)
            {
                final long tm = delivered < MARKET_EVENTS ? market.peekTimeNs() : Long.MAX_VALUE;
                final long tv = venue.nextEventTimeNs();
                if (tm == Long.MAX_VALUE && tv == Long.MAX_VALUE)
                {
                    break;
                }
                if (tv <= tm)
                {
                    venue.poll(tv);
                    continue;
                }
                final int length = market.next(event, 0);
                delivered++;
                venue.onMarketData(event, 0);
                append(event, 0, length);
                onMarketEvent(tm);
                if (delivered == MARKET_EVENTS)
                {
                    send(tm, 0, OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0, 0);
                }
            }
        }

        /** The stand-in for the engine: reacts to market data with a random order flow. */
        private void onMarketEvent(final long nowNs)
        {
            final int id = Header.instrumentId(event, 0);
            if (Header.type(event, 0) == RecordType.QUOTE)
            {
                bid[id] = QuoteCodec.bidPrice(event, 0);
                ask[id] = QuoteCodec.askPrice(event, 0);
            }
            if (flow.nextDouble() >= 0.02)
            {
                return;
            }
            final double action = flow.nextDouble();
            if (action < 0.6 && bid[id] > 0)
            {
                final byte side = flow.nextDouble() < 0.5 ? Side.BUY : Side.SELL;
                final boolean market = flow.nextDouble() < 0.2;
                final long offset = flow.nextInt(5) - 2L;
                final long price = side == Side.BUY ? bid[id] + offset : ask[id] - offset;
                final long qty = 1L + flow.nextInt(600);
                send(nowNs, id, OrderCommandType.NEW, side, market ? OrderType.MARKET : OrderType.LIMIT, price, qty,
                    0);
            }
            else if (action < 0.97)
            {
                final long orig = nextClOrdId > 1 ? 1 + (long)(flow.nextDouble() * (nextClOrdId - 1)) : 1;
                send(nowNs, id, OrderCommandType.CANCEL, Side.NONE, (byte)0, 0, 0, orig);
            }
            else
            {
                send(nowNs, flow.nextDouble() < 0.5 ? 0 : id, OrderCommandType.MASS_CANCEL, Side.NONE, (byte)0, 0, 0,
                    0);
            }
        }

        private void send(
            final long nowNs,
            final int instrumentId,
            final byte type,
            final byte side,
            final byte orderType,
            final long price,
            final long qty,
            final long origClOrdId)
        {
            final long clOrdId = nextClOrdId++;
            Header.write(command, 0, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH, instrumentId, 0, nowNs, 0, 0,
                0);
            OrderCommandCodec.causeSequence(command, 0, 0);
            OrderCommandCodec.clOrdId(command, 0, clOrdId);
            OrderCommandCodec.command(command, 0, type);
            OrderCommandCodec.side(command, 0, side);
            OrderCommandCodec.orderType(command, 0, orderType);
            OrderCommandCodec.timeInForce(command, 0, (byte)0);
            OrderCommandCodec.venueId(command, 0, 1);
            OrderCommandCodec.price(command, 0, price);
            OrderCommandCodec.qty(command, 0, qty);
            OrderCommandCodec.origClOrdId(command, 0, origClOrdId);
            if (type == OrderCommandType.NEW)
            {
                openOrders.put(clOrdId, qty);
            }
            venue.onOrderCommand(command, 0, nowNs);
            append(command, 0, OrderCommandCodec.LENGTH);
        }

        @Override
        public void onExecReport(final DirectBuffer buffer, final int offset, final int length)
        {
            reports++;
            final long timeNs = Header.eventTimeNs(buffer, offset);
            assertTrue(timeNs >= lastReportTimeNs, "report times never go backwards");
            lastReportTimeNs = timeNs;
            assertEquals(++lastSourceSequence, Header.sourceSequence(buffer, offset));

            final long clOrdId = ExecReportCodec.clOrdId(buffer, offset);
            final byte execType = ExecReportCodec.execType(buffer, offset);
            final long leaves = ExecReportCodec.leavesQty(buffer, offset);
            final long cum = ExecReportCodec.cumQty(buffer, offset);
            final long qty = openOrders.get(clOrdId);
            if (execType == ExecType.REJECTED)
            {
                if (ExecReportCodec.rejectCode(buffer, offset) == RejectReason.VENUE_UNKNOWN_ORDER.code())
                {
                    assertEquals(-1L, qty, "a cancel is only refused for an order that is not working");
                }
                openOrders.remove(clOrdId);
            }
            else
            {
                assertTrue(qty > 0, "report for an order that is not open: " + clOrdId);
                assertTrue(cum <= qty, "cumQty never exceeds the order quantity");
                if (execType == ExecType.FILL || execType == ExecType.PARTIAL_FILL || execType == ExecType.ACK)
                {
                    assertEquals(qty, leaves + cum, "leaves + cum == qty while the order works");
                }
                if (execType == ExecType.FILL || execType == ExecType.PARTIAL_FILL)
                {
                    fills++;
                    assertTrue(ExecReportCodec.lastQty(buffer, offset) > 0);
                    assertTrue(ExecReportCodec.lastPrice(buffer, offset) > 0);
                }
                if (execType == ExecType.FILL || execType == ExecType.CANCELLED)
                {
                    assertEquals(0, leaves);
                    openOrders.remove(clOrdId);
                }
                if (execType == ExecType.CANCELLED)
                {
                    cancels++;
                }
            }
            append(buffer, offset, length);
        }

        private void append(final DirectBuffer buffer, final int offset, final int length)
        {
            log.putBytes(logPosition, buffer, offset, length);
            logPosition += length;
        }

        byte[] bytes()
        {
            final byte[] bytes = new byte[logPosition];
            log.getBytes(0, bytes);
            return bytes;
        }
    }
}
