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
}
