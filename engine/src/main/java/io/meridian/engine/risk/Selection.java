package io.meridian.engine.risk;

/**
 * Order statistics without allocation, for the checks and the risk monitor (rolling medians, historical VaR).
 * Stateless; used on the order stage's thread.
 */
final class Selection
{
    private Selection()
    {
    }

    /**
     * Quickselect (Hoare partition, middle pivot), in place and allocation-free ({@code Arrays.sort} may allocate
     * run buffers): afterwards {@code a[k]} is the k-th smallest of {@code a[0..n)}, everything before it no larger
     * and everything after it no smaller.
     *
     * @param a the values; reordered.
     * @param n how many of them count.
     * @param k the rank wanted, 0-based.
     * @return the k-th smallest value.
     */
    static double kthSmallest(final double[] a, final int n, final int k)
    {
        int left = 0;
        int right = n - 1;
        while (left < right)
        {
            final double pivot = a[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    final double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return a[k];
            }
        }
        return a[k];
    }
}
