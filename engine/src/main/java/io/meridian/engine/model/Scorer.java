package io.meridian.engine.model;

/**
 * The scoring port. A scorer maps the engine's feature vector (see {@code FeatureSchema}) to one score: the
 * predicted forward mid return in basis points. Implementations are single-threaded (the scoring stage owns one)
 * and must not allocate per call, except the ONNX Runtime scorer whose per-call allocation is a measured boundary.
 *
 * <p>Build one at start-up with {@link Scorers#create(String, String)}, which refuses a model whose manifest does not
 * match the engine's feature vector. Implementations: {@link LinearScorer} ({@link #PURE_JAVA}) and
 * {@link OnnxScorer} ({@link #ONNX_RUNTIME}), both evaluating the same ONNX file.
 */
public interface Scorer extends AutoCloseable
{
    /** Model id of the pure-Java linear scorer, journaled in signal records. */
    int PURE_JAVA = 1;
    /** Model id of the ONNX Runtime scorer, journaled in signal records. */
    int ONNX_RUNTIME = 2;

    /**
     * Scores one feature vector.
     *
     * @param features the feature vector, {@code FeatureSchema.COUNT} long; not retained.
     * @return the score.
     */
    double score(double[] features);

    /**
     * Which implementation this is, as journaled.
     *
     * @return {@link #PURE_JAVA} or {@link #ONNX_RUNTIME}.
     */
    int modelId();

    /** Releases native resources; no-op for pure-Java scorers. */
    @Override
    void close();
}
