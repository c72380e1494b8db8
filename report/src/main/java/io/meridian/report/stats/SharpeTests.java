package io.meridian.report.stats;

/**
 * The Probabilistic Sharpe Ratio (Bailey &amp; López de Prado, "The Sharpe Ratio Efficient Frontier", 2012) and the
 * Deflated Sharpe Ratio (Bailey &amp; López de Prado, "The Deflated Sharpe Ratio", 2014). All Sharpe ratios here are
 * per period (not annualised); skewness is the sample skewness {@code m3 / m2^1.5} and kurtosis the sample kurtosis
 * {@code m4 / m2²} (not excess: 3 for a normal distribution), with {@code mk} the k-th central sample moment
 * (divided by n).
 */
public final class SharpeTests
{
    /** The Euler–Mascheroni constant. */
    public static final double EULER_GAMMA = 0.5772156649015329;

    private SharpeTests()
    {
    }

    /**
     * PSR: the probability that the true Sharpe ratio exceeds a benchmark,
     * {@code Φ((SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²))}.
     *
     * @param sharpe observed per-period Sharpe ratio SR.
     * @param benchmark per-period benchmark SR*.
     * @param n number of returns.
     * @param skewness γ3.
     * @param kurtosis γ4 (not excess).
     * @return the probability, NaN when undefined (n &lt; 2, or a non-positive variance term).
     */
    public static double psr(
        final double sharpe, final double benchmark, final long n, final double skewness, final double kurtosis)
    {
        final double variance = 1.0 - skewness * sharpe + (kurtosis - 1.0) / 4.0 * sharpe * sharpe;
        if (n < 2 || !(variance > 0) || !Double.isFinite(sharpe))
        {
            return Double.NaN;
        }
        return Normal.cdf((sharpe - benchmark) * Math.sqrt(n - 1.0) / Math.sqrt(variance));
    }

    /**
     * The expected maximum Sharpe ratio of {@code trials} independent trials whose Sharpe ratios have variance
     * {@code variance}, under the null of no skill: {@code √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)))}.
     *
     * @param trials N, at least 2.
     * @param variance V, the variance of the trials' per-period Sharpe ratios, at least 0.
     * @return SR0, NaN when N &lt; 2 or V &lt; 0.
     */
    public static double expectedMaxSharpe(final long trials, final double variance)
    {
        if (trials < 2 || !(variance >= 0))
        {
            return Double.NaN;
        }
        final double n = trials;
        return Math.sqrt(variance) * ((1.0 - EULER_GAMMA) * Normal.inverseCdf(1.0 - 1.0 / n)
            + EULER_GAMMA * Normal.inverseCdf(1.0 - 1.0 / (n * Math.E)));
    }

    /**
     * DSR: the PSR against the expected maximum Sharpe ratio of the trials.
     *
     * @param sharpe observed per-period Sharpe ratio.
     * @param n number of returns.
     * @param skewness γ3.
     * @param kurtosis γ4 (not excess).
     * @param trials N, at least 2.
     * @param variance V of the trials' per-period Sharpe ratios.
     * @return the probability, NaN when undefined.
     */
    public static double dsr(
        final double sharpe, final long n, final double skewness, final double kurtosis, final long trials,
        final double variance)
    {
        return psr(sharpe, expectedMaxSharpe(trials, variance), n, skewness, kurtosis);
    }
}
