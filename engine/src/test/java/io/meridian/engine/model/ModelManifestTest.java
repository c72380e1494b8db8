package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModelManifestTest
{
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final byte[] SHIPPED = ModelFiles.read(Scorers.DEMO_MODEL);
    private static final ModelManifest VALID = manifest(List.of(FeatureSchema.names()), FeatureSchema.hash());

    private static ModelManifest manifest(final List<String> features, final String schemaHash)
    {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "demo-linear.onnx", ModelFiles.sha256Hex(SHIPPED),
            features, schemaHash, HASH, 5_000, "forward mid return over 20 ticks, bps", "Tribuo \"test\" \\ trainer",
            "2026-01-01T00:00:00Z", "held-out tail: rows=1000");
    }

    private static ModelMismatchException mismatch(final ModelManifest manifest)
    {
        return assertThrows(ModelMismatchException.class,
            () -> manifest.validate(FeatureSchema.names(), FeatureSchema.hash(), Scorers.DEMO_MODEL, SHIPPED));
    }

    @Test
    void shouldAcceptTheShippedModelAndManifest()
    {
        final ModelManifest shipped = ModelManifest.load(Scorers.DEMO_MODEL);

        shipped.validate(FeatureSchema.names(), FeatureSchema.hash(), Scorers.DEMO_MODEL, SHIPPED);
        assertEquals("demo-linear.onnx", shipped.model());
        assertEquals(List.of(FeatureSchema.names()), shipped.features());
        assertTrue(shipped.trainingRows() > 0);
    }

    @Test
    void shouldRoundTripThroughYaml()
    {
        assertEquals(VALID, ModelManifest.parse(VALID.toYaml(), "roundtrip.manifest.yaml"));
        VALID.validate(FeatureSchema.names(), FeatureSchema.hash(), Scorers.DEMO_MODEL, SHIPPED);
    }

    @Test
    void shouldNameTheFirstFeatureOutOfOrder()
    {
        final List<String> swapped = List.of("f00_ema_cross", "f01_momentum", "f02_realized_vol", "f04_microprice",
            "f03_imbalance", "f05_spread");

        final ModelMismatchException ex = mismatch(manifest(swapped, FeatureSchema.hash()));

        assertEquals("model demo-linear.onnx: feature 3 is 'f04_microprice' but the engine's feature 3 is " +
            "'f03_imbalance' (same features in a different order)", ex.getMessage());
    }

    @Test
    void shouldNameAFeatureTheEngineDoesNotHave()
    {
        final List<String> renamed = List.of("f00_ema_cross", "f01_momentum", "f02_realized_vol", "f03_foo",
            "f04_microprice", "f05_spread");

        final ModelMismatchException ex = mismatch(manifest(renamed, FeatureSchema.hash()));

        assertEquals("model demo-linear.onnx: feature 3 is 'f03_foo' but the engine's feature 3 is " +
            "'f03_imbalance' (the model has no feature 'f03_imbalance')", ex.getMessage());
    }

    @Test
    void shouldNameAMissingFeature()
    {
        final List<String> missingMiddle = List.of("f00_ema_cross", "f01_momentum", "f03_imbalance",
            "f04_microprice", "f05_spread");
        final List<String> missingLast = List.of("f00_ema_cross", "f01_momentum", "f02_realized_vol",
            "f03_imbalance", "f04_microprice");

        assertEquals("model demo-linear.onnx: feature 2 is 'f03_imbalance' but the engine's feature 2 is " +
            "'f02_realized_vol' (the model has no feature 'f02_realized_vol')",
            mismatch(manifest(missingMiddle, FeatureSchema.hash())).getMessage());
        assertEquals("model demo-linear.onnx: has 5 features but the engine has 6; the engine's feature 5 " +
            "'f05_spread' is missing from the model",
            mismatch(manifest(missingLast, FeatureSchema.hash())).getMessage());
    }

    @Test
    void shouldNameAnExtraFeature()
    {
        final List<String> extra = List.of("f00_ema_cross", "f01_momentum", "f02_realized_vol", "f03_imbalance",
            "f04_microprice", "f05_spread", "f06_vwap_gap");

        final ModelMismatchException ex = mismatch(manifest(extra, FeatureSchema.hash()));

        assertEquals("model demo-linear.onnx: has 7 features but the engine has 6; the model's feature 6 " +
            "'f06_vwap_gap' is not an engine feature", ex.getMessage());
    }

    @Test
    void shouldRefuseAWrongSchemaHash()
    {
        final ModelMismatchException ex = mismatch(manifest(List.of(FeatureSchema.names()), HASH));

        assertEquals("model demo-linear.onnx: feature schema hash " + HASH + " does not match the engine's " +
            FeatureSchema.hash() + " although the names agree", ex.getMessage());
    }

    @Test
    void shouldRefuseModelBytesWhoseSha256DiffersFromTheManifest()
    {
        final byte[] tampered = SHIPPED.clone();
        tampered[tampered.length - 1] ^= 1;

        final ModelMismatchException ex = assertThrows(ModelMismatchException.class,
            () -> VALID.validate(FeatureSchema.names(), FeatureSchema.hash(), Scorers.DEMO_MODEL, tampered));

        assertEquals("model demo-linear.onnx: file SHA-256 " + ModelFiles.sha256Hex(tampered) + " does not match " +
            "the manifest's modelSha256 " + ModelFiles.sha256Hex(SHIPPED) +
            " (model replaced without its manifest?)", ex.getMessage());
    }

    @Test
    void shouldRefuseAManifestDescribingAnotherFile()
    {
        final ModelMismatchException ex = assertThrows(ModelMismatchException.class,
            () -> VALID.validate(FeatureSchema.names(), FeatureSchema.hash(), "/models/other.onnx", SHIPPED));

        assertEquals("model other.onnx: its manifest describes 'demo-linear.onnx'", ex.getMessage());
    }

    @Test
    void shouldNameLocationAndKeyOfAMalformedManifest()
    {
        final String yaml = VALID.toYaml();

        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> ModelManifest.parse(yaml.replaceAll("(?m)^trainingDataHash:.*\n", ""), "m.manifest.yaml"));
        assertEquals("model manifest m.manifest.yaml: missing key 'trainingDataHash'", missing.getMessage());

        final IllegalArgumentException badHash = assertThrows(IllegalArgumentException.class,
            () -> ModelManifest.parse(yaml.replace(HASH, "xyz"), "m.manifest.yaml"));
        assertTrue(badHash.getMessage().startsWith("model manifest m.manifest.yaml: key 'trainingDataHash' must be " +
            "64 lowercase hex digits"), badHash.getMessage());

        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> ModelManifest.parse(yaml + "colour: blue\n", "m.manifest.yaml"));
        assertTrue(unknown.getMessage().startsWith("model manifest m.manifest.yaml: unknown key 'colour'"),
            unknown.getMessage());

        final IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
            () -> ModelManifest.parse(yaml.replace("formatVersion: 1", "formatVersion: 2"), "m.manifest.yaml"));
        assertTrue(version.getMessage().contains("formatVersion 2 is not supported"), version.getMessage());

        final IllegalArgumentException notYaml = assertThrows(IllegalArgumentException.class,
            () -> ModelManifest.parse("features: [unclosed", "m.manifest.yaml"));
        assertTrue(notYaml.getMessage().startsWith("model manifest m.manifest.yaml is not valid YAML"),
            notYaml.getMessage());
    }

    @Test
    void shouldDeriveTheManifestLocationAndNameAMissingOne()
    {
        assertEquals("classpath:/io/meridian/engine/model/demo-linear.manifest.yaml",
            ModelFiles.manifestLocation(Scorers.DEMO_MODEL));
        assertEquals("/models/x.manifest.yaml", ModelFiles.manifestLocation("/models/x.onnx"));

        final UncheckedIOException ex = assertThrows(UncheckedIOException.class,
            () -> ModelManifest.load("classpath:/io/meridian/engine/model/absent.onnx"));
        assertEquals("classpath:/io/meridian/engine/model/absent.manifest.yaml: no such resource on the classpath",
            ex.getMessage());
    }
}
