package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code features.indicators}: optional, each id validated against the catalogue's grammar and ranges. */
class IndicatorConfigTest
{
    private static final String WINDOW = "  volWindowTicks: 2\n";

    @Test
    void shouldDefaultToNoIndicators()
    {
        assertEquals(List.of(), load(ConfigFixtures.VALID).features().indicators());
    }

    @Test
    void shouldBindIndicatorsAndRoundTripThroughCanonicalYaml()
    {
        final EngineConfig c = load(with(WINDOW, WINDOW + "  indicators: [ofi_100, rsi_14, bb, vpin_500_20]\n"));
        assertEquals(List.of("ofi_100", "rsi_14", "bb", "vpin_500_20"), c.features().indicators());
        final String canonical = ConfigLoader.canonicalYaml(c);
        assertEquals(c, ConfigLoader.loadText("canonical", canonical, List.of()));
    }

    @Test
    void shouldNameAnUnknownIndicatorWithKeyAndValue()
    {
        final ConfigException ex = assertError(
            () -> load(with(WINDOW, WINDOW + "  indicators: [rsi_14, foo_3]\n")), SOURCE,
            "features.indicators[1]", "\"foo_3\"", "unknown indicator 'foo_3'");
        assertTrue(ex.getMessage().contains("known indicators"), ex.getMessage());
    }

    @Test
    void shouldNameABadParameter()
    {
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: [sma_0]\n")), SOURCE,
            "features.indicators[0]", "\"sma_0\"", "parameter N is '0'", "an integer from 1 to 100000");
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: [bb_20]\n")), SOURCE,
            "features.indicators[0]", "\"bb_20\"", "bb takes 2 (bb_N_K, e.g. bb_20_2)");
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: [macd_26_12_9]\n")), SOURCE,
            "features.indicators[0]", "\"macd_26_12_9\"", "FAST (26) must be less than SLOW (12)");
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: [psar_0.02_x]\n")), SOURCE,
            "features.indicators[0]", "\"psar_0.02_x\"", "parameter MAX is 'x', not a number");
    }

    @Test
    void shouldRejectDuplicatesAndNonLists()
    {
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: [obv, obv]\n")), SOURCE,
            "features.indicators[1]", "\"obv\"", "listed twice");
        assertError(() -> load(with(WINDOW, WINDOW + "  indicators: obv\n")), SOURCE,
            "features.indicators", "\"obv\"", "expected a list");
    }

    @Test
    void shouldParseEveryDefaultIdAndRejectEveryPatternWithAMissingParameter()
    {
        for (final String id : IndicatorSpec.defaultBarIds())
        {
            assertEquals(id, IndicatorSpec.parse(id).id());
        }
        for (final String pattern : IndicatorSpec.patterns())
        {
            final String kind = pattern.replaceAll("_[A-Z]+", "");
            final IndicatorSpec bare = IndicatorSpec.parse(kind);
            assertEquals(kind, bare.kind());
            if (!bare.params().isEmpty())
            {
                assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse(kind + "_1_2_3_4"), kind);
            }
        }
    }
}
