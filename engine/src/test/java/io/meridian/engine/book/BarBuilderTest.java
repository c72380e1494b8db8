package io.meridian.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.testing.Allocations;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Time, volume and dollar bars from trades, checked against hand-computed bars; the BAR record a completed bar
 * writes; nothing allocated per trade.
 */
class BarBuilderTest
{
    private static final long MINUTE = 60_000_000_000L;

    private static void assertBar(final BarBuilder bars, final int index, final long open, final long high,
        final long low, final long close, final long volume, final long timeNs)
    {
        assertEquals(open, bars.open(index), "open");
        assertEquals(high, bars.high(index), "high");
        assertEquals(low, bars.low(index), "low");
        assertEquals(close, bars.close(index), "close");
        assertEquals(volume, bars.volume(index), "volume");
        assertEquals(timeNs, bars.timeNs(index), "time");
    }

    @Test
    void shouldCutTimeBarsAtAlignedWindowsAndStampThemAtTheWindowEnd()
    {
        final BarBuilder bars = new BarBuilder(2, BarBuilder.Kind.TIME, MINUTE);
        assertFalse(bars.onTrade(0, 10 * MINUTE + 5, 100, 3));
        assertFalse(bars.onTrade(1, 10 * MINUTE + 6, 500, 1));             // another instrument, its own bar
        assertFalse(bars.onTrade(0, 10 * MINUTE + 20, 104, 2));
        assertFalse(bars.onTrade(0, 11 * MINUTE - 1, 98, 5));
        assertTrue(bars.onTrade(0, 11 * MINUTE, 101, 7));                   // the window [10, 11) ends
        assertBar(bars, 0, 100, 104, 98, 98, 10, 11 * MINUTE);
        assertEquals(MINUTE, bars.durationNs(0));

        assertFalse(bars.flush(0, 12 * MINUTE - 1));
        assertTrue(bars.flush(0, 12 * MINUTE));                             // a timer closes [11, 12)
        assertBar(bars, 0, 101, 101, 101, 101, 7, 12 * MINUTE);
        assertFalse(bars.flush(0, 13 * MINUTE), "no trades, no bar");

        assertTrue(bars.onTrade(1, 15 * MINUTE, 510, 1));                  // a trade minutes later closes [10, 11)
        assertBar(bars, 1, 500, 500, 500, 500, 1, 11 * MINUTE);
    }

    @Test
    void shouldCompleteAVolumeBarWithTheTradeThatReachesTheThreshold()
    {
        final BarBuilder bars = new BarBuilder(1, BarBuilder.Kind.VOLUME, 100);
        assertFalse(bars.onTrade(0, 1_000, 50, 40));
        assertFalse(bars.onTrade(0, 2_000, 52, 59));
        assertTrue(bars.onTrade(0, 3_000, 49, 30));                         // 129 >= 100: the trade is not split
        assertBar(bars, 0, 50, 52, 49, 49, 129, 3_000);
        assertEquals(2_000, bars.durationNs(0));
        assertTrue(bars.onTrade(0, 4_000, 51, 100));                        // exactly the threshold
        assertBar(bars, 0, 51, 51, 51, 51, 100, 4_000);
    }

    @Test
    void shouldCompleteADollarBarOnTradedValue()
    {
        final BarBuilder bars = new BarBuilder(1, BarBuilder.Kind.DOLLAR, 10_000);
        assertFalse(bars.onTrade(0, 1, 100, 50));                           // 5,000
        assertFalse(bars.onTrade(0, 2, 110, 45));                           // 9,950
        assertTrue(bars.onTrade(0, 3, 90, 1));                              // 10,040
        assertBar(bars, 0, 100, 110, 90, 90, 96, 3);
    }

    @Test
    void shouldWriteTheCompletedBarAsABarRecord()
    {
        final BarBuilder bars = new BarBuilder(1, BarBuilder.Kind.VOLUME, 10);
        bars.onTrade(0, 7_000, 1_234, 10);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        assertEquals(BarCodec.LENGTH, bars.write(0, buffer, 16, 42, 3, 9));
        assertEquals(RecordType.BAR, Header.type(buffer, 16));
        assertEquals(42, Header.instrumentId(buffer, 16));
        assertEquals(7_000, Header.eventTimeNs(buffer, 16));
        assertEquals(9, Header.sourceSequence(buffer, 16));
        assertEquals(1_234, BarCodec.open(buffer, 16));
        assertEquals(1_234, BarCodec.close(buffer, 16));
        assertEquals(10, BarCodec.volume(buffer, 16));
        assertEquals(0, BarCodec.durationNs(buffer, 16));
    }

    @Test
    void shouldRefuseANonPositiveThreshold()
    {
        assertThrows(IllegalArgumentException.class, () -> new BarBuilder(1, BarBuilder.Kind.TIME, 0));
    }

    @Test
    void shouldAllocateNothingPerTrade()
    {
        final BarBuilder[] builders = {new BarBuilder(4, BarBuilder.Kind.TIME, MINUTE),
            new BarBuilder(4, BarBuilder.Kind.VOLUME, 1_000), new BarBuilder(4, BarBuilder.Kind.DOLLAR, 1_000_000)};
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final long[] time = {0};
        final Runnable window = () ->
        {
            for (int i = 0; i < 50_000; i++)
            {
                time[0] += 1_000_000_000L;
                for (final BarBuilder bars : builders)
                {
                    if (bars.onTrade(i & 3, time[0], 1_000 + (i % 17), 1 + (i % 5)))
                    {
                        bars.write(i & 3, buffer, 0, 1, 1, i);
                    }
                }
            }
        };
        for (int i = 0; i < 4; i++)
        {
            window.run();
        }
        Allocations.assertSteadyStateAllocatesNothing("50000 trades into three bar builders", window);
    }
}
