package io.meridian.report.stats;

/**
 * Statistics of one equity curve sampled at a fixed interval. Conventions (also printed in the report):
 * <ul>
 *   <li>Returns are simple returns of equity, {@code r_k = E_k / E_(k−1) − 1}, {@code k = 1..n}.</li>
 *   <li>Annualisation: {@code P} periods per year, given by the caller ({@code periodsPerYear × tradingDay /
 *       interval}). The per-period risk-free rate and minimum acceptable return are the annual ones divided by P.</li>
 *   <li>Mean is the arithmetic mean; the standard deviation is the <em>sample</em> one (divisor n − 1).</li>
 *   <li>Sharpe = mean(r − rf) / sd(r) × √P. Sortino = mean(r − MAR) / DD × √P with the downside deviation
 *       DD = √(mean(min(r − MAR, 0)²)) over all n returns.</li>
 *   <li>Total return = E_n / E_0 − 1; annual return = (1 + total)^(P / n) − 1 (geometric); annual volatility =
 *       sd × √P; Calmar = annual return / max drawdown.</li>
 *   <li>Max drawdown = max over k of 1 − E_k / max(E_0..E_k) (a fraction of the peak); its duration is the time from
 *       the peak before its trough until equity first regains that peak, or until the end of the series.</li>
 *   <li>Skewness m3 / m2^1.5 and kurtosis m4 / m2² (not excess), with m_j the central moments divided by n: the
 *       sample moments the PSR paper uses.</li>
 *   <li>PSR against the annual benchmark Sharpe divided by √P; DSR with the trials' Sharpe variance given in annual
 *       units (divided by P). See {@link SharpeTests}.</li>
 * </ul>
 * Undefined figures (a flat series, fewer than two returns, no trials) are NaN, written as JSON null.
 *
 * @param periods                 n, the number of returns.
 * @param periodsPerYear          P.
 * @param totalReturn             E_n / E_0 − 1.
 * @param annualReturn            geometric annualised return.
 * @param annualVolatility        sample sd × √P.
 * @param sharpe                  annualised Sharpe ratio.
 * @param sortino                 annualised Sortino ratio.
 * @param calmar                  annual return / max drawdown.
 * @param maxDrawdown             a fraction of the peak, ≥ 0.
 * @param maxDrawdownDurationS    seconds.
 * @param skewness                sample skewness.
 * @param kurtosis                sample kurtosis, not excess.
 * @param psr                     probabilistic Sharpe ratio.
 * @param dsr                     deflated Sharpe ratio.
 * @param meanReturn              per-period mean return.
 * @param sdReturn                per-period sample sd.
 */
