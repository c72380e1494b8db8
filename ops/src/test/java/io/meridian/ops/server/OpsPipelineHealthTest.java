package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.config.OpsConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalWriter;
import io.meridian.ops.cli.EngineSetup;
import io.meridian.runtime.live.LiveTopology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /health} turns 503, naming why, when the pipeline itself is gone: once a stage throws on the pipeline
 * thread (a scorer that fails on a given call), and once the pipeline thread has stopped (the topology closed under a
 * server still running). The journal directory is healthy in both cases, so only the pipeline can be the reason.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpsPipelineHealthTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOM = "scorer failed on purpose at call ";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** The real scorer until its n-th call, which throws. */
    private static final class FailingScorer implements Scorer
    {
        private final Scorer delegate;
        private final long failAt;
        private final AtomicLong calls = new AtomicLong();

        FailingScorer(final Scorer delegate, final long failAt)
        {
            this.delegate = delegate;
            this.failAt = failAt;
        }

        @Override
        public double score(final double[] features)
        {
            final long call = calls.incrementAndGet();
            if (call == failAt)
            {
                throw new IllegalStateException(BOOM + call);
            }
            return delegate.score(features);
        }

        @Override
        public int modelId()
        {
            return delegate.modelId();
        }

        @Override
        public void close()
        {
            delegate.close();
        }
    }

    private JsonNode get(final OpsServer server, final String path, final int expectedStatus) throws Exception
    {
        final HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** Polls /health until it is 503 or 30 s pass; returns the last body. */
    private JsonNode awaitDown(final OpsServer server) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503 || System.nanoTime() > deadline)
            {
                assertEquals(503, response.statusCode(), "health never went down: " + response.body());
                return JSON.readTree(response.body());
            }
            Thread.sleep(50);
        }
    }

    private static Throwable rootCause(final Throwable t)
    {
        Throwable cause = t;
        while (cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void shouldBeDownNamingTheFailureWhenAStageThrowsOnThePipelineThread(@TempDir final Path dir) throws Exception
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of());
        final FailingScorer scorer = new FailingScorer(Scorers.create(config.model().scorer(), config.model().path()),
            500);
        final Path journalDir = dir.resolve("journal");
        try (JournalWriter journal = JournalWriter.open(journalDir, EngineSetup.manifest("health-fail", "live",
            Instant.now(), "profile:demo", List.of(), config).toText()))
        {
            final LiveTopology topology = LiveTopology.start(new LiveTopology.Context().config(config).scorer(scorer)
                .journal(journal).warnings(quiet).statePublication(true).pretouch(false, 1));
            final OpsEngine engine = new OpsEngine(OpsEngine.live(topology), config, "health-fail", "profile:demo",
                journalDir.toString());
            try (OpsServer server = OpsServer.start(engine, OpsTokens.none(), OpsConfig.DEFAULT, quiet))
            {
                final JsonNode up = get(server, "/health", 200);
                assertEquals("up", up.get("status").asText());
                RuntimeException feedFailure = null;
                try
                {
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (topology.failure() == null && System.nanoTime() < deadline)
                    {
                        topology.feed(1_000, 50_000);
                    }
                }
                catch (final IllegalStateException e)
                {
                    feedFailure = e;
                }
                assertTrue(scorer.calls.get() >= 500, "the scorer was called " + scorer.calls.get() + " times");
                final JsonNode down = awaitDown(server);
                assertEquals("down", down.get("status").asText());
                assertEquals("health-fail", down.get("runId").asText());
                final String reason = down.get("reason").asText();
                // the reason names the handler's failure (which wraps the scorer's exception as its cause)
                final Throwable failure = topology.failure();
                assertEquals("the pipeline failed: " + failure, reason);
                assertEquals(BOOM + 500, rootCause(failure).getMessage(), reason);
                assertFalse(get(server, "/status", 200).get("healthy").asBoolean(), "status shows it unhealthy");
                if (feedFailure != null)
                {
                    assertEquals("the pipeline failed", feedFailure.getMessage());
                }
            }
            finally
            {
                topology.close();
                scorer.close();
            }
        }
    }

    @Test
    void shouldBeDownNamingTheThreadWhenThePipelineThreadHasStopped(@TempDir final Path dir) throws Exception
    {
        final LiveEngine live = new LiveEngine(dir.resolve("journal"), quiet);
        try (OpsServer server = OpsServer.start(live.engine, OpsTokens.none(), OpsConfig.DEFAULT, quiet))
        {
            assertEquals("up", get(server, "/health", 200).get("status").asText());
            // stops the feeder, drains the rings and stops the pipeline thread; the server keeps serving
            live.close();
            final String reason = awaitDown(server).get("reason").asText();
            assertTrue(reason.matches("the pipeline thread .+ stopped"), reason);
        }
    }
}
