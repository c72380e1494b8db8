package io.meridian.engine.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No look-ahead, per catalogue entry: changing every input after bar (or tick) k never changes any output at or
 * before k, bit for bit, for several k; and the outputs do change after k (the test would see a leak).
 */
class IndicatorCausalityTest
{
    static Stream<String> barIds()
    {
        return IndicatorCatalogue.defaultBarIds().stream();
    }

    static Stream<String> tickIds()
    {
        return IndicatorCatalogue.defaultTickIds().stream();
    }

    @ParameterizedTest
    @MethodSource("barIds")
    void shouldNotLookAheadOnBars(final String id)
    {
        final BarSeries original = BarSeries.synthetic(11L, 600, 26);
        final double[][] reference = original.run(IndicatorCatalogue.bar(id));
        boolean changedLater = false;
        for (final int k : new int[] {0, 1, 5, 40, 150, 400})
        {
            final BarSeries altered = BarSeries.synthetic(11L, 600, 26);
            final BarSeries noise = BarSeries.synthetic(99L + k, 600, 26);
            for (int i = k + 1; i < altered.size(); i++)
            {
                altered.open[i] = noise.open[i];
                altered.high[i] = noise.high[i];
                altered.low[i] = noise.low[i];
                altered.close[i] = noise.close[i];
                altered.volume[i] = noise.volume[i];
                altered.session[i] = noise.session[i] + 1000;
            }
            final double[][] outputs = altered.run(IndicatorCatalogue.bar(id));
            for (int o = 0; o < outputs.length; o++)
            {
                for (int i = 0; i <= k; i++)
                {
                    assertEquals(Double.doubleToRawLongBits(reference[o][i]), Double.doubleToRawLongBits(outputs[o][i]),
                        id + " output " + o + " at bar " + i + " changed when bars after " + k + " changed");
                }
                for (int i = k + 1; i < outputs[o].length; i++)
                {
                    changedLater |= Double.doubleToRawLongBits(reference[o][i])
                        != Double.doubleToRawLongBits(outputs[o][i]);
                }
            }
        }
        assertTrue(changedLater, id + " never reacted to changed inputs");
    }

    @ParameterizedTest
    @MethodSource("tickIds")
    void shouldNotLookAheadOnTicks(final String id)
    {
        final List<double[]> events = ticks(5L, 3000);
        final double[] reference = runTicks(IndicatorCatalogue.tick(id), events);
        boolean changedLater = false;
        for (final int k : new int[] {0, 3, 50, 700, 2000})
        {
            final List<double[]> altered = new ArrayList<>(events.subList(0, k + 1));
            altered.addAll(ticks(77L + k, 3000).subList(k + 1, 3000));
            final double[] outputs = runTicks(IndicatorCatalogue.tick(id), altered);
            for (int i = 0; i <= k; i++)
            {
                assertEquals(Double.doubleToRawLongBits(reference[i]), Double.doubleToRawLongBits(outputs[i]),
                    id + " at event " + i + " changed when events after " + k + " changed");
            }
            for (int i = k + 1; i < outputs.length; i++)
            {
                changedLater |= Double.doubleToRawLongBits(reference[i]) != Double.doubleToRawLongBits(outputs[i]);
            }
        }
        assertTrue(changedLater, id + " never reacted to changed inputs");
    }

    /** Quotes (kind 0: bid, bidQty, ask, askQty) and trades (kind 1: price, qty) of a random walk in cents. */
    static List<double[]> ticks(final long seed, final int n)
    {
        final Random random = new Random(seed);
        final List<double[]> events = new ArrayList<>(n);
        double mid = 100;
        for (int i = 0; i < n; i++)
        {
            if (random.nextDouble() < 0.6)
            {
                mid = Math.rint((mid + (random.nextInt(3) - 1) * 0.01) * 100) / 100 + 0.005;
                final double half = random.nextDouble() < 0.8 ? 0.005 : 0.015;
                events.add(new double[] {0, mid - half, 100 + random.nextInt(900), mid + half,
                    100 + random.nextInt(900)});
            }
            else
            {
                final double side = random.nextBoolean() ? 0.005 : -0.005;
                final double price = random.nextDouble() < 0.1 ? mid : mid + side;
                events.add(new double[] {1, price, 1 + random.nextInt(500), 0, 0});
            }
        }
        return events;
    }

    static double[] runTicks(final TickIndicator indicator, final List<double[]> events)
    {
        final double[] out = new double[events.size()];
        for (int i = 0; i < events.size(); i++)
        {
            final double[] e = events.get(i);
            if (e[0] == 0)
            {
                indicator.onQuote(e[1], e[2], e[3], e[4]);
            }
            else
            {
                indicator.onTrade(e[1], e[2]);
            }
            out[i] = indicator.value();
        }
        return out;
    }
}
