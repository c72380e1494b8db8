package io.meridian.gateway.market;

/**
 * A small, seeded, allocation-free pseudo-random generator: the SplitMix64 sequence (a Weyl sequence with
 * increment {@code 0x9E3779B97F4A7C15} passed through a 64-bit finaliser). Its whole state is one {@code long}, so
 * two generators built from the same seed produce the same numbers on every JVM and platform.
 *
 * <p>Derived values use {@link StrictMath} so that results are bit-for-bit reproducible across machines
 * ({@link Math}'s transcendental functions may differ in the last bit between platforms and JIT tiers).
 *
 * <p>Not thread-safe: owned by the thread that drives the generator.
 */
public final class SplitMix64
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    /**
     * Creates a generator.
     *
     * @param seed any value; equal seeds give equal sequences.
     */
    public SplitMix64(final long seed)
    {
        this.state = seed;
    }

    /**
     * Next 64 uniformly distributed bits.
     *
     * @return a pseudo-random long.
     */
    public long nextLong()
    {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Uniform double in {@code [0, 1)} with 53 random bits.
     *
     * @return a pseudo-random double.
     */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Uniform int in {@code [0, bound)} (multiply-shift reduction; the bias is below 2^-32 for small bounds).
     *
     * @param bound exclusive upper bound, positive.
     * @return a pseudo-random int.
     */
    public int nextInt(final int bound)
    {
        return (int)(((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * Standard normal variate (Marsaglia's polar method; the second value of each pair is kept for the next call).
     *
     * @return a pseudo-random N(0, 1) double.
     */
    public double nextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        final double factor = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /**
     * Exponential variate with the given mean.
     *
     * @param mean the mean, positive.
     * @return a pseudo-random double {@code >= 0}.
     */
    public double nextExponential(final double mean)
    {
        // 1 - u is in (0, 1], so the logarithm is finite.
        return -mean * StrictMath.log(1.0 - nextDouble());
    }
}
