package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --profile paper-ib} starts the ops server (issue 9 §4): against ib-sim over loopback it prints
 * {@code ops: URL}, serves {@code /status} and {@code /metrics} from the IB session, and the CLI verbs halt, resume
 * and cancel-all steer it; the commands are journaled as OPERATOR records and the session's journal replays identical.
 * {@code status} shows the session's last reconciliation (issue 9 §3) from the {@code /status} document.
 */
class IbRunOpsTest
{
    private static final String SECRET = "ib-ops-test-secret-0123456789";
    private static final Pattern URL = Pattern.compile("ops: (http://127\\.0\\.0\\.1:[0-9]+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theOpsServerServesAndSteersAnIbSession() throws Exception
    {
        final Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "dana:" + SECRET + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        final Path journal = dir.resolve("journal");
        final SimulatorThread ib = new SimulatorThread();
        final int port = ib.port;
        final ByteArrayOutputStream runOut = new ByteArrayOutputStream();
        final ByteArrayOutputStream runErr = new ByteArrayOutputStream();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread run = new Thread(() -> exit.set(Main.run(List.of("run", "--profile", "paper-ib", "--port",
            Integer.toString(port), "--seconds", "12", "--journal", journal.toString(), "--ops-token-file",
            tokenFile.toString(), "--set", "kill.dailyLossLimit=1e12"),
            new PrintStream(runOut, true, StandardCharsets.UTF_8),
            new PrintStream(runErr, true, StandardCharsets.UTF_8))), "ib-run-test");
        run.start();
        try
        {
            final String url = awaitUrl(runErr);
            await(url, "trading state ACTIVE");
            final HttpClient http = HttpClient.newHttpClient();
            final HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            assertTrue(status.body().contains("\"profile\"") && status.body().contains("MRDA"), status.body());
            final HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("meridian_trading_state"), metrics.body());

            assertEquals("halt: accepted", verb("halt", url, tokenFile).substring(0, "halt: accepted".length()));
            await(url, "trading state HALTED");
            assertTrue(verb("resume", url, tokenFile).startsWith("resume: accepted"));
            await(url, "trading state ACTIVE");
            assertTrue(verb("cancel-all", url, tokenFile).startsWith("cancel-all: accepted"));
            // the reconciliation at UP: against a fresh simulator, clean
            final String shown = await(url, "reconciliations this session: 1");
            assertTrue(shown.contains("last reconciliation: clean (engine = broker)"), shown);
            final HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(url + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
            final String compact = again.body().replaceAll("\\s", "");
            assertTrue(compact.contains("\"reconciliation\":{\"reconciliations\":1,\"last\":[{\"kind\":\"CLEAN\""),
                compact);
        }
        finally
        {
            run.join();
            ib.close();
        }
        final String out = runOut.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit.get(), out + runErr.toString(StandardCharsets.UTF_8));
        assertTrue(out.contains("replay: identical"), out);
        final long[] operator = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInput((b, o, l) -> operator[0] += Header.type(b, o) == RecordType.OPERATOR ? 1 : 0);
        }
        assertEquals(3, operator[0], "halt, resume and cancel-all journaled as OPERATOR records");
    }

    private static String awaitUrl(final ByteArrayOutputStream err) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline)
        {
            final Matcher m = URL.matcher(err.toString(StandardCharsets.UTF_8));
            if (m.find())
            {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no 'ops: URL' line: " + err.toString(StandardCharsets.UTF_8));
    }

    private static String await(final String url, final String text) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline)
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.run(List.of("status", "--url", url), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            last = out.toString(StandardCharsets.UTF_8);
            if (last.contains(text))
            {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("status never showed '" + text + "': " + last);
    }

    private static String verb(final String verb, final String url, final Path tokenFile)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = Main.run(List.of(verb, "--url", url, "--token-file", tokenFile.toString(), "--reason",
            "ib ops test"), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, verb + ": " + out.toString(StandardCharsets.UTF_8) + err.toString(
            StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
