package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sorted window (fat-finger median, historical VaR) against a fresh sort of the last values after every add:
 * many duplicates, so evictions must remove exactly one equal value; windows of 1, odd and even sizes.
 */
class SortedWindowTest
{
    @Test
    void shouldMatchAFreshSortOfTheLastValuesAfterEveryAdd()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (final int capacity : new int[] {1, 2, 5, 100})
        {
            final SortedWindow window = new SortedWindow(capacity);
            final ArrayDeque<Double> last = new ArrayDeque<>();
            for (int i = 0; i < 3_000; i++)
            {
                final double value = random.nextInt(4) == 0 ? 0.0 : random.nextInt(-20, 21);
                window.add(value);
                last.addLast(value);
                if (last.size() > capacity)
                {
                    last.removeFirst();
                }
                final double[] sorted = last.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(sorted);
                assertEquals(sorted.length, window.count());
                for (int k = 0; k < sorted.length; k++)
                {
                    assertEquals(sorted[k], window.smallest(k), "capacity " + capacity + ", add " + i + ", k " + k);
                }
                final int n = sorted.length;
                final double median = (n & 1) == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
                assertEquals(median, window.median(), "median, capacity " + capacity + ", add " + i);
            }
        }
    }

    @Test
    void shouldGiveZeroMedianWhenEmptyAndRefuseNoCapacity()
    {
        assertEquals(0.0, new SortedWindow(3).median());
        assertThrows(IllegalArgumentException.class, () -> new SortedWindow(0));
    }
}
