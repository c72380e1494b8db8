package io.meridian.engine.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building indicators by name, the names of their outputs, and the Parabolic SAR's published acceleration rule. */
class IndicatorCatalogueTest
{
    @Test
    void shouldBuildEveryDefaultAndNameOutputsNameThenParameters()
    {
        final List<String> names = new ArrayList<>();
        for (final String id : IndicatorCatalogue.defaultBarIds())
        {
            final BarIndicator indicator = IndicatorCatalogue.bar(id);
            final String first = id.replaceAll("^[a-z_]+?((_[0-9.]+)*)$", "$1").replaceAll("^(_[0-9.]+).*", "$1");
            for (int k = 0; k < indicator.outputs(); k++)
            {
                assertTrue(indicator.name(k).contains(first), indicator.name(k) + " of " + id);
                names.add(indicator.name(k));
            }
        }
        for (final String id : IndicatorCatalogue.defaultTickIds())
        {
            names.add(IndicatorCatalogue.tick(id).name());
        }
        assertEquals(names.size(), names.stream().distinct().count(), "duplicate output names: " + names);
        assertTrue(names.containsAll(List.of("sma_20", "ema_20", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9",
            "bb_lower_20_2", "bb_middle_20_2", "bb_upper_20_2", "bb_pctb_20_2", "atr_14", "true_range", "obv",
            "roc_10", "stoch_k_14", "stoch_d_14_3", "chaikin_ad", "stdev_20")), names.toString());
        assertEquals("bb_upper_50_2.5", IndicatorCatalogue.bar("bb_50_2.5").name(2));
    }

    @Test
    void shouldRefuseATickFeatureAsABarIndicatorAndTheReverse()
    {
        final IllegalArgumentException bar = assertThrows(IllegalArgumentException.class,
            () -> IndicatorCatalogue.bar("ofi_10"));
        assertTrue(bar.getMessage().contains("'ofi_10' is a tick"), bar.getMessage());
        final IllegalArgumentException tick = assertThrows(IllegalArgumentException.class,
            () -> IndicatorCatalogue.tick("rsi_14"));
        assertTrue(tick.getMessage().contains("'rsi_14' is a bar indicator"), tick.getMessage());
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> IndicatorCatalogue.bar("rsx_14"));
        assertTrue(unknown.getMessage().startsWith("unknown indicator 'rsx_14'; known indicators: [sma_N,"),
            unknown.getMessage());
    }

    /**
     * Wilder's rule in a steady up-trend (every bar a new high, narrow bars so the stop stays below the lows): the
     * stop starts at the first low, is held at the lowest of the last two lows on bar 1, then moves by
     * af * (extreme - stop) with af = 0.04, 0.06, ... capped at 0.2. By hand: bar 0: 19.9; bar 1: min(19.9 + 0.02 *
     * (20 - 19.9), 19.9) = 19.9; bar 2: 19.9 + 0.04 * (21 - 19.9) = 19.944.
     */
    @Test
    void shouldAccelerateTheDefaultSarUpToItsMaximumAndNoFurther()
    {
        final BarIndicator sar = IndicatorCatalogue.bar("psar");
        final int bars = 40;
        final double[] stop = new double[bars];
        for (int i = 0; i < bars; i++)
        {
            sar.onBar(19.95 + i, 20 + i, 19.9 + i, 19.97 + i, 1000, 0);
            stop[i] = sar.value(0);
        }
        assertEquals(19.9, stop[0], 1e-12);
        assertEquals(19.9, stop[1], 1e-12);
        assertEquals(19.944, stop[2], 1e-12);
        for (int i = 2; i < bars; i++)
        {
            final double extreme = 20 + (i - 1);
            final double af = (stop[i] - stop[i - 1]) / (extreme - stop[i - 1]);
            assertEquals(Math.min(0.02 * i, 0.2), af, 1e-9, "acceleration at bar " + i);
            assertTrue(stop[i] < 19.9 + (i - 1), "stop reached the lows at bar " + i);
        }
    }
}
