package io.meridian.engine.model;

import io.meridian.engine.feature.FeatureSchema;

import java.util.Random;

/** Random feature vectors in plausible ranges (bps, imbalance in (-1, 1)) for parity tests. */
final class FeatureVectors
{
    private FeatureVectors()
    {
    }

    static double[][] random(final long seed, final int count)
    {
        final Random random = new Random(seed);
        final double[][] vectors = new double[count][];
        for (int v = 0; v < count; v++)
        {
            final double[] x = new double[FeatureSchema.COUNT];
            x[FeatureSchema.EMA_CROSS] = 4.0 * random.nextGaussian();
            x[FeatureSchema.MOMENTUM] = 4.0 * random.nextGaussian();
            x[FeatureSchema.REALIZED_VOL] = 0.2 + 6.0 * random.nextDouble();
            x[FeatureSchema.IMBALANCE] = 2.0 * random.nextDouble() - 1.0;
            x[FeatureSchema.SPREAD] = 0.5 + 15.0 * random.nextDouble();
            x[FeatureSchema.MICROPRICE] = x[FeatureSchema.IMBALANCE] * x[FeatureSchema.SPREAD] / 2.0;
            vectors[v] = x;
        }
        return vectors;
    }
}
