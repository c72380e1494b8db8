package io.meridian.journal;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest written at the head of every journal: what is needed to rebuild the engine that wrote it and to
 * tell whether a rebuilt engine is the same one. Plain text: {@code key: value} lines, one {@code override:} line
 * per {@code --set}, then a line {@code --- config ---} followed by the effective configuration as canonical YAML.
 *
 * @param engineVersion version of the engine that wrote the journal.
 * @param runId run identifier (also the journal directory's name by default).
 * @param mode {@code backtest} or {@code live}.
 * @param createdAt wall-clock start time, ISO-8601; informational only, never read by the engine.
 * @param configSource where the configuration came from ({@code profile:demo} or a file path).
 * @param configHash SHA-256 of the canonical configuration text.
 * @param overrides the {@code --set} overrides, already applied to the configuration.
 * @param modelPath the model location.
 * @param modelSha256 SHA-256 of the model file.
 * @param featureSchemaHash the engine's feature schema hash.
 * @param scorer {@code java} or {@code onnx}.
 * @param seed the run seed.
 * @param configYaml the effective configuration, canonical YAML.
 */
public record RunManifest(
    String engineVersion,
    String runId,
    String mode,
    String createdAt,
    String configSource,
    String configHash,
    List<String> overrides,
    String modelPath,
    String modelSha256,
    String featureSchemaHash,
    String scorer,
    long seed,
    String configYaml)
{
    /** First line of every manifest. */
    public static final String FORMAT_LINE = "meridian-run-manifest: 1";
    /** How the manifest of a data journal (runtime's {@code DataManifest}, from {@code meridian import}) starts. */
    private static final String DATA_MANIFEST_PREFIX = "meridian-data-manifest:";
    private static final String CONFIG_MARKER = "--- config ---";

    /**
     * Defensive copy of the override list.
     */
    public RunManifest
    {
        overrides = List.copyOf(overrides);
    }

    /**
     * The manifest of a run of the engine built from {@code config}: hashes the configuration, reads and hashes the
     * model file, and takes the feature schema hash, so every command that writes a journal records the same facts.
     *
     * @param engineVersion version of the engine writing the journal.
     * @param runId run identifier.
     * @param mode {@code backtest} or {@code live}.
     * @param createdAt wall-clock start time, informational only.
     * @param configSource where the configuration came from ({@code profile:demo} or a file path).
     * @param overrides the {@code --set} overrides, already applied to {@code config}.
     * @param config the effective configuration.
     * @return the manifest.
     */
    public static RunManifest of(
        final String engineVersion,
        final String runId,
        final String mode,
        final Instant createdAt,
        final String configSource,
        final List<String> overrides,
        final EngineConfig config)
    {
        final String modelPath = config.model().path();
        return new RunManifest(
            engineVersion,
            runId,
            mode,
            createdAt.toString(),
            configSource,
            ConfigLoader.configHash(config),
            overrides,
            modelPath,
            ModelFiles.sha256Hex(ModelFiles.read(modelPath)),
            FeatureSchema.hash(config.features()),
            config.model().scorer(),
            config.run().seed(),
            ConfigLoader.canonicalYaml(config));
    }

    /**
     * The manifest as text.
     *
     * @return the text.
     */
    public String toText()
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append(FORMAT_LINE).append('\n');
        line(out, "engineVersion", engineVersion);
        line(out, "runId", runId);
        line(out, "mode", mode);
        line(out, "createdAt", createdAt);
        line(out, "configSource", configSource);
        line(out, "configHash", configHash);
        for (final String override : overrides)
        {
            line(out, "override", override);
        }
        line(out, "modelPath", modelPath);
        line(out, "modelSha256", modelSha256);
        line(out, "featureSchemaHash", featureSchemaHash);
        line(out, "scorer", scorer);
        line(out, "seed", Long.toString(seed));
        out.append(CONFIG_MARKER).append('\n').append(configYaml);
        return out.toString();
    }

    private static void line(final StringBuilder out, final String key, final String value)
    {
        if (value.indexOf('\n') >= 0)
        {
            throw new IllegalArgumentException("manifest value of " + key + " contains a newline");
        }
        out.append(key).append(": ").append(value).append('\n');
    }

    /**
     * Parses manifest text.
     *
     * @param text the text.
     * @return the manifest.
     * @throws IllegalArgumentException naming the line that is wrong.
     */
    public static RunManifest parse(final String text)
    {
        final String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !FORMAT_LINE.equals(lines[0]))
        {
            if (lines.length > 0 && lines[0].startsWith(DATA_MANIFEST_PREFIX))
            {
                throw new IllegalArgumentException("manifest line 1: '" + lines[0] + "' is a data journal (written by "
                    + "'meridian import'), not a run journal; backtest it with 'meridian backtest --data DIR'");
            }
            throw new IllegalArgumentException("manifest line 1: expected '" + FORMAT_LINE + "'");
        }
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> overrides = new ArrayList<>();
        int i = 1;
        for (; i < lines.length && !CONFIG_MARKER.equals(lines[i]); i++)
        {
            final int colon = lines[i].indexOf(": ");
            if (colon <= 0)
            {
                throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected 'key: value', got '"
                    + lines[i] + "'");
            }
            final String key = lines[i].substring(0, colon);
            final String value = lines[i].substring(colon + 2);
            if ("override".equals(key))
            {
                overrides.add(value);
            }
            else
            {
                values.put(key, value);
            }
        }
        if (i >= lines.length)
        {
            throw new IllegalArgumentException("manifest: no '" + CONFIG_MARKER + "' line");
        }
        final StringBuilder yaml = new StringBuilder(text.length());
        for (int j = i + 1; j < lines.length; j++)
        {
            yaml.append(lines[j]);
            if (j < lines.length - 1)
            {
                yaml.append('\n');
            }
        }
        final String seedText = require(values, "seed");
        final long seed;
        try
        {
            seed = Long.parseLong(seedText);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("manifest: seed is not a number: '" + seedText + "'", ex);
        }
        return new RunManifest(
            require(values, "engineVersion"),
            require(values, "runId"),
            require(values, "mode"),
            require(values, "createdAt"),
            require(values, "configSource"),
            require(values, "configHash"),
            overrides,
            require(values, "modelPath"),
            require(values, "modelSha256"),
            require(values, "featureSchemaHash"),
            require(values, "scorer"),
            seed,
            yaml.toString());
    }

    private static String require(final Map<String, String> values, final String key)
    {
        final String value = values.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("manifest: missing key '" + key + "'");
        }
        return value;
    }
}
