package io.meridian.ops.cli;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.launch.Args;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;

/**
 * Shared start-up steps of the commands: loading configuration from {@code --config}/{@code --set} or a profile,
 * naming runs and writing run manifests.
 */
public final class EngineSetup
{
    private static final DateTimeFormatter RUN_ID_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private EngineSetup()
    {
    }

    /**
     * Loads the configuration a command line asks for.
     *
     * @param args parsed arguments ({@code --config FILE}, {@code --set k=v}).
     * @param defaultProfile profile used without {@code --config}.
     * @return the validated configuration.
     * @throws io.meridian.config.ConfigException when it is invalid.
     */
    public static EngineConfig loadConfig(final Args args, final String defaultProfile)
    {
        final String file = args.option("config");
        return file == null
            ? ConfigLoader.loadProfile(defaultProfile, args.sets())
            : ConfigLoader.loadFile(Path.of(file), args.sets());
    }

    /**
     * Where the configuration came from, for the manifest.
     *
     * @param args parsed arguments.
     * @param defaultProfile profile used without {@code --config}.
     * @return {@code profile:NAME} or the file path.
     */
    public static String configSource(final Args args, final String defaultProfile)
    {
        final String file = args.option("config");
        return file == null ? "profile:" + defaultProfile : file;
    }

    /**
     * A run id: the kind and the UTC start time.
     *
     * @param kind e.g. {@code demo}.
     * @param start the start time.
     * @return e.g. {@code demo-20261121-104700}.
     */
    public static String runId(final String kind, final Instant start)
    {
        return kind + "-" + RUN_ID_TIME.format(start);
    }

    /**
     * Builds the run manifest.
     *
     * @param runId run id.
     * @param mode {@code backtest} or {@code live}.
     * @param start wall-clock start (informational).
     * @param configSource where the configuration came from.
     * @param overrides the {@code --set} overrides.
     * @param config the effective configuration.
     * @return the manifest.
     */
    public static RunManifest manifest(
        final String runId,
        final String mode,
        final Instant start,
        final String configSource,
        final List<String> overrides,
        final EngineConfig config)
    {
        return RunManifest.of(version(), runId, mode, start, configSource, overrides, config);
    }

    /**
     * The engine version from the build.
     *
     * @return the version, or {@code dev} when not built by Maven.
     */
    public static String version()
    {
        try (InputStream in = EngineSetup.class.getResourceAsStream("/io/meridian/ops/version.properties"))
        {
            if (in == null)
            {
                return "dev";
            }
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        }
        catch (final IOException ex)
        {
            return "dev";
        }
    }

    /**
     * Prints {@code note: ...} to {@code err} when {@code features.bars} builds bars that no configured bar indicator
     * uses ({@link io.meridian.config.FeatureConfig#unusedBarsNote}); the run goes on.
     *
     * @param config the loaded configuration.
     * @param err    where the note goes.
     */
    static void noteUnusedBars(final EngineConfig config, final PrintStream err)
    {
        final String note = config.features().unusedBarsNote();
        if (!note.isEmpty())
        {
            err.println("note: " + note);
        }
    }
}
