package io.meridian.engine.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.engine.indicator.TickIndicator;
import io.meridian.engine.model.ModelMismatchException;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.testing.TestEngines;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code features.indicators}: configured tick features follow the six base features in the vector, with the
 * values of the catalogue's own instances fed the same quotes and trades; the schema names and hash pin them, so a
 * model trained without them is refused; with none configured the vector, names and hash are unchanged.
 */
class ConfiguredFeaturesTest
{
    static EngineConfig withIndicators(final String list)
    {
        final String yaml = ConfigLoader.canonicalYaml(TestEngines.config())
            .replace("  indicators: []\n", "  indicators: " + list + "\n");
        return ConfigLoader.loadText("test", yaml, List.of());
    }

    @Test
    void shouldKeepTheBaseSchemaWhenNoIndicatorsAreConfigured()
    {
        final EngineConfig config = TestEngines.config();
        assertArrayEquals(FeatureSchema.names(), FeatureSchema.names(config.features()));
        assertEquals(FeatureSchema.hash(), FeatureSchema.hash(config.features()));
        assertEquals(FeatureSchema.COUNT, FeatureSchema.count(config.features()));
    }

    @Test
    void shouldAppendConfiguredTickFeaturesThenEveryBarIndicatorOutput()
    {
        final EngineConfig config = withIndicators("[ofi_3, rsi_14, microprice, bb_20_2]");
        assertEquals(List.of("ofi_3", "microprice"), FeatureSchema.tickIndicators(config.features()));
        assertEquals(List.of("rsi_14", "bb_20_2"), FeatureSchema.barIndicators(config.features()));
        assertArrayEquals(new String[] {"f00_ema_cross", "f01_momentum", "f02_realized_vol", "f03_imbalance",
            "f04_microprice", "f05_spread", "f06_ofi_3", "f07_microprice", "f08_rsi_14", "f09_bb_lower_20_2",
            "f10_bb_middle_20_2", "f11_bb_upper_20_2", "f12_bb_pctb_20_2", "f13_bb_width_20_2"},
            FeatureSchema.names(config.features()));
        assertEquals(14, FeatureSchema.count(config.features()));
        assertFalse(FeatureSchema.hash().equals(FeatureSchema.hash(config.features())));
    }

    @Test
    void shouldComputeConfiguredFeaturesLikeTheCatalogue()
    {
        final FeatureEngine engine = new FeatureEngine(2, 2, 4, 2, List.of("ofi_3", "signed_volume_2"));
        final FeatureEngine plain = new FeatureEngine(2, 2, 4, 2);
        final TickIndicator ofi = IndicatorCatalogue.tick("ofi_3");
        final TickIndicator signed = IndicatorCatalogue.tick("signed_volume_2");
        final double[] out = new double[FeatureSchema.MAX_COUNT];
        final double[] base = new double[FeatureSchema.MAX_COUNT];
        boolean ready = false;
        for (int i = 0; i < 40; i++)
        {
            final double bid = 1000 + (i % 5) - (i % 3);
            final double bidQty = 100 + 7 * i;
            final double askQty = 300 - 5 * i;
            engine.onQuote(1, 50, 10, 51, 10, out);                    // another instrument: must not interfere
            ready = engine.onQuote(0, bid, bidQty, bid + 1, askQty, out);
            plain.onQuote(0, bid, bidQty, bid + 1, askQty, base);
            ofi.onQuote(bid, bidQty, bid + 1, askQty);
            signed.onQuote(bid, bidQty, bid + 1, askQty);
            for (int k = 0; k < FeatureSchema.COUNT; k++)
            {
                assertEquals(base[k], out[k], "base feature " + k + " changed by the configured ones");
            }
            assertEquals(ofi.value(), out[FeatureSchema.COUNT], "ofi at quote " + i);
            assertEquals(signed.value(), out[FeatureSchema.COUNT + 1], 0.0, "signed volume at quote " + i);
            engine.onTrade(0, bid + (i % 2), 10 + i);
            signed.onTrade(bid + (i % 2), 10 + i);
        }
        assertTrue(ready, "the vector is ready once every configured feature is defined");
    }

    @Test
    void shouldRefuseTheShippedModelWhenTheVectorHasMoreFeatures()
    {
        final ModelMismatchException ex = assertThrows(ModelMismatchException.class,
            () -> Scorers.create(withIndicators("[ofi_100]")));
        assertTrue(ex.getMessage().contains("f06_ofi_100"), ex.getMessage());
    }
}
