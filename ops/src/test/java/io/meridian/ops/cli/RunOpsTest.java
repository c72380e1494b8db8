package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.ops.server.OpsLauncher;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meridian run} with its ops server: it prints {@code ops: http://127.0.0.1:PORT}, says when no token is
 * configured, removes {@code var/ops.url} when it stops, runs without the server on {@code --no-ops}, and exits 2
 * naming the address when the port is taken.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunOpsTest
{
    @TempDir
    Path tmp;

    @Test
    void shouldStartTheOpsServerAndRemoveItsUrlFileWhenDone()
    {
        final CommandLine run = CommandLine.run("run", "--events", "5000", "--rate", "0",
            "--journal", tmp.resolve("live").toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.err.matches("(?s)ops: http://127\\.0\\.0\\.1:[0-9]+\\n.*"), run.err);
        assertTrue(run.err.contains("ops: no token configured (MERIDIAN_OPS_TOKEN or --ops-token-file): halt, "
            + "resume, cancel-all and flatten are refused") || System.getenv("MERIDIAN_OPS_TOKEN") != null, run.err);
        assertFalse(Files.exists(OpsLauncher.URL_FILE), "var/ops.url is removed when the run ends");
        assertTrue(run.out.contains("replay: identical"), run.out);

        final CommandLine quiet = CommandLine.run("run", "--events", "5000", "--rate", "0", "--no-ops",
            "--journal", tmp.resolve("quiet").toString());
        assertEquals(0, quiet.exitCode, quiet.toString());
        assertFalse(quiet.err.contains("ops:"), quiet.err);
    }

    @Test
    void shouldExitTwoNamingTheAddressWhenThePortIsTaken() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            final CommandLine run = CommandLine.run("run", "--events", "5000", "--rate", "0",
                "--journal", tmp.resolve("busy").toString(), "--set", "ops.port=" + taken.getLocalPort());
            assertEquals(2, run.exitCode, run.toString());
            assertTrue(run.err.contains("meridian run: ops server cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                run.err);
        }
    }
}
