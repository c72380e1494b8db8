package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The selection shared by the fat-finger quantity check and the risk monitor (quickselect, allocation-free) against
 * a sort: the k-th smallest of random arrays with many duplicates, every k.
 */
class MedianSelectionTest
{
    @Test
    void shouldSelectTheKthSmallestLikeASort()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2_000; trial++)
        {
            final int n = 1 + random.nextInt(100);
            final double[] values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = random.nextLong(1 + random.nextInt(50));
            }
            final double[] sorted = values.clone();
            Arrays.sort(sorted);
            final int k = random.nextInt(n);
            final double[] scratch = values.clone();
            assertEquals(sorted[k], Selection.kthSmallest(scratch, n, k), "trial " + trial);
            for (int i = 0; i < k; i++)
            {
                assertEquals(true, scratch[i] <= scratch[k], "left of k is no larger");
            }
        }
    }
}
