package io.meridian.config;

import static io.meridian.config.ConfigFixtures.VALID;
import static io.meridian.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigProfilesTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldLoadDemoProfileWithDocumentedValues()
    {
        final EngineConfig c = ConfigLoader.loadProfile("demo", List.of());

        assertEquals(new RunConfig(2_000_000, 20_261_121), c.run());
        assertEquals(
            new PipelineConfig(ThreadMode.SINGLE, 65_536, WaitStrategyKind.BUSY_SPIN, -1, JournalingMode.INLINE),
            c.engine());
        assertEquals(new JournalConfig("var/journal"), c.journal());
        assertEquals(3, c.instruments().size());
        assertEquals(List.of(1, 2, 3), c.instruments().stream().map(InstrumentConfig::id).toList());
        assertEquals(List.of("MRDA", "MRDB", "MRDC"), c.instruments().stream().map(InstrumentConfig::symbol).toList());
        final InstrumentConfig first = c.instruments().get(0);
        assertEquals(100, first.priceScale());
        assertEquals(1, first.qtyScale());
        assertEquals(50.0, first.startPrice());
        assertEquals(1, first.spreadTicks());
        assertEquals(new MarketConfig(1_000_000, 0.3, 0.0005, 50, 0.0002, 3, 1000), c.market());
        assertEquals(new FeatureConfig(16, 64, 128), c.features());
        assertEquals(new ModelConfig("classpath:/io/meridian/engine/model/demo-linear.onnx", "java", 5), c.model());
        assertEquals(new StrategyConfig(0.3, 2000, 800, 250, 0.5, "join"), c.strategy());
        assertEquals(2000, c.risk().maxOrderQty());
        assertEquals(300_000, c.risk().maxOrderNotional());
        assertEquals(0.10, c.risk().priceCollar());
        assertEquals(20, c.risk().maxOrdersPerSecond());
        assertEquals(1500, c.risk().maxPosition());
        assertEquals(new KillConfig(50_000, 60_000, 0.02, 30_000, 0.01, 0.5, 0.10, 0.08, 100), c.kill());
        assertEquals(10_000_000, c.account().startOfDayNav());
        assertEquals(3, c.reference().instruments().size());
        assertEquals(new VenueConfig(50), c.venue());
        assertEquals(new OpsConfig("127.0.0.1", 0, 512), c.ops());
    }

    @Test
    void shouldLoadBacktestProfileWithSameShapeAndMoreEvents()
    {
        final EngineConfig demo = ConfigLoader.loadProfile("demo", List.of());
        final EngineConfig backtest = ConfigLoader.loadProfile("backtest", null);

        assertEquals(5_000_000, backtest.run().events());
        assertEquals("java", backtest.model().scorer());
        assertEquals(demo.instruments(), backtest.instruments());
        assertEquals(demo.kill(), backtest.kill());
        assertEquals(demo.account(), backtest.account());
        assertEquals(demo.reference(), backtest.reference());
        // the backtest carries the SPEC defaults that the demo loosens for its synthetic market (demo.yaml says why)
        assertEquals(50_000, backtest.risk().maxOrderNotional());
        assertEquals(10, backtest.risk().maxOrdersPerSecond());
        assertEquals(100, backtest.risk().minOrderNotional());
        assertEquals(100_000, backtest.risk().maxDailyOrderValue());
        assertEquals(1000, backtest.risk().duplicateWindowMs());
        assertEquals(0.25, backtest.risk().proxyHighVol());
        assertNotEquals(demo.journal(), backtest.journal());
    }

    @Test
    void shouldListAvailableProfilesForUnknownProfile()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> ConfigLoader.loadProfile("live", List.of()));

        assertEquals("profile:live", ex.source());
        assertTrue(ex.getMessage().startsWith("profile:live: unknown profile"), ex.getMessage());
        assertTrue(ex.getMessage().contains("allowed: one of demo, backtest"), ex.getMessage());
    }

    @Test
    void shouldReportOverrideAsSourceWhenItBreaksAProfile()
    {
        ConfigFixtures.assertError(
            () -> ConfigLoader.loadProfile("demo", List.of("venue.latencyUs=-1")),
            "--set", "venue.latencyUs", "-1", "out of range", "allowed: an integer from 0 to 10000000");
    }

    @Test
    void shouldRoundTripProfilesThroughCanonicalYaml()
    {
        for (final String profile : ConfigLoader.PROFILES)
        {
            final EngineConfig config = ConfigLoader.loadProfile(profile, List.of());
            final String yaml = ConfigLoader.canonicalYaml(config);

            final EngineConfig reloaded = ConfigLoader.loadText("x", yaml, List.of());

            assertEquals(config, reloaded, profile);
            assertEquals(yaml, ConfigLoader.canonicalYaml(reloaded), profile);
        }
    }

    @Test
    void shouldRoundTripAwkwardValuesThroughCanonicalYaml()
    {
        final EngineConfig config = load(VALID,
            "journal.dir=\"dir with: colon, # hash, \\\"quotes\\\", tab\\t, é and 😀\"",
            "model.path='yes'",
            "market.regimeSwitchProbability=0.1",
            "strategy.riskBudget=1.0000000000000002",
            "strategy.volFloorBps=4.9e-300",
            "run.seed=-9223372036854775808",
            "market.jumpSizeBps=-0.0");

        final EngineConfig reloaded = ConfigLoader.loadText("x", ConfigLoader.canonicalYaml(config), List.of());

        assertEquals(config, reloaded);
        assertEquals("dir with: colon, # hash, \"quotes\", tab\t, é and 😀", reloaded.journal().dir());
        assertEquals("yes", reloaded.model().path());
        assertEquals(Long.MIN_VALUE, reloaded.run().seed());
        assertEquals(1.0000000000000002, reloaded.strategy().riskBudget());
    }

    @Test
    void shouldWriteCanonicalYamlInDeclarationOrder()
    {
        final String yaml = ConfigLoader.canonicalYaml(ConfigLoader.loadProfile("demo", List.of()));

        assertTrue(yaml.startsWith("run:\n  events: 2000000\n  seed: 20261121\nengine:\n  mode: \"single\"\n"), yaml);
        assertTrue(yaml.contains("instruments:\n  - id: 1\n    symbol: \"MRDA\"\n    priceScale: 100\n"), yaml);
        assertTrue(yaml.contains("\nvenue:\n  latencyUs: 50\n  barFill: \"open\"\n  barSlippageBps: 0.0\ncosts:\n"),
            yaml);
        assertTrue(yaml.contains("  markoutsMs: \"1000,5000,60000\"\naccount:\n"), yaml);
        assertTrue(yaml.contains("\nreference:\n  instruments:\n    - symbol: \"MRDA\"\n"), yaml);
        assertTrue(yaml.endsWith("      eventDates: []\nops:\n  bind: \"127.0.0.1\"\n  port: 0\n  minFreeDiskMb: 512\n"
            + "monitor:\n  intervalMs: 100\n  window: 500\nib:\n  snapshotEverySeconds: 60\n"), yaml);
        final String[] sections = {"run:", "engine:", "journal:", "instruments:", "market:", "features:", "model:",
            "strategy:", "risk:", "kill:", "venue:", "costs:", "report:", "account:", "reference:", "ops:",
            "monitor:", "ib:"};
        int previous = -1;
        for (final String section : sections)
        {
            final int at = yaml.indexOf("\n" + section) + 1;
            assertTrue(at > previous, section);
            previous = at;
        }
    }

    @Test
    void shouldHashConfigDeterministicallyAndChangeWithAnyValue()
    {
        final EngineConfig demo = ConfigLoader.loadProfile("demo", List.of());
        final String hash = ConfigLoader.configHash(demo);

        assertEquals(hash, ConfigLoader.configHash(ConfigLoader.loadProfile("demo", List.of())));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(ConfigLoader.sha256(ConfigLoader.canonicalYaml(demo)), hash);
        assertNotEquals(hash, ConfigLoader.configHash(ConfigLoader.loadProfile("demo", List.of("run.seed=1"))));
        assertNotEquals(hash, ConfigLoader.configHash(
            ConfigLoader.loadProfile("demo", List.of("instruments[2].volatility=0.4500001"))));
    }

    @Test
    void shouldComputeStandardSha256()
    {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConfigLoader.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ConfigLoader.sha256(""));
    }

    @Test
    void shouldLoadFileAndNameItInErrors() throws IOException
    {
        final Path file = tempDir.resolve("my.yaml");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        assertEquals(load(VALID), ConfigLoader.loadFile(file, List.of()));

        Files.writeString(file, ConfigFixtures.with("maxPosition: 5", "maxPosition: 0"), StandardCharsets.UTF_8);
        ConfigFixtures.assertError(() -> ConfigLoader.loadFile(file, List.of()),
            file.toString(), "risk.maxPosition", "0", "out of range (line 57)", "allowed: an integer >= 1");
    }

    @Test
    void shouldNameMissingFile()
    {
        final Path missing = tempDir.resolve("nope.yaml");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.loadFile(missing, null));

        assertEquals(missing.toString(), ex.source());
        assertTrue(ex.getMessage().startsWith(missing + ": cannot read config file: no such file"), ex.getMessage());
    }

    @Test
    void shouldRejectFileThatIsNotUtf8() throws IOException
    {
        final Path file = tempDir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'r', 'u', 'n', ':', ' ', (byte)0xE9, '\n'});

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.loadFile(file, null));

        assertTrue(ex.getMessage().contains("not valid UTF-8"), ex.getMessage());
    }
}
