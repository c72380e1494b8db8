package io.meridian.ops.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.indicator.BarIndicator;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.engine.model.ModelMismatchException;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bar indicators in the model's feature vector: {@code features.indicators} with bar indicators makes the vector the
 * six base features then each indicator's outputs; a training set built from BAR records with the engine's own
 * feature stages carries exactly the values the catalogue's own instances compute over the same bars; a model trained
 * on it pins those names in its manifest, loads through {@code Scorers.create(config)} and scores rows as Tribuo's
 * model does; a configuration without the indicators refuses it.
 */
class BarIndicatorModelTest
{
    private static final String INDICATORS = "[rsi_14, roc_10, zscore_20]";
    private static final int BARS = 600;

    @TempDir
    Path dir;

    private EngineConfig config(final Path model, final String indicators)
    {
        return ConfigLoader.loadProfile("bars", List.of("features.indicators=" + indicators,
            "model.path=" + model, "model.scorer=java"));
    }

    @Test
    void shouldTrainLoadAndScoreAModelOnBarIndicators() throws IOException
    {
        final Path model = dir.resolve("bars.onnx");
        final EngineConfig config = config(model, INDICATORS);
        final String[] names = FeatureSchema.names(config.features());
        assertArrayEquals(new String[] {"f00_ema_cross", "f01_momentum", "f02_realized_vol", "f03_imbalance",
            "f04_microprice", "f05_spread", "f06_rsi_14", "f07_roc_10", "f08_zscore_20"}, names);

        // a daily random walk in cents, one BAR record per trading day at the close
        final TrainingSet set = new TrainingSet(config, 5, 1);
        final BarIndicator rsi = IndicatorCatalogue.bar("rsi_14");
        final BarIndicator roc = IndicatorCatalogue.bar("roc_10");
        final BarIndicator zscore = IndicatorCatalogue.bar("zscore_20");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final SplittableRandom random = new SplittableRandom(8);
        final double[][] expected = new double[BARS][];
        long close = 10_000;
        LocalDate day = LocalDate.parse("2024-01-02");
        for (int i = 0; i < BARS; i++)
        {
            while (day.getDayOfWeek().getValue() > 5)
            {
                day = day.plusDays(1);
            }
            final long open = close;
            close = Math.max(100, close + random.nextLong(-150, 151));
            final long high = Math.max(open, close) + random.nextLong(0, 40);
            final long low = Math.min(open, close) - random.nextLong(0, 40);
            final long volume = 1_000 + random.nextLong(0, 5_000);
            final long timeNs = day.atTime(16, 0).atZone(ZoneId.of("America/New_York")).toEpochSecond()
                * 1_000_000_000L;
            Header.write(buffer, 0, RecordType.BAR, BarCodec.LENGTH, 1, 0, timeNs, timeNs, 1, i + 1);
            BarCodec.open(buffer, 0, open);
            BarCodec.high(buffer, 0, high);
            BarCodec.low(buffer, 0, low);
            BarCodec.close(buffer, 0, close);
            BarCodec.volume(buffer, 0, volume);
            BarCodec.durationNs(buffer, 0, 0);
            set.onInput(buffer, 0);
            final long session = day.toEpochDay();
            rsi.onBar((double)open, (double)high, (double)low, (double)close, (double)volume, session);
            roc.onBar((double)open, (double)high, (double)low, (double)close, (double)volume, session);
            zscore.onBar((double)open, (double)high, (double)low, (double)close, (double)volume, session);
            expected[i] = new double[] {rsi.value(0), roc.value(0), zscore.value(0)};
            day = day.plusDays(1);
        }

        final double[][] rows = set.features();
        final double[] labels = set.labels();
        assertTrue(rows.length > BARS - 200, "rows after warm-up: " + rows.length);
        // the last labelled row is the bar 5 before the end (its label needs 5 more bars)
        final double[] last = rows[rows.length - 1];
        assertEquals(names.length, last.length);
        final double[] want = expected[BARS - 1 - 5];
        assertEquals(want[0], last[6], 0.0, "rsi_14 in the vector is the catalogue's value at that bar");
        assertEquals(want[1], last[7], 0.0, "roc_10");
        assertEquals(want[2], last[8], 0.0, "zscore_20");

        final TrainResult result = ModelTrainer.train(rows, labels, ModelTrainer.hashTrainingData(rows, labels),
            model, "forward mid return over 5 bars, bps", "test", names, FeatureSchema.hash(config.features()));
        assertEquals(List.of(names), result.manifest().features());
        assertEquals(FeatureSchema.hash(config.features()), result.manifest().featureSchemaHash());

        try (Scorer scorer = Scorers.create(config))
        {
            for (int r = 0; r < rows.length; r += 37)
            {
                final double tribuo = result.predictWithTribuo(rows[r]);
                final double[] vector = java.util.Arrays.copyOf(rows[r], FeatureSchema.MAX_COUNT);
                assertEquals(tribuo, scorer.score(vector), 1e-4 * Math.max(1.0, Math.abs(tribuo)), "row " + r);
            }
        }
        final ModelMismatchException refused = assertThrows(ModelMismatchException.class,
            () -> Scorers.create(config(model, "[]")));
        assertTrue(refused.getMessage().contains("f06_rsi_14"), refused.getMessage());
    }
}
