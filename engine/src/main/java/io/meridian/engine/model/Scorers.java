package io.meridian.engine.model;

import io.meridian.config.EngineConfig;
import io.meridian.engine.feature.FeatureSchema;

/**
 * Builds the configured {@link Scorer} at start-up: reads the model bytes and the manifest beside them, checks the
 * manifest against the engine's {@link FeatureSchema} and the bytes against the manifest's SHA-256, then builds the
 * requested implementation over the same file. Any mismatch throws before the engine starts, with a message naming
 * the model file and what differs.
 */
public final class Scorers
{
    /** Scorer kind: the pure-Java linear scorer ({@link LinearScorer}). */
    public static final String JAVA = "java";
    /** Scorer kind: ONNX Runtime ({@link OnnxScorer}). */
    public static final String ONNX = "onnx";
    /** The small linear model that ships with the engine (trained by {@code io.meridian.ops.train.ShipDemoModel}). */
    public static final String DEMO_MODEL = "classpath:/io/meridian/engine/model/demo-linear.onnx";

    private Scorers()
    {
    }

    /**
     * Creates a scorer.
     *
     * @param kind {@value #JAVA} or {@value #ONNX}.
     * @param modelLocation {@code classpath:/…/x.onnx} or a file path; the manifest is read from beside it.
     * @return the scorer; the caller closes it.
     * @throws IllegalArgumentException if the kind is unknown or the manifest is malformed.
     * @throws ModelMismatchException if the model does not fit the engine's feature vector or its manifest.
     * @throws UnsupportedModelException if the chosen implementation cannot evaluate the model.
     * @throws OnnxFormatException if the model file is not well-formed ONNX.
     * @throws java.io.UncheckedIOException if the model or manifest cannot be read.
     */
    public static Scorer create(final String kind, final String modelLocation)
    {
        return create(kind, modelLocation, FeatureSchema.names(), FeatureSchema.hash());
    }

    /**
     * Creates the configured scorer for the configured feature vector ({@code model.scorer}, {@code model.path}, and
     * the base features plus {@code features.indicators}' tick features): the model's manifest must list exactly that
     * vector.
     *
     * @param config validated configuration.
     * @return the scorer; the caller closes it.
     * @throws ModelMismatchException if the model does not fit the configured feature vector or its manifest.
     */
    public static Scorer create(final EngineConfig config)
    {
        return create(config.model().scorer(), config.model().path(), FeatureSchema.names(config.features()),
            FeatureSchema.hash(config.features()));
    }

    private static Scorer create(
        final String kind, final String modelLocation, final String[] featureNames, final String schemaHash)
    {
        if (!JAVA.equals(kind) && !ONNX.equals(kind))
        {
            throw new IllegalArgumentException("unknown scorer kind '" + kind + "' (expected '" + JAVA + "' or '" +
                ONNX + "')");
        }
        final byte[] modelBytes = ModelFiles.read(modelLocation);
        final ModelManifest manifest = ModelManifest.load(modelLocation);
        manifest.validate(featureNames, schemaHash, modelLocation, modelBytes);
        final String fileName = ModelFiles.fileName(modelLocation);
        final OnnxGraph graph = OnnxModelReader.read(modelBytes, fileName);
        if (JAVA.equals(kind))
        {
            return new LinearScorer(LinearModel.fromGraph(graph, featureNames.length));
        }
        return new OnnxScorer(modelBytes, fileName, featureNames.length);
    }
}
