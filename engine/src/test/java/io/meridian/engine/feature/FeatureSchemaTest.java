package io.meridian.engine.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeatureSchemaTest
{
    @Test
    void shouldListTheFeaturesInVectorOrder()
    {
        final String[] names = FeatureSchema.names();

        assertEquals(FeatureSchema.COUNT, names.length);
        assertEquals("f00_ema_cross", names[FeatureSchema.EMA_CROSS]);
        assertEquals("f01_momentum", names[FeatureSchema.MOMENTUM]);
        assertEquals("f02_realized_vol", names[FeatureSchema.REALIZED_VOL]);
        assertEquals("f03_imbalance", names[FeatureSchema.IMBALANCE]);
        assertEquals("f04_microprice", names[FeatureSchema.MICROPRICE]);
        assertEquals("f05_spread", names[FeatureSchema.SPREAD]);
    }

    @Test
    void shouldReturnACopyOfTheNames()
    {
        FeatureSchema.names()[0] = "changed";

        assertEquals("f00_ema_cross", FeatureSchema.names()[0]);
    }

    @Test
    void shouldHashTheCommaJoinedNamesWithSha256()
    {
        // sha256("f00_ema_cross,f01_momentum,f02_realized_vol,f03_imbalance,f04_microprice,f05_spread")
        assertEquals("c7e998324f6d23433f0adc3e630caa30e7561daaa300b3af70c71d7b8b60bff6", FeatureSchema.hash());
        assertArrayEquals(FeatureSchema.names(), FeatureSchema.names());
    }
}
