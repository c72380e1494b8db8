package io.meridian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code monitor} section: in every shipped profile at SPEC g1's 100 ms with a 500-return window; optional (a
 * manifest written before it existed still loads, with the same default); bad values refused naming key and range.
 */
class MonitorConfigTest
{
    @Test
    void shouldShipTheDefaultsInEveryProfile()
    {
        for (final String profile : List.of("demo", "backtest", "bars", "paper-ib", "live-ib"))
        {
            assertEquals(new MonitorConfig(100, 500), ConfigLoader.loadProfile(profile, List.of()).monitor(), profile);
        }
        assertEquals(new MonitorConfig(100, 500), MonitorConfig.DEFAULT);
    }

    @Test
    void shouldDefaultWhenTheSectionIsAbsent()
    {
        final String yaml = ConfigLoader.canonicalYaml(ConfigLoader.loadProfile("demo", List.of()));
        final String without = yaml.substring(0, yaml.indexOf("monitor:\n"));
        assertEquals(MonitorConfig.DEFAULT, ConfigLoader.loadText("old manifest", without, List.of()).monitor());
    }

    @Test
    void shouldTakeOverridesIncludingOff()
    {
        assertEquals(new MonitorConfig(0, 2),
            ConfigLoader.loadProfile("demo", List.of("monitor.intervalMs=0", "monitor.window=2")).monitor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor.intervalMs=-1", "monitor.intervalMs=86400001", "monitor.window=1",
        "monitor.window=100001"})
    void shouldRefuseAValueOutOfRange(final String set)
    {
        final String key = set.substring(0, set.indexOf('='));
        ConfigFixtures.assertError(() -> ConfigLoader.loadProfile("demo", List.of(set)), "--set", key,
            set.substring(set.indexOf('=') + 1), "out of range");
    }
}
