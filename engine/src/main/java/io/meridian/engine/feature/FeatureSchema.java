package io.meridian.engine.feature;

import io.meridian.config.ConfigLoader;
import io.meridian.config.FeatureConfig;
import io.meridian.config.IndicatorSpec;
import io.meridian.engine.indicator.BarIndicator;
import io.meridian.engine.indicator.IndicatorCatalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's feature vector: names and order. A model is usable only when its manifest lists exactly these names
 * in this order; the schema hash pins that in model manifests and journals.
 *
 * <p>Names start with a two-digit index so that tools that order features by name (Tribuo does) keep this order.
 *
 * <p>The tick features listed in {@code features.indicators} of the configuration are appended after these six, in
 * the order listed, named {@code fNN_<id>} (e.g. {@code f06_ofi_100}); {@link #names(FeatureConfig)} and
 * {@link #hash(FeatureConfig)} give the configured vector, which is what a model manifest must list exactly. With
 * no indicators configured they equal {@link #names()} and {@link #hash()}. The outputs of the bar indicators in the
 * list follow the tick features, in list order then output order, named {@code fNN_<output>} (e.g.
 * {@code f07_bb_lower_20_2}): each holds the indicator's value after the instrument's last completed bar (imported
 * BAR records, or bars built in the engine, {@code features.bars}).
 */
public final class FeatureSchema
{
    /** EMA cross: (emaFast - emaSlow) / emaSlow, in basis points. */
    public static final int EMA_CROSS = 0;
    /** Momentum: (mid - emaFast) / emaFast, in basis points. */
    public static final int MOMENTUM = 1;
    /** Rolling realized volatility of tick-to-tick mid log returns, in basis points per tick. */
    public static final int REALIZED_VOL = 2;
    /** L1 order imbalance: (bidQty - askQty) / (bidQty + askQty), in [-1, 1]. */
    public static final int IMBALANCE = 3;
    /** Microprice minus mid, over mid, in basis points. */
    public static final int MICROPRICE = 4;
    /** Quoted spread over mid, in basis points. */
    public static final int SPREAD = 5;

    /** Number of base features. */
    public static final int COUNT = 6;
    /** Largest vector: the base features plus at most this many minus {@link #COUNT} configured tick features. */
    public static final int MAX_COUNT = 64;

    private static final String[] NAMES = {
        "f00_ema_cross", "f01_momentum", "f02_realized_vol", "f03_imbalance", "f04_microprice", "f05_spread",
    };

    private FeatureSchema()
    {
    }

    /**
     * Feature names in vector order.
     *
     * @return a copy of the names.
     */
    public static String[] names()
    {
        return NAMES.clone();
    }

    /**
     * SHA-256 over the names joined by commas, as lowercase hex.
     *
     * @return the schema hash.
     */
    public static String hash()
    {
        return ConfigLoader.sha256(String.join(",", NAMES));
    }

    /**
     * The configured tick-feature ids, in order (bar indicators of the list left out).
     *
     * @param config the feature configuration.
     * @return the ids.
     * @throws IllegalArgumentException when there are more than {@link #MAX_COUNT} - {@link #COUNT}.
     */
    public static List<String> tickIndicators(final FeatureConfig config)
    {
        final List<String> ids = new ArrayList<>();
        for (final String id : config.indicators())
        {
            if (IndicatorSpec.parse(id).tick())
            {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_COUNT - COUNT)
        {
            throw new IllegalArgumentException("at most " + (MAX_COUNT - COUNT) + " tick features can be configured,"
                + " got " + ids.size());
        }
        return ids;
    }

    /**
     * The configured bar-indicator ids, in order (tick features of the list left out).
     *
     * @param config the feature configuration.
     * @return the ids.
     */
    public static List<String> barIndicators(final FeatureConfig config)
    {
        final List<String> ids = new ArrayList<>();
        for (final String id : config.indicators())
        {
            if (!IndicatorSpec.parse(id).tick())
            {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The configured vector's names: the base names, then {@code fNN_<id>} per configured tick feature, then
     * {@code fNN_<output>} per output of each configured bar indicator.
     *
     * @param config the feature configuration.
     * @return the names in vector order.
     * @throws IllegalArgumentException when the vector would be longer than {@link #MAX_COUNT}.
     */
    public static String[] names(final FeatureConfig config)
    {
        final List<String> names = new ArrayList<>(List.of(NAMES));
        for (final String id : tickIndicators(config))
        {
            add(names, id);
        }
        for (final String id : barIndicators(config))
        {
            final BarIndicator bar = IndicatorCatalogue.bar(id);
            for (int o = 0; o < bar.outputs(); o++)
            {
                add(names, bar.name(o));
            }
        }
        if (names.size() > MAX_COUNT)
        {
            throw new IllegalArgumentException("features.indicators make a vector of " + names.size()
                + " features, at most " + MAX_COUNT + " fit");
        }
        return names.toArray(new String[0]);
    }

    private static void add(final List<String> names, final String name)
    {
        final int index = names.size();
        names.add("f" + (index < 10 ? "0" : "") + index + "_" + name);
    }

    /**
     * Length of the configured vector.
     *
     * @param config the feature configuration.
     * @return {@link #COUNT} plus the configured tick features and bar-indicator outputs.
     */
    public static int count(final FeatureConfig config)
    {
        return names(config).length;
    }

    /**
     * SHA-256 over the configured vector's names joined by commas.
     *
     * @param config the feature configuration.
     * @return the schema hash; {@link #hash()} when no tick features are configured.
     */
    public static String hash(final FeatureConfig config)
    {
        return ConfigLoader.sha256(String.join(",", names(config)));
    }
}
