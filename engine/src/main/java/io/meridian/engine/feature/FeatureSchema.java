package io.meridian.engine.feature;

import io.meridian.config.ConfigLoader;

/**
 * The engine's feature vector: names and order. A model is usable only when its manifest lists exactly these names
 * in this order; the schema hash pins that in model manifests and journals.
 *
 * <p>Names start with a two-digit index so that tools that order features by name (Tribuo does) keep this order.
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

    /** Number of features. */
    public static final int COUNT = 6;

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
}
