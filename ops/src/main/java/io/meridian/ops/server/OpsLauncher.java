package io.meridian.ops.server;

import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the ops server for a command ({@code run}; {@code demo}/{@code backtest} with {@code --ops}): loads the
 * tokens ({@code --ops-token-file FILE} or {@code MERIDIAN_OPS_TOKEN}), starts the server on the configuration's
 * {@code ops.bind}/{@code ops.port}, prints {@code ops: URL} on the error stream and, when asked, writes the URL to a
 * file ({@code var/ops.url} for {@code run}, read by the CLI verbs) that it removes again on close.
 */
public final class OpsLauncher implements AutoCloseable
{
    /** Where {@code run} writes its ops URL for the CLI verbs. */
    public static final Path URL_FILE = Path.of("var", "ops.url");
    /** The option naming a token file. */
    public static final String TOKEN_FILE_OPTION = "ops-token-file";

    private final OpsServer server;
    private final Path urlFile;

    private OpsLauncher(final OpsServer server, final Path urlFile)
    {
        this.server = server;
        this.urlFile = urlFile;
    }

    /**
     * The tokens a command line configures.
     *
     * @param args the parsed arguments ({@code --ops-token-file}).
     * @return the tokens, possibly none.
     * @throws UsageException naming the file, line or variable when a token is unusable.
     */
    public static OpsTokens tokens(final Args args)
    {
        try
        {
            final String file = args.option(TOKEN_FILE_OPTION);
            return OpsTokens.load(System.getenv(OpsTokens.ENV), file == null ? null : Path.of(file));
        }
        catch (final IllegalArgumentException e)
        {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Starts the server.
     *
     * @param engine what it serves.
     * @param tokens who may steer it.
     * @param urlFile where to write its URL, or null.
     * @param err where the {@code ops:} lines and the audit go.
     * @return the launcher, to close when the engine stops.
     * @throws UsageException when the address cannot be bound or the URL file cannot be written.
     */
    public static OpsLauncher start(
        final OpsEngine engine, final OpsTokens tokens, final Path urlFile, final PrintStream err)
    {
        try
        {
            final OpsServer server = OpsServer.start(engine, tokens, engine.config().ops(), err);
            err.println("ops: " + server.url());
            if (!tokens.configured())
            {
                err.println("ops: no token configured (" + OpsTokens.ENV + " or --" + TOKEN_FILE_OPTION
                    + "): halt, resume, cancel-all and flatten are refused");
            }
            if (urlFile != null)
            {
                final Path parent = urlFile.toAbsolutePath().getParent();
                if (parent != null)
                {
                    Files.createDirectories(parent);
                }
                Files.writeString(urlFile, server.url() + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            return new OpsLauncher(server, urlFile);
        }
        catch (final IOException e)
        {
            // the address is configuration (ops.bind, ops.port) or the URL file's directory: exit 2 with the reason
            throw new UsageException(e.getMessage() + " (ops.bind / ops.port, or --no-ops)");
        }
    }

    /**
     * The server's URL.
     *
     * @return the URL.
     */
    public String url()
    {
        return server.url();
    }

    /**
     * Stops the server and removes the URL file when it still names this server.
     */
    @Override
    public void close()
    {
        server.close();
        if (urlFile != null)
        {
            try
            {
                if (Files.exists(urlFile) && Files.readString(urlFile, StandardCharsets.UTF_8).strip()
                    .equals(server.url()))
                {
                    Files.delete(urlFile);
                }
            }
            catch (final IOException e)
            {
                // a stale URL file only makes the CLI verbs fail to connect (exit 2), which they report
            }
        }
    }
}
