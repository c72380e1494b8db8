package io.meridian.report.stats;

/**
 * The standard normal distribution: {@link #cdf}, {@link #inverseCdf} and {@link #pdf}, to close to double precision
 * (the tests compare them with R's {@code pnorm} and {@code qnorm}).
 *
 * <p>The CDF comes from the error function: for {@code |x| < 3} the series
 * {@code erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))}, whose terms are all positive (no cancellation);
 * beyond, the continued fraction {@code erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))} evaluated
 * with the modified Lentz method. The tails keep their relative precision because the lower tail is always computed
 * as {@code erfc} of a positive argument. The inverse is Newton's method on the CDF inside a bisection bracket.
 */
public final class Normal
{
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    private static final double TINY = 1e-300;

    private Normal()
    {
    }

    /**
     * Density φ(x).
     *
     * @param x the point.
     * @return {@code e^(−x²/2)/√(2π)}.
     */
    public static double pdf(final double x)
    {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /**
     * Φ(x) = P(Z ≤ x).
     *
     * @param x the point.
     * @return the probability; NaN for NaN.
     */
    public static double cdf(final double x)
    {
        if (Double.isNaN(x))
        {
            return Double.NaN;
        }
        final double z = x / SQRT2;
        if (z < 0)
        {
            return 0.5 * erfc(-z);
        }
        return z < 3.0 ? 0.5 + 0.5 * erf(z) : 1.0 - 0.5 * erfc(z);
    }

    /**
     * Φ⁻¹(p).
     *
     * @param p a probability.
     * @return x with Φ(x) = p; −∞ at 0, +∞ at 1, NaN outside [0, 1].
     */
    public static double inverseCdf(final double p)
    {
        if (Double.isNaN(p) || p < 0 || p > 1)
        {
            return Double.NaN;
        }
        if (p == 0)
        {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1)
        {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5)
        {
            return 0.0;
        }
        if (p > 0.5)
        {
            return -inverseLower(1.0 - p);
        }
        return inverseLower(p);
    }

    /** Solves Φ(x) = p for p ≤ 0.5 (x ≤ 0); for p &gt; 0.5 the caller passes 1 − p, which is exact there. */
    private static double inverseLower(final double p)
    {
        double low = -40.0;
        double high = 0.0;
        double x = -Math.sqrt(-2.0 * Math.log(Math.max(p, TINY)));
        x = Math.max(low, Math.min(high, x));
        for (int i = 0; i < 200; i++)
        {
            final double f = lowerTail(x) - p;
            if (f == 0)
            {
                return x;
            }
            if (f > 0)
            {
                high = x;
            }
            else
            {
                low = x;
            }
            final double density = pdf(x);
            double next = density > 0 ? x - f / density : Double.NaN;
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(1.0, Math.abs(x)))
            {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** Φ(x) for x ≤ 0 with full relative precision. */
    private static double lowerTail(final double x)
    {
        return 0.5 * erfc(-x / SQRT2);
    }

    /**
     * The error function for {@code 0 ≤ z < 3} (series with positive terms).
     */
    static double erf(final double z)
    {
        final double z2 = z * z;
        double term = z;
        double sum = z;
        for (int n = 1; n < 500; n++)
        {
            term *= 2.0 * z2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }
        return 2.0 / SQRT_PI * Math.exp(-z2) * sum;
    }

    /**
     * The complementary error function for {@code z ≥ 0}.
     */
    static double erfc(final double z)
    {
        if (z < 3.0)
        {
            return 1.0 - erf(z);
        }
        // modified Lentz for x + a1/(x + a2/(x + ...)), a_k = k/2
        double f = z;
        double c = z;
        double d = 0.0;
        for (int k = 1; k < 1000; k++)
        {
            final double a = 0.5 * k;
            d = z + a * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = z + a / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1.0 / d;
            final double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }
        return Math.exp(-z * z) / SQRT_PI / f;
    }
}
