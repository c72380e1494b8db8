/**
 * The transaction-cost model (SPEC §1(i)): broker commission (IB fixed or tiered), SEC fee and FINRA TAF on sells,
 * exchange take fees and make rebates, market impact (square-root law or Almgren–Chriss) with the volatility-index
 * multiplier, and the spread paid relative to the mid. Pure arithmetic over configuration: no clock, no I/O, no
 * allocation per fill. Owned by whichever single thread simulates fills (the simulated venue's, in backtests).
 */
package io.meridian.engine.cost;
