package io.meridian.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Loads and validates an {@link EngineConfig} from a built-in profile, a file or a string, applying
 * {@code --set key.path=value} overrides first. Every key is required, unknown keys are errors, and every value is
 * type- and range-checked; any problem is a {@link ConfigException} whose message names the source, the key path,
 * the bad value and what is allowed. Stateless and thread-safe; runs at start-up, never on a hot path.
 * <p>
 * Overrides: {@code risk.maxOrderQty=50}, {@code engine.mode=staged}, {@code instruments[0].spreadTicks=3}. The value
 * is read as YAML, so {@code 1e6}, {@code 0.25} and {@code "quoted text"} work as they would in the file. An override
 * may replace any key the schema has (or supply one the file lacks); a key the schema does not have, a string without
 * {@code =} or a list index past the end is an error with source {@code --set}. A bad value from an override is
 * reported with source {@code --set}.
 */
public final class ConfigLoader
{
    /** Names of the built-in profiles, in the order they are listed to users. */
    public static final List<String> PROFILES = List.of("demo", "backtest", "bars", "paper-ib", "live-ib");

    /** Class-path folder of the built-in profiles; a profile {@code x} is {@code x.yaml} there. */
    public static final String PROFILE_RESOURCE_DIR = "/io/meridian/config/profiles/";

    /** Prefix of the source label of a built-in profile, e.g. {@code profile:demo}. */
    public static final String PROFILE_SOURCE_PREFIX = "profile:";

    /** Source label of values given with {@code --set}. */
    public static final String OVERRIDE_SOURCE = Overrides.SOURCE;

    private ConfigLoader()
    {
    }

    /**
     * Loads a built-in profile.
     *
     * @param name      profile name, one of {@link #PROFILES}.
     * @param overrides {@code key.path=value} overrides applied in order; null or empty for none.
     * @return the validated config.
     * @throws ConfigException when the profile is unknown or the result is invalid.
     */
    public static EngineConfig loadProfile(final String name, final List<String> overrides)
    {
        final String source = PROFILE_SOURCE_PREFIX + name;
        if (!PROFILES.contains(name))
        {
            throw ConfigException.ofSource(source, "unknown profile", "one of " + String.join(", ", PROFILES)
                + " (or --config FILE)", null);
        }
        final String resource = PROFILE_RESOURCE_DIR + name + ".yaml";
        final String text;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw ConfigException.ofSource(
                    source, "profile resource " + resource + " is missing from the class path", null, null);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw ConfigException.ofSource(source, "cannot read profile resource " + resource + ": " + ex, null, ex);
        }
        return loadText(source, text, overrides);
    }

    /**
     * Loads a YAML file.
     *
     * @param file      the file, UTF-8.
     * @param overrides {@code key.path=value} overrides applied in order; null or empty for none.
     * @return the validated config.
     * @throws ConfigException when the file cannot be read or the result is invalid; the source is the file path.
     */
    public static EngineConfig loadFile(final Path file, final List<String> overrides)
    {
        Objects.requireNonNull(file, "file");
        final String source = file.toString();
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw ConfigException.ofSource(source, "cannot read config file: no such file", "an existing YAML file",
                ex);
        }
        catch (final AccessDeniedException ex)
        {
            throw ConfigException.ofSource(source, "cannot read config file: permission denied",
                "a readable YAML file", ex);
        }
        catch (final CharacterCodingException ex)
        {
            throw ConfigException.ofSource(source, "cannot read config file: not valid UTF-8", "a UTF-8 YAML file",
                ex);
        }
        catch (final IOException ex)
        {
            throw ConfigException.ofSource(source, "cannot read config file: " + ex.getMessage(),
                "a readable YAML file", ex);
        }
        return loadText(source, text, overrides);
    }

    /**
     * Loads YAML text.
     *
     * @param source    label used in error messages: a path, {@code manifest}, ...
     * @param yamlText  the YAML document.
     * @param overrides {@code key.path=value} overrides applied in order; null or empty for none.
     * @return the validated config.
     * @throws ConfigException on the first problem found.
     */
    public static EngineConfig loadText(final String source, final String yamlText, final List<String> overrides)
    {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yamlText, "yamlText");
        final String text = yamlText.startsWith("\ufeff") ? yamlText.substring(1) : yamlText;
        final YamlTree.Node root = YamlTree.parse(source, text);
        Overrides.apply(root, overrides);
        return ConfigBinder.bind(source, root);
    }

    /**
     * The deterministic YAML form of a config: every key in declaration order; loading it gives an equal config.
     * Use it to record the effective config (after overrides) in a run manifest.
     *
     * @param config the config.
     * @return UTF-8-safe YAML text ending in a newline.
     */
    public static String canonicalYaml(final EngineConfig config)
    {
        Objects.requireNonNull(config, "config");
        return CanonicalYaml.write(config);
    }

    /**
     * SHA-256 of a text's UTF-8 bytes.
     *
     * @param text the text.
     * @return 64 lowercase hex digits.
     */
    public static String sha256(final String text)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }

    /**
     * The config hash recorded in run manifests: {@code sha256(canonicalYaml(config))}.
     *
     * @param config the config.
     * @return 64 lowercase hex digits.
     */
    public static String configHash(final EngineConfig config)
    {
        return sha256(canonicalYaml(config));
    }
}
