package io.meridian.ops.train;

import io.meridian.engine.feature.FeatureSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Random;

/**
 * Regenerates the demo model that ships in the engine's resources ({@code demo-linear.onnx} and its manifest) from
 * seeded synthetic data, byte for byte: the same seed, row count and code give the same files.
 *
 * <p>Run from the repository root:
 * <pre>
 * java -cp … io.meridian.ops.train.ShipDemoModel [outputDirectory]
 * </pre>
 * The default output directory is {@value #DEFAULT_OUTPUT_DIR}.
 *
 * <p>The synthetic market draws each row's features from plausible ranges (spread ≈ 1–10 bps, realized volatility
 * ≈ 0.5–4 bps per tick, L1 imbalance in (-1, 1), microprice offset = imbalance × half spread, EMA cross and momentum
 * a few bps) and sets the label, the forward mid return over {@value #HORIZON_TICKS} ticks in bps, to a linear
 * function in which imbalance and microprice carry most of the signal, plus noise that grows with volatility.
 * Replace it with real engine features once journals exist (the {@code train --journal} command).
 */
public final class ShipDemoModel
{
    /** Where the engine loads the demo model from, relative to the repository root. */
    public static final String DEFAULT_OUTPUT_DIR = "engine/src/main/resources/io/meridian/engine/model";
    /** Model file name. */
    public static final String MODEL_FILE = "demo-linear.onnx";
    /** Synthetic data seed. */
    public static final long DATA_SEED = 7_001L;
    /** Synthetic rows. */
    public static final int ROWS = 20_000;
    /** Label horizon. */
    public static final int HORIZON_TICKS = 20;
    /** Label description recorded in the manifest. */
    public static final String LABEL = "forward mid return over " + HORIZON_TICKS + " ticks, bps (synthetic demo data)";
    /** The manifest's createdAt: fixed so that regeneration is byte-identical. */
    public static final String CREATED_AT = "ShipDemoModel seed=" + DATA_SEED + " rows=" + ROWS;

    /** The relation the synthetic labels follow, in feature order (bps of label per unit of feature). */
    static final double[] TRUE_WEIGHTS = {0.04, 0.08, 0.0, 0.50, 0.35, -0.03};
    /** Intercept of the synthetic relation, bps. */
    static final double TRUE_BIAS = 0.02;

    private ShipDemoModel()
    {
    }

    /**
     * Writes the demo model and manifest.
     *
     * @param args optional output directory.
     * @throws IOException if the files cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Paths.get(args.length > 0 ? args[0] : DEFAULT_OUTPUT_DIR);
        final TrainResult result = ship(dir);
        System.out.println(summary(result));
    }

    /**
     * Generates the synthetic data and trains the demo model into a directory.
     *
     * @param dir the output directory.
     * @return the training result.
     * @throws IOException if the files cannot be written.
     */
    public static TrainResult ship(final Path dir) throws IOException
    {
        final Data data = generate(DATA_SEED, ROWS);
        final String hash = ModelTrainer.hashTrainingData(data.features(), data.labels());
        return ModelTrainer.train(data.features(), data.labels(), hash, dir.resolve(MODEL_FILE), LABEL, CREATED_AT);
    }

    /**
     * Seeded synthetic feature rows and labels. Uses {@link StrictMath} so the numbers are the same on every JVM.
     *
     * @param seed the seed.
     * @param rows number of rows.
     * @return the data.
     */
    public static Data generate(final long seed, final int rows)
    {
        final Random random = new Random(seed);
        final double[][] features = new double[rows][];
        final double[] labels = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            final double spreadBps = clamp(StrictMath.exp(StrictMath.log(3.0) + 0.45 * random.nextGaussian()), 0.5,
                20.0);
            final double volBps = clamp(StrictMath.exp(StrictMath.log(1.2) + 0.4 * random.nextGaussian()), 0.2, 8.0);
            final double imbalance = StrictMath.tanh(0.9 * random.nextGaussian());
            final double micropriceBps = imbalance * spreadBps / 2.0;
            final double emaCrossBps = 2.0 * random.nextGaussian();
            final double momentumBps = 0.3 * emaCrossBps + 1.5 * volBps * random.nextGaussian();

            final double[] x = new double[FeatureSchema.COUNT];
            x[FeatureSchema.EMA_CROSS] = emaCrossBps;
            x[FeatureSchema.MOMENTUM] = momentumBps;
            x[FeatureSchema.REALIZED_VOL] = volBps;
            x[FeatureSchema.IMBALANCE] = imbalance;
            x[FeatureSchema.MICROPRICE] = micropriceBps;
            x[FeatureSchema.SPREAD] = spreadBps;
            double y = TRUE_BIAS;
            for (int i = 0; i < FeatureSchema.COUNT; i++)
            {
                y += TRUE_WEIGHTS[i] * x[i];
            }
            y += (0.3 + 0.3 * volBps) * random.nextGaussian();
            features[r] = x;
            labels[r] = y;
        }
        return new Data(features, labels);
    }

    private static double clamp(final double value, final double min, final double max)
    {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * Feature rows and labels.
     *
     * @param features one row per example, in engine feature order.
     * @param labels one label per row.
     */
    public record Data(double[][] features, double[] labels)
    {
    }

    /**
     * A human-readable summary of a training run: files, metrics, fitted against true coefficients.
     *
     * @param result the run.
     * @return the summary.
     */
    static String summary(final TrainResult result)
    {
        final StringBuilder text = new StringBuilder();
        text.append("wrote ").append(result.modelPath()).append(" and ").append(result.manifestPath()).append('\n');
        text.append(String.format(Locale.ROOT, "rows=%d fitted=%d held-out=%d rmse=%.4f r2=%.4f%n",
            result.rows(), result.trainRows(), result.holdoutRows(), result.holdoutRmse(), result.holdoutR2()));
        final String[] names = FeatureSchema.names();
        final double[] weights = result.weights();
        for (int i = 0; i < names.length; i++)
        {
            text.append(String.format(Locale.ROOT, "  %-18s %+.5f (true %+.3f)%n", names[i], weights[i],
                TRUE_WEIGHTS[i]));
        }
        text.append(String.format(Locale.ROOT, "  %-18s %+.5f (true %+.3f)%n", "bias", result.bias(), TRUE_BIAS));
        text.append("model sha256 ").append(result.manifest().modelSha256());
        return text.toString();
    }
}
