package io.meridian.config;

import java.util.List;

/**
 * Bars built in the engine from trades or quotes ({@code features.bars}); their OHLCV feed the configured bar
 * indicators. Optional in YAML; absent means {@link #NONE}.
 *
 * @param kind    {@code none} (no bars are built; imported BAR records still feed the bar indicators), {@code time}
 *                (windows of {@code timeMs}), {@code volume} (every {@code volume} lots) or {@code dollar} (every
 *                {@code value} of traded price ticks times lots).
 * @param source  {@code trades} (trade price and size) or {@code quotes} (the mid, rounded down to a tick, one lot per
 *                quote); {@code trades} when absent.
 * @param timeMs  time-bar length in milliseconds, 1 to 86,400,000; only with kind {@code time} (else 0).
 * @param volume  volume-bar size in lots, 1 to 10^15; only with kind {@code volume} (else 0).
 * @param value   dollar-bar size in price ticks times lots, 1 to 10^18; only with kind {@code dollar} (else 0).
 */
public record BarsConfig(String kind, String source, long timeMs, long volume, long value)
{
    /** No bars built. */
    public static final String KIND_NONE = "none";
    /** Time bars. */
    public static final String KIND_TIME = "time";
    /** Volume bars. */
    public static final String KIND_VOLUME = "volume";
    /** Dollar (value) bars. */
    public static final String KIND_DOLLAR = "dollar";
    /** The kinds, in order. */
    public static final List<String> KINDS = List.of(KIND_NONE, KIND_TIME, KIND_VOLUME, KIND_DOLLAR);
    /** Built from trades. */
    public static final String SOURCE_TRADES = "trades";
    /** Built from quote mids. */
    public static final String SOURCE_QUOTES = "quotes";
    /** The default: no bars built. */
    public static final BarsConfig NONE = new BarsConfig(KIND_NONE, SOURCE_TRADES, 0, 0, 0);

    /**
     * Whether bars are built.
     *
     * @return false for kind {@code none}.
     */
    public boolean enabled()
    {
        return !KIND_NONE.equals(kind);
    }

    /**
     * Whether bars are built from quotes.
     *
     * @return true for source {@code quotes}.
     */
    public boolean fromQuotes()
    {
        return SOURCE_QUOTES.equals(source);
    }

    /**
     * The kind's threshold: the window in nanoseconds, the volume in lots or the value.
     *
     * @return the threshold, 0 for kind {@code none}.
     */
    public long threshold()
    {
        switch (kind)
        {
            case KIND_TIME:
                return timeMs * 1_000_000L;
            case KIND_VOLUME:
                return volume;
            case KIND_DOLLAR:
                return value;
            default:
                return 0;
        }
    }
}
