package io.meridian.ops.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link LiveEngine} for tests outside this package (the command line's): a running, fed engine and the
 * {@link OpsEngine} the server needs.
 */
public final class LiveEngineAccess implements AutoCloseable
{
    private final LiveEngine live;

    /**
     * Starts a fed engine journaling into a directory.
     *
     * @param journalDir where it journals.
     */
    public LiveEngineAccess(final Path journalDir)
    {
        live = new LiveEngine(journalDir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            "kill.dailyLossLimit=100000000");
    }

    /**
     * What the server serves.
     *
     * @return the engine.
     */
    public OpsEngine engine()
    {
        return live.engine;
    }

    @Override
    public void close() throws IOException
    {
        live.close();
    }
}
