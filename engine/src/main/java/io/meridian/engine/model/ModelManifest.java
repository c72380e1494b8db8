package io.meridian.engine.model;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a model file is and how it was made: the YAML file beside the model ({@link ModelFiles#manifestLocation}).
 * The engine refuses a model unless the manifest's feature names and order and schema hash equal the engine's
 * ({@code FeatureSchema}) and the model file's SHA-256 equals {@link #modelSha256()}.
 *
 * <pre>
 * formatVersion: 1
 * model: "demo-linear.onnx"
 * modelSha256: "…64 hex…"
 * features:
 *   - "f00_ema_cross"
 *   - …
 * featureSchemaHash: "…64 hex…"
 * trainingDataHash: "…64 hex…"
 * trainingRows: 16000
 * label: "forward mid return over 20 ticks, bps"
 * trainer: "Tribuo 4.3.2 LinearSGDTrainer(…)"
 * createdAt: "…"            # informational, written by the trainer
 * evaluation: "…"           # optional, informational
 * </pre>
 *
 * @param formatVersion manifest format, {@value #FORMAT_VERSION}.
 * @param model the model file name (no directory).
 * @param modelSha256 SHA-256 of the model file, lowercase hex.
 * @param features feature names in the model's input order.
 * @param featureSchemaHash the feature schema hash the model was trained against ({@code FeatureSchema.hash()}).
 * @param trainingDataHash SHA-256 of the training data, as defined by the trainer.
 * @param trainingRows rows the model was fitted on.
 * @param label what the model predicts, with units.
 * @param trainer the training algorithm and its settings.
 * @param createdAt when or by what run the model was made; informational.
 * @param evaluation held-out metrics; informational, may be empty.
 */
public record ModelManifest(
    int formatVersion,
    String model,
    String modelSha256,
    List<String> features,
    String featureSchemaHash,
    String trainingDataHash,
    long trainingRows,
    String label,
    String trainer,
    String createdAt,
    String evaluation)
{
    /** The manifest format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KEYS = Set.of("formatVersion", "model", "modelSha256", "features",
        "featureSchemaHash", "trainingDataHash", "trainingRows", "label", "trainer", "createdAt", "evaluation");

    /**
     * Checks and copies the fields.
     */
    public ModelManifest
    {
        features = List.copyOf(features);
        requireNonNull(model, "model");
        requireNonNull(modelSha256, "modelSha256");
        requireNonNull(featureSchemaHash, "featureSchemaHash");
        requireNonNull(trainingDataHash, "trainingDataHash");
        requireNonNull(label, "label");
        requireNonNull(trainer, "trainer");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(evaluation, "evaluation");
    }

    private static void requireNonNull(final String value, final String key)
    {
        if (value == null)
        {
            throw new IllegalArgumentException("model manifest field '" + key + "' is null");
        }
    }

    /**
     * Loads the manifest of a model.
     *
     * @param modelLocation the model's location: {@code classpath:/…/x.onnx} or a file path; the manifest location
     *                      derives from it.
     * @return the manifest.
     * @throws UncheckedIOException if the manifest does not exist or cannot be read.
     * @throws IllegalArgumentException if the manifest is malformed; the message names the file and key.
     */
    public static ModelManifest load(final String modelLocation)
    {
        final String location = ModelFiles.manifestLocation(modelLocation);
        return parse(new String(ModelFiles.read(location), StandardCharsets.UTF_8), location);
    }

    /**
     * Parses manifest text.
     *
     * @param yamlText the YAML.
     * @param location where it came from, for messages.
     * @return the manifest.
     * @throws IllegalArgumentException if the text is not a valid manifest; the message names location and key.
     */
    public static ModelManifest parse(final String yamlText, final String location)
    {
        final Object document;
        try
        {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        }
        catch (final YAMLException ex)
        {
            throw new IllegalArgumentException("model manifest " + location + " is not valid YAML: " +
                ex.getMessage(), ex);
        }
        if (!(document instanceof Map))
        {
            throw new IllegalArgumentException("model manifest " + location + " must be a YAML mapping of keys " +
                KEYS);
        }
        final Map<?, ?> map = (Map<?, ?>)document;
        for (final Object key : map.keySet())
        {
            if (!KEYS.contains(String.valueOf(key)))
            {
                throw new IllegalArgumentException("model manifest " + location + ": unknown key '" + key +
                    "' (known keys: " + KEYS + ")");
            }
        }
        final long formatVersion = integer(map, "formatVersion", location);
        if (formatVersion != FORMAT_VERSION)
        {
            throw new IllegalArgumentException("model manifest " + location + ": formatVersion " + formatVersion +
                " is not supported (this engine reads version " + FORMAT_VERSION + ")");
        }
        final long trainingRows = integer(map, "trainingRows", location);
        if (trainingRows < 0)
        {
            throw new IllegalArgumentException("model manifest " + location + ": trainingRows " + trainingRows +
                " is negative");
        }
        final String evaluation = map.containsKey("evaluation") ? string(map, "evaluation", location) : "";
        return new ModelManifest(
            FORMAT_VERSION,
            string(map, "model", location),
            hash(map, "modelSha256", location),
            names(map, location),
            hash(map, "featureSchemaHash", location),
            hash(map, "trainingDataHash", location),
            trainingRows,
            string(map, "label", location),
            string(map, "trainer", location),
            string(map, "createdAt", location),
            evaluation);
    }

    private static Object value(final Map<?, ?> map, final String key, final String location)
    {
        final Object value = map.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("model manifest " + location + ": missing key '" + key + "'");
        }
        return value;
    }

    private static String string(final Map<?, ?> map, final String key, final String location)
    {
        final Object value = value(map, key, location);
        if (!(value instanceof String))
        {
            throw new IllegalArgumentException("model manifest " + location + ": key '" + key +
                "' must be a string, got " + value);
        }
        return (String)value;
    }

    private static String hash(final Map<?, ?> map, final String key, final String location)
    {
        final String value = string(map, key, location);
        if (!SHA256_HEX.matcher(value).matches())
        {
            throw new IllegalArgumentException("model manifest " + location + ": key '" + key + "' must be 64 " +
                "lowercase hex digits (SHA-256), got '" + value + "'");
        }
        return value;
    }

    private static long integer(final Map<?, ?> map, final String key, final String location)
    {
        final Object value = value(map, key, location);
        if (!(value instanceof Integer) && !(value instanceof Long))
        {
            throw new IllegalArgumentException("model manifest " + location + ": key '" + key +
                "' must be an integer, got " + value);
        }
        return ((Number)value).longValue();
    }

    private static List<String> names(final Map<?, ?> map, final String location)
    {
        final Object value = value(map, "features", location);
        if (!(value instanceof List))
        {
            throw new IllegalArgumentException("model manifest " + location + ": key 'features' must be a list of " +
                "feature names, got " + value);
        }
        final List<?> list = (List<?>)value;
        final List<String> names = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++)
        {
            final Object name = list.get(i);
            if (!(name instanceof String) || ((String)name).isEmpty())
            {
                throw new IllegalArgumentException("model manifest " + location + ": features[" + i +
                    "] must be a non-empty string, got " + name);
            }
            names.add((String)name);
        }
        return names;
    }

    /**
     * Checks that the model was trained on the engine's feature vector: same names, same order, same count and the
     * same schema hash.
     *
     * @param engineFeatureNames the engine's feature names in vector order ({@code FeatureSchema.names()}).
     * @param engineSchemaHash the engine's schema hash ({@code FeatureSchema.hash()}).
     * @throws ModelMismatchException naming the model file and the first mismatch.
     */
    public void validate(final String[] engineFeatureNames, final String engineSchemaHash)
    {
        final int common = Math.min(features.size(), engineFeatureNames.length);
        for (int i = 0; i < common; i++)
        {
            final String modelName = features.get(i);
            final String engineName = engineFeatureNames[i];
            if (!modelName.equals(engineName))
            {
                throw new ModelMismatchException("model " + model + ": feature " + i + " is '" + modelName +
                    "' but the engine's feature " + i + " is '" + engineName + "'" +
                    hint(modelName, engineName, engineFeatureNames));
            }
        }
        if (features.size() < engineFeatureNames.length)
        {
            throw new ModelMismatchException("model " + model + ": has " + features.size() + " features but the " +
                "engine has " + engineFeatureNames.length + "; the engine's feature " + common + " '" +
                engineFeatureNames[common] + "' is missing from the model");
        }
        if (features.size() > engineFeatureNames.length)
        {
            throw new ModelMismatchException("model " + model + ": has " + features.size() + " features but the " +
                "engine has " + engineFeatureNames.length + "; the model's feature " + common + " '" +
                features.get(common) + "' is not an engine feature");
        }
        if (!featureSchemaHash.equals(engineSchemaHash))
        {
            throw new ModelMismatchException("model " + model + ": feature schema hash " + featureSchemaHash +
                " does not match the engine's " + engineSchemaHash + " although the names agree");
        }
    }

    private String hint(final String modelName, final String engineName, final String[] engineFeatureNames)
    {
        if (!features.contains(engineName))
        {
            return " (the model has no feature '" + engineName + "')";
        }
        for (final String name : engineFeatureNames)
        {
            if (name.equals(modelName))
            {
                return " (same features in a different order)";
            }
        }
        return " (the engine has no feature '" + modelName + "')";
    }

    /**
     * Checks that model bytes are the file this manifest describes.
     *
     * @param modelBytes the model file's bytes.
     * @throws ModelMismatchException if the SHA-256 differs, naming both hashes.
     */
    public void verifyModel(final byte[] modelBytes)
    {
        final String actual = ModelFiles.sha256Hex(modelBytes);
        if (!actual.equals(modelSha256))
        {
            throw new ModelMismatchException("model " + model + ": file SHA-256 " + actual + " does not match the " +
                "manifest's modelSha256 " + modelSha256 + " (model replaced without its manifest?)");
        }
    }

    /**
     * Everything the engine checks before it uses a model: the file name, its SHA-256, then the feature schema.
     *
     * @param engineFeatureNames the engine's feature names in vector order.
     * @param engineSchemaHash the engine's schema hash.
     * @param modelLocation the location the model bytes were read from.
     * @param modelBytes the model file's bytes.
     * @throws ModelMismatchException naming the model file and the first mismatch.
     */
    public void validate(
        final String[] engineFeatureNames, final String engineSchemaHash, final String modelLocation,
        final byte[] modelBytes)
    {
        final String fileName = ModelFiles.fileName(modelLocation);
        if (!fileName.equals(model))
        {
            throw new ModelMismatchException("model " + fileName + ": its manifest describes '" + model + "'");
        }
        verifyModel(modelBytes);
        validate(engineFeatureNames, engineSchemaHash);
    }

    /**
     * The manifest as YAML, in a fixed key order with every string double-quoted, so the same manifest always
     * serializes to the same bytes and {@link #parse} reads it back equal.
     *
     * @return the YAML text.
     */
    public String toYaml()
    {
        final StringBuilder yaml = new StringBuilder(1024);
        yaml.append("# Meridian model manifest: the engine refuses the model unless features, order, schema hash\n")
            .append("# and the model file's SHA-256 match. Written by io.meridian.ops.train.ModelTrainer.\n");
        yaml.append("formatVersion: ").append(formatVersion).append('\n');
        yaml.append("model: ").append(quote(model)).append('\n');
        yaml.append("modelSha256: ").append(quote(modelSha256)).append('\n');
        yaml.append("features:\n");
        for (final String name : features)
        {
            yaml.append("  - ").append(quote(name)).append('\n');
        }
        yaml.append("featureSchemaHash: ").append(quote(featureSchemaHash)).append('\n');
        yaml.append("trainingDataHash: ").append(quote(trainingDataHash)).append('\n');
        yaml.append("trainingRows: ").append(trainingRows).append('\n');
        yaml.append("label: ").append(quote(label)).append('\n');
        yaml.append("trainer: ").append(quote(trainer)).append('\n');
        yaml.append("createdAt: ").append(quote(createdAt)).append('\n');
        if (!evaluation.isEmpty())
        {
            yaml.append("evaluation: ").append(quote(evaluation)).append('\n');
        }
        return yaml.toString();
    }

    private static String quote(final String text)
    {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c == '\n')
            {
                quoted.append("\\n");
            }
            else if (c == '\t')
            {
                quoted.append("\\t");
            }
            else if (c < 0x20 || c == 0x7F)
            {
                quoted.append(String.format("\\x%02x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
