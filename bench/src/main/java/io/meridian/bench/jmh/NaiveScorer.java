package io.meridian.bench.jmh;

import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.LinearModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Baseline: the linear model evaluated the naive way: the feature vector is boxed into a name-to-value map and each
 * weight is looked up by name. Same weights and bias as the engine's {@link io.meridian.engine.model.LinearScorer};
 * allocates per call.
 */
final class NaiveScorer
{
    private static final String[] NAMES = FeatureSchema.names();

    private final Map<String, Double> weights = new HashMap<>();
    private final Double bias;

    NaiveScorer(final LinearModel model)
    {
        final double[] w = model.weights();
        for (int i = 0; i < w.length; i++)
        {
            weights.put(NAMES[i], w[i]);
        }
        this.bias = model.bias();
    }

    double score(final double[] features)
    {
        final Map<String, Double> named = new HashMap<>();
        for (int i = 0; i < NAMES.length; i++)
        {
            named.put(NAMES[i], features[i]);
        }
        Double sum = bias;
        for (final Map.Entry<String, Double> feature : named.entrySet())
        {
            sum += weights.get(feature.getKey()) * feature.getValue();
        }
        return sum;
    }
}
