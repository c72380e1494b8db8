package io.meridian.config;

/**
 * The real-time risk monitor (the {@code monitor} section; SPEC §1(g)): how often, in event time, the order stage
 * journals a RISK_SNAPSHOT, and how many of the portfolio's returns between snapshots its VaR and CVaR use.
 *
 * @param intervalMs snapshot interval, milliseconds of event time (SPEC g1: 100), 0 to 86,400,000; 0: no snapshots.
 * @param window returns in the historical and parametric VaR/CVaR window, 2 to 100,000.
 */
public record MonitorConfig(long intervalMs, int window)
{
    /** The section's value when a document has none: every 100 ms, 500 returns. */
    public static final MonitorConfig DEFAULT = new MonitorConfig(100, 500);
}
