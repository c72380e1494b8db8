package io.meridian.config;

import java.util.List;

/**
 * Feature windows, in ticks (market-data updates of one instrument), and the catalogue indicators added to the
 * feature vector.
 *
 * @param emaFastTicks   fast EMA span, 1 to 100000.
 * @param emaSlowTicks   slow EMA span, greater than {@code emaFastTicks} and at most 1,000,000.
 * @param volWindowTicks realised-volatility window, a power of two from 2 to 65536.
 * @param indicators     catalogue indicator ids ({@link IndicatorSpec}, e.g. {@code ofi_100}, {@code rsi_14}), each
 *                       valid and listed once; optional in YAML (default: none). Tick features are appended to the
 *                       engine's feature vector after the six base features; the {@code features} command computes
 *                       the bar indicators over a bars file. Bar indicators' outputs follow the tick features
 *                       in the vector, fed by imported BAR records and by the bars of {@code bars}.
 * @param bars           bars built in the engine ({@link BarsConfig#NONE} when absent in YAML).
 */
public record FeatureConfig(int emaFastTicks, int emaSlowTicks, int volWindowTicks, List<String> indicators,
    BarsConfig bars)
{
    /**
     * A config; copies the list.
     *
     * @param emaFastTicks   fast EMA span.
     * @param emaSlowTicks   slow EMA span.
     * @param volWindowTicks realised-volatility window.
     * @param indicators     indicator ids.
     * @param bars           bars built in the engine.
     */
    public FeatureConfig
    {
        indicators = List.copyOf(indicators);
        java.util.Objects.requireNonNull(bars, "bars");
    }

    /**
     * A config without bars built in the engine.
     *
     * @param emaFastTicks   fast EMA span.
     * @param emaSlowTicks   slow EMA span.
     * @param volWindowTicks realised-volatility window.
     * @param indicators     indicator ids.
     */
    public FeatureConfig(final int emaFastTicks, final int emaSlowTicks, final int volWindowTicks,
        final List<String> indicators)
    {
        this(emaFastTicks, emaSlowTicks, volWindowTicks, indicators, BarsConfig.NONE);
    }

    /**
     * The base features only, no catalogue indicators.
     *
     * @param emaFastTicks   fast EMA span.
     * @param emaSlowTicks   slow EMA span.
     * @param volWindowTicks realised-volatility window.
     */
    public FeatureConfig(final int emaFastTicks, final int emaSlowTicks, final int volWindowTicks)
    {
        this(emaFastTicks, emaSlowTicks, volWindowTicks, List.of());
    }

    /**
     * A note for the user when {@code features.bars} builds bars that nothing reads: built bars feed only the bar
     * indicators, so with none configured they cost work and change nothing.
     *
     * @return the note, naming the key; empty when no bars are built or a bar indicator is configured.
     */
    public String unusedBarsNote()
    {
        if (!bars.enabled())
        {
            return "";
        }
        for (final String id : indicators)
        {
            if (!IndicatorSpec.parse(id).tick())
            {
                return "";
            }
        }
        return "features.bars builds " + bars.kind() + " bars but no bar indicator is configured in "
            + "features.indicators (e.g. rsi_14, atr_14) to use them: the bars feed nothing";
    }
}
