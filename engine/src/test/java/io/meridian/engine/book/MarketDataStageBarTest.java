package io.meridian.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The market-data stage on BAR records and the 20% jump filter on trades and bars (SPEC o1, o2, o4, o5): each
 * rejection counted by its reason, the derived top of book of an accepted bar.
 */
class MarketDataStageBarTest
{
    private static final int A = 1;
    private static final long T0 = 1_000_000_000L;
    private static final long NAN = Scales.NAN;

    private final InstrumentIndex instruments = new InstrumentIndex(
        new int[]{A}, new String[]{"AAA"}, new long[]{100}, new long[]{1});
    private final MarketDataStage stage = new MarketDataStage(instruments);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    private RejectReason bar(final long timeNs, final long seq, final long open, final long high, final long low,
        final long close, final long volume)
    {
        Records.bar(buffer, A, timeNs, seq, open, high, low, close, volume);
        return stage.onMarketData(buffer, 0);
    }

    private RejectReason trade(final long timeNs, final long seq, final long price)
    {
        Records.trade(buffer, A, timeNs, seq, price, 10, Side.BUY);
        return stage.onMarketData(buffer, 0);
    }

    @Test
    void shouldDeriveATopOfBookOneTickAroundTheCloseSizedAtTheVolume()
    {
        assertEquals(RejectReason.NONE, bar(T0, 1, 10_000, 10_100, 9_900, 10_050, 1_234));

        assertEquals(10_049, stage.bidPrice(0));
        assertEquals(10_051, stage.askPrice(0));
        assertEquals(1_234, stage.bidQty(0));
        assertEquals(1_234, stage.askQty(0));
        assertEquals(10_050, stage.lastTradePrice(0));
        assertEquals(1, stage.acceptedCount());
    }

    @Test
    void shouldSizeAZeroVolumeBarAtOneLot()
    {
        assertEquals(RejectReason.NONE, bar(T0, 1, 10_000, 10_000, 10_000, 10_000, 0));

        assertEquals(1, stage.bidQty(0));
        assertEquals(1, stage.askQty(0));
    }

    static Stream<Arguments> badBars()
    {
        return Stream.of(
            Arguments.of(NAN, 10_100, 9_900, 10_000, 1, RejectReason.MD_NOT_A_NUMBER),
            Arguments.of(10_000, 10_100, 9_900, 10_000, NAN, RejectReason.MD_NOT_A_NUMBER),
            Arguments.of(10_000, 10_100, 0, 10_000, 1, RejectReason.MD_NON_POSITIVE_PRICE),
            Arguments.of(10_000, 10_100, 9_900, -5, 1, RejectReason.MD_NON_POSITIVE_PRICE),
            Arguments.of(10_000, 10_100, 9_900, 10_000, -1, RejectReason.MD_NEGATIVE_VOLUME),
            Arguments.of(10_000, 9_800, 9_900, 9_850, 1, RejectReason.MD_BAR_INCONSISTENT),
            Arguments.of(10_200, 10_100, 9_900, 10_000, 1, RejectReason.MD_BAR_INCONSISTENT),
            Arguments.of(10_000, 10_100, 9_900, 9_800, 1, RejectReason.MD_BAR_INCONSISTENT));
    }

    @ParameterizedTest
    @MethodSource("badBars")
    void shouldRejectAnInconsistentBarAndCountItsReason(final long open, final long high, final long low,
        final long close, final long volume, final RejectReason expected)
    {
        assertEquals(expected, bar(T0, 1, open, high, low, close, volume));

        assertEquals(1, stage.rejectCount(expected));
        assertEquals(0, stage.acceptedCount());
        assertEquals(0, stage.bidPrice(0));
    }

    @Test
    void shouldRejectDuplicateAndOutOfOrderBars()
    {
        bar(T0, 2, 10_000, 10_100, 9_900, 10_000, 1);

        assertEquals(RejectReason.MD_DUPLICATE, bar(T0 + 1, 2, 10_000, 10_100, 9_900, 10_000, 1));
        assertEquals(RejectReason.MD_OUT_OF_ORDER, bar(T0 - 1, 3, 10_000, 10_100, 9_900, 10_000, 1));
        assertEquals(RejectReason.NONE, bar(T0 + 2, 3, 10_000, 10_100, 9_900, 10_000, 1));
    }

    @Test
    void shouldQuarantineOneJumpOfMoreThanTwentyPercentThenFollowTheNewLevel()
    {
        assertEquals(RejectReason.NONE, trade(T0, 1, 10_000));
        assertEquals(RejectReason.NONE, trade(T0 + 1, 2, 12_000));       // exactly 20%: allowed
        assertEquals(RejectReason.MD_PRICE_JUMP, trade(T0 + 2, 3, 14_401)); // 20.008% above 12_000
        assertEquals(12_000, stage.lastTradePrice(0));
        assertEquals(RejectReason.NONE, trade(T0 + 3, 4, 14_500));       // the new level confirmed
        assertEquals(RejectReason.MD_PRICE_JUMP, bar(T0 + 4, 5, 11_000, 11_000, 11_000, 11_000, 1));
        assertEquals(2, stage.rejectCount(RejectReason.MD_PRICE_JUMP));
    }
}
