package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.OpsConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReplayVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops API against a running live topology: every endpoint, authentication (no token configured, none sent,
 * a wrong one, the right one), bad requests that never reach the engine, operator commands journaled with the
 * operator's name and their effect in {@code /status}, and the replay of the whole session (halt, resume, flatten)
 * verifying identical. The server without tokens and the one with tokens serve the same engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpsServerTest
{
    private static final String SECRET = "s3cret-token-for-tests-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;

    private final ByteArrayOutputStream audit = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LiveEngine live;
    private OpsServer server;
    private OpsServer open;
    private final List<Long> operatorSequences = new ArrayList<>();
    private boolean stopped;

    @BeforeAll
    void start(@TempDir final Path tempDir) throws IOException
    {
        dir = tempDir;
        live = new LiveEngine(dir.resolve("journal"), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), "kill.dailyLossLimit=100000000");
        final OpsTokens tokens = OpsTokens.load("alice:" + SECRET, null);
        final PrintStream auditStream = new PrintStream(audit, true, StandardCharsets.UTF_8);
        server = OpsServer.start(live.engine, tokens, OpsConfig.DEFAULT, auditStream);
        open = OpsServer.start(live.engine, OpsTokens.none(), OpsConfig.DEFAULT, auditStream);
    }

    @AfterAll
    void stop() throws Exception
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        server.close();
        open.close();
        live.close();
    }

    private HttpResponse<String> get(final OpsServer target, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(target.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final OpsServer target, final String path, final String token, final String body)
        throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final HttpResponse<String> response) throws IOException
    {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
            response.headers().toString());
        return JSON.readTree(response.body());
    }

    private long operatorEvents() throws Exception
    {
        return json(get(server, "/status")).path("events").path("OPERATOR").asLong(0);
    }

    @Test
    @Order(1)
    void shouldReportHealthAndStatusOfTheRunningEngine() throws Exception
    {
        final HttpResponse<String> health = get(server, "/health");
        assertEquals(200, health.statusCode());
        assertEquals("up", json(health).get("status").asText());

        final JsonNode status = json(get(server, "/status"));
        assertEquals("ops-test", status.get("runId").asText());
        assertEquals(3, status.get("instruments").size());
        assertEquals("MRDA", status.get("instruments").get(0).get("symbol").asText());
        assertTrue(status.get("events").get("total").asLong() > 0, status.toString());
        assertTrue(status.get("instruments").get(0).get("bid").asDouble() > 0, status.toString());
        assertTrue(status.get("risk").get("limits").get("maxPosition").asLong() == 1500);
        assertTrue(status.get("journal").get("journaledSequence").asLong() >= 0);
        assertTrue(status.has("latency") && status.get("latency").get("stages").has("book"));
        final JsonNode usage = status.get("risk").get("usage");
        assertTrue(usage.get("ordersLastSecond").asLong() >= 0, usage.toString());
        final double staleMs = live.config.kill().staleMarketDataMs();
        assertEquals(usage.get("ordersLastSecond").asDouble() / live.config.risk().maxOrdersPerSecond(),
            usage.get("ordersPerSecondRatio").asDouble(), 1e-9);
        final double ageMs = usage.get("marketDataAgeMs").get("MRDA").asDouble(-1);
        assertTrue(ageMs >= 0 && ageMs < staleMs, "MRDA's data is fresh in event time: " + usage);
        assertEquals(ageMs / staleMs, usage.get("marketDataAgeRatio").get("MRDA").asDouble(), 1e-9);
        assertEquals("ACTIVE", status.get("instruments").get(0).get("ownState").asText());
        assertFalse(status.toString().contains(SECRET));
        final long before = status.get("events").get("total").asLong();
        long after = before;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (after == before && System.nanoTime() < deadline)
        {
            after = json(get(server, "/status")).get("events").get("total").asLong();
        }
        assertTrue(after > before, "the status follows the running engine");
    }

    @Test
    @Order(2)
    void shouldRefuseMutatingCallsWithoutAValidToken() throws Exception
    {
        final long before = operatorEvents();
        final HttpResponse<String> notConfigured = post(open, "/halt", SECRET, "");
        assertEquals(403, notConfigured.statusCode());
        assertTrue(json(notConfigured).get("error").asText().contains("no ops token is configured"));

        final HttpResponse<String> missing = post(server, "/halt", null, "");
        assertEquals(401, missing.statusCode());
        assertEquals("missing Authorization: Bearer token", json(missing).get("error").asText());
        final HttpResponse<String> wrong = post(server, "/halt", "not-the-token-at-all-xxxxx", "");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid token", json(wrong).get("error").asText());
        assertFalse(wrong.body().contains("not-the-token"), "the offered token is never echoed");
        assertEquals(before, operatorEvents(), "nothing reached the engine");
        assertEquals("ACTIVE", json(get(server, "/status")).get("tradingState").asText());
    }

    @Test
    @Order(3)
    void shouldRefuseBadRequestsNamingWhatWasWrong() throws Exception
    {
        final long before = operatorEvents();
        assertError(post(server, "/flatten", SECRET, "{\"instrument\": \"NOPE\"}"), 400,
            "unknown instrument 'NOPE' (this engine trades MRDA, MRDB, MRDC)");
        assertError(post(server, "/halt", SECRET, "{\"reason\": "), 400, "malformed JSON body");
        assertError(post(server, "/halt", SECRET, "[1]"), 400, "the body must be a JSON object");
        assertError(post(server, "/halt", SECRET, "{\"instrument\": 7}"), 400,
            "field 'instrument' must be a symbol string");
        assertError(post(server, "/cancel-all", SECRET, "{\"who\": 1}"), 400,
            "unknown field 'who' (allowed: instrument, reason)");
        assertError(post(server, "/halt", SECRET, "{\"reason\": \"" + "x".repeat(300) + "\"}"), 400,
            "field 'reason' is longer than 200 characters");
        assertError(post(server, "/halt", SECRET, "{\"reason\": \"" + "x".repeat(5000) + "\"}"), 413,
            "request body larger than 4096 bytes");
        assertError(get(server, "/halt"), 405, "method GET not allowed on /halt (use POST)");
        assertError(post(server, "/status", SECRET, ""), 405, "method POST not allowed on /status (use GET)");
        assertError(get(server, "/nothing"), 404, "no such path: /nothing");
        assertEquals(before, operatorEvents(), "nothing reached the engine");
    }

    private static void assertError(final HttpResponse<String> response, final int status, final String message)
        throws IOException
    {
        assertEquals(status, response.statusCode(), response.body());
        final JsonNode body = json(response);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("error").asText().startsWith(message), body.get("error").asText());
    }

    @Test
    @Order(5)
    void shouldHaltResumeAndFlattenThroughTheApi() throws Exception
    {
        final HttpResponse<String> halt = post(server, "/halt", SECRET, "{\"reason\": \"test halt\"}");
        assertEquals(202, halt.statusCode(), halt.body());
        final JsonNode accepted = json(halt);
        assertEquals("alice", accepted.get("operator").asText());
        final long haltSequence = accepted.get("sequence").asLong();
        operatorSequences.add(haltSequence);
        assertEquals("HALTED", json(get(server, "/status")).get("tradingState").asText());
        assertTrue(get(server, "/metrics").body().contains("meridian_trading_state{state=\"HALTED\"} 1"));

        final HttpResponse<String> resume = post(server, "/resume", SECRET, "");
        assertEquals(202, resume.statusCode(), resume.body());
        operatorSequences.add(json(resume).get("sequence").asLong());
        assertEquals("ACTIVE", json(get(server, "/status")).get("tradingState").asText());

        final HttpResponse<String> flatten = post(server, "/flatten", SECRET, "{\"instrument\": \"MRDB\"}");
        assertEquals(202, flatten.statusCode(), flatten.body());
        operatorSequences.add(json(flatten).get("sequence").asLong());
        final JsonNode status = json(get(server, "/status"));
        assertEquals("FLATTENING", status.get("instruments").get(1).get("state").asText());
        assertEquals("ACTIVE", status.get("instruments").get(0).get("state").asText());
        final HttpResponse<String> cancel = post(server, "/cancel-all", SECRET, "{}");
        assertEquals(202, cancel.statusCode(), cancel.body());
        operatorSequences.add(json(cancel).get("sequence").asLong());
        final HttpResponse<String> resumeAgain = post(server, "/resume", SECRET, "");
        operatorSequences.add(json(resumeAgain).get("sequence").asLong());
        assertEquals("ACTIVE", json(get(server, "/status")).get("instruments").get(1).get("state").asText());
        assertTrue(audit.toString(StandardCharsets.UTF_8).contains("ops: alice HALT reason \"test halt\": "
            + "journaled as sequence " + haltSequence));
        assertFalse(audit.toString(StandardCharsets.UTF_8).contains(SECRET));
    }

    @Test
    @Order(4)
    void shouldExposeMetricsThatPromtoolAccepts() throws Exception
    {
        final HttpResponse<String> metrics = get(server, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        final String text = metrics.body();
        for (final String name : List.of("meridian_events_total{type=\"QUOTE\"}", "meridian_orders_total",
            "meridian_fills_total", "meridian_rejects_total{reason=\"RISK_HALTED\"}",
            "meridian_kill_switch_trips_total",
            "meridian_position_lots{instrument=\"MRDA\"}", "meridian_pnl_total_currency",
            "meridian_trading_state{state=\"ACTIVE\"} 1", "meridian_journal_lag_events",
            "meridian_inbound_ring_occupancy_ratio", "meridian_tick_to_order_seconds_bucket{le=\"2.0E-5\"}",
            "meridian_tick_to_order_seconds_count", "meridian_tick_to_order_seconds_sum",
            "meridian_stage_latency_seconds_bucket{stage=\"book\",le=\"+Inf\"}", "meridian_market_data_age_seconds",
            "meridian_in_session", "meridian_instrument_trading_state{instrument=\"MRDA\",state=\"ACTIVE\"} 1",
            "jvm_gc_collection_seconds_count"))
        {
            assertTrue(text.contains(name), name + " in\n" + text);
        }
        final Promtool.Result check = Promtool.run(dir, text, "check", "metrics");
        assertEquals(0, check.exitCode(), "promtool check metrics:\n" + check.output() + "\n" + text);
        final Set<String> served = new TreeSet<>();
        for (final String line : text.split("\n", -1))
        {
            if (!line.isEmpty() && !line.startsWith("#"))
            {
                served.add(line.split("[{ ]", 2)[0]);
            }
        }
        for (final Path file : List.of(OpsFilesTest.GRAFANA, OpsFilesTest.RULES))
        {
            final Set<String> used = OpsFilesTest.metricNames(file);
            assertTrue(used.size() > 5, file + " uses " + used);
            final Set<String> missing = new TreeSet<>(used);
            missing.removeAll(served);
            assertEquals(Set.of(), missing, file + " uses metrics /metrics does not serve");
        }
    }

    @Test
    @Order(5)
    void shouldCloseAtOnceWhenIdleAndWaitBoundedForARequestInFlight() throws Exception
    {
        final OpsServer idle = OpsServer.start(live.engine, OpsTokens.none(), OpsConfig.DEFAULT,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(200, get(idle, "/health").statusCode());
        final long idleStart = System.nanoTime();
        idle.close();
        final long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleStart);
        assertTrue(idleMs < 500, "an idle server closes without HttpServer.stop's one-second sleep, took " + idleMs
            + " ms");

        final OpsServer busy = OpsServer.start(live.engine, OpsTokens.load("alice:" + SECRET, null),
            OpsConfig.DEFAULT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        final URI uri = URI.create(busy.url());
        try (java.net.Socket slow = new java.net.Socket(uri.getHost(), uri.getPort()))
        {
            // a request whose body never finishes: its handler is in flight until the server gives up on it
            slow.getOutputStream().write(("POST /halt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SECRET
                + "\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            final long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (busy.inFlight() == 0 && System.nanoTime() < waitUntil)
            {
                Thread.sleep(1);
            }
            assertEquals(1, busy.inFlight(), "the slow request is being handled");
            final long busyStart = System.nanoTime();
            busy.close();
            final long busyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - busyStart);
            assertTrue(busyMs >= TimeUnit.NANOSECONDS.toMillis(OpsServer.DRAIN_TIMEOUT_NS) - 50 && busyMs < 8_000,
                "close waits for a request in flight, but no longer than its bound: took " + busyMs + " ms");
        }
    }

    /** Closes the engine, then reads the journal and replays it. */
    @Test
    @Order(6)
    void shouldJournalEveryCommandWithItsOperatorAndReplayIdentically() throws Exception
    {
        stop();
        final List<String> found = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(live.journalDir))
        {
            reader.readInput((buffer, offset, length) ->
            {
                if (Header.type(buffer, offset) == RecordType.OPERATOR)
                {
                    found.add(Header.sequence(buffer, offset) + " "
                        + OperatorCommand.name(OperatorCodec.command(buffer, offset)) + " "
                        + OperatorCodec.unpackOperator(OperatorCodec.operator(buffer, offset)) + " "
                        + Header.instrumentId(buffer, offset));
                }
            });
        }
        final List<String> expected = new ArrayList<>();
        final String[] commands = {"HALT", "RESUME", "FLATTEN", "CANCEL_ALL", "RESUME"};
        final int[] instruments = {0, 0, 2, 0, 0};
        assertEquals(commands.length, operatorSequences.size());
        for (int i = 0; i < commands.length; i++)
        {
            expected.add(operatorSequences.get(i) + " " + commands[i] + " alice " + instruments[i]);
        }
        assertEquals(expected, found);
        for (final String line : List.of(audit.toString(StandardCharsets.UTF_8).split("\n")))
        {
            assertFalse(line.contains(SECRET));
        }
        final ReplayVerifier.Result replay = ReplayVerifier.verify(live.journalDir, List.of());
        assertTrue(replay.identical(), replay.line());
    }

    /**
     * After the engine stopped (its pipeline published its final state on shutdown), {@code /status} of a fresh
     * server on it shows the engine's own positions and P&amp;L per instrument and in total, the profile, a working
     * order count matching the per-instrument orders, and no journal lag.
     */
    @Test
    @Order(7)
    void shouldShowTheEnginesOwnPositionsPnlWorkingOrdersAndNoLagOnceStopped() throws Exception
    {
        stop();
        final io.meridian.engine.order.PositionKeeper positions = live.topology.pipeline().orders().positions();
        try (OpsServer after = OpsServer.start(live.engine, OpsTokens.none(), OpsConfig.DEFAULT,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final JsonNode status = json(get(after, "/status"));
            assertEquals("profile:demo", status.get("profile").asText());
            assertTrue(status.get("orders").get("fills").asLong() > 0, "a run with fills: " + status.get("orders"));
            long realized = 0;
            long unrealized = 0;
            long working = 0;
            boolean anyPosition = false;
            for (int i = 0; i < status.get("instruments").size(); i++)
            {
                final JsonNode instrument = status.get("instruments").get(i);
                final String what = instrument.get("symbol").asText() + ": " + instrument;
                assertEquals(positions.position(i), instrument.get("position").asLong(), what);
                anyPosition |= positions.position(i) != 0 || positions.realized(i) != 0;
                assertEquals(StatusDocument.cash(positions.realized(i)), instrument.get("realizedPnl").asDouble(),
                    1e-9, what);
                assertEquals(StatusDocument.cash(positions.unrealized(i)), instrument.get("unrealizedPnl").asDouble(),
                    1e-9, what);
                assertEquals(StatusDocument.cash(positions.realized(i) + positions.unrealized(i)),
                    instrument.get("pnl").asDouble(), 1e-9, what);
                realized += positions.realized(i);
                unrealized += positions.unrealized(i);
                final JsonNode order = instrument.get("workingOrder");
                if (!order.isNull())
                {
                    working++;
                    assertTrue(order.get("leaves").asLong() > 0, what);
                    assertTrue(order.get("clOrdId").asLong() > 0, what);
                }
            }
            assertTrue(anyPosition, "the run traded: " + status.get("instruments"));
            final JsonNode pnl = status.get("pnl");
            assertEquals(StatusDocument.cash(realized), pnl.get("realized").asDouble(), 1e-6, pnl.toString());
            assertEquals(StatusDocument.cash(unrealized), pnl.get("unrealized").asDouble(), 1e-6, pnl.toString());
            assertEquals(StatusDocument.cash(realized + unrealized), pnl.get("total").asDouble(), 1e-6,
                pnl.toString());
            assertEquals(working, status.get("orders").get("working").asLong(), status.get("orders").toString());
            final JsonNode journal = status.get("journal");
            assertEquals(live.topology.publishedSequence(), journal.get("publishedSequence").asLong());
            assertEquals(live.topology.publishedSequence(), journal.get("journaledSequence").asLong());
            assertEquals(live.topology.publishedSequence(), journal.get("processedSequence").asLong());
            assertEquals(0, journal.get("lagEvents").asLong(), journal.toString());
            assertEquals(live.journalDir.toString(), journal.get("dir").asText());
        }
    }
}
