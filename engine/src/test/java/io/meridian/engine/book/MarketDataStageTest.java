package io.meridian.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.testing.Records;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarketDataStageTest
{
    private static final int A = 1;
    private static final int B = 2;
    private static final long T0 = 1_000_000_000L;
    private static final long NAN = Scales.NAN;

    private final InstrumentIndex instruments = new InstrumentIndex(
        new int[]{A, B}, new String[]{"AAA", "BBB"}, new long[]{10_000, 10_000}, new long[]{1, 1});
    private final MarketDataStage stage = new MarketDataStage(instruments);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    private RejectReason quote(
        final int instrument, final long timeNs, final long seq, final long bid, final long bidQty, final long ask,
        final long askQty)
    {
        Records.quote(buffer, instrument, timeNs, seq, bid, bidQty, ask, askQty);
        return stage.onMarketData(buffer, 0);
    }

    private RejectReason trade(
        final int instrument, final long timeNs, final long seq, final long price, final long qty)
    {
        Records.trade(buffer, instrument, timeNs, seq, price, qty, Side.BUY);
        return stage.onMarketData(buffer, 0);
    }

    private void assertBook(
        final int instrumentId, final long bid, final long bidQty, final long ask, final long askQty)
    {
        final int index = instruments.indexOf(instrumentId);
        assertEquals(bid, stage.bidPrice(index), "bid");
        assertEquals(bidQty, stage.bidQty(index), "bidQty");
        assertEquals(ask, stage.askPrice(index), "ask");
        assertEquals(askQty, stage.askQty(index), "askQty");
    }

    @Test
    void shouldAcceptValidQuoteAndUpdateBook()
    {
        assertFalse(stage.hasQuote(0));

        assertEquals(RejectReason.NONE, quote(A, T0, 1, 99_900, 300, 100_100, 400));

        assertBook(A, 99_900, 300, 100_100, 400);
        assertTrue(stage.hasQuote(0));
        assertEquals(1, stage.acceptedCount());
        assertEquals(0, stage.lastTradePrice(0));
    }

    @Test
    void shouldReplaceTheTouchWithEachAcceptedQuote()
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.NONE, quote(A, T0 + 10, 2, 99_800, 10, 99_950, 20));

        assertBook(A, 99_800, 10, 99_950, 20);
        assertEquals(2, stage.acceptedCount());
    }

    static Stream<Arguments> badQuotes()
    {
        return Stream.of(
            Arguments.of("NaN bid", RejectReason.MD_NOT_A_NUMBER, new long[]{NAN, 100, 1_010, 100}),
            Arguments.of("NaN bid size", RejectReason.MD_NOT_A_NUMBER, new long[]{1_000, NAN, 1_010, 100}),
            Arguments.of("NaN ask", RejectReason.MD_NOT_A_NUMBER, new long[]{1_000, 100, NAN, 100}),
            Arguments.of("NaN ask size", RejectReason.MD_NOT_A_NUMBER, new long[]{1_000, 100, 1_010, NAN}),
            Arguments.of("NaN everywhere", RejectReason.MD_NOT_A_NUMBER, new long[]{NAN, NAN, NAN, NAN}),
            Arguments.of("zero bid", RejectReason.MD_NON_POSITIVE_PRICE, new long[]{0, 100, 1_010, 100}),
            Arguments.of("negative bid", RejectReason.MD_NON_POSITIVE_PRICE, new long[]{-5, 100, 1_010, 100}),
            Arguments.of("zero ask", RejectReason.MD_NON_POSITIVE_PRICE, new long[]{1_000, 100, 0, 100}),
            Arguments.of("negative ask", RejectReason.MD_NON_POSITIVE_PRICE, new long[]{1_000, 100, -1, 100}),
            Arguments.of("zero bid size", RejectReason.MD_NON_POSITIVE_SIZE, new long[]{1_000, 0, 1_010, 100}),
            Arguments.of("negative bid size", RejectReason.MD_NON_POSITIVE_SIZE, new long[]{1_000, -1, 1_010, 100}),
            Arguments.of("zero ask size", RejectReason.MD_NON_POSITIVE_SIZE, new long[]{1_000, 100, 1_010, 0}),
            Arguments.of("negative ask size", RejectReason.MD_NON_POSITIVE_SIZE, new long[]{1_000, 100, 1_010, -7}),
            Arguments.of("crossed", RejectReason.MD_CROSSED, new long[]{1_011, 100, 1_010, 100}),
            Arguments.of("locked", RejectReason.MD_CROSSED, new long[]{1_010, 100, 1_010, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuotes")
    void shouldRejectBadQuoteWithItsReasonAndLeaveTheBookUnchanged(
        final String name, final RejectReason expected, final long[] fields)
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);

        assertEquals(expected, quote(A, T0 + 1, 2, fields[0], fields[1], fields[2], fields[3]));

        assertBook(A, 99_900, 300, 100_100, 400);
        assertEquals(1, stage.rejectCount(expected));
        assertEquals(1, stage.acceptedCount());
        for (final RejectReason other : RejectReason.values())
        {
            if (other != expected)
            {
                assertEquals(0, stage.rejectCount(other), other.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuotes")
    void shouldRejectBadQuoteOnAnEmptyBook(final String name, final RejectReason expected, final long[] fields)
    {
        assertEquals(expected, quote(A, T0, 1, fields[0], fields[1], fields[2], fields[3]));

        assertBook(A, 0, 0, 0, 0);
        assertFalse(stage.hasQuote(0));
        assertEquals(0, stage.acceptedCount());
    }

    static Stream<Arguments> badTrades()
    {
        return Stream.of(
            Arguments.of("NaN price", RejectReason.MD_NOT_A_NUMBER, NAN, 10L),
            Arguments.of("NaN size", RejectReason.MD_NOT_A_NUMBER, 1_000L, NAN),
            Arguments.of("zero price", RejectReason.MD_NON_POSITIVE_PRICE, 0L, 10L),
            Arguments.of("negative price", RejectReason.MD_NON_POSITIVE_PRICE, -1_000L, 10L),
            Arguments.of("zero size", RejectReason.MD_NON_POSITIVE_SIZE, 1_000L, 0L),
            Arguments.of("negative size", RejectReason.MD_NON_POSITIVE_SIZE, 1_000L, -3L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrades")
    void shouldRejectBadTradeAndKeepTheLastTradePrice(
        final String name, final RejectReason expected, final long price, final long qty)
    {
        trade(A, T0, 1, 1_005, 10);

        assertEquals(expected, trade(A, T0 + 1, 2, price, qty));

        assertEquals(1_005, stage.lastTradePrice(0));
        assertEquals(1, stage.rejectCount(expected));
        assertEquals(1, stage.acceptedCount());
    }

    @Test
    void shouldRejectDuplicateSourceSequenceEvenWithDifferentContent()
    {
        quote(A, T0, 7, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.MD_DUPLICATE, quote(A, T0 + 5, 7, 99_000, 1, 99_500, 1));
        assertEquals(RejectReason.MD_DUPLICATE, trade(A, T0 + 6, 7, 99_000, 1));

        assertBook(A, 99_900, 300, 100_100, 400);
        assertEquals(0, stage.lastTradePrice(0));
        assertEquals(2, stage.rejectCount(RejectReason.MD_DUPLICATE));
        assertEquals(0, stage.rejectCount(RejectReason.MD_OUT_OF_ORDER));
    }

    @Test
    void shouldRejectSourceSequenceGoingBackwards()
    {
        quote(A, T0, 10, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.MD_OUT_OF_ORDER, quote(A, T0 + 5, 9, 99_000, 1, 99_500, 1));

        assertBook(A, 99_900, 300, 100_100, 400);
        assertEquals(1, stage.rejectCount(RejectReason.MD_OUT_OF_ORDER));
        assertEquals(RejectReason.NONE, quote(A, T0 + 6, 11, 99_000, 1, 99_500, 1));
    }

    @Test
    void shouldRejectEventTimeGoingBackwardsWithANewSequence()
    {
        quote(A, T0, 10, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.MD_OUT_OF_ORDER, quote(A, T0 - 1, 11, 99_000, 1, 99_500, 1));
        assertEquals(RejectReason.MD_OUT_OF_ORDER, trade(A, T0 - 1, 12, 99_000, 1));

        assertBook(A, 99_900, 300, 100_100, 400);
        assertEquals(0, stage.lastTradePrice(0));
        assertEquals(2, stage.rejectCount(RejectReason.MD_OUT_OF_ORDER));
    }

    @Test
    void shouldAcceptEqualEventTimeWithANewerSequence()
    {
        quote(A, T0, 10, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.NONE, quote(A, T0, 11, 99_800, 30, 100_000, 40));

        assertBook(A, 99_800, 30, 100_000, 40);
    }

    @Test
    void shouldAcceptSequenceGapsForward()
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.NONE, quote(A, T0 + 1, 1_000, 99_800, 30, 100_000, 40));
        assertEquals(RejectReason.MD_OUT_OF_ORDER, quote(A, T0 + 2, 999, 99_800, 30, 100_000, 40));
    }

    @Test
    void shouldNotConsumeTheSequenceOrTimeOfARejectedEvent()
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);
        assertEquals(RejectReason.MD_CROSSED, quote(A, T0 + 1_000, 2, 100_200, 1, 100_100, 1));

        assertEquals(RejectReason.NONE, quote(A, T0 + 10, 2, 99_800, 30, 100_000, 40));

        assertBook(A, 99_800, 30, 100_000, 40);
    }

    @Test
    void shouldRejectUnknownInstrument()
    {
        assertEquals(RejectReason.MD_UNKNOWN_INSTRUMENT, quote(3, T0, 1, 99_900, 300, 100_100, 400));
        assertEquals(RejectReason.MD_UNKNOWN_INSTRUMENT, quote(0, T0, 2, 99_900, 300, 100_100, 400));
        assertEquals(RejectReason.MD_UNKNOWN_INSTRUMENT, quote(-1, T0, 3, 99_900, 300, 100_100, 400));
        assertEquals(RejectReason.MD_UNKNOWN_INSTRUMENT, quote(1_024, T0, 4, 99_900, 300, 100_100, 400));
        assertEquals(RejectReason.MD_UNKNOWN_INSTRUMENT, trade(Integer.MAX_VALUE, T0, 5, 1_000, 1));

        assertEquals(5, stage.rejectCount(RejectReason.MD_UNKNOWN_INSTRUMENT));
        assertEquals(0, stage.acceptedCount());
        assertBook(A, 0, 0, 0, 0);
        assertBook(B, 0, 0, 0, 0);
    }

    @Test
    void shouldReportNotANumberBeforeNonPositive()
    {
        // Scales.NAN is Long.MIN_VALUE, which is also negative: the more specific reason wins
        assertEquals(RejectReason.MD_NOT_A_NUMBER, quote(A, T0, 1, 0, NAN, 1_000, 10));
        assertEquals(RejectReason.MD_NOT_A_NUMBER, trade(A, T0, 2, 0, NAN));
        assertEquals(0, stage.rejectCount(RejectReason.MD_NON_POSITIVE_PRICE));
        assertEquals(0, stage.rejectCount(RejectReason.MD_NON_POSITIVE_SIZE));
    }

    @Test
    void shouldCheckFieldsBeforeSequence()
    {
        quote(A, T0, 5, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.MD_CROSSED, quote(A, T0 - 1, 5, 100_100, 300, 100_100, 400));
        assertEquals(RejectReason.MD_NON_POSITIVE_SIZE, trade(A, T0 - 1, 4, 1_000, 0));
    }

    @Test
    void shouldSetLastTradePriceWithoutTouchingTheQuote()
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);

        assertEquals(RejectReason.NONE, trade(A, T0 + 1, 2, 100_100, 25));
        assertEquals(100_100, stage.lastTradePrice(0));
        assertEquals(RejectReason.NONE, trade(A, T0 + 2, 3, 99_900, 5));

        assertEquals(99_900, stage.lastTradePrice(0));
        assertBook(A, 99_900, 300, 100_100, 400);
        assertEquals(3, stage.acceptedCount());
    }

    @Test
    void shouldAcceptATradeBeforeAnyQuote()
    {
        assertEquals(RejectReason.NONE, trade(B, T0, 1, 2_000, 1));

        final int index = instruments.indexOf(B);
        assertEquals(2_000, stage.lastTradePrice(index));
        assertFalse(stage.hasQuote(index));
    }

    @Test
    void shouldKeepInstrumentsIndependent()
    {
        assertEquals(RejectReason.NONE, quote(A, T0 + 1_000, 100, 99_900, 300, 100_100, 400));

        // B starts its own sequence and clock, both behind A's
        assertEquals(RejectReason.NONE, quote(B, T0, 1, 49_900, 10, 50_100, 20));
        assertEquals(RejectReason.NONE, trade(B, T0 + 1, 2, 50_000, 3));
        assertEquals(RejectReason.MD_CROSSED, quote(B, T0 + 2, 3, 50_200, 10, 50_100, 20));
        assertEquals(RejectReason.MD_DUPLICATE, quote(B, T0 + 3, 2, 49_000, 10, 50_100, 20));

        // A's sequence 100 is untouched by B's traffic, and a duplicate on B is not a duplicate on A
        assertEquals(RejectReason.MD_DUPLICATE, quote(A, T0 + 2_000, 100, 99_000, 1, 99_500, 1));
        assertEquals(RejectReason.NONE, quote(A, T0 + 2_000, 101, 99_000, 1, 99_500, 1));

        assertBook(A, 99_000, 1, 99_500, 1);
        assertEquals(0, stage.lastTradePrice(instruments.indexOf(A)));
        assertBook(B, 49_900, 10, 50_100, 20);
        assertEquals(50_000, stage.lastTradePrice(instruments.indexOf(B)));
        assertEquals(4, stage.acceptedCount());
        assertEquals(1, stage.rejectCount(RejectReason.MD_CROSSED));
        assertEquals(2, stage.rejectCount(RejectReason.MD_DUPLICATE));
    }

    @Test
    void shouldCountEveryReasonSeparately()
    {
        quote(A, T0, 1, 99_900, 300, 100_100, 400);
        quote(A, T0 + 1, 2, NAN, 300, 100_100, 400);
        quote(A, T0 + 1, 2, 0, 300, 100_100, 400);
        quote(A, T0 + 1, 2, 0, 300, 100_100, 400);
        quote(A, T0 + 1, 2, 99_900, 0, 100_100, 400);
        quote(A, T0 + 1, 2, 99_900, 1, 99_900, 400);
        quote(A, T0 + 1, 1, 99_900, 1, 100_100, 400);
        quote(A, T0 - 1, 2, 99_900, 1, 100_100, 400);
        quote(A, T0 - 1, 0, 99_900, 1, 100_100, 400);
        quote(9, T0, 1, 99_900, 300, 100_100, 400);
        quote(A, T0 + 1, 2, 99_900, 300, 100_100, 400);

        assertEquals(2, stage.acceptedCount());
        assertEquals(1, stage.rejectCount(RejectReason.MD_NOT_A_NUMBER));
        assertEquals(2, stage.rejectCount(RejectReason.MD_NON_POSITIVE_PRICE));
        assertEquals(1, stage.rejectCount(RejectReason.MD_NON_POSITIVE_SIZE));
        assertEquals(1, stage.rejectCount(RejectReason.MD_CROSSED));
        assertEquals(1, stage.rejectCount(RejectReason.MD_DUPLICATE));
        assertEquals(2, stage.rejectCount(RejectReason.MD_OUT_OF_ORDER));
        assertEquals(1, stage.rejectCount(RejectReason.MD_UNKNOWN_INSTRUMENT));
        assertEquals(0, stage.rejectCount(RejectReason.NONE));
    }
}
