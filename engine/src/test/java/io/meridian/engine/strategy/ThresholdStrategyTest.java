package io.meridian.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.feature.FeatureSchema;
import org.junit.jupiter.api.Test;

class ThresholdStrategyTest
{
    private static final double ENTRY = 2.0;
    private static final double BUDGET = 1_000.0;
    private static final double FLOOR = 1.0;
    private static final int HORIZON = 4;
    private static final double MID = 30.0;
    private static final long NO_CAP = 1_000_000_000L;

    private final ThresholdStrategy strategy = new ThresholdStrategy(2, ENTRY, BUDGET, NO_CAP, FLOOR, HORIZON, false);

    private static double[] vol(final double realizedVolBps)
    {
        final double[] features = new double[FeatureSchema.COUNT];
        features[FeatureSchema.REALIZED_VOL] = realizedVolBps;
        // other features must not matter for sizing or, when joining, for entry
        features[FeatureSchema.EMA_CROSS] = 123.0;
        features[FeatureSchema.IMBALANCE] = -0.9;
        features[FeatureSchema.SPREAD] = 3.0;
        return features;
    }

    private static double[] volAndSpread(final double realizedVolBps, final double spreadBps)
    {
        final double[] features = vol(realizedVolBps);
        features[FeatureSchema.SPREAD] = spreadBps;
        return features;
    }

    @Test
    void shouldSizeByRiskBudgetOverExpectedMove()
    {
        // move over the horizon = 5 bps * sqrt(4) = 0.001; 1000 / (30 * 0.001) = 33333.3 units
        assertEquals(33_333, strategy.onScore(0, 2.5, vol(5.0), MID, 1));
    }

    @Test
    void shouldScaleWithLotsPerUnit()
    {
        assertEquals(3_333_333, strategy.onScore(0, 2.5, vol(5.0), MID, 100));
    }

    @Test
    void shouldShrinkTheTargetAsVolatilityGrows()
    {
        assertEquals(33_333, strategy.onScore(0, 3.0, vol(5.0), MID, 1));
        assertEquals(16_666, strategy.onScore(0, 3.0, vol(10.0), MID, 1));
        assertEquals(3_333, strategy.onScore(0, 3.0, vol(50.0), MID, 1));
    }

    @Test
    void shouldScaleWithTheSquareRootOfTheHorizon()
    {
        final ThresholdStrategy oneTick = new ThresholdStrategy(1, ENTRY, BUDGET, NO_CAP, FLOOR, 1, false);
        final ThresholdStrategy sixteenTicks = new ThresholdStrategy(1, ENTRY, BUDGET, NO_CAP, FLOOR, 16, false);

        assertEquals(66_666, oneTick.onScore(0, 3.0, vol(5.0), MID, 1));
        assertEquals(16_666, sixteenTicks.onScore(0, 3.0, vol(5.0), MID, 1));
    }

    @Test
    void shouldTakeTheSignOfTheScore()
    {
        assertEquals(-33_333, strategy.onScore(0, -2.5, vol(5.0), MID, 1));
        assertEquals(33_333, strategy.onScore(0, 2.5, vol(5.0), MID, 1));
        assertEquals(-33_333, strategy.onScore(0, -7.0, vol(5.0), MID, 1));
    }

    @Test
    void shouldEnterAtExactlyTheEntryThreshold()
    {
        assertEquals(0, strategy.onScore(0, 1.999_999, vol(5.0), MID, 1));
        assertEquals(33_333, strategy.onScore(0, 2.0, vol(5.0), MID, 1));
        assertEquals(0, strategy.onScore(1, -1.999_999, vol(5.0), MID, 1));
        assertEquals(-33_333, strategy.onScore(1, -2.0, vol(5.0), MID, 1));
    }

    @Test
    void shouldHoldBetweenExitAndEntryThresholds()
    {
        assertEquals(33_333, strategy.onScore(0, 2.5, vol(5.0), MID, 1));

        assertEquals(33_333, strategy.onScore(0, 1.5, vol(5.0), MID, 1));
        assertEquals(33_333, strategy.onScore(0, 1.0, vol(5.0), MID, 1), "exit is strictly below half the entry");
        assertEquals(33_333, strategy.onScore(0, -1.5, vol(5.0), MID, 1), "a weak opposite score holds too");
        // a held target keeps its size even when volatility changed
        assertEquals(33_333, strategy.onScore(0, 1.2, vol(50.0), MID, 1));

        assertEquals(0, strategy.onScore(0, 0.999, vol(5.0), MID, 1));
        assertEquals(0, strategy.onScore(0, 1.5, vol(5.0), MID, 1), "no entry from flat inside the band");
        assertEquals(0, strategy.onScore(0, -1.9, vol(5.0), MID, 1));
    }

