/**
 * Performance statistics of a return series (Sharpe, Sortino, Calmar, drawdown, moments, PSR, DSR) and the normal
 * distribution they need. Pure functions over arrays of doubles; every convention is stated on
 * {@link io.meridian.report.stats.ReturnStatistics}. Used by one thread at a time; no state.
 */
package io.meridian.report.stats;