public record ReturnStatistics(
    long periods,
    double periodsPerYear,
    double totalReturn,
    double annualReturn,
    double annualVolatility,
    double sharpe,
    double sortino,
    double calmar,
    double maxDrawdown,
    double maxDrawdownDurationS,
    double skewness,
    double kurtosis,
    double psr,
    double dsr,
    double meanReturn,
    double sdReturn)
{
    /**
     * What the statistics are measured against.
     *
     * @param periodsPerYear        P, &gt; 0.
     * @param riskFreeRate          annual risk-free rate.
     * @param minAcceptableReturn   annual MAR of the Sortino ratio.
     * @param benchmarkSharpe       annual benchmark Sharpe of the PSR.
     * @param trials                number of trials for the DSR, 0 when none (DSR NaN).
     * @param trialsSharpeVariance  variance of the trials' annual Sharpe ratios.
     */
    public record Conventions(
        double periodsPerYear,
        double riskFreeRate,
        double minAcceptableReturn,
        double benchmarkSharpe,
        long trials,
        double trialsSharpeVariance)
    {
    }

    /**
     * Computes the statistics of an equity curve.
     *
     * @param equity equity values E_0..E_n at equally spaced times, all &gt; 0.
     * @param count how many values of {@code equity} to use (n + 1).
     * @param intervalS the sampling interval in seconds (for the drawdown duration).
     * @param conventions annualisation and benchmarks.
     * @return the statistics.
     */
    public static ReturnStatistics of(
        final double[] equity, final int count, final double intervalS, final Conventions conventions)
    {
        final int n = Math.max(0, count - 1);
        final double p = conventions.periodsPerYear();
        final double rf = conventions.riskFreeRate() / p;
        final double mar = conventions.minAcceptableReturn() / p;
        double sum = 0;
        for (int k = 1; k <= n; k++)
        {
            sum += equity[k] / equity[k - 1] - 1.0;
        }
        final double mean = n > 0 ? sum / n : Double.NaN;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double excessSum = 0;
        double downside = 0;
        double marSum = 0;
        for (int k = 1; k <= n; k++)
        {
            final double r = equity[k] / equity[k - 1] - 1.0;
            final double d = r - mean;
            final double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            excessSum += r - rf;
            final double below = Math.min(r - mar, 0.0);
            downside += below * below;
            marSum += r - mar;
        }
        final double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        final double moment2 = m2 / n;
        final double skewness = n > 0 && moment2 > 0 ? (m3 / n) / Math.pow(moment2, 1.5) : Double.NaN;
        final double kurtosis = n > 0 && moment2 > 0 ? (m4 / n) / (moment2 * moment2) : Double.NaN;
        final double sharpePerPeriod = sd > 0 ? (excessSum / n) / sd : Double.NaN;
        final double downsideDeviation = n > 0 ? Math.sqrt(downside / n) : Double.NaN;
        final double sortino = downsideDeviation > 0 ? (marSum / n) / downsideDeviation * Math.sqrt(p) : Double.NaN;
        final double total = count > 0 ? equity[n] / equity[0] - 1.0 : Double.NaN;
        final double annualReturn = n > 0 ? Math.pow(1.0 + total, p / n) - 1.0 : Double.NaN;
        final double[] drawdown = maxDrawdown(equity, count);
        final double calmar = drawdown[0] > 0 ? annualReturn / drawdown[0] : Double.NaN;
        final double psr = SharpeTests.psr(sharpePerPeriod, conventions.benchmarkSharpe() / Math.sqrt(p), n,
            skewness, kurtosis);
        final double dsr = conventions.trials() >= 2
            ? SharpeTests.dsr(sharpePerPeriod, n, skewness, kurtosis, conventions.trials(),
                conventions.trialsSharpeVariance() / p)
            : Double.NaN;
        return new ReturnStatistics(n, p, total, annualReturn, sd * Math.sqrt(p), sharpePerPeriod * Math.sqrt(p),
            sortino, calmar, drawdown[0], drawdown[1] * intervalS, skewness, kurtosis, psr, dsr, mean, sd);
    }

    /**
     * The maximum drawdown and its duration in periods.
     *
     * @return {@code {maxDrawdown, durationPeriods}}.
     */
    private static double[] maxDrawdown(final double[] equity, final int count)
    {
        double peak = Double.NEGATIVE_INFINITY;
        int peakIndex = 0;
        double worst = 0;
        int worstPeakIndex = 0;
        for (int k = 0; k < count; k++)
        {
            if (equity[k] > peak)
            {
                peak = equity[k];
                peakIndex = k;
            }
            final double dd = 1.0 - equity[k] / peak;
            if (dd > worst)
            {
                worst = dd;
                worstPeakIndex = peakIndex;
            }
        }
        if (worst == 0)
        {
            return new double[]{0.0, 0.0};
        }
        final double worstPeak = equity[worstPeakIndex];
        int end = count - 1;
        boolean troughPassed = false;
        for (int k = worstPeakIndex + 1; k < count; k++)
        {
            if (!troughPassed && 1.0 - equity[k] / worstPeak >= worst)
            {
                troughPassed = true;
            }
            else if (troughPassed && equity[k] >= worstPeak)
            {
                end = k;
                break;
            }
        }
        return new double[]{worst, end - worstPeakIndex};
    }
}
