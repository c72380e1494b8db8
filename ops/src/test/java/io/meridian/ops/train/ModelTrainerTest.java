package io.meridian.ops.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.ModelManifest;
import io.meridian.engine.model.OnnxGraph;
import io.meridian.engine.model.OnnxModelReader;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest
{
    private static final double[] TRUE_WEIGHTS = {0.05, 0.1, -0.2, 0.8, 0.4, -0.05};
    private static final double TRUE_BIAS = 0.1;
    private static final String LABEL = "forward mid return over 20 ticks, bps";

    @TempDir
    Path dir;

    /** y = w.x + b + noise over plausible feature ranges. */
    private static double[][] features(final long seed, final int rows)
    {
        final Random random = new Random(seed);
        final double[][] x = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            final double imbalance = 2.0 * random.nextDouble() - 1.0;
            final double spread = 1.0 + 9.0 * random.nextDouble();
            x[r] = new double[] {
                3.0 * random.nextGaussian(),
                3.0 * random.nextGaussian(),
                0.3 + 4.0 * random.nextDouble(),
                imbalance,
                imbalance * spread / 2.0,
                spread,
            };
        }
        return x;
    }

    private static double[] labels(final double[][] x, final long seed, final double noise)
    {
        final Random random = new Random(seed);
        final double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++)
        {
            double value = TRUE_BIAS;
            for (int i = 0; i < FeatureSchema.COUNT; i++)
            {
                value += TRUE_WEIGHTS[i] * x[r][i];
            }
            y[r] = value + noise * random.nextGaussian();
        }
        return y;
    }

    private TrainResult train(final Path model) throws IOException
    {
        final double[][] x = features(1, 5_000);
        final double[] y = labels(x, 2, 0.05);
        return ModelTrainer.train(x, y, ModelTrainer.hashTrainingData(x, y), model, LABEL, "test");
    }

    @Test
    void shouldAgreeAcrossTribuoOnnxRuntimeAndPureJavaWithin1e5() throws IOException
    {
        final TrainResult result = train(dir.resolve("parity.onnx"));
        double maxOnnx = 0.0;
        double maxJava = 0.0;
        try (Scorer onnx = Scorers.create(Scorers.ONNX, result.modelPath().toString());
            Scorer java = Scorers.create(Scorers.JAVA, result.modelPath().toString()))
        {
            for (final double[] v : features(99, 1_000))
            {
                final double tribuo = result.predictWithTribuo(v);
                final double onnxScore = onnx.score(v);
                final double javaScore = java.score(v);
                assertEquals(tribuo, onnxScore, 1e-5, "Tribuo vs ONNX Runtime");
                assertEquals(tribuo, javaScore, 1e-5, "Tribuo vs pure Java");
                assertEquals(onnxScore, javaScore, 1e-5, "ONNX Runtime vs pure Java");
                maxOnnx = Math.max(maxOnnx, Math.abs(tribuo - onnxScore));
                maxJava = Math.max(maxJava, Math.abs(tribuo - javaScore));
            }
        }
        System.out.println("parity over 1000 vectors: max |Tribuo - ONNX Runtime| = " + maxOnnx +
            ", max |Tribuo - pure Java| = " + maxJava);
    }

    @Test
    void shouldRecoverTheGeneratingRelationAndReportHeldOutMetrics() throws IOException
    {
        final TrainResult result = train(dir.resolve("fit.onnx"));

        assertEquals(5_000, result.rows());
        assertEquals(4_000, result.trainRows());
        assertEquals(1_000, result.holdoutRows());
        final double[] weights = result.weights();
        for (int i = 0; i < FeatureSchema.COUNT; i++)
        {
            assertEquals(TRUE_WEIGHTS[i], weights[i], 0.02, FeatureSchema.names()[i]);
        }
        assertEquals(TRUE_BIAS, result.bias(), 0.05);
        assertTrue(result.holdoutR2() > 0.99, "held-out R2 " + result.holdoutR2());
        assertTrue(result.holdoutRmse() < 0.1, "held-out RMSE " + result.holdoutRmse());
    }

    @Test
    void shouldSummariseRowsMetricsAndFilesInOneLine() throws IOException
    {
        final TrainResult result = train(dir.resolve("summary.onnx"));

        final String line = result.toString();
        assertTrue(line.startsWith("trained on 5000 rows (4000 fitted, 1000 held out): held-out RMSE "), line);
        assertTrue(line.contains(String.format(Locale.ROOT, "RMSE %.6f", result.holdoutRmse())), line);
        assertTrue(line.endsWith("wrote " + result.modelPath() + " and " + result.manifestPath()), line);
    }

    @Test
    void shouldExportTheTribuoGemmGraphInEngineFeatureOrder() throws IOException
    {
        final TrainResult result = train(dir.resolve("graph.onnx"));

        final OnnxGraph graph = OnnxModelReader.read(result.modelPath());
        assertEquals(List.of("Gemm", "Identity"), List.of(graph.nodes().get(0).opType(),
            graph.nodes().get(1).opType()));
        final double[] exported = graph.initializer("linear_sgd_weights_0").values();
        final double[] fitted = result.weights();
        for (int i = 0; i < FeatureSchema.COUNT; i++)
        {
            assertEquals((float)fitted[i], (float)exported[i], "ONNX weight column " + i);
        }
        assertEquals((float)result.bias(), (float)graph.initializer("linear_sgd_bias_0").values()[0]);
    }

    @Test
    void shouldWriteAManifestTheEngineAccepts() throws IOException
    {
        final double[][] x = features(1, 5_000);
        final double[] y = labels(x, 2, 0.05);
        final String hash = ModelTrainer.hashTrainingData(x, y);
        final Path model = dir.resolve("manifested.onnx");

        final TrainResult result = ModelTrainer.train(x, y, hash, model, LABEL, "2026-01-02T03:04:05Z");

        assertEquals(dir.resolve("manifested.manifest.yaml"), result.manifestPath());
        final ModelManifest manifest = ModelManifest.load(model.toString());
        manifest.validate(FeatureSchema.names(), FeatureSchema.hash(), model.toString(), Files.readAllBytes(model));
        assertEquals(result.manifest(), manifest);
        assertEquals("manifested.onnx", manifest.model());
        assertEquals(hash, manifest.trainingDataHash());
        assertEquals(4_000, manifest.trainingRows());
        assertEquals(LABEL, manifest.label());
        assertEquals("2026-01-02T03:04:05Z", manifest.createdAt());
        assertTrue(manifest.trainer().startsWith("Tribuo 4.3.2 LinearSGDTrainer("), manifest.trainer());
    }

    @Test
    void shouldWriteIdenticalBytesForIdenticalData() throws IOException
    {
        final TrainResult first = train(dir.resolve("a/model.onnx"));
        final TrainResult second = train(dir.resolve("b/model.onnx"));

        assertArrayEquals(Files.readAllBytes(first.modelPath()), Files.readAllBytes(second.modelPath()));
        assertArrayEquals(Files.readAllBytes(first.manifestPath()), Files.readAllBytes(second.manifestPath()));
    }

    @Test
    void shouldHashEveryValueOfTheTrainingData()
    {
        final double[][] x = features(1, 100);
        final double[] y = labels(x, 2, 0.05);
        final String hash = ModelTrainer.hashTrainingData(x, y);

        x[57][3] = Math.nextUp(x[57][3]);
        final String changedFeature = ModelTrainer.hashTrainingData(x, y);
        y[0] = -y[0];

        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertNotEquals(hash, changedFeature);
        assertNotEquals(changedFeature, ModelTrainer.hashTrainingData(x, y));
    }

    @Test
    void shouldRefuseBadTrainingInputNamingTheRow()
    {
        final double[][] x = features(1, 100);
        final double[] y = labels(x, 2, 0.05);
        final String hash = ModelTrainer.hashTrainingData(x, y);
        final Path model = dir.resolve("bad.onnx");

        x[12] = new double[5];
        final IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
            () -> ModelTrainer.train(x, y, hash, model, LABEL, "t"));
        assertTrue(width.getMessage().startsWith("row 12 has 5 features; the engine's feature vector has 6"),
            width.getMessage());

        x[12] = features(3, 1)[0];
        y[40] = Double.NaN;
        final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> ModelTrainer.train(x, y, hash, model, LABEL, "t"));
        assertEquals("row 40 label is NaN", nan.getMessage());

        y[40] = 0.0;
        final IllegalArgumentException badHash = assertThrows(IllegalArgumentException.class,
            () -> ModelTrainer.train(x, y, "abc", model, LABEL, "t"));
        assertTrue(badHash.getMessage().contains("64 lowercase hex digits"), badHash.getMessage());
        assertTrue(Files.notExists(model), "nothing written for bad input");
    }

    @Test
    void shouldKeepAFeatureThatIsZeroInEveryRowAtItsColumn() throws IOException
    {
        final double[][] x = features(1, 2_000);
        for (final double[] row : x)
        {
            row[FeatureSchema.REALIZED_VOL] = 0.0;
        }
        final double[] y = labels(x, 2, 0.05);

        final TrainResult result = ModelTrainer.train(x, y, ModelTrainer.hashTrainingData(x, y),
            dir.resolve("zero.onnx"), LABEL, "t");

        assertEquals(0.0, result.weights()[FeatureSchema.REALIZED_VOL]);
        assertEquals(TRUE_WEIGHTS[FeatureSchema.IMBALANCE], result.weights()[FeatureSchema.IMBALANCE], 0.05);
        final OnnxGraph graph = OnnxModelReader.read(result.modelPath());
        assertEquals(0.0, graph.initializer("linear_sgd_weights_0").values()[FeatureSchema.REALIZED_VOL]);
    }

    @Test
    void shouldUseTheManifestSuffixBesideTheModel()
    {
        assertEquals(dir.resolve("x.manifest.yaml"), ModelFiles.manifestPath(dir.resolve("x.onnx")));
    }
}
