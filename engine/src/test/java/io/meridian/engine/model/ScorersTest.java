package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorersTest
{
    @TempDir
    Path dir;

    @Test
    void shouldScoreTheShippedModelIdenticallyWithJavaAndOnnxRuntime()
    {
        double maxError = 0.0;
        try (Scorer java = Scorers.create(Scorers.JAVA, Scorers.DEMO_MODEL);
            Scorer onnx = Scorers.create(Scorers.ONNX, Scorers.DEMO_MODEL))
        {
            assertEquals(Scorer.PURE_JAVA, java.modelId());
            assertEquals(Scorer.ONNX_RUNTIME, onnx.modelId());
            for (final double[] x : FeatureVectors.random(42, 1_000))
            {
                final double expected = java.score(x);
                final double actual = onnx.score(x);
                assertEquals(expected, actual, 1e-5, "ONNX Runtime vs pure Java");
                maxError = Math.max(maxError, Math.abs(expected - actual));
            }
        }
        System.out.println("shipped model: max |ONNX Runtime - pure Java| over 1000 vectors = " + maxError);
    }

    @Test
    void shouldLoadAModelFromAFilePath() throws IOException
    {
        final Path model = copyShippedModel();

        try (Scorer java = Scorers.create("java", model.toString());
            Scorer shipped = Scorers.create("java", Scorers.DEMO_MODEL))
        {
            final double[] x = FeatureVectors.random(1, 1)[0];
            assertEquals(shipped.score(x), java.score(x));
        }
    }

    @Test
    void shouldRefuseATamperedModelFileBeforeBuildingAScorer() throws IOException
    {
        final Path model = copyShippedModel();
        final byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 1;
        Files.write(model, bytes);

        final ModelMismatchException ex = assertThrows(ModelMismatchException.class,
            () -> Scorers.create("onnx", model.toString()));

        assertTrue(ex.getMessage().startsWith("model demo-linear.onnx: file SHA-256 "), ex.getMessage());
    }

    @Test
    void shouldRefuseAManifestWhoseFeaturesDifferFromTheEngine() throws IOException
    {
        final Path model = copyShippedModel();
        final Path manifest = ModelFiles.manifestPath(model);
        final String yaml = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, yaml.replace("f03_imbalance", "f03_foo"), StandardCharsets.UTF_8);

        final ModelMismatchException ex = assertThrows(ModelMismatchException.class,
            () -> Scorers.create("java", model.toString()));

        assertTrue(ex.getMessage().startsWith("model demo-linear.onnx: feature 3 is 'f03_foo' but the engine's " +
            "feature 3 is 'f03_imbalance'"), ex.getMessage());
    }

    @Test
    void shouldNameAnUnknownKindAndAMissingModel()
    {
        final IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
            () -> Scorers.create("xgboost", Scorers.DEMO_MODEL));
        assertEquals("unknown scorer kind 'xgboost' (expected 'java' or 'onnx')", kind.getMessage());

        final String absent = dir.resolve("absent.onnx").toString();
        final UncheckedIOException missing = assertThrows(UncheckedIOException.class,
            () -> Scorers.create("java", absent));
        assertEquals(absent + ": no such file", missing.getMessage());
    }

    private Path copyShippedModel() throws IOException
    {
        final Path model = dir.resolve("demo-linear.onnx");
        Files.write(model, ModelFiles.read(Scorers.DEMO_MODEL));
        Files.write(ModelFiles.manifestPath(model),
            ModelFiles.read(ModelFiles.manifestLocation(Scorers.DEMO_MODEL)));
        assertEquals(FeatureSchema.COUNT, ModelManifest.load(model.toString()).features().size());
        return model;
    }
}
