package io.meridian.config;

import java.util.List;

/**
 * The simulated venue.
 *
 * @param latencyUs      one-way latency between engine and simulated venue in microseconds, 0 to 10,000,000.
 * @param barFill        on bars, the price of the next bar that orders decided on a bar fill against: {@code open}
 *                       (default), {@code close} or {@code typical} ((high + low + close) / 3, rounded to a tick);
 *                       optional in YAML.
 * @param barSlippageBps on bars, extra slippage beyond the one-tick half spread, in basis points of that price, 0 to
 *                       1,000 (default 0); optional in YAML.
 */
public record VenueConfig(long latencyUs, String barFill, double barSlippageBps)
{
    /** Fill at the next bar's open. */
    public static final String BAR_FILL_OPEN = "open";
    /** Fill at the next bar's close. */
    public static final String BAR_FILL_CLOSE = "close";
    /** Fill at the next bar's typical price. */
    public static final String BAR_FILL_TYPICAL = "typical";
    /** The bar fill models, in order. */
    public static final List<String> BAR_FILLS = List.of(BAR_FILL_OPEN, BAR_FILL_CLOSE, BAR_FILL_TYPICAL);

    /**
     * A venue with the default bar fill model (next bar's open, no extra slippage).
     *
     * @param latencyUs one-way latency in microseconds.
     */
    public VenueConfig(final long latencyUs)
    {
        this(latencyUs, BAR_FILL_OPEN, 0.0);
    }
}
