package io.meridian.report;

import io.meridian.config.ReportConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's {@code conventions} section: one sentence per figure saying how it is computed.
 */
final class ConventionNotes
{
    private ConventionNotes()
    {
    }

    static Map<String, Object> of(final ReportConfig rc, final double periodsPerYear, final double intervalS)
    {
        final Map<String, Object> c = new LinkedHashMap<>();
        c.put("returns", "simple returns of equity = starting_capital + net P&L, marked to mid, sampled every "
            + "equity_interval_s (the configured interval, halved until at least " + rc.minEquityPoints()
            + " points)");
        c.put("annualisation", "periods_per_year P = " + num(rc.periodsPerYear()) + " days x "
            + num(rc.tradingDayS()) + " s / equity_interval_s = " + num(rc.periodsPerYear()) + " x "
            + num(rc.tradingDayS()) + " / " + num(intervalS) + " = " + num(periodsPerYear)
            + "; annual figures scale a period's mean by P and its sd by sqrt(P)");
        c.put("sharpe", "mean(r - rf/P) / sample sd (n-1) x sqrt(P); rf = " + rc.riskFreeRate());
        c.put("volatility", "annual_volatility = sample sd (n-1) of the period returns x sqrt(P)");
        c.put("sortino", "mean(r - MAR/P) / sqrt(mean(min(r - MAR/P, 0)^2)) x sqrt(P); MAR = "
            + rc.minAcceptableReturn());
        c.put("annual_return", "(1 + total_return)^(P/n) - 1");
        c.put("max_drawdown", "max of 1 - equity / running peak, a fraction of the peak (positive); duration in "
            + "seconds of event time from that peak to its recovery or the end");
        c.put("moments", "skewness m3/m2^1.5 and kurtosis m4/m2^2 (not excess): population moments, central moments "
            + "divided by n (the standard deviation of Sharpe and volatility is the sample one, n-1)");
        c.put("psr", "Bailey & Lopez de Prado (2012) against benchmark Sharpe " + rc.benchmarkSharpe()
            + " (annual, / sqrt(P))");
        c.put("dsr", "PSR against the expected maximum Sharpe of N trials with the given variance (annual units)");
        c.put("round_trips", "flat to flat (or flip); hit_rate = wins / trips; profit_factor = wins / |losses|");
        c.put("turnover", "traded value / starting_capital");
        c.put("costs", "charged on fills (commission, SEC fee, FINRA TAF, exchange fee or rebate, impact); spread is "
            + "measured against the mid and is already in the fill prices (not in costs_total)");
        c.put("sessions", "a session is a calendar day in account.timezone; its statistics are those of the total "
            + "equity returns ending that day, with the same periods per year");
        c.put("tca_orders", "per order, the shortfall split in bps of that order's decision value (decision mid x "
            + "ordered quantity); markouts weighted over its own fills");
        return c;
    }

    /** A whole number without its ".0", any other in Java's shortest form. */
    private static String num(final double d)
    {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long)d) : Double.toString(d);
    }
}
