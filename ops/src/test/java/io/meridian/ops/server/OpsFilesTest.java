package io.meridian.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations files under {@code ops/}: the Prometheus alert rules and scrape configuration pass
 * {@code promtool check rules} / {@code check config}, the rules cover the seeds' alerts, the systemd unit has its
 * restart policy, CPU pinning and token environment file, and the Grafana dashboard is valid JSON whose queries,
 * like the rules', name only metrics the ops server serves ({@link #metricNames} is checked against a running
 * engine's {@code /metrics} by {@code OpsServerTest}).
 */
class OpsFilesTest
{
    static final Path RULES = Path.of("prometheus", "meridian-alerts.yml");
    static final Path RULES_TEST = Path.of("prometheus", "meridian-alerts.test.yml");
    static final Path PROMETHEUS = Path.of("prometheus", "prometheus.yml");
    static final Path GRAFANA = Path.of("grafana", "meridian-dashboard.json");
    static final Path UNIT = Path.of("systemd", "meridian.service");
    private static final Pattern METRIC = Pattern.compile("\\b((?:meridian|jvm)_[a-z0-9_]+)\\b");

    @TempDir
    Path dir;

    @Test
    void shouldPassPromtoolCheckRulesAndConfig() throws Exception
    {
        final Promtool.Result rules = Promtool.run(dir, null, "check", "rules", RULES.toString());
        assertEquals(0, rules.exitCode(), rules.output());
        assertTrue(rules.output().contains("SUCCESS: 9 rules found"), rules.output());
        final Promtool.Result config = Promtool.run(dir, null, "check", "config", PROMETHEUS.toString());
        assertEquals(0, config.exitCode(), config.output());
    }

    @Test
    void shouldPassTheRulesUnitTests() throws Exception
    {
        // the windowed tick-to-order p99 alert over histogram buckets: fires when slow, quiet when fast, clears once
        // the slow minutes leave its window; the kill-switch alert fires on a trip
        final Promtool.Result test = Promtool.run(dir, null, "test", "rules", RULES_TEST.toString());
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
        final String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        assertTrue(rules.contains(
            "histogram_quantile(0.99, sum by (le) (rate(meridian_tick_to_order_seconds_bucket[5m])))"),
            "the p99 alert is windowed over the buckets");
    }

    @Test
    void shouldAlertOnWhatTheSeedsAskFor() throws IOException
    {
        final String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        for (final String alert : List.of("MeridianKillSwitchTripped", "MeridianRejectRateHigh",
            "MeridianInstrumentHalted",
            "MeridianTickToOrderP99OverBudget", "MeridianJournalLag", "MeridianMarketDataStale", "MeridianDown"))
        {
            assertTrue(rules.contains("alert: " + alert + "\n"), alert);
        }
    }

    @Test
    void shouldPinRestartAndReadTheTokenFromAnEnvironmentFile() throws IOException
    {
        final List<String> lines = Files.readAllLines(UNIT, StandardCharsets.UTF_8);
        for (final String directive : List.of("Restart=on-failure", "CPUAffinity=", "EnvironmentFile=/etc/meridian/",
            "ExecStart=/opt/meridian/meridian run ", "[Install]"))
        {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(directive)), directive);
        }
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("ExecStart") && l.contains("TOKEN")),
            "the token never goes on the command line");
    }

    @Test
    void shouldBeAGrafanaDashboardOfMeridianMetrics() throws IOException
    {
        final JsonNode dashboard = new ObjectMapper().readTree(GRAFANA.toFile());
        assertEquals("meridian-engine", dashboard.get("uid").asText());
        assertTrue(dashboard.get("panels").size() >= 10);
        assertTrue(metricNames(GRAFANA).contains("meridian_tick_to_order_seconds_bucket"));
    }

    /**
     * Every metric name a file's queries use, suffixes as written (e.g. {@code meridian_events_total}).
     *
     * @param file an ops file.
     * @return the names.
     */
    static Set<String> metricNames(final Path file) throws IOException
    {
        final Set<String> names = new TreeSet<>();
        final List<String> expressions = new ArrayList<>();
        if (file.toString().endsWith(".json"))
        {
            for (final JsonNode panel : new ObjectMapper().readTree(file.toFile()).get("panels"))
            {
                for (final JsonNode target : panel.get("targets"))
                {
                    expressions.add(target.get("expr").asText());
                }
            }
        }
        else
        {
            expressions.add(Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^\\s*(summary|description|"
                + "alert|- name):.*$", ""));
        }
        for (final String expression : expressions)
        {
            final Matcher m = METRIC.matcher(expression);
            while (m.find())
            {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