    @Test
    void shouldHoldAShortTargetAndExitNearZero()
    {
        assertEquals(-16_666, strategy.onScore(0, -4.0, vol(10.0), MID, 1));
        assertEquals(-16_666, strategy.onScore(0, -1.1, vol(10.0), MID, 1));
        assertEquals(0, strategy.onScore(0, -0.5, vol(10.0), MID, 1));
        assertEquals(0, strategy.onScore(0, 0.0, vol(10.0), MID, 1));
    }

    @Test
    void shouldFlipDirectlyOnAStrongOppositeScore()
    {
        assertEquals(33_333, strategy.onScore(0, 3.0, vol(5.0), MID, 1));
        assertEquals(-16_666, strategy.onScore(0, -3.0, vol(10.0), MID, 1));
    }

    @Test
    void shouldResizeOnEveryEntryLevelScore()
    {
        assertEquals(33_333, strategy.onScore(0, 3.0, vol(5.0), MID, 1));
        assertEquals(16_666, strategy.onScore(0, 2.0, vol(10.0), MID, 1));
    }

    @Test
    void shouldCapTheTarget()
    {
        final ThresholdStrategy capped = new ThresholdStrategy(1, ENTRY, BUDGET, 500, FLOOR, HORIZON, false);

        assertEquals(500, capped.onScore(0, 2.5, vol(5.0), MID, 1));
        assertEquals(-500, capped.onScore(0, -2.5, vol(5.0), MID, 1));
        assertEquals(500, capped.onScore(0, 2.5, vol(0.0), MID, 1));
        // below the cap the size is not rounded to it
        assertEquals(333, capped.onScore(0, 2.5, vol(500.0), MID, 1));
    }

    @Test
    void shouldFloorVolatility()
    {
        // floor 1 bp: 1000 / (30 * 0.0001 * 2) = 166666.7
        assertEquals(166_666, strategy.onScore(0, 3.0, vol(0.1), MID, 1));
        assertEquals(166_666, strategy.onScore(0, 3.0, vol(0.0), MID, 1));
        assertEquals(166_666, strategy.onScore(0, 3.0, vol(1.0), MID, 1));
        // just above the floor the measured volatility is used
        assertEquals(83_333, strategy.onScore(0, 3.0, vol(2.0), MID, 1));
    }

    @Test
    void shouldScaleInverselyWithPrice()
    {
        assertEquals(33_333, strategy.onScore(0, 3.0, vol(5.0), 30.0, 1));
        assertEquals(3_333, strategy.onScore(0, 3.0, vol(5.0), 300.0, 1));
    }

    @Test
    void shouldKeepTargetsPerInstrument()
    {
        assertEquals(33_333, strategy.onScore(0, 3.0, vol(5.0), MID, 1));
        assertEquals(-16_666, strategy.onScore(1, -3.0, vol(10.0), MID, 1));

        assertEquals(33_333, strategy.onScore(0, 1.5, vol(5.0), MID, 1));
        assertEquals(-16_666, strategy.onScore(1, 1.5, vol(5.0), MID, 1));
        assertEquals(0, strategy.onScore(1, 0.1, vol(5.0), MID, 1));
        assertEquals(33_333, strategy.onScore(0, 1.5, vol(5.0), MID, 1));
    }

    @Test
    void shouldIgnoreTheSpreadWhenJoining()
    {
        assertEquals(33_333, strategy.onScore(0, 2.0, volAndSpread(5.0, 50.0), MID, 1));
    }

    @Test
    void shouldRequireTheScoreToBeatTheHalfSpreadWhenCrossing()
    {
        final ThresholdStrategy crossing = new ThresholdStrategy(2, ENTRY, BUDGET, NO_CAP, FLOOR, HORIZON, true);

        // entry 2 bps + half of a 3 bps spread = 3.5 bps
        assertEquals(0, crossing.onScore(0, 3.49, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(33_333, crossing.onScore(0, 3.5, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(0, crossing.onScore(1, -3.49, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(-33_333, crossing.onScore(1, -3.5, volAndSpread(5.0, 3.0), MID, 1));
        // a tight spread lowers the bar again
        assertEquals(16_666, crossing.onScore(0, 2.1, volAndSpread(10.0, 0.0), MID, 1));
    }

    @Test
    void shouldKeepTheExitThresholdWhenCrossing()
    {
        final ThresholdStrategy crossing = new ThresholdStrategy(1, ENTRY, BUDGET, NO_CAP, FLOOR, HORIZON, true);
        assertEquals(33_333, crossing.onScore(0, 4.0, volAndSpread(5.0, 3.0), MID, 1));

        // below the cost-aware entry but not below half the plain entry: held
        assertEquals(33_333, crossing.onScore(0, 3.0, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(33_333, crossing.onScore(0, 1.0, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(0, crossing.onScore(0, 0.99, volAndSpread(5.0, 3.0), MID, 1));
        assertEquals(0, crossing.onScore(0, 3.0, volAndSpread(5.0, 3.0), MID, 1), "no entry below 3.5 from flat");
    }
}
