package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsTokens;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.EventMerger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --ops}: the ops server on a running backtest. A halt through the API is journaled (202 with its
 * sequence), shows in {@code /status}, and the backtest's journal still replays identically.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoOpsTest
{
    private static final String SECRET = "demo-ops-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void shouldServeABacktestAndJournalAnOperatorHalt() throws Exception
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of());
        final Path journalDir = dir.resolve("journal");
        final AtomicBoolean stop = new AtomicBoolean();
        final HttpClient http = HttpClient.newHttpClient();
        try (Scorer scorer = Scorers.create(config.model().scorer(), config.model().path());
            JournalWriter journal = JournalWriter.open(journalDir, EngineSetup.manifest("demo-ops", "backtest",
                Instant.now(), "profile:demo", List.of(), config).toText()))
        {
            final Backtest backtest = new Backtest(config, scorer, EventMerger.simulated(config),
                Backtest.journal(journal), null, null);
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final OpsLauncher ops = DemoOps.start(backtest, config, "demo-ops", "profile:demo", journalDir,
                OpsTokens.load("erin:" + SECRET, null), new PrintStream(err, true, StandardCharsets.UTF_8));
            final Thread driver = new Thread(() ->
            {
                while (!stop.get())
                {
                    backtest.run(1_000, null, 1_000);
                }
            }, "test-backtest");
            driver.start();
            try
            {
                assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ops: " + ops.url()));
                final HttpResponse<String> halt = http.send(HttpRequest.newBuilder(URI.create(ops.url() + "/halt"))
                    .header("Authorization", "Bearer " + SECRET).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertEquals(202, halt.statusCode(), halt.body());
                final String status = http.send(HttpRequest.newBuilder(URI.create(ops.url() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(status.contains("\"tradingState\" : \"HALTED\""), status);
            }
            finally
            {
                stop.set(true);
                driver.join();
                backtest.publishState();
                ops.close();
            }
        }
        final ReplayVerifier.Result replay = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(replay.identical(), replay.line());
    }

    /**
     * The {@code --ops} flag end to end through the command line: {@code demo --ops} prints
     * {@code ops: http://127.0.0.1:PORT} on stderr, the server answers {@code /health} with 200 while the demo runs,
     * and is gone once the demo has exited 0.
     */
    @Test
    void shouldStartTheServerFromTheOpsFlagAndAnswerHealthWhileTheDemoRuns() throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        final Thread demo = new Thread(() -> exit.set(Main.run(List.of("demo", "--ops", "--no-progress",
            "--events", "2000000", "--journal", dir.resolve("journal").toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))),
            "test-demo-ops");
        demo.start();
        final java.util.regex.Pattern line = java.util.regex.Pattern.compile("(?m)^ops: (http://127\\.0\\.0\\.1:"
            + "([0-9]{1,5}))$");
        java.util.regex.Matcher found = line.matcher(err.toString(StandardCharsets.UTF_8));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean printed = found.find();
        while (!printed && demo.isAlive() && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
            found = line.matcher(err.toString(StandardCharsets.UTF_8));
            printed = found.find();
        }
        assertTrue(printed, "no 'ops: http://127.0.0.1:PORT' line on stderr: " + err.toString(StandardCharsets.UTF_8));
        final String url = found.group(1);
        final int port = Integer.parseInt(found.group(2));
        assertTrue(port > 0 && port < 65_536, url);
        final HttpClient http = HttpClient.newHttpClient();
        final HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(demo.isAlive(), "the demo was still running when /health answered");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\" : \"up\""), health.body());
        demo.join(TimeUnit.SECONDS.toMillis(100));
        assertEquals(0, exit.get(), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("replay: identical"),
            out.toString(StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket())
        {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2_000);
            throw new AssertionError("the ops server still listens on " + url + " after the demo exited");
        }
        catch (final java.net.ConnectException expected)
        {
            // closed with the demo
        }
    }
}
