package io.meridian.engine.indicator;

import io.meridian.engine.testing.Allocations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole catalogue, every bar indicator and every tick feature, allocates nothing per update in steady state. */
class IndicatorAllocationTest
{
    @Test
    void shouldNotAllocatePerBarOrTick()
    {
        final List<BarIndicator> bars = new ArrayList<>();
        for (final String id : IndicatorCatalogue.defaultBarIds())
        {
            bars.add(IndicatorCatalogue.bar(id));
        }
        final List<TickIndicator> ticks = new ArrayList<>();
        for (final String id : IndicatorCatalogue.defaultTickIds())
        {
            ticks.add(IndicatorCatalogue.tick(id));
        }
        final BarIndicator[] barArray = bars.toArray(new BarIndicator[0]);
        final TickIndicator[] tickArray = ticks.toArray(new TickIndicator[0]);
        final BarSeries series = BarSeries.synthetic(3L, 4096, 26);
        final double[][] events = IndicatorCausalityTest.ticks(3L, 4096).toArray(new double[0][]);
        final Runnable window = new Runnable()
        {
            private int cursor;
            private double sink;

            @Override
            public void run()
            {
                for (int step = 0; step < 20_000; step++)
                {
                    final int i = cursor++ & 4095;
                    for (final BarIndicator b : barArray)
                    {
                        b.onBar(series.open[i], series.high[i], series.low[i], series.close[i], series.volume[i],
                            series.session[i]);
                        sink += b.value(0);
                    }
                    final double[] e = events[i];
                    for (final TickIndicator t : tickArray)
                    {
                        if (e[0] == 0)
                        {
                            t.onQuote(e[1], e[2], e[3], e[4]);
                        }
                        else
                        {
                            t.onTrade(e[1], e[2]);
                        }
                        sink += t.value();
                    }
                }
                if (sink == 42.0)
                {
                    cursor++;
                }
            }
        };
        for (int i = 0; i < 5; i++)
        {
            window.run();
        }
        Allocations.assertSteadyStateAllocatesNothing("20000 updates of every catalogue entry", window);
    }
}
