package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code venue.barFill} and {@code venue.barSlippageBps}: optional (open, 0), validated with key and value. */
class VenueConfigTest
{
    private static final String LATENCY = "  latencyUs: 0\n";

    @Test
    void shouldDefaultToTheNextOpenWithoutSlippage()
    {
        assertEquals(new VenueConfig(0, "open", 0.0), load(ConfigFixtures.VALID).venue());
    }

    @Test
    void shouldBindEachModelAndRoundTrip()
    {
        for (final String model : VenueConfig.BAR_FILLS)
        {
            final EngineConfig c = load(with(LATENCY, LATENCY + "  barFill: " + model + "\n  barSlippageBps: 2.5\n"));
            assertEquals(new VenueConfig(0, model, 2.5), c.venue());
            assertEquals(c, ConfigLoader.loadText("canonical", ConfigLoader.canonicalYaml(c), List.of()));
        }
        assertEquals("close", load(ConfigFixtures.VALID, "venue.barFill=close").venue().barFill());
    }

    @Test
    void shouldNameABadModelOrSlippage()
    {
        assertError(() -> load(with(LATENCY, LATENCY + "  barFill: vwap\n")), SOURCE, "venue.barFill", "\"vwap\"",
            "not a known value", "one of open, close, typical");
        assertError(() -> load(with(LATENCY, LATENCY + "  barSlippageBps: -1\n")), SOURCE, "venue.barSlippageBps",
            "-1", "out of range", "a number from 0 to 1000");
        assertError(() -> load(with(LATENCY, LATENCY + "  barSlippageBps: 1001\n")), SOURCE,
            "venue.barSlippageBps", "1001", "out of range");
    }
}
