package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigOverridesTest
{
    @Test
    void shouldApplyOverridesToProfile()
    {
        final EngineConfig c = ConfigLoader.loadProfile("demo",
            List.of("risk.maxOrderQty=50", "instruments[0].spreadTicks=3", "engine.mode=staged",
                "engine.journaling=parallel", "run.events=1e6"));

        assertEquals(50, c.risk().maxOrderQty());
        assertEquals(3, c.instruments().get(0).spreadTicks());
        assertEquals(1, c.instruments().get(1).spreadTicks());
        assertEquals(ThreadMode.STAGED, c.engine().mode());
        assertEquals(1_000_000, c.run().events());
        final EngineConfig demo = ConfigLoader.loadProfile("demo", List.of());
        assertEquals(demo.kill(), c.kill());
        assertEquals(demo.market(), c.market());
    }

    @Test
    void shouldLetLaterOverrideWin()
    {
        final EngineConfig c = load(VALID, "venue.latencyUs=10", "venue.latencyUs=20");

        assertEquals(20, c.venue().latencyUs());
    }

    @Test
    void shouldTrimKeyButKeepValueAsYaml()
    {
        final EngineConfig c = load(VALID, " journal.dir = \"  spaced \"", "model.path=a=b");

        assertEquals("  spaced ", c.journal().dir());
        assertEquals("a=b", c.model().path());
    }

    @Test
    void shouldReplaceWholeSectionWithFlowMapping()
    {
        final EngineConfig c = load(VALID, "kill={dailyLossLimit: 10, staleMarketDataMs: 20, dailyLossNav: 0.5, "
            + "venueDownMs: 1, slippage: 0.2, volSpikeReduce: 1, maxDrawdown: 0.3, maxMonthLoss: 0.4, "
            + "throttleHaltAfter: 7}");

        assertEquals(new KillConfig(10, 20, 0.5, 1, 0.2, 1, 0.3, 0.4, 7), c.kill());
    }

    @Test
    void shouldSupplyKeyMissingFromFile()
    {
        final String yaml = with("venue:\n  latencyUs: 0\n", "venue: {}\n");

        assertEquals(33, load(yaml, "venue.latencyUs=33").venue().latencyUs());
    }

    @Test
    void shouldRejectOverrideOfUnknownKey()
    {
        assertError(() -> load(VALID, "risk.maxOrderQtty=5"),
            "--set", "risk.maxOrderQtty", "risk.maxOrderQtty=5",
            "unknown key maxOrderQtty in risk (did you mean maxOrderQty?)",
            "allowed: maxOrderQty, maxOrderNotional, priceCollar, maxOrdersPerSecond, maxPosition");
        assertError(() -> load(VALID, "nope=1"),
            "--set", "nope", "nope=1", "unknown key nope", "allowed: run, engine, journal, instruments, market");
        assertError(() -> load(VALID, "instruments[0].tick=1"),
            "--set", "instruments[0].tick", "instruments[0].tick=1", "unknown key tick in instruments[0]",
            "allowed: id, symbol, priceScale");
    }

    @Test
    void shouldRejectOverridePathThatDoesNotFitSchema()
    {
        assertError(() -> load(VALID, "risk.maxOrderQty.x=1"),
            "--set", "risk.maxOrderQty.x", "risk.maxOrderQty.x=1", "risk.maxOrderQty has no sub-keys");
        assertError(() -> load(VALID, "instruments.id=1"),
            "--set", "instruments.id", "instruments.id=1", "instruments is a list and needs an index",
            "allowed: instruments[i].id");
        assertError(() -> load(VALID, "risk[0].maxOrderQty=1"),
            "--set", "risk[0].maxOrderQty", "risk[0].maxOrderQty=1", "risk is not a list");
        assertError(() -> load(VALID, "risk..maxOrderQty=1"),
            "--set", "risk..maxOrderQty", "risk..maxOrderQty=1", "malformed key path");
    }

    @Test
    void shouldRejectOverrideWithoutEquals()
    {
        final ConfigException ex = assertError(() -> load(VALID, "risk.maxOrderQty"),
            "--set", "", "risk.maxOrderQty", "an override needs '='", "allowed: key.path=value");

        assertEquals("--set: an override needs '=': got risk.maxOrderQty; allowed: key.path=value, "
            + "e.g. risk.maxOrderQty=50 or instruments[0].spreadTicks=3", ex.getMessage());
        assertError(() -> load(VALID, "=5"), "--set", "", "=5", "needs a key path");
    }

    @Test
    void shouldRejectOverrideOfListEntryThatDoesNotExist()
    {
        assertError(() -> load(VALID, "instruments[2].spreadTicks=3"),
            "--set", "instruments[2].spreadTicks", "instruments[2].spreadTicks=3",
            "no such entry: instruments has 2 entries", "allowed: an index from 0 to 1");
    }

    @Test
    void shouldCheckOverrideValueLikeFileValue()
    {
        assertError(() -> load(VALID, "risk.maxOrderQty=-3"),
            "--set", "risk.maxOrderQty", "-3", "out of range", "allowed: an integer >= 1");
        assertError(() -> load(VALID, "engine.ringSize=3000"),
            "--set", "engine.ringSize", "3000", "not a power of two");
        assertError(() -> load(VALID, "engine.mode=fast"),
            "--set", "engine.mode", "\"fast\"", "not a known value", "allowed: one of single, staged");
        assertError(() -> load(VALID, "risk.priceCollar="),
            "--set", "risk.priceCollar", "an empty value", "expected a number");
        assertError(() -> load(VALID, "instruments[1].id=1"),
            "--set", "instruments[1].id", "1", "duplicate instrument id, also used by instruments[0]");
    }

    @Test
    void shouldNotMentionLineForOverriddenValue()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(VALID, "risk.maxOrderQty=0"));

        assertEquals(-1, ex.line());
        assertTrue(!ex.getMessage().contains("(line"), ex.getMessage());
    }

    @Test
    void shouldRejectOverrideValueThatIsNotYaml()
    {
        assertError(() -> load(VALID, "risk.maxOrderQty=[1, 2"),
            "--set", "risk.maxOrderQty", "risk.maxOrderQty=[1, 2", "value is not valid YAML");
    }

    @Test
    void shouldCheckOverridesEvenWhenFileIsFine()
    {
        assertError(() -> load(VALID, "venue.latencyUs=1", "bogus"), "--set", "", "bogus", "needs '='");
    }

    @Test
    void shouldReportFileErrorBeforeApplyingOverrideIntoBrokenSection()
    {
        final String yaml = with("venue:\n  latencyUs: 0\n", "venue: 5\n");

        assertError(() -> load(yaml, "venue.latencyUs=1"), SOURCE, "venue", "5", "expected a mapping");
    }
}
