package io.meridian.gateway.market;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitMix64Test
{
    @Test
    void shouldRepeatTheSameSequenceForTheSameSeed()
    {
        final SplitMix64 a = new SplitMix64(42);
        final SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
        }
    }

    @Test
    void shouldDifferForDifferentSeeds()
    {
        assertNotEquals(new SplitMix64(1).nextLong(), new SplitMix64(2).nextLong());
    }

    @Test
    void shouldProduceTheReferenceSplitMix64Values()
    {
        // published first outputs of SplitMix64 seeded with 0
        final SplitMix64 random = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
    }

    @Test
    void shouldDrawWithinRangesAndWithTheRightMoments()
    {
        final SplitMix64 random = new SplitMix64(7);
        final int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double expSum = 0;
        for (int i = 0; i < n; i++)
        {
            final double u = random.nextDouble();
            assertTrue(u >= 0.0 && u < 1.0);
            final int k = random.nextInt(3);
            assertTrue(k >= 0 && k < 3);
            final double z = random.nextGaussian();
            sum += z;
            sumSq += z * z;
            final double e = random.nextExponential(10.0);
            assertTrue(e >= 0.0);
            expSum += e;
        }
        assertEquals(0.0, sum / n, 0.02);
        assertEquals(1.0, sumSq / n, 0.02);
        assertEquals(10.0, expSum / n, 0.2);
    }
}
