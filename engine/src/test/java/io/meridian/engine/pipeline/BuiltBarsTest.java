package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.Side;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.Records;
import io.meridian.engine.testing.TestEngines;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bars built in the feature stage ({@code features.bars}) from trades or quotes, checked bar by bar against bars
 * worked out by hand for each kind (time, volume, dollar), across a session change (a bar never spans sessions: the
 * account calendar's local day, America/New_York in the demo profile) and on a timer; then that built and imported
 * bars feed the configured bar indicators into the feature vector, and that the same input gives the same vectors.
 */
class BuiltBarsTest
{
    /** 2026-01-05 09:30 New York (a Monday): 14:30 UTC. */
    private static final long OPEN = Instant.parse("2026-01-05T14:30:00Z").toEpochMilli() * 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long DAY_5 = LocalDate.parse("2026-01-05").toEpochDay();
    private static final long DAY_6 = LocalDate.parse("2026-01-06").toEpochDay();
    /** 2026-01-05 23:00 and 2026-01-06 01:00 New York: the same UTC day, two local days. */
    private static final long LATE = Instant.parse("2026-01-06T04:00:00Z").toEpochMilli() * 1_000_000L;
    private static final long EARLY = Instant.parse("2026-01-06T06:00:00Z").toEpochMilli() * 1_000_000L;

    /** One bar as the listener saw it. */
    record Bar(int index, long timeNs, long open, long high, long low, long close, long volume, long durationNs,
        long session)
    {
    }

    private final EventSlot slot = new EventSlot();
    private final List<Bar> seen = new ArrayList<>();
    private long sequence;

    private Pipeline pipeline(final String... overrides)
    {
        final EngineConfig config = TestEngines.config(overrides);
        assertEquals(overrides.length > 0 && overrides[0].startsWith("features.bars"),
            config.features().bars().enabled(), config.features().toString());
        final Pipeline pipeline = EngineFactory.features(config);
        ((FeatureStage)pipeline.stage(1)).listener((index, b) -> seen.add(new Bar(index, b.timeNs(index),
            b.open(index), b.high(index), b.low(index), b.close(index), b.volume(index), b.durationNs(index),
            b.session(index))));
        return pipeline;
    }

    private void trade(final Pipeline pipeline, final long timeNs, final long price, final long qty)
    {
        Records.trade(slot.buffer, 1, timeNs, ++sequence, price, qty, Side.BUY);
        pipeline.onEvent(slot);
        assertTrue(slot.marketDataAccepted, "trade at " + timeNs);
    }

    private void quote(final Pipeline pipeline, final long timeNs, final long bid, final long ask)
    {
        Records.quote(slot.buffer, 1, timeNs, ++sequence, bid, 10, ask, 20);
        pipeline.onEvent(slot);
        assertTrue(slot.marketDataAccepted, "quote at " + timeNs);
    }

    private void timer(final Pipeline pipeline, final long timeNs)
    {
        Records.timer(slot.buffer, timeNs);
        pipeline.onEvent(slot);
    }

    @Test
    void shouldCutTimeBarsAtWindowEndsTimersAndSessions()
    {
        final Pipeline p = pipeline("features.bars.kind=time", "features.bars.timeMs=60000");
        trade(p, OPEN + 5 * S, 1000, 10);
        trade(p, OPEN + 20 * S, 1030, 5);
        trade(p, OPEN + 50 * S, 990, 7);
        assertEquals(List.of(), seen, "the first window is still open");
        trade(p, OPEN + 61 * S, 1010, 2);                      // completes [14:30, 14:31)
        trade(p, OPEN + 65 * S, 1020, 3);
        timer(p, OPEN + 119 * S);                              // before the window's end: nothing
        timer(p, OPEN + 120 * S);                              // completes [14:31, 14:32)
        timer(p, OPEN + 300 * S);                              // no open bar: nothing
        trade(p, LATE, 980, 1);                                // 23:00 on the 5th (a time window of its own)
        trade(p, LATE + 30 * S, 985, 2);
        timer(p, LATE + 59 * S);
        assertEquals(List.of(
            new Bar(0, OPEN + 60 * S, 1000, 1030, 990, 990, 22, 60 * S, DAY_5),
            new Bar(0, OPEN + 120 * S, 1010, 1020, 1010, 1020, 5, 60 * S, DAY_5)), seen);

        // a day-long window (UTC days) holds 23:00 on the 5th and 01:00 on the 6th in New York: two sessions, two bars
        seen.clear();
        final Pipeline daily = pipeline("features.bars.kind=time", "features.bars.timeMs=86400000");
        trade(daily, LATE, 980, 1);
        trade(daily, LATE + 60 * S, 990, 4);
        trade(daily, EARLY, 995, 6);                           // new session: the first bar is cut here
        final long dayStart = LATE - LATE % (86_400 * S);
        assertEquals(List.of(new Bar(0, EARLY, 980, 990, 980, 990, 5, EARLY - dayStart, DAY_5)), seen);
        timer(daily, dayStart + 86_400 * S);
        assertEquals(new Bar(0, dayStart + 86_400 * S, 995, 995, 995, 995, 6, 86_400 * S, DAY_6), seen.get(1));
    }

    @Test
    void shouldCutVolumeBarsAtTheThresholdAndAtSessions()
    {
        final Pipeline p = pipeline("features.bars.kind=volume", "features.bars.volume=10");
        trade(p, OPEN + S, 1000, 4);
        trade(p, OPEN + 2 * S, 1010, 5);
        trade(p, OPEN + 3 * S, 990, 3);                        // 12 >= 10: the trade is not split
        trade(p, OPEN + 4 * S, 1020, 20);                      // a bar of one trade
        trade(p, LATE, 1030, 2);                               // short of 10 when the session ends
        trade(p, EARLY, 1040, 15);                             // completes the short bar, then its own
        timer(p, EARLY + 3600 * S);                            // volume bars ignore timers
        assertEquals(List.of(
            new Bar(0, OPEN + 3 * S, 1000, 1010, 990, 990, 12, 2 * S, DAY_5),
            new Bar(0, OPEN + 4 * S, 1020, 1020, 1020, 1020, 20, 0, DAY_5),
            new Bar(0, LATE, 1030, 1030, 1030, 1030, 2, 0, DAY_5),
            new Bar(0, EARLY, 1040, 1040, 1040, 1040, 15, 0, DAY_6)), seen);
    }

    @Test
    void shouldCutDollarBarsOnTradedValue()
    {
        final Pipeline p = pipeline("features.bars.kind=dollar", "features.bars.value=10000");
        trade(p, OPEN + S, 1000, 4);                           // 4,000
        trade(p, OPEN + 2 * S, 1100, 5);                       // 9,500
        assertEquals(List.of(), seen);
        trade(p, OPEN + 3 * S, 900, 1);                        // 10,400 >= 10,000
        trade(p, OPEN + 4 * S, 1000, 9);
        trade(p, OPEN + 5 * S, 1000, 1);                       // exactly 10,000
        assertEquals(List.of(
            new Bar(0, OPEN + 3 * S, 1000, 1100, 900, 900, 10, 2 * S, DAY_5),
            new Bar(0, OPEN + 5 * S, 1000, 1000, 1000, 1000, 10, S, DAY_5)), seen);
    }

    @Test
    void shouldBuildBarsFromQuoteMidsWhenAsked()
    {
        final Pipeline p = pipeline("features.bars.kind=volume", "features.bars.source=quotes",
            "features.bars.volume=3");
        quote(p, OPEN + S, 1000, 1002);                        // mid 1001
        trade(p, OPEN + S, 5000, 100);                         // trades do not build quote bars
        quote(p, OPEN + 2 * S, 1000, 1001);                    // mid 1000.5, rounded down to 1000
        quote(p, OPEN + 3 * S, 1004, 1006);                    // mid 1005; third quote
        assertEquals(List.of(new Bar(0, OPEN + 3 * S, 1001, 1005, 1000, 1005, 3, 2 * S, DAY_5)), seen);
    }

    @Test
    void shouldNotBuildBarsByDefault()
    {
        final EngineConfig config = TestEngines.config();
        assertFalse(config.features().bars().enabled());
        final Pipeline p = pipeline();
        for (int i = 0; i < 50; i++)
        {
            trade(p, OPEN + i * S, 1000 + i, 100);
        }
        timer(p, OPEN + 3600 * S);
        assertEquals(List.of(), seen);
    }

    @Test
    void shouldFeedBuiltBarsToTheBarIndicatorsInTheVector()
    {
        final String[] overrides = {"features.bars.kind=time", "features.bars.timeMs=60000",
            "features.indicators=[sma_2, donchian_1]", "features.emaFastTicks=1", "features.emaSlowTicks=2",
            "features.volWindowTicks=2"};
        final EngineConfig config = TestEngines.config(overrides);
        assertArrayEquals(new String[] {"f06_sma_2", "f07_donchian_upper_1", "f08_donchian_middle_1",
            "f09_donchian_lower_1"}, java.util.Arrays.copyOfRange(FeatureSchema.names(config.features()), 6, 10));
        final List<double[]> first = vectors(pipeline(overrides));
        final List<double[]> second = vectors(pipeline(overrides));
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++)
        {
            assertArrayEquals(first.get(i), second.get(i), "vector " + i + " differs between two runs");
        }
    }

    /** Quotes and trades over three minutes; checks the bar outputs in each quote's vector; returns the vectors. */
    private List<double[]> vectors(final Pipeline p)
    {
        final List<double[]> vectors = new ArrayList<>();
        final long[][] trades = {{5, 1000}, {30, 1040}, {70, 1020}, {100, 990}, {130, 1010}};
        int t = 0;
        for (int second = 0; second < 180; second += 2)
        {
            while (t < trades.length && trades[t][0] <= second)
            {
                trade(p, OPEN + trades[t][0] * S, trades[t][1], 10);
                t++;
            }
            quote(p, OPEN + second * S + 1, 1000, 1001);
            final double[] v = java.util.Arrays.copyOf(slot.features, 10);
            vectors.add(v);
            if (second < 130)
            {
                // fewer than two bars: sma_2 is not defined, so the vector is not ready
                assertTrue(Double.isNaN(v[6]), "sma_2 at " + second + "s");
                assertFalse(slot.featuresReady, "ready at " + second + "s");
            }
            else
            {
                // bars [0,60): 1000..1040, close 1040; [60,120): 1020..990, close 990
                assertEquals((1040 + 990) / 2.0, v[6], 1e-12, "sma_2 at " + second + "s");
                assertEquals(1020, v[7], 0.0, "donchian upper (the last bar's high)");
                assertEquals(990, v[9], 0.0, "donchian lower (the last bar's low)");
                assertTrue(slot.featuresReady, "ready at " + second + "s");
            }
        }
        return vectors;
    }

    @Test
    void shouldFeedImportedBarsToTheBarIndicators()
    {
        final Pipeline p = pipeline("features.indicators=[sma_1]");
        Records.bar(slot.buffer, 1, OPEN, ++sequence, 1000, 1010, 995, 1005, 700);
        p.onEvent(slot);
        assertTrue(slot.marketDataAccepted);
        assertEquals(1005, slot.features[FeatureSchema.COUNT], 0.0, "sma_1 of the imported bar is its close");
        Records.bar(slot.buffer, 1, OPEN + 60 * S, ++sequence, 1005, 1012, 1001, 1009, 300);
        p.onEvent(slot);
        assertEquals(1009, slot.features[FeatureSchema.COUNT], 0.0);
        assertEquals(List.of(), seen, "imported bars are not built bars");
    }
}
