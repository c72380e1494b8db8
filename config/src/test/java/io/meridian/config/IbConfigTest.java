package io.meridian.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ib} section: the IB profiles ship a snapshot every 60 s of event time; optional (a profile or manifest
 * without it gets the same default); 0 switches periodic snapshots off; bad values refused naming key and range.
 */
class IbConfigTest
{
    @Test
    void shouldShipSixtySecondsInTheIbProfilesAndDefaultElsewhere()
    {
        for (final String profile : List.of("paper-ib", "live-ib", "demo"))
        {
            assertEquals(new IbConfig(60), ConfigLoader.loadProfile(profile, List.of()).ib(), profile);
        }
        assertEquals(new IbConfig(60), IbConfig.DEFAULT);
    }

    @Test
    void shouldTakeOverridesIncludingOff()
    {
        assertEquals(new IbConfig(0),
            ConfigLoader.loadProfile("paper-ib", List.of("ib.snapshotEverySeconds=0")).ib());
        assertEquals(new IbConfig(5),
            ConfigLoader.loadProfile("paper-ib", List.of("ib.snapshotEverySeconds=5")).ib());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ib.snapshotEverySeconds=-1", "ib.snapshotEverySeconds=86401"})
    void shouldRefuseAValueOutOfRange(final String set)
    {
        final String key = set.substring(0, set.indexOf('='));
        ConfigFixtures.assertError(() -> ConfigLoader.loadProfile("paper-ib", List.of(set)), "--set", key,
            set.substring(set.indexOf('=') + 1), "out of range");
    }

    @Test
    void shouldRefuseAWordWhereSecondsBelong()
    {
        ConfigFixtures.assertError(() -> ConfigLoader.loadProfile("paper-ib", List.of("ib.snapshotEverySeconds=often")),
            "--set", "ib.snapshotEverySeconds", "\"often\"");
    }
}
