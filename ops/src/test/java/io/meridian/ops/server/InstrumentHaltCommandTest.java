package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.OpsConfig;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalTools;
import io.meridian.journal.ReplayVerifier;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /halt} and {@code /resume} naming one instrument, end to end over HTTP against a running live topology:
 * only that instrument halts ({@code /status} per-instrument {@code state}, {@code meridian_instrument_trading_state}),
 * its new orders are refused with {@code RISK_INSTRUMENT_HALTED}, no NEW order for it is decided while halted, the
 * other instruments and the engine-wide state stay ACTIVE; the TRADING_STATE records are journaled for it, the
 * journal dump names the operator, and the session replays identically.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InstrumentHaltCommandTest
{
    private static final String SECRET = "instrument-halt-test-secret-0123";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldHaltAndResumeOneInstrumentOnly(@TempDir final Path dir) throws Exception
    {
        final LiveEngine live = new LiveEngine(dir.resolve("journal"), new PrintStream(new ByteArrayOutputStream(),
            true, StandardCharsets.UTF_8), "kill.dailyLossLimit=100000000");
        final int mrda = live.config.instruments().get(0).id();
        final long haltSequence;
        final long resumeSequence;
        try (OpsServer server = OpsServer.start(live.engine, OpsTokens.load("alice:" + SECRET, null),
            OpsConfig.DEFAULT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final HttpResponse<String> halt = post(server, "/halt", "{\"instrument\": \"MRDA\", \"reason\": \"news\"}");
            assertEquals(202, halt.statusCode(), halt.body());
            assertEquals("MRDA", JSON.readTree(halt.body()).get("instrument").asText());
            haltSequence = JSON.readTree(halt.body()).get("sequence").asLong();

            JsonNode status = status(server);
            assertEquals("ACTIVE", status.get("tradingState").asText(), "the engine-wide state is untouched");
            assertEquals("HALTED", status.get("instruments").get(0).get("state").asText());
            assertEquals("HALTED", status.get("instruments").get(0).get("ownState").asText());
            assertEquals("ACTIVE", status.get("instruments").get(1).get("state").asText());
            assertEquals("ACTIVE", status.get("instruments").get(2).get("state").asText());
            final String metrics = get(server, "/metrics").body();
            assertTrue(metrics.contains("meridian_instrument_trading_state{instrument=\"MRDA\",state=\"HALTED\"} 1"),
                metrics);
            assertTrue(metrics.contains("meridian_instrument_trading_state{instrument=\"MRDB\",state=\"ACTIVE\"} 1"),
                metrics);
            assertTrue(metrics.contains("meridian_trading_state{state=\"ACTIVE\"} 1"), metrics);

            // the strategy keeps asking for MRDA orders: the gate refuses them with the instrument's own reason
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long refused = 0;
            while (refused == 0 && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
                status = status(server);
                refused = status.get("rejects").path(RejectReason.RISK_INSTRUMENT_HALTED.name()).asLong(0);
            }
            assertTrue(refused > 0, "orders for the halted instrument are refused: " + status.get("rejects"));

            final HttpResponse<String> resume = post(server, "/resume", "{\"instrument\": \"MRDA\"}");
            assertEquals(202, resume.statusCode(), resume.body());
            resumeSequence = JSON.readTree(resume.body()).get("sequence").asLong();
            status = status(server);
            assertEquals("ACTIVE", status.get("instruments").get(0).get("state").asText());
            assertEquals("ACTIVE", status.get("tradingState").asText());
        }
        finally
        {
            live.close();
        }

        final List<String> states = new ArrayList<>();
        final List<Long> newOrdersWhileHalted = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(live.journalDir))
        {
            reader.readOutput((buffer, offset, length) ->
            {
                final int type = Header.type(buffer, offset);
                if (type == RecordType.TRADING_STATE)
                {
                    states.add(Header.instrumentId(buffer, offset) + " "
                        + TradingState.name(TradingStateChangeCodec.state(buffer, offset)) + " "
                        + RejectReason.fromCode(TradingStateChangeCodec.reasonCode(buffer, offset)) + " @"
                        + TradingStateChangeCodec.causeSequence(buffer, offset));
                }
                if (type == RecordType.ORDER_COMMAND && Header.instrumentId(buffer, offset) == mrda
                    && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
                {
                    final long cause = OrderCommandCodec.causeSequence(buffer, offset);
                    if (cause > haltSequence && cause < resumeSequence)
                    {
                        newOrdersWhileHalted.add(cause);
                    }
                }
            });
        }
        assertEquals(List.of(mrda + " HALTED KILL_OPERATOR_HALT @" + haltSequence,
            mrda + " ACTIVE KILL_OPERATOR_RESUME @" + resumeSequence), states);
        assertEquals(List.of(), newOrdersWhileHalted, "no NEW order for MRDA while it was halted");

        final ByteArrayOutputStream dump = new ByteArrayOutputStream();
        JournalTools.dump(live.journalDir, new PrintStream(dump, true, StandardCharsets.UTF_8));
        final List<String> operatorLines = new ArrayList<>();
        for (final String line : dump.toString(StandardCharsets.UTF_8).split("\n", -1))
        {
            if (line.contains(" OPERATOR command="))
            {
                operatorLines.add(line);
            }
        }
        assertEquals(2, operatorLines.size(), String.join("\n", operatorLines));
        for (final String line : operatorLines)
        {
            assertTrue(line.endsWith(" operator=alice") && line.contains(" inst=" + mrda + " "), line);
            assertTrue(!line.contains(SECRET), line);
        }

        final ReplayVerifier.Result replay = ReplayVerifier.verify(live.journalDir, List.of());
        assertTrue(replay.identical(), replay.line());
    }

    private HttpResponse<String> get(final OpsServer server, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status(final OpsServer server) throws Exception
    {
        return JSON.readTree(get(server, "/status").body());
    }

    private HttpResponse<String> post(final OpsServer server, final String path, final String body) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Authorization", "Bearer " + SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
