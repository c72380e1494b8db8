package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.OpsConfig;
import io.meridian.ops.server.LiveEngineAccess;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsServer;
import io.meridian.ops.server.OpsTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator verbs against a running engine: {@code status} prints the tables, {@code halt}/{@code resume}
 * are accepted (exit 0), refused without the right token (exit 1), and an unreachable server exits 2.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpsVerbsTest
{
    private static final String SECRET = "cli-test-secret-0123456789";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... argv)
    {
        out.reset();
        err.reset();
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowStatusAndSteerTheRunningEngine() throws Exception
    {
        final Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "carol:" + SECRET + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        final Path wrongFile = dir.resolve("wrong");
        Files.writeString(wrongFile, "carol:" + SECRET + "-wrong\n");
        Files.setPosixFilePermissions(wrongFile, PosixFilePermissions.fromString("rw-------"));
        try (LiveEngineAccess live = new LiveEngineAccess(dir.resolve("journal"));
            OpsServer server = OpsServer.start(live.engine(), OpsTokens.load(null, tokenFile), OpsConfig.DEFAULT,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final String url = server.url();
            awaitFirstPublication("--url", url);
            assertTrue(out().contains("trading state ACTIVE"), out());
            assertTrue(out().contains("MRDA") && out().contains("tick-to-order") && out().contains("rejects:"), out());

            assertEquals(0, run("halt", "--url", url, "--token-file", tokenFile.toString(), "--reason", "cli"),
                err());
            assertTrue(out().startsWith("halt: accepted, journaled as sequence "), out());
            assertTrue(out().contains("(operator carol)"), out());
            assertEquals(0, run("status", "--url", url + "/"), err());
            assertTrue(out().contains("trading state HALTED"), out());

            assertEquals(1, run("resume", "--url", url, "--token-file", wrongFile.toString()));
            assertEquals("meridian resume: refused (HTTP 401): invalid token\n", err());
            assertEquals(1, run("flatten", "--url", url, "--token-file", tokenFile.toString(), "--instrument", "XX"));
            assertTrue(err().contains("refused (HTTP 400): unknown instrument 'XX'"), err());

            assertEquals(0, run("resume", "--url", url, "--token-file", tokenFile.toString()), err());
            assertEquals(0, run("status", "--url", url));
            assertTrue(out().contains("trading state ACTIVE"), out());
        }
    }

    @Test
    void shouldExitTwoWhenTheServerCannotBeReached() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        assertEquals(2, run("status", "--url", "http://127.0.0.1:" + port));
        assertTrue(err().startsWith("meridian status: cannot reach the ops server at http://127.0.0.1:" + port), err());
        assertEquals(2, run("halt", "--url", "ftp://x"));
        assertTrue(err().contains("--url must be an http:// or https:// URL, got 'ftp://x'"), err());
        final List<String> verbs = new ArrayList<>(OpsVerbs.VERBS);
        assertEquals(List.of("status", "halt", "resume", "cancel-all", "flatten"), verbs);
        assertEquals(0, run("--help"));
        for (final String verb : verbs)
        {
            assertTrue(out().contains(verb), "--help lists " + verb);
        }
    }

    /**
     * Runs {@code status} until the engine has published its state once (before that it shows STARTING; on a loaded
     * machine the first events may take longer than the server's 50 ms wait for a fresh publication).
     */
    private void awaitFirstPublication(final String... urlOption) throws InterruptedException
    {
        final List<String> argv = new ArrayList<>(List.of("status"));
        argv.addAll(List.of(urlOption));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do
        {
            assertEquals(0, run(argv.toArray(new String[0])), err());
            if (!out().contains("trading state STARTING"))
            {
                return;
            }
            Thread.sleep(50);
        }
        while (System.nanoTime() < deadline);
        throw new AssertionError("the engine never published its state: " + out());
    }

    private long acceptedSequence(final String verb)
    {
        final String prefix = verb + ": accepted, journaled as sequence ";
        assertTrue(out().startsWith(prefix) && out().endsWith(" (operator carol)\n"), out());
        return Long.parseLong(out().substring(prefix.length(), out().indexOf(" (operator")));
    }

    /**
     * {@code cancel-all} and {@code flatten --instrument MRDA} are accepted with the sequence they were journaled at,
     * and without {@code --url} every verb reads the server's address from {@code var/ops.url} (relative to the
     * working directory, as {@code meridian run} writes it); the file is put back as it was afterwards.
     */
    @Test
    void shouldCancelAllAndFlattenAnInstrumentReadingTheUrlFromTheUrlFile() throws Exception
    {
        final Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "carol:" + SECRET + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        final Path urlFile = OpsLauncher.URL_FILE;
        final String previous = Files.exists(urlFile) ? Files.readString(urlFile, StandardCharsets.UTF_8) : null;
        final boolean hadDir = Files.isDirectory(urlFile.getParent());
        try (LiveEngineAccess live = new LiveEngineAccess(dir.resolve("journal"));
            OpsServer server = OpsServer.start(live.engine(), OpsTokens.load(null, tokenFile), OpsConfig.DEFAULT,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            Files.createDirectories(urlFile.getParent());
            Files.writeString(urlFile, server.url() + "\n", StandardCharsets.UTF_8);

            awaitFirstPublication();
            assertTrue(out().contains("trading state ACTIVE"), out());

            assertEquals(0, run("cancel-all", "--token-file", tokenFile.toString(), "--reason", "cli test"), err());
            final long cancelAll = acceptedSequence("cancel-all");
            assertTrue(cancelAll >= 0, out());

            assertEquals(0, run("flatten", "--token-file", tokenFile.toString(), "--instrument", "MRDA"), err());
            final long flatten = acceptedSequence("flatten");
            assertTrue(flatten > cancelAll, "journaled after the cancel-all: " + flatten + " vs " + cancelAll);

            assertEquals(0, run("status"), err());
            assertTrue(out().contains("FLATTENING"), "MRDA is being flattened: " + out());

            Files.writeString(urlFile, "not a url\n", StandardCharsets.UTF_8);
            assertEquals(2, run("status"));
            assertTrue(err().contains("--url must be an http:// or https:// URL, got 'not a url'"), err());
        }
        finally
        {
            if (previous != null)
            {
                Files.writeString(urlFile, previous, StandardCharsets.UTF_8);
            }
            else
            {
                Files.deleteIfExists(urlFile);
                if (!hadDir)
                {
                    Files.deleteIfExists(urlFile.getParent());
                }
            }
        }
        if (previous == null)
        {
            assertEquals(2, run("status"), "no var/ops.url and no --url: " + out());
            assertTrue(err().contains("no --url given and " + urlFile + " cannot be read"), err());
        }
    }
}
