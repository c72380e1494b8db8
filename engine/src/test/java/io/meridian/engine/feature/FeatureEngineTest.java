package io.meridian.engine.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureEngineTest
{
    private static final double EPS = 1e-9;
    private static final double BPS = 10_000.0;

    private final double[] out = new double[FeatureSchema.COUNT];

    /** Feeds a quote of the given mid with a one-unit half spread and equal sizes. */
    private static boolean mid(final FeatureEngine engine, final int index, final double mid, final double[] out)
    {
        return engine.onQuote(index, mid - 1.0, 100.0, mid + 1.0, 100.0, out);
    }

    @Test
    void shouldComputeEmasByHand()
    {
        // fast period 3 -> alpha 0.5; slow period 7 -> alpha 0.25
        final FeatureEngine engine = new FeatureEngine(1, 3, 7, 4);

        mid(engine, 0, 100.0, out);
        assertEquals(0.0, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals(0.0, out[FeatureSchema.MOMENTUM], EPS);

        // fast 100 + 0.5 * 2 = 101, slow 100 + 0.25 * 2 = 100.5
        mid(engine, 0, 102.0, out);
        assertEquals((101.0 - 100.5) / 100.5 * BPS, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals((102.0 - 101.0) / 101.0 * BPS, out[FeatureSchema.MOMENTUM], EPS);
        assertEquals(49.75124378109453, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals(99.00990099009901, out[FeatureSchema.MOMENTUM], EPS);

        // fast 101 + 0.5 * 0 = 101, slow 100.5 + 0.25 * 0.5 = 100.625
        mid(engine, 0, 101.0, out);
        assertEquals((101.0 - 100.625) / 100.625 * BPS, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals(0.0, out[FeatureSchema.MOMENTUM], EPS);

        // fast 101 + 0.5 * 4 = 103, slow 100.625 + 0.25 * 4.375 = 101.71875
        mid(engine, 0, 105.0, out);
        assertEquals((103.0 - 101.71875) / 101.71875 * BPS, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals((105.0 - 103.0) / 103.0 * BPS, out[FeatureSchema.MOMENTUM], EPS);

        // fast 103 + 0.5 * -7 = 99.5, slow 101.71875 + 0.25 * -5.71875 = 100.2890625
        mid(engine, 0, 96.0, out);
        assertEquals((99.5 - 100.2890625) / 100.2890625 * BPS, out[FeatureSchema.EMA_CROSS], EPS);
        assertEquals((96.0 - 99.5) / 99.5 * BPS, out[FeatureSchema.MOMENTUM], EPS);
        assertEquals(5, engine.quoteCount(0));
    }

    @Test
    void shouldComputeImbalanceMicropriceAndSpreadExactly()
    {
        final FeatureEngine engine = new FeatureEngine(1, 3, 7, 4);

        // mid 100; microprice (99 * 100 + 101 * 300) / 400 = 100.5
        engine.onQuote(0, 99.0, 300.0, 101.0, 100.0, out);

        assertEquals(0.5, out[FeatureSchema.IMBALANCE], 0.0);
        assertEquals(50.0, out[FeatureSchema.MICROPRICE], EPS);
        assertEquals(200.0, out[FeatureSchema.SPREAD], EPS);

        // mid 200; ask-heavy: imbalance (100 - 700) / 800 = -0.75; microprice (199.5*700 + 200.5*100) / 800 = 199.625
        engine.onQuote(0, 199.5, 100.0, 200.5, 700.0, out);

        assertEquals(-0.75, out[FeatureSchema.IMBALANCE], 0.0);
        assertEquals((199.625 - 200.0) / 200.0 * BPS, out[FeatureSchema.MICROPRICE], EPS);
        assertEquals(-18.75, out[FeatureSchema.MICROPRICE], EPS);
        assertEquals(50.0, out[FeatureSchema.SPREAD], EPS);
    }

    @Test
    void shouldGiveZeroImbalanceAndMicropriceAtMidForEqualSizes()
    {
        final FeatureEngine engine = new FeatureEngine(1, 3, 7, 4);

        engine.onQuote(0, 49.99, 250.0, 50.01, 250.0, out);

        assertEquals(0.0, out[FeatureSchema.IMBALANCE], 0.0);
        assertEquals(0.0, out[FeatureSchema.MICROPRICE], EPS);
        assertEquals(0.02 / 50.0 * BPS, out[FeatureSchema.SPREAD], EPS);
    }

    @Test
    void shouldComputeRealizedVolOverAFullWindowByHand()
    {
        final FeatureEngine engine = new FeatureEngine(1, 2, 3, 2);
        mid(engine, 0, 100.0, out);
        mid(engine, 0, 110.0, out);
        mid(engine, 0, 99.0, out);

        final double r1 = Math.log(110.0 / 100.0);
        final double r2 = Math.log(99.0 / 110.0);
        assertEquals(Math.sqrt((r1 * r1 + r2 * r2) / 2.0) * BPS, out[FeatureSchema.REALIZED_VOL], EPS);

        // the first return leaves the window
        mid(engine, 0, 99.0, out);
        assertEquals(Math.sqrt(r2 * r2 / 2.0) * BPS, out[FeatureSchema.REALIZED_VOL], EPS);

        mid(engine, 0, 99.0, out);
        assertEquals(0.0, out[FeatureSchema.REALIZED_VOL], 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64})
    void shouldMatchDirectRealizedVolWhileTheWindowWrapsManyTimes(final int window)
    {
        final FeatureEngine engine = new FeatureEngine(1, 4, 16, window);
        final Random random = new Random(window * 31L + 5);
        final List<Double> mids = new ArrayList<>();
        double mid = 1_000.0;
        final int quotes = window * 12 + 7;
        for (int i = 0; i < quotes; i++)
        {
            mid *= Math.exp(random.nextGaussian() * 0.001 * (1 + (i / window) % 3));
            mids.add(mid);
            mid(engine, 0, mid, out);
            if (i >= window)
            {
                double sum = 0.0;
                for (int k = i - window + 1; k <= i; k++)
                {
                    final double r = Math.log(mids.get(k) / mids.get(k - 1));
                    sum += r * r;
                }
                final double expected = Math.sqrt(sum / window) * BPS;
                assertEquals(expected, out[FeatureSchema.REALIZED_VOL], 1e-9 * Math.max(1.0, expected),
                    "quote " + i + " of window " + window);
            }
        }
    }

    @Test
    void shouldBeReadyOnlyAfterTheSlowEmaWarmUp()
    {
        // warm-up = max(slow 7, window 4) + 1 = 8 quotes
        final FeatureEngine engine = new FeatureEngine(1, 3, 7, 4);
        for (int i = 1; i <= 7; i++)
        {
            assertFalse(mid(engine, 0, 100.0 + i, out), "quote " + i);
        }
        assertTrue(mid(engine, 0, 100.0, out), "quote 8");
        assertTrue(mid(engine, 0, 101.0, out), "quote 9");
    }

    @Test
    void shouldBeReadyOnlyAfterTheVolWindowWarmUp()
    {
        // warm-up = max(slow 3, window 16) + 1 = 17 quotes
        final FeatureEngine engine = new FeatureEngine(1, 2, 3, 16);
        for (int i = 1; i <= 16; i++)
        {
            assertFalse(mid(engine, 0, 100.0 + i, out), "quote " + i);
        }
        assertTrue(mid(engine, 0, 100.0, out), "quote 17");
    }

    @Test
    void shouldWarmUpEachInstrumentSeparately()
    {
        final FeatureEngine engine = new FeatureEngine(2, 2, 3, 2);
        for (int i = 0; i < 4; i++)
        {
            mid(engine, 0, 100.0 + i, out);
        }
        assertTrue(mid(engine, 0, 100.0, out));
        assertFalse(mid(engine, 1, 100.0, out));
        assertEquals(5, engine.quoteCount(0));
        assertEquals(1, engine.quoteCount(1));
    }

    @Test
    void shouldKeepInstrumentsIndependent()
    {
        final Random random = new Random(99);
        final FeatureEngine alone = new FeatureEngine(1, 4, 8, 4);
        final FeatureEngine shared = new FeatureEngine(3, 4, 8, 4);
        final double[] expected = new double[FeatureSchema.COUNT];
        for (int i = 0; i < 200; i++)
        {
            final double bid = 100.0 + random.nextInt(50) * 0.01;
            final double bidQty = 1 + random.nextInt(500);
            final double askQty = 1 + random.nextInt(500);
            final boolean readyAlone = alone.onQuote(0, bid, bidQty, bid + 0.02, askQty, expected);
            // noise on the neighbours before and after
            shared.onQuote(0, 50.0 + random.nextInt(10), 7, 61.0 + random.nextInt(10), 9, out);
            final boolean readyShared = shared.onQuote(1, bid, bidQty, bid + 0.02, askQty, out);
            assertEquals(readyAlone, readyShared, "ready at " + i);
            assertArrayEquals(expected, out, "features at " + i);
            shared.onQuote(2, 10.0 + random.nextInt(10), 3, 21.0, 4, out);
        }
    }

    @Test
    void shouldNotLookAhead()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final Random random = new Random(seed);
            final int length = 150 + random.nextInt(100);
            final double[][] quotes = randomQuotes(random, length);
            final double[][] full = run(quotes, length);
            final int cut = random.nextInt(length);

            // the same prefix, then a different future
            final double[][] altered = quotes.clone();
            final double[][] tail = randomQuotes(new Random(seed * 1_000_003L), length);
            for (int t = cut + 1; t < length; t++)
            {
                altered[t] = tail[t];
            }
            final double[][] alteredOut = run(altered, length);
            // the prefix alone
            final double[][] truncatedOut = run(quotes, cut + 1);

            for (int t = 0; t <= cut; t++)
            {
                assertArrayEquals(full[t], alteredOut[t], "seed " + seed + " event " + t + " with altered future");
                assertArrayEquals(full[t], truncatedOut[t], "seed " + seed + " event " + t + " with no future");
            }
        }
    }

    /** Quotes as {instrument, bid, bidQty, ask, askQty}, on two instruments. */
    private static double[][] randomQuotes(final Random random, final int length)
    {
        final double[][] quotes = new double[length][];
        final double[] mids = {100.0, 250.0};
        for (int t = 0; t < length; t++)
        {
            final int instrument = random.nextInt(2);
            mids[instrument] *= Math.exp(random.nextGaussian() * 0.002);
            final double half = 0.01 * (1 + random.nextInt(5));
            quotes[t] = new double[]{
                instrument, mids[instrument] - half, 1 + random.nextInt(1_000), mids[instrument] + half,
                1 + random.nextInt(1_000),
            };
        }
        return quotes;
    }

    /** Runs a fresh engine over the first {@code count} quotes; each row is the vector plus the ready flag. */
    private static double[][] run(final double[][] quotes, final int count)
    {
        final FeatureEngine engine = new FeatureEngine(2, 4, 16, 8);
        final double[][] vectors = new double[count][];
        final double[] vector = new double[FeatureSchema.COUNT];
        for (int t = 0; t < count; t++)
        {
            final double[] q = quotes[t];
            final boolean ready = engine.onQuote((int)q[0], q[1], q[2], q[3], q[4], vector);
            vectors[t] = new double[FeatureSchema.COUNT + 1];
            System.arraycopy(vector, 0, vectors[t], 0, FeatureSchema.COUNT);
            vectors[t][FeatureSchema.COUNT] = ready ? 1.0 : 0.0;
        }
        return vectors;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 12, 100, 129, -4})
    void shouldRejectAVolWindowThatIsNotAPowerOfTwo(final int window)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new FeatureEngine(1, 16, 64, window));

        assertTrue(ex.getMessage().contains("volWindowTicks"), ex.getMessage());
        assertTrue(ex.getMessage().contains(Integer.toString(window)), ex.getMessage());
    }

    @Test
    void shouldAcceptPowerOfTwoVolWindows()
    {
        for (int window = 1; window <= 65_536; window <<= 1)
        {
            assertEquals(2, new FeatureEngine(2, 16, 64, window).instruments());
        }
    }
}
