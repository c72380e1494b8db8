package io.meridian.engine.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * The catalogue entries TTR lacks and ta4j has agree with ta4j 0.17 ({@code DoubleNum}) to 1e-9 relative on every
 * bar from the first one ta4j and the catalogue both define: KAMA ({@code KAMAIndicator}).
 */
class Ta4jParityTest
{
    @Test
    void shouldMatchTa4jKama()
    {
        final io.meridian.engine.indicator.BarSeries bars =
            io.meridian.engine.indicator.BarSeries.synthetic(7L, 3000, 26);
        final BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        final ZonedDateTime start = ZonedDateTime.of(2026, 1, 2, 9, 45, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < bars.size(); i++)
        {
            series.addBar(start.plusMinutes(15L * i), DoubleNum.valueOf(bars.open[i]), DoubleNum.valueOf(bars.high[i]),
                DoubleNum.valueOf(bars.low[i]), DoubleNum.valueOf(bars.close[i]), DoubleNum.valueOf(bars.volume[i]));
        }
        final int[][] parameters = {{10, 2, 30}, {5, 3, 20}, {20, 2, 40}};
        for (final int[] p : parameters)
        {
            final KAMAIndicator reference = new KAMAIndicator(new ClosePriceIndicator(series), p[0], p[1], p[2]);
            final double[] ours = bars.run(IndicatorCatalogue.bar("kama_" + p[0] + "_" + p[1] + "_" + p[2]))[0];
            int compared = 0;
            for (int i = 0; i < bars.size(); i++)
            {
                if (i < p[0])
                {
                    assertTrue(Double.isNaN(ours[i]), "KAMA defined before warm-up at bar " + i);
                    continue;
                }
                final double expected = reference.getValue(i).doubleValue();
                assertEquals(expected, ours[i], 1e-9 * Math.abs(expected), "kama " + p[0] + " bar " + i);
                compared++;
            }
            assertEquals(bars.size() - p[0], compared);
        }
    }
}
