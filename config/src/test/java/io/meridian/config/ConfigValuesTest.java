package io.meridian.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValuesTest
{
    @Test
    void shouldParseEveryValueByItsConfigurationName()
    {
        for (final ThreadMode mode : ThreadMode.values())
        {
            assertEquals(mode, ThreadMode.of(mode.configName()));
        }
        for (final JournalingMode mode : JournalingMode.values())
        {
            assertEquals(mode, JournalingMode.of(mode.configName()));
        }
        for (final WaitStrategyKind kind : WaitStrategyKind.values())
        {
            assertEquals(kind, WaitStrategyKind.of(kind.configName()));
        }
    }

    @Test
    void shouldKeepTheConfigurationNamesFilesUse()
    {
        assertArrayEquals(new String[] {"single", "staged"}, ConfigValues.names(ThreadMode.values()));
        assertArrayEquals(new String[] {"parallel", "inline"}, ConfigValues.names(JournalingMode.values()));
        assertArrayEquals(new String[] {"busy-spin", "yielding", "sleeping", "blocking"},
            ConfigValues.names(WaitStrategyKind.values()));
    }

    @Test
    void shouldNameTheValueAndTheAllowedOnesWhenParsingFails()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> WaitStrategyKind.of("BUSY_SPIN"));

        assertEquals("unknown wait strategy 'BUSY_SPIN'; allowed: busy-spin, yielding, sleeping, blocking",
            ex.getMessage());
        assertNull(ConfigValues.find(ThreadMode.values(), "Single"));
    }

    @Test
    void shouldWriteTheConfigurationNameInTheCanonicalYaml()
    {
        final EngineConfig config = ConfigLoader.loadProfile(
            "demo", List.of("engine.waitStrategy=busy-spin", "engine.mode=staged", "engine.journaling=parallel"));
        final String yaml = ConfigLoader.canonicalYaml(config);

        assertTrue(yaml.contains("  mode: \"staged\"\n"), yaml);
        assertTrue(yaml.contains("  waitStrategy: \"busy-spin\"\n"), yaml);
        assertEquals(config, ConfigLoader.loadText("canonical", yaml, List.of()));
    }
}
