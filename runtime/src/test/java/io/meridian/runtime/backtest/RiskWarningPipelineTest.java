package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskWarningCodec;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RISK_WARNING records (type 25) journaled by the pipeline, read back from a real journal's output queue, when an
 * order brings a check to 90% of its limit ({@code risk.warnAt}): a backtest of the demo world through the simulated
 * venue with the order-quantity, order notional and position-NAV limits set just above what the strategy's orders
 * reach. Every warning's value is at least 90% of its limit, and each of the three checks warns.
 */
class RiskWarningPipelineTest
{
    private static final int EVENTS = 150_000;

    @TempDir
    Path dir;
    private static final List<RejectReason> CHECKS = List.of(
        RejectReason.RISK_MAX_ORDER_QTY, RejectReason.RISK_MAX_ORDER_NOTIONAL, RejectReason.RISK_POSITION_NAV);

    /** One RISK_WARNING record: the check, its limit and the measured value. */
    record Warning(short reason, double limit, double value)
    {
    }

    @Test
    void shouldJournalAWarningAtNinetyPercentOfThreeDifferentLimits()
    {
        // the strategy's largest order is 800 lots; the largest notional about 248,000; the largest MRDA position
        // about 0.40% of NAV: each limit is set so those reach 90-100% of it
        final List<Warning> warnings = run(List.of("risk.maxOrderQty=850", "risk.maxOrderNotional=260000",
            "risk.maxPositionNav=0.0042"));
        final Map<Short, List<Warning>> byCheck = byCheck(warnings);
        for (final RejectReason check : CHECKS)
        {
            final List<Warning> w = byCheck.getOrDefault(check.code(), List.of());
            assertFalse(w.isEmpty(), "no RISK_WARNING for " + check + ": " + byCheck.keySet());
            for (final Warning one : w)
            {
                assertTrue(one.value() >= 0.9 * one.limit(), check + " warned below 90%: " + one);
            }
        }
        assertEquals(850.0, byCheck.get(RejectReason.RISK_MAX_ORDER_QTY.code()).get(0).limit());
        assertEquals(260_000.0, byCheck.get(RejectReason.RISK_MAX_ORDER_NOTIONAL.code()).get(0).limit());
        assertEquals(0.0042, byCheck.get(RejectReason.RISK_POSITION_NAV.code()).get(0).limit());
    }

    @Test
    void shouldNotWarnOnTheseChecksAtTheDemosOwnLimits()
    {
        final Map<Short, List<Warning>> byCheck = byCheck(run(List.of()));
        for (final RejectReason check : CHECKS)
        {
            assertFalse(byCheck.containsKey(check.code()), check + " warned at the demo's limits: " + byCheck);
        }
    }

    private static Map<Short, List<Warning>> byCheck(final List<Warning> warnings)
    {
        final Map<Short, List<Warning>> byCheck = new TreeMap<>();
        for (final Warning w : warnings)
        {
            byCheck.computeIfAbsent(w.reason(), k -> new ArrayList<>()).add(w);
        }
        return byCheck;
    }

    /** Runs the demo backtest into a real journal and reads the RISK_WARNING records back from its output queue. */
    private List<Warning> run(final List<String> overrides)
    {
        final List<String> all = new ArrayList<>(overrides);
        all.add(0, "kill.dailyLossLimit=1e12");
        final EngineConfig config = ConfigLoader.loadProfile("demo", all);
        final EventMerger merger = new EventMerger(SimulatedWorld.market(config),
            sink -> SimulatedWorld.venue(config, sink),
            new TimerSchedule(SimulatedWorld.START_TIME_NS, SimulatedWorld.timerIntervalNs(config)),
            OperatorSchedule.none());
        final Path journalDir = dir.resolve("journal-" + overrides.size());
        try (Scorer scorer = Scorers.create(config.model().scorer(), config.model().path());
            JournalWriter writer = JournalWriter.open(journalDir, manifest(config, all)))
        {
            new Backtest(config, scorer, merger, Backtest.journal(writer), null, null).run(EVENTS, null, EVENTS);
        }
        final List<Warning> warnings = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            reader.readOutput((buffer, offset, length) ->
            {
                if (Header.type(buffer, offset) == RecordType.RISK_WARNING)
                {
                    warnings.add(new Warning(RiskWarningCodec.reasonCode(buffer, offset),
                        RiskWarningCodec.limit(buffer, offset), RiskWarningCodec.value(buffer, offset)));
                }
            });
        }
        return warnings;
    }

    private static String manifest(final EngineConfig config, final List<String> overrides)
    {
        final String model = config.model().path();
        return new RunManifest("test", "risk-warning-test", "backtest", "2026-01-01T00:00:00Z", "profile:demo",
            ConfigLoader.configHash(config), overrides, model, ModelFiles.sha256Hex(ModelFiles.read(model)),
            FeatureSchema.hash(), config.model().scorer(), config.run().seed(), ConfigLoader.canonicalYaml(config))
            .toText();
    }
}
