package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.config.OpsConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskInstrumentSnapshotCodec;
import io.meridian.journal.JournalReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk monitor's concentration and per-instrument figures (issue 7 §4) over real HTTP against a running live
 * topology: {@code /status} {@code risk.monitor} has {@code fillSnapshots}, {@code concentration} and an entry per
 * instrument whose exposures add up to the portfolio's and whose shares add up to 1, with the largest share and the
 * Herfindahl-Hirschman index following from them; {@code /metrics} serves the same figures as
 * {@code meridian_risk_*} gauges with an {@code instrument} label, consistent among themselves; and the journal holds
 * the RISK_INSTRUMENT_SNAPSHOT records, timer and fill ones, for every instrument and the total.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RiskMonitorStatusTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYMBOLS = List.of("MRDA", "MRDB", "MRDC");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldServeConcentrationAndPerInstrumentRisk(@TempDir final Path dir) throws Exception
    {
        final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final LiveEngine live = new LiveEngine(dir.resolve("journal"), quiet, "kill.dailyLossLimit=100000000");
        try (OpsServer server = OpsServer.start(live.engine, OpsTokens.load(null, null), OpsConfig.DEFAULT, quiet))
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            JsonNode monitor = null;
            while (System.nanoTime() < deadline)
            {
                monitor = JSON.readTree(get(server, "/status").body()).get("risk").get("monitor");
                if (monitor.get("fillSnapshots").asLong() > 0 && monitor.get("grossExposure").asDouble() > 0
                    && monitor.get("returns").asLong() > 5)
                {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(monitor.get("fillSnapshots").asLong() > 0, "a fill snapshot was published: " + monitor);
            assertTrue(monitor.get("grossExposure").asDouble() > 0, "a position: " + monitor);
            double gross = 0;
            double net = 0;
            double shares = 0;
            double largest = 0;
            double herfindahl = 0;
            for (final String symbol : SYMBOLS)
            {
                final JsonNode entry = monitor.get("instruments").get(symbol);
                assertTrue(entry != null, symbol + " in " + monitor.get("instruments"));
                gross += entry.get("grossExposure").asDouble();
                net += entry.get("netExposure").asDouble();
                final double share = entry.get("share").asDouble();
                shares += share;
                largest = Math.max(largest, share);
                herfindahl += share * share;
                assertTrue(entry.get("var").get("historical99").asDouble()
                    >= entry.get("var").get("historical95").asDouble(), symbol + ": VaR99 >= VaR95");
            }
            final double portfolioGross = monitor.get("grossExposure").asDouble();
            assertEquals(portfolioGross, gross, portfolioGross * 1e-12, "instrument gross adds up to the total");
            assertEquals(monitor.get("netExposure").asDouble(), net, portfolioGross * 1e-12);
            assertEquals(1.0, shares, 1e-12);
            assertEquals(largest, monitor.get("concentration").get("largestShare").asDouble(), 1e-15);
            assertEquals(herfindahl, monitor.get("concentration").get("herfindahl").asDouble(), 1e-12);

            // one /metrics response is one read of the state: its figures agree with each other
            final String metrics = get(server, "/metrics").body();
            final Map<String, Double> metricShares = labelled(metrics, "meridian_risk_instrument_share_ratio");
            assertEquals(SYMBOLS, List.copyOf(metricShares.keySet()), metrics);
            double metricHerfindahl = 0;
            double metricLargest = 0;
            for (final double share : metricShares.values())
            {
                metricHerfindahl += share * share;
                metricLargest = Math.max(metricLargest, share);
            }
            assertEquals(metricHerfindahl, value(metrics,
                "meridian_risk_concentration_ratio{measure=\"herfindahl\"}"), 1e-9);
            assertEquals(metricLargest, value(metrics,
                "meridian_risk_concentration_ratio{measure=\"largest_share\"}"), 1e-9);
            final Map<String, Double> metricGross =
                labelled(metrics, "meridian_risk_instrument_gross_exposure_currency");
            final double totalGross = metricGross.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(value(metrics, "meridian_risk_gross_exposure_currency"), totalGross, totalGross * 1e-9);
            assertTrue(metrics.contains("meridian_risk_instrument_var_ratio{instrument=\"MRDA\",level=\"0.99\","
                + "method=\"historical\"}"), metrics);
            assertTrue(metrics.contains("meridian_risk_instrument_cvar_ratio{instrument=\"MRDB\",level=\"0.95\","
                + "method=\"historical\"}"), metrics);
            assertTrue(value(metrics, "meridian_risk_fill_snapshots") > 0);
        }
        finally
        {
            live.close();
        }

        final Map<Integer, int[]> rows = new TreeMap<>();
        try (JournalReader reader = JournalReader.open(live.journalDir))
        {
            reader.readOutput((buffer, offset, length) ->
            {
                if (Header.type(buffer, offset) == RecordType.RISK_INSTRUMENT_SNAPSHOT)
                {
                    final int[] counts = rows.computeIfAbsent(Header.instrumentId(buffer, offset), k -> new int[3]);
                    counts[RiskInstrumentSnapshotCodec.trigger(buffer, offset)]++;
                }
            });
        }
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(rows.keySet()), "a row per instrument and the total");
        for (final int[] counts : rows.values())
        {
            assertTrue(counts[RiskInstrumentSnapshotCodec.TRIGGER_TIMER] > 0);
            assertTrue(counts[RiskInstrumentSnapshotCodec.TRIGGER_FILL] > 0);
            assertEquals(rows.get(0)[1], counts[1], "as many timer rows as the total's");
            assertEquals(rows.get(0)[2], counts[2], "as many fill rows as the total's");
        }
    }

    /** Values of a gauge labelled only by {@code instrument}, by symbol. */
    private static Map<String, Double> labelled(final String metrics, final String name)
    {
        final Map<String, Double> out = new TreeMap<>();
        final Matcher m = Pattern.compile("(?m)^" + name + "\\{instrument=\"(\\w+)\"} (\\S+)$").matcher(metrics);
        while (m.find())
        {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    private static double value(final String metrics, final String series)
    {
        final Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), series + " in " + metrics);
        return Double.parseDouble(m.group(1));
    }

    private HttpResponse<String> get(final OpsServer server, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
