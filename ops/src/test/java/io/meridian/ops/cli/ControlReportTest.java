package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.engine.api.RejectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The control report is generated from the engine's check table and the effective configuration: every SEC 15c3-5
 * (c)(1)/(c)(2) control and RTS 6 Art. 12, 15, 16, 17 requirement is listed; every check of the catalogue appears
 * under at least one requirement with its config key, configured value and reason code; every factor limit is shown,
 * not only the first; a changed limit shows its new value; a requirement whose only control is off is NOT MET and
 * counted; and every test class the report names exists.
 */
class ControlReportTest
{
    @Test
    void shouldListEveryRequirementOfBothRulebooks()
    {
        final ControlReport report = ControlReport.of(ConfigLoader.loadProfile("demo", List.of()));
        final List<String> rules = report.requirements().stream().map(ControlReport.Requirement::rule).toList();
        for (final String rule : List.of("SEC 15c3-5(c)(1)(i)", "SEC 15c3-5(c)(1)(ii)", "SEC 15c3-5(c)(2)(i)",
            "SEC 15c3-5(c)(2)(ii)", "SEC 15c3-5(c)(2)(iii)", "SEC 15c3-5(c)(2)(iv)", "RTS 6 Art. 12",
            "RTS 6 Art. 15(1)(a)", "RTS 6 Art. 15(1)(b)", "RTS 6 Art. 15(1)(c)", "RTS 6 Art. 15(1)(d)",
            "RTS 6 Art. 16 (monitoring)", "RTS 6 Art. 16 (alerts)", "RTS 6 Art. 17"))
        {
            assertTrue(rules.contains(rule), rule);
        }
        assertEquals(0, report.unmapped(), report.markdown("demo"));
        assertTrue(report.requirements().stream().allMatch(ControlReport.Requirement::met));
    }

    @Test
    void shouldMapEveryCheckOfTheCatalogueWithItsKeyValueAndCode()
    {
        final ControlReport report = ControlReport.of(ConfigLoader.loadProfile("backtest", List.of()));
        final String text = report.markdown("backtest");
        final List<String> missing = new ArrayList<>();
        for (final RejectReason reason : RejectReason.values())
        {
            final boolean preTrade = reason.name().startsWith("RISK_") && reason != RejectReason.RISK_HALTED
                && reason != RejectReason.RISK_REDUCING_ONLY && reason != RejectReason.RISK_INSTRUMENT_REDUCING
                && reason != RejectReason.RISK_FLATTENING && reason != RejectReason.RISK_VENUE_DOWN
                && reason != RejectReason.RISK_STALE_MARKET_DATA && reason != RejectReason.RISK_NO_REFERENCE_PRICE
                && reason != RejectReason.RISK_EVENT && reason != RejectReason.RISK_INSTRUMENT_HALTED;
            if (preTrade && !text.contains(reason.code() + " " + reason.name()))
            {
                missing.add(reason.name());
            }
        }
        assertEquals(List.of(), missing, "limit checks the report does not map");
        assertTrue(text.contains("90 RISK_INSTRUMENT_HALTED"), "the per-instrument halt is named under Art. 12");
        assertTrue(text.contains("| MaxOrderNotional | pre-trade check | `risk.maxOrderNotional` | 50000 | "
            + "23 RISK_MAX_ORDER_NOTIONAL | PreTradeRiskTest |"), text);
        assertTrue(text.contains("`kill.maxDrawdown` | 0.1 | 74 KILL_DRAWDOWN |"), text);
    }

    @Test
    void shouldShowEveryFactorLimitAndTheEffectiveValues()
    {
        final String text = ControlReport.of(ConfigLoader.loadProfile("demo",
            List.of("risk.factors[1].limit=0.45", "risk.maxOrderQty=1234"))).markdown("demo");
        assertTrue(text.contains(
            "| FactorLimits technology | pre-trade check | `risk.factors[technology].limit` | 0.3 |"), text);
        assertTrue(text.contains(
            "| FactorLimits value | pre-trade check | `risk.factors[value].limit` | 0.45 |"), text);
        assertTrue(text.contains("`risk.maxOrderQty` | 1234 |"), text);
        assertTrue(text.contains("| Duplicate (off) |"), "the demo switches the duplicate check off: " + text);
        final String lists = ControlReport.of(ConfigLoader.loadProfile("demo",
            List.of("reference.instruments[1].restricted=true", "reference.instruments[2].shortable=false")))
            .markdown("demo");
        assertTrue(lists.contains("`reference.instruments[].restricted` | restricted: MRDB |"), lists);
        assertTrue(lists.contains("`reference.instruments[].shortable` | not shortable: MRDC; account margin |"),
            lists);
    }

    @Test
    void shouldReportARequirementAsNotMetWhenItsOnlyControlIsOff()
    {
        final ControlReport report =
            ControlReport.of(ConfigLoader.loadProfile("demo", List.of("monitor.intervalMs=0")));
        assertEquals(1, report.unmapped());
        final ControlReport.Requirement monitoring = report.requirements().stream()
            .filter(r -> r.rule().equals("RTS 6 Art. 16 (monitoring)")).findFirst().orElseThrow();
        assertFalse(monitoring.met());
        final String text = report.markdown("demo");
        assertTrue(text.contains("| RTS 6 Art. 16 (monitoring): real-time monitoring of all trading activity | "
            + "NOT MET | risk monitor (RiskSnapshots) (off) |"), text);
        assertTrue(text.contains("NOT MET: RTS 6 Art. 16 (monitoring)"), text);
        assertTrue(text.contains(", 1 not met."), text);
    }

    @Test
    void shouldNameOnlyTestClassesThatExist() throws IOException
    {
        final ControlReport report = ControlReport.of(ConfigLoader.loadProfile("demo", List.of()));
        final Path root = Path.of("").toAbsolutePath().getParent();
        final List<String> absent = new ArrayList<>();
        for (final ControlReport.Requirement r : report.requirements())
        {
            for (final ControlReport.Control c : r.controls())
            {
                for (final String named : List.of(c.test().split(", ", -1)))
                {
                    final String module = named.substring(0, named.indexOf(':'));
                    final String name = named.substring(named.indexOf(':') + 1) + ".java";
                    try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/test/java")))
                    {
                        if (files.noneMatch(p -> p.getFileName().toString().equals(name)))
                        {
                            absent.add(named);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), absent);
    }
}
