package io.meridian.engine.model;

/**
 * The pure-Java scorer: {@code bias + sum(weights[i] * features[i])} in double precision over the weights read from
 * the model file ({@link LinearModel}). No allocation, no native calls. Owned by the scoring stage's thread.
 */
public final class LinearScorer implements Scorer
{
    private final double[] weights;
    private final double bias;

    /**
     * Creates the scorer.
     *
     * @param model the linear model; its weights are copied.
     */
    public LinearScorer(final LinearModel model)
    {
        this.weights = model.weights();
        this.bias = model.bias();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads exactly as many features as the model has weights.
     */
    @Override
    public double score(final double[] features)
    {
        final double[] w = weights;
        double sum = 0.0;
        for (int i = 0; i < w.length; i++)
        {
            sum += w[i] * features[i];
        }
        return sum + bias;
    }

    @Override
    public int modelId()
    {
        return PURE_JAVA;
    }

    @Override
    public void close()
    {
    }
}
