package io.meridian.config;

/**
 * Conventions of the statistics and transaction-cost analysis that {@code meridian report} derives from a journal.
 *
 * @param equityIntervalMs    equity-curve sampling interval in event time, milliseconds, 1 to 86,400,000; made finer
 *                            (halved until at least {@code minEquityPoints} points) when the run is short.
 * @param minEquityPoints     fewest equity points wanted, 2 to 1,000,000.
 * @param periodsPerYear      annualisation factor of one-day returns, i.e. trading days per year, 1 to 366; a sampling
 *                            interval of {@code i} seconds gives {@code periodsPerYear × tradingDayS / i} periods.
 * @param tradingDayS         seconds in one trading day, 1 to 86400 (6.5 hours: 23400).
 * @param riskFreeRate        annual risk-free rate as a fraction, -1 to 1, converted to a per-period rate by division.
 * @param minAcceptableReturn annual minimum acceptable return of the Sortino ratio, -1 to 1, per period likewise.
 * @param benchmarkSharpe     annualised Sharpe ratio the Probabilistic Sharpe Ratio is measured against, -100 to 100.
 * @param startingCapital     capital the returns are measured against (equity = capital + net P&amp;L), &gt; 0.
 * @param markoutsMs          TCA markout horizons in event-time milliseconds, comma-separated, 1 to 8 of them.
 */
public record ReportConfig(
    long equityIntervalMs,
    int minEquityPoints,
    double periodsPerYear,
    double tradingDayS,
    double riskFreeRate,
    double minAcceptableReturn,
    double benchmarkSharpe,
    double startingCapital,
    String markoutsMs)
{
}
