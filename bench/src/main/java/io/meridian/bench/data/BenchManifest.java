package io.meridian.bench.data;

import io.meridian.config.EngineConfig;
import io.meridian.journal.RunManifest;
import java.time.Instant;
import java.util.List;

/**
 * The run manifest a bench journal starts with: enough to rebuild the engine, so that
 * {@link io.meridian.journal.ReplayVerifier} can verify a bench journal like any other.
 */
public final class BenchManifest
{
    /** Engine version written in bench manifests. */
    public static final String VERSION = "bench";

    private BenchManifest()
    {
    }

    /**
     * The manifest text.
     *
     * @param config the effective configuration (the demo profile with {@code overrides} applied).
     * @param runId run identifier.
     * @param mode {@code backtest} or {@code live}.
     * @param overrides the overrides applied to the demo profile.
     * @return the text to pass to {@link io.meridian.journal.JournalWriter#open}.
     */
    public static String text(
        final EngineConfig config, final String runId, final String mode, final List<String> overrides)
    {
        return RunManifest.of(VERSION, runId, mode, Instant.now(), "profile:" + DemoWorld.PROFILE, overrides, config)
            .toText();
    }
}
