/**
 * Pre-trade risk checks (the catalogue of SPEC §1(e) as a table of {@code RiskCheck} objects), the kill switch (the
 * triggers of SPEC decision 5), the trading calendar, the volatility regime gauge and reference data, owned by the
 * order stage's thread (they share its position and order
 * state). Outcomes are {@code RejectReason} codes, never exceptions. Core package: no Disruptor, Chronicle, logging,
 * streams, concurrency or clock.
 */
package io.meridian.engine.risk;
