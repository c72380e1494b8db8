package io.meridian.engine.feature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
        return sha256Hex(String.join(",", NAMES));
    }

    private static String sha256Hex(final String text)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder hex = new StringBuilder(digest.length * 2);
            for (final byte b : digest)
            {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 missing from the JDK", ex);
        }
    }
}
