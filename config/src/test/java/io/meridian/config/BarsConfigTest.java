package io.meridian.config;

import static io.meridian.config.ConfigFixtures.SOURCE;
import static io.meridian.config.ConfigFixtures.assertError;
import static io.meridian.config.ConfigFixtures.load;
import static io.meridian.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code features.bars}: optional (kind none), each kind with its one size key, errors naming key and value. */
class BarsConfigTest
{
    private static final String WINDOW = "  volWindowTicks: 2\n";

    private static EngineConfig bars(final String body)
    {
        return load(with(WINDOW, WINDOW + "  bars:\n" + body));
    }

    @Test
    void shouldDefaultToNoBarsBuilt()
    {
        final BarsConfig bars = load(ConfigFixtures.VALID).features().bars();
        assertEquals(BarsConfig.NONE, bars);
        assertFalse(bars.enabled());
        assertEquals(0, bars.threshold());
    }

    @Test
    void shouldBindEachKindWithItsThreshold()
    {
        final BarsConfig time = bars("    kind: time\n    timeMs: 60000\n").features().bars();
        assertEquals(new BarsConfig("time", "trades", 60_000, 0, 0), time);
        assertEquals(60_000_000_000L, time.threshold());
        assertTrue(time.enabled());
        assertFalse(time.fromQuotes());
        final BarsConfig volume = bars("    kind: volume\n    source: quotes\n    volume: 500\n").features().bars();
        assertEquals(new BarsConfig("volume", "quotes", 0, 500, 0), volume);
        assertEquals(500, volume.threshold());
        assertTrue(volume.fromQuotes());
        final BarsConfig dollar = bars("    kind: dollar\n    value: 1_000_000\n").features().bars();
        assertEquals(1_000_000, dollar.threshold());
        assertEquals(BarsConfig.NONE, bars("    kind: none\n").features().bars());
    }

    @Test
    void shouldRoundTripThroughCanonicalYaml()
    {
        for (final String body : List.of("    kind: time\n    timeMs: 250\n", "    kind: none\n",
            "    kind: dollar\n    source: quotes\n    value: 7\n"))
        {
            final EngineConfig c = bars(body);
            assertEquals(c, ConfigLoader.loadText("canonical", ConfigLoader.canonicalYaml(c), List.of()), body);
        }
    }

    @Test
    void shouldNameAnUnknownKindOrSource()
    {
        assertError(() -> bars("    kind: tick\n"), SOURCE, "features.bars.kind", "\"tick\"",
            "not a known value", "one of none, time, volume, dollar");
        assertError(() -> bars("    kind: time\n    source: book\n    timeMs: 5\n"), SOURCE, "features.bars.source",
            "\"book\"", "one of trades, quotes");
    }

    @Test
    void shouldRequireTheKindsSizeInRange()
    {
        assertError(() -> bars("    kind: time\n"), SOURCE, "features.bars.timeMs", null, "missing key",
            "an integer from 1 to 86400000");
        assertError(() -> bars("    kind: time\n    timeMs: 0\n"), SOURCE, "features.bars.timeMs", "0",
            "out of range");
        assertError(() -> bars("    kind: time\n    timeMs: 86400001\n"), SOURCE, "features.bars.timeMs",
            "86400001", "out of range");
        assertError(() -> bars("    kind: volume\n    volume: -3\n"), SOURCE, "features.bars.volume", "-3",
            "out of range");
        assertError(() -> bars("    kind: dollar\n    value: 1.5\n"), SOURCE, "features.bars.value", "1.5");
    }

    @Test
    void shouldRefuseAnotherKindsSize()
    {
        assertError(() -> bars("    kind: volume\n    volume: 10\n    timeMs: 60000\n"), SOURCE,
            "features.bars.timeMs", "60000", "only kind time takes timeMs (kind is volume)");
        assertError(() -> bars("    kind: none\n    value: 10\n"), SOURCE, "features.bars.value", "10",
            "only kind dollar takes value (kind is none)");
    }

    @Test
    void shouldSuggestAMisspeltKey()
    {
        assertError(() -> bars("    kind: time\n    timems: 5\n"), SOURCE, "features.bars.timems", "timems",
            "unknown key (did you mean timeMs?)");
    }

    @Test
    void shouldNoteBarsThatNoBarIndicatorUses()
    {
        final FeatureConfig none = bars("    kind: time\n    timeMs: 60000\n").features();
        assertEquals("features.bars builds time bars but no bar indicator is configured in features.indicators "
            + "(e.g. rsi_14, atr_14) to use them: the bars feed nothing", none.unusedBarsNote());
        final FeatureConfig tickOnly = new FeatureConfig(2, 4, 2, List.of("ofi_100", "microprice"),
            none.bars());
        assertTrue(tickOnly.unusedBarsNote().startsWith("features.bars builds time bars"), "tick indicators only");
        final FeatureConfig withBar = new FeatureConfig(2, 4, 2, List.of("ofi_100", "rsi_14"), none.bars());
        assertEquals("", withBar.unusedBarsNote(), "rsi_14 reads the bars");
        assertEquals("", new FeatureConfig(2, 4, 2, List.of()).unusedBarsNote(), "no bars built, nothing to note");
    }
}
