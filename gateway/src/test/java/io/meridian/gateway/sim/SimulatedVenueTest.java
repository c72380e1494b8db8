package io.meridian.gateway.sim;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.OrderType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TimeInForce;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.testing.Allocations;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated venue's contract, as its class javadoc states it, rule by rule.
 *
 * <p>Over 500 lines: one test per rule of the venue's contract, and the contract has many.
 */
class SimulatedVenueTest
{
    private static final long LATENCY = 500;
    private static final int ID = 1;

    private final VenueScript script = new VenueScript(LATENCY, 64);
    private final SimulatedVenue venue = script.venue;

    @Test
    void shouldAckAndFillAMarketableLimitAtTheTouchAfterTheLatency()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 11, Side.BUY, 102, 50);

        assertEquals(2_000 + LATENCY, venue.nextEventTimeNs());
        assertEquals(0, venue.poll(2_000 + LATENCY - 1));
        assertTrue(script.reports.isEmpty());
        assertEquals(2, venue.poll(2_000 + LATENCY));

        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size());
        assertReport(reports.get(0), ExecType.ACK, 11, 0, 0, 50, 0, 2_500);
        assertReport(reports.get(1), ExecType.FILL, 11, 101, 50, 0, 50, 2_500);
        assertEquals(Side.BUY, reports.get(1).side());
        assertEquals(ID, reports.get(1).instrumentId());
        assertEquals(reports.get(0).venueOrderId(), reports.get(1).venueOrderId());
        assertTrue(reports.get(0).venueOrderId() > 0);
        assertEquals(1, reports.get(0).sourceSequence());
        assertEquals(2, reports.get(1).sourceSequence());
        assertEquals(0, venue.workingOrderCount());
        assertEquals(Long.MAX_VALUE, venue.nextEventTimeNs());
    }

    @Test
    void shouldPartiallyFillWhenSizeIsShortThenRestAndFillWhenALaterQuoteCrosses()
    {
        script.quote(ID, 1_000, 99, 100, 101, 30);
        script.limit(2_000, ID, 12, Side.BUY, 101, 50);
        venue.poll(2_500);
        List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size());
        assertReport(reports.get(0), ExecType.ACK, 12, 0, 0, 50, 0, 2_500);
        assertReport(reports.get(1), ExecType.PARTIAL_FILL, 12, 101, 30, 20, 30, 2_500);
        assertEquals(1, venue.workingOrderCount());

        script.quote(ID, 3_000, 100, 100, 102, 100);
        assertEquals(Long.MAX_VALUE, venue.nextEventTimeNs(), "a quote that does not cross fills nothing");

        script.quote(ID, 4_000, 99, 100, 100, 5);
        assertEquals(4_000, venue.nextEventTimeNs(), "quote-driven fills are due at the quote's time");
        assertEquals(1, venue.poll(4_000));
        reports = script.drain();
        assertReport(reports.get(0), ExecType.PARTIAL_FILL, 12, 101, 5, 15, 35, 4_000);

        script.quote(ID, 5_000, 100, 100, 101, 100);
        assertEquals(1, venue.poll(5_000));
        reports = script.drain();
        assertReport(reports.get(0), ExecType.FILL, 12, 101, 15, 0, 50, 5_000);
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldCancelTheUnfilledRemainderOfAMarketOrder()
    {
        script.quote(ID, 1_000, 99, 30, 101, 100);
        script.market(2_000, ID, 13, Side.SELL, 80);
        assertEquals(3, venue.poll(10_000));
        final List<VenueScript.Report> reports = script.drain();
        assertReport(reports.get(0), ExecType.ACK, 13, 0, 0, 80, 0, 2_500);
        assertReport(reports.get(1), ExecType.PARTIAL_FILL, 13, 99, 30, 50, 30, 2_500);
        assertReport(reports.get(2), ExecType.CANCELLED, 13, 0, 0, 0, 30, 2_500);
        assertEquals(Side.SELL, reports.get(2).side());
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldCancelTheUnfilledRemainderOfAnIocLimit()
    {
        script.quote(ID, 1_000, 99, 100, 101, 10);
        script.ioc(2_000, ID, 14, Side.BUY, 101, 25);
        venue.poll(10_000);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(3, reports.size());
        assertReport(reports.get(1), ExecType.PARTIAL_FILL, 14, 101, 10, 15, 10, 2_500);
        assertReport(reports.get(2), ExecType.CANCELLED, 14, 0, 0, 0, 10, 2_500);
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldRestALimitThatIsNotMarketableUntilItIsCrossed()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 15, Side.BUY, 100, 20);
        venue.poll(2_500);
        assertReport(script.drain().get(0), ExecType.ACK, 15, 0, 0, 20, 0, 2_500);
        assertEquals(1, venue.workingOrderCount());

        script.quote(ID, 3_000, 99, 100, 101, 100);
        script.trade(ID, 3_100, 100, 40, Side.SELL);
        script.quote(ID, 3_200, 100, 100, 101, 100);
        venue.poll(3_200);
        assertTrue(script.reports.isEmpty(), "no fill before the order is crossed: " + script.reports);

        script.quote(ID, 4_000, 99, 100, 100, 8);
        venue.poll(4_000);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(1, reports.size());
        assertReport(reports.get(0), ExecType.PARTIAL_FILL, 15, 100, 8, 12, 8, 4_000);
    }

    @Test
    void shouldFillARestingSellAtItsLimitWhenABidCrossesIt()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 16, Side.SELL, 100, 20);
        venue.poll(2_500);
        script.drain();
        script.quote(ID, 3_000, 102, 50, 103, 100);
        venue.poll(3_000);
        assertReport(script.drain().get(0), ExecType.FILL, 16, 100, 20, 0, 20, 3_000);
    }

    @Test
    void shouldFillARestingLimitWhenATradePrintsThroughIt()
    {
        script.quote(ID, 1_000, 98, 100, 101, 100);
        script.limit(2_000, ID, 17, Side.BUY, 100, 20);
        venue.poll(2_500);
        script.drain();
        script.trade(ID, 3_000, 99, 5, Side.SELL);
        assertEquals(1, venue.poll(3_000));
        assertReport(script.drain().get(0), ExecType.PARTIAL_FILL, 17, 100, 5, 15, 5, 3_000);
    }

    @Test
    void shouldShareDisplayedSizeInPriceTimePriority()
    {
        script.quote(ID, 1_000, 98, 100, 102, 100);
        script.limit(2_000, ID, 21, Side.BUY, 100, 10);
        script.limit(2_001, ID, 22, Side.BUY, 101, 10);
        script.limit(2_002, ID, 23, Side.BUY, 101, 10);
        venue.poll(3_000);
        script.drain();
        script.quote(ID, 4_000, 98, 100, 100, 15);
        venue.poll(4_000);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size());
        assertReport(reports.get(0), ExecType.FILL, 22, 101, 10, 0, 10, 4_000);
        assertReport(reports.get(1), ExecType.PARTIAL_FILL, 23, 101, 5, 5, 5, 4_000);
        assertEquals(2, venue.workingOrderCount());
    }

    @Test
    void shouldConsumeDisplayedSizeUntilTheNextQuote()
    {
        script.quote(ID, 1_000, 99, 100, 101, 30);
        script.limit(2_000, ID, 31, Side.BUY, 101, 30);
        script.limit(2_000, ID, 32, Side.BUY, 101, 30);
        venue.poll(2_500);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(3, reports.size());
        assertReport(reports.get(1), ExecType.FILL, 31, 101, 30, 0, 30, 2_500);
        assertReport(reports.get(2), ExecType.ACK, 32, 0, 0, 30, 0, 2_500);
        assertEquals(1, venue.workingOrderCount());
        script.quote(ID, 3_000, 99, 100, 101, 100);
        venue.poll(3_000);
        assertReport(script.drain().get(0), ExecType.FILL, 32, 101, 30, 0, 30, 3_000);
    }

    @Test
    void shouldCancelAWorkingOrder()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 41, Side.BUY, 100, 20);
        venue.poll(2_500);
        script.drain();
        script.cancel(3_000, ID, 42, 41);
        assertEquals(3_500, venue.nextEventTimeNs());
        assertEquals(1, venue.poll(3_500));
        final VenueScript.Report report = script.drain().get(0);
        assertReport(report, ExecType.CANCELLED, 41, 0, 0, 0, 0, 3_500);
        assertEquals(Side.BUY, report.side());
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldRejectTheCancelOfAnUnknownOrder()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.cancel(2_000, ID, 43, 999);
        venue.poll(2_500);
        final VenueScript.Report report = script.drain().get(0);
        assertReport(report, ExecType.REJECTED, 999, 0, 0, 0, 0, 2_500);
        assertEquals(RejectReason.VENUE_UNKNOWN_ORDER.code(), report.rejectCode());
        assertEquals(0, report.venueOrderId());
    }

    @Test
    void shouldRejectTheCancelOfAnOrderThatHasAlreadyFilled()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 44, Side.BUY, 100, 20);
        script.cancel(2_200, ID, 45, 44);
        venue.poll(2_500);
        script.quote(ID, 2_600, 99, 100, 100, 100);
        venue.poll(2_700);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(3, reports.size());
        assertReport(reports.get(0), ExecType.ACK, 44, 0, 0, 20, 0, 2_500);
        assertReport(reports.get(1), ExecType.FILL, 44, 100, 20, 0, 20, 2_600);
        assertReport(reports.get(2), ExecType.REJECTED, 44, 0, 0, 0, 0, 2_700);
        assertEquals(RejectReason.VENUE_UNKNOWN_ORDER.code(), reports.get(2).rejectCode());
    }

    @Test
    void shouldMassCancelByInstrumentAndThenAllInClOrdIdOrder()
    {
        script.quote(1, 1_000, 99, 100, 101, 100);
        script.quote(2, 1_000, 49, 100, 51, 100);
        script.limit(2_000, 1, 30, Side.BUY, 98, 10);
        script.limit(2_000, 2, 20, Side.SELL, 55, 10);
        script.limit(2_000, 1, 10, Side.SELL, 105, 10);
        venue.poll(2_500);
        script.drain();
        assertEquals(3, venue.workingOrderCount());

        script.massCancel(3_000, 1, 100);
        assertEquals(2, venue.poll(3_500));
        List<VenueScript.Report> reports = script.drain();
        assertReport(reports.get(0), ExecType.CANCELLED, 10, 0, 0, 0, 0, 3_500);
        assertReport(reports.get(1), ExecType.CANCELLED, 30, 0, 0, 0, 0, 3_500);
        assertEquals(1, reports.get(0).instrumentId());

        script.limit(4_000, 1, 5, Side.BUY, 98, 10);
        script.massCancel(4_000, 0, 101);
        venue.poll(4_500);
        reports = script.drain();
        assertEquals(3, reports.size());
        assertEquals(ExecType.ACK, reports.get(0).execType());
        assertReport(reports.get(1), ExecType.CANCELLED, 5, 0, 0, 0, 0, 4_500);
        assertReport(reports.get(2), ExecType.CANCELLED, 20, 0, 0, 0, 0, 4_500);
        assertEquals(2, reports.get(2).instrumentId());
        assertEquals(0, venue.workingOrderCount());

        script.massCancel(5_000, 0, 102);
        assertEquals(0, venue.poll(5_500), "nothing to cancel, nothing reported");
    }

    @Test
    void shouldRejectANewOrderWhenTheVenueHasNoMarketData()
    {
        script.quote(2, 1_000, 99, 100, 101, 100);
        script.limit(2_000, ID, 51, Side.BUY, 100, 10);
        venue.poll(2_500);
        final VenueScript.Report report = script.drain().get(0);
        assertReport(report, ExecType.REJECTED, 51, 0, 0, 0, 0, 2_500);
        assertEquals(RejectReason.VENUE_REJECT.code(), report.rejectCode());
        assertEquals(0, venue.workingOrderCount());
    }

    @Test
    void shouldRejectInvalidNewOrders()
    {
        final VenueScript small = new VenueScript(0, 1);
        small.quote(ID, 1_000, 99, 100, 101, 100);
        small.limit(2_000, ID, 1, Side.BUY, 100, 0);
        small.limit(2_000, ID, 2, Side.BUY, 0, 10);
        small.limit(2_000, ID, 3, (byte)9, 100, 10);
        small.commandTo(2_000, ID, OrderCommandType.NEW, 4, Side.BUY, OrderType.LIMIT, (byte)0, 100, 10, 0, 8);
        small.command(2_000, ID, (byte)77, 5, Side.BUY, OrderType.LIMIT, (byte)0, 100, 10, 0);
        small.limit(2_000, ID, 6, Side.BUY, 100, 10);
        small.limit(2_000, ID, 6, Side.BUY, 100, 10);
        small.limit(2_000, ID, 7, Side.BUY, 100, 10);
        small.venue.poll(2_000);
        final List<VenueScript.Report> reports = small.drain();
        assertEquals(8, reports.size());
        final long[] rejected = {1, 2, 3, 4, 5};
        for (int i = 0; i < rejected.length; i++)
        {
            assertReport(reports.get(i), ExecType.REJECTED, rejected[i], 0, 0, 0, 0, 2_000);
            assertEquals(RejectReason.VENUE_REJECT.code(), reports.get(i).rejectCode());
        }
        assertReport(reports.get(5), ExecType.ACK, 6, 0, 0, 10, 0, 2_000);
        assertReport(reports.get(6), ExecType.REJECTED, 6, 0, 0, 0, 0, 2_000);
        assertReport(reports.get(7), ExecType.REJECTED, 7, 0, 0, 0, 0, 2_000);
        assertEquals(1, small.venue.workingOrderCount());
    }

    @Test
    void shouldRefuseOrderTypesAndTimesInForceItDoesNotSupportByName()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        // a STOP buy with its stop below the ask would fill at once if taken for a market order: refused instead
        script.command(2_000, ID, OrderCommandType.NEW, 1, Side.BUY, OrderType.STOP, TimeInForce.DAY, 0, 10, 0);
        script.command(2_000, ID, OrderCommandType.NEW, 2, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.DAY, 98, 10,
            0);
        script.command(2_000, ID, OrderCommandType.NEW, 3, Side.BUY, (byte)9, TimeInForce.DAY, 100, 10, 0);
        script.command(2_000, ID, OrderCommandType.NEW, 4, Side.BUY, OrderType.LIMIT, (byte)7, 100, 10, 0);
        // GTC is supported: it rests like DAY (no session end in a backtest)
        script.command(2_000, ID, OrderCommandType.NEW, 5, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 10, 0);
        venue.poll(2_500);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(5, reports.size());
        for (int i = 0; i < 4; i++)
        {
            assertReport(reports.get(i), ExecType.REJECTED, i + 1, 0, 0, 0, 0, 2_500);
            assertEquals(RejectReason.VENUE_UNSUPPORTED_ORDER.code(), reports.get(i).rejectCode());
        }
        assertReport(reports.get(4), ExecType.ACK, 5, 0, 0, 10, 0, 2_500);
        assertEquals(1, venue.workingOrderCount());
    }

    @Test
    void shouldMatchACommandAgainstTheMarketAsItIsWhenTheCommandArrives()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.market(2_000, ID, 61, Side.BUY, 10);
        // driver contract: poll(t) before market data at t; the quote at 2_200 comes before the arrival at 2_500
        venue.poll(2_200);
        script.quote(ID, 2_200, 104, 100, 105, 100);
        venue.poll(2_499);
        assertTrue(script.reports.isEmpty());
        venue.poll(2_500);
        final List<VenueScript.Report> reports = script.drain();
        assertReport(reports.get(1), ExecType.FILL, 61, 105, 10, 0, 10, 2_500);
    }

    @Test
    void shouldProcessPendingEventsDueAtOrBeforeAQuoteBeforeApplyingIt()
    {
        script.quote(ID, 1_000, 99, 100, 101, 100);
        script.market(2_000, ID, 62, Side.BUY, 10);
        // no explicit poll: onMarketData at the arrival time still lets the command see the old quote first
        script.quote(ID, 2_500, 109, 100, 110, 100);
        final List<VenueScript.Report> reports = script.drain();
        assertEquals(2, reports.size());
        assertReport(reports.get(1), ExecType.FILL, 62, 101, 10, 0, 10, 2_500);
    }

    @Test
    void shouldEmitInDueTimeOrderWithTiesInCreationOrder()
    {
        final VenueScript slow = new VenueScript(1_000, 16);
        slow.quote(ID, 100, 99, 100, 101, 100);
        slow.limit(200, ID, 1, Side.BUY, 100, 10);
        slow.venue.poll(1_200);
        slow.drain();
        slow.limit(1_500, ID, 2, Side.BUY, 101, 5);
        slow.cancel(1_500, ID, 3, 1);
        slow.quote(ID, 1_800, 99, 100, 100, 20);
        assertEquals(1_800, slow.venue.nextEventTimeNs());
        assertEquals(4, slow.venue.poll(3_000));
        final List<VenueScript.Report> reports = slow.drain();
        assertReport(reports.get(0), ExecType.FILL, 1, 100, 10, 0, 10, 1_800);
        assertReport(reports.get(1), ExecType.ACK, 2, 0, 0, 5, 0, 2_500);
        assertReport(reports.get(2), ExecType.FILL, 2, 100, 5, 0, 5, 2_500);
        assertReport(reports.get(3), ExecType.REJECTED, 1, 0, 0, 0, 0, 2_500);
        for (int i = 0; i < reports.size(); i++)
        {
            assertEquals(2 + i, reports.get(i).sourceSequence());
        }
    }

    @Test
    void shouldAcceptACommandFromTheSinkReentrantly()
    {
        final UnsafeBuffer cancel = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final int[] reports = new int[1];
        final SimulatedVenue[] holder = new SimulatedVenue[1];
        final SimulatedVenue reentrant = new SimulatedVenue(new SimulatedVenue.Params(0, 0, 4),
            (buffer, offset, length) ->
            {
                reports[0]++;
                if (reports[0] == 1)
                {
                    writeCancel(cancel, 2, 1);
                    holder[0].onOrderCommand(cancel, 0, Header.eventTimeNs(buffer, offset));
                }
            });
        holder[0] = reentrant;
        final UnsafeBuffer md = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        Header.write(md, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, ID, 0, 10, 0, 1, 1);
        QuoteCodec.bidPrice(md, 0, 99);
        QuoteCodec.bidQty(md, 0, 1);
        QuoteCodec.askPrice(md, 0, 101);
        QuoteCodec.askQty(md, 0, 1);
        reentrant.onMarketData(md, 0);
        final UnsafeBuffer order = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        writeCancel(order, 1, 0);
        OrderCommandCodec.command(order, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(order, 0, Side.BUY);
        OrderCommandCodec.orderType(order, 0, OrderType.LIMIT);
        OrderCommandCodec.price(order, 0, 100);
        OrderCommandCodec.qty(order, 0, 3);
        reentrant.onOrderCommand(order, 0, 20);
        assertEquals(2, reentrant.poll(20), "the ACK, then the cancel queued from inside the sink");
        assertEquals(0, reentrant.workingOrderCount());
    }

    @Test
    void shouldRefuseARecordThatIsNotAnOrderCommand()
    {
        final UnsafeBuffer md = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        Header.write(md, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, ID, 0, 10, 0, 1, 1);
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> venue.onOrderCommand(md, 0, 10));
        assertTrue(e.getMessage().contains("QUOTE"), e.getMessage());
        final IllegalArgumentException bad =
            assertThrows(IllegalArgumentException.class, () -> new SimulatedVenue.Params(-1, 0, 10));
        assertTrue(bad.getMessage().contains("latencyNs=-1"), bad.getMessage());
    }

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final long[] count = new long[1];
        final SimulatedVenue quiet = new SimulatedVenue(
            new SimulatedVenue.Params(LATENCY, 7, 16), (buffer, offset, length) -> count[0] += length);
        final UnsafeBuffer md = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final UnsafeBuffer cmd = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final long[] time = {1_000};
        for (int i = 0; i < 20_000; i++)
        {
            cycle(quiet, md, cmd, time, i);
        }
        final int[] next = {20_000};
        final Runnable window = () ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                cycle(quiet, md, cmd, time, next[0]++);
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("100k new/fill/cancel cycles", window);
        assertTrue(count[0] > 0);
        assertEquals(0, quiet.workingOrderCount());
    }

    /** One new/partial fill/rest/quote fill/new/cancel cycle on two instruments. */
    private static void cycle(
        final SimulatedVenue venue, final UnsafeBuffer md, final UnsafeBuffer cmd, final long[] time, final int i)
    {
        final int instrument = 1 + (i & 1);
        final long clOrdId = 2L * i + 1;
        quote(venue, md, instrument, time[0] += 100, 99, 10, 101, 4);
        newOrder(venue, cmd, instrument, clOrdId, OrderType.LIMIT, 101, 10, time[0]);
        venue.poll(time[0] += LATENCY);
        quote(venue, md, instrument, time[0] += 100, 99, 10, 100, 100);
        newOrder(venue, cmd, instrument, clOrdId + 1, OrderType.LIMIT, 98, 10, time[0]);
        venue.poll(time[0] += LATENCY);
        writeCancel(cmd, clOrdId + 1, clOrdId + 1);
        Header.write(cmd, 0, OrderCommandCodec.TYPE,
            OrderCommandCodec.LENGTH, instrument, 0, time[0], 0, 0, 0);
        venue.onOrderCommand(cmd, 0, time[0]);
        venue.poll(time[0] += LATENCY);
    }

    private static void quote(
        final SimulatedVenue venue,
        final UnsafeBuffer md,
        final int instrument,
        final long timeNs,
        final long bid,
        final long bidQty,
        final long ask,
        final long askQty)
    {
        Header.write(md, 0, QuoteCodec.TYPE, QuoteCodec.LENGTH, instrument, 0, timeNs, 0, 1, timeNs);
        QuoteCodec.bidPrice(md, 0, bid);
        QuoteCodec.bidQty(md, 0, bidQty);
        QuoteCodec.askPrice(md, 0, ask);
        QuoteCodec.askQty(md, 0, askQty);
        venue.poll(timeNs);
        venue.onMarketData(md, 0);
    }

    private static void newOrder(
        final SimulatedVenue venue,
        final UnsafeBuffer cmd,
        final int instrument,
        final long clOrdId,
        final byte orderType,
        final long price,
        final long qty,
        final long nowNs)
    {
        Header.write(cmd, 0, OrderCommandCodec.TYPE,
            OrderCommandCodec.LENGTH, instrument, 0, nowNs, 0, 0, 0);
        OrderCommandCodec.clOrdId(cmd, 0, clOrdId);
        OrderCommandCodec.command(cmd, 0, OrderCommandType.NEW);
        OrderCommandCodec.side(cmd, 0, Side.BUY);
        OrderCommandCodec.orderType(cmd, 0, orderType);
        OrderCommandCodec.timeInForce(cmd, 0, (byte)0);
        OrderCommandCodec.venueId(cmd, 0, 0);
        OrderCommandCodec.price(cmd, 0, price);
        OrderCommandCodec.qty(cmd, 0, qty);
        OrderCommandCodec.origClOrdId(cmd, 0, 0);
        venue.onOrderCommand(cmd, 0, nowNs);
    }

    private static void writeCancel(final UnsafeBuffer cmd, final long clOrdId, final long origClOrdId)
    {
        Header.write(cmd, 0, OrderCommandCodec.TYPE,
            OrderCommandCodec.LENGTH, ID, 0, 0, 0, 0, 0);
        OrderCommandCodec.clOrdId(cmd, 0, clOrdId);
        OrderCommandCodec.command(cmd, 0, OrderCommandType.CANCEL);
        OrderCommandCodec.side(cmd, 0, Side.NONE);
        OrderCommandCodec.orderType(cmd, 0, (byte)0);
        OrderCommandCodec.timeInForce(cmd, 0, (byte)0);
        OrderCommandCodec.venueId(cmd, 0, 0);
        OrderCommandCodec.price(cmd, 0, 0);
        OrderCommandCodec.qty(cmd, 0, 0);
        OrderCommandCodec.origClOrdId(cmd, 0, origClOrdId);
    }

    private static void assertReport(
        final VenueScript.Report report,
        final byte execType,
        final long clOrdId,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long eventTimeNs)
    {
        final String what = report.toString();
        assertEquals(ExecType.name(execType), ExecType.name(report.execType()), what);
        assertEquals(clOrdId, report.clOrdId(), what);
        assertEquals(lastPrice, report.lastPrice(), what);
        assertEquals(lastQty, report.lastQty(), what);
        assertEquals(leavesQty, report.leavesQty(), what);
        assertEquals(cumQty, report.cumQty(), what);
        assertEquals(eventTimeNs, report.eventTimeNs(), what);
    }
}
