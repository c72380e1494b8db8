package io.meridian.ops.train;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.gateway.market.SyntheticMarket;
import io.meridian.gateway.world.SimulatedWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Regenerates the model that ships with the engine: a Tribuo linear regression trained on the engine's own
 * features of the demo profile's synthetic market, labelled with the forward mid return over the profile's
 * horizon. The market is seeded differently from the demo run, so the demo trades out of sample. Deterministic:
 * the same code writes byte-identical files ({@code ShipDemoModelTest} checks the committed ones).
 *
 * <p>Run: {@code java -cp ... io.meridian.ops.train.ShipDemoModel [OUTPUT_DIR]}.
 */
public final class ShipDemoModel
{
    /** Where the model lives in the source tree. */
    public static final String DEFAULT_OUTPUT_DIR = "engine/src/main/resources/io/meridian/engine/model";
    /** Model file name. */
    public static final String MODEL_FILE = "demo-linear.onnx";
    /** Seed of the training market (the demo profile runs on another seed). */
    public static final long DATA_SEED = 7_001L;
    /** Synthetic market events generated for training. */
    public static final int EVENTS = 600_000;
    /** One row kept in this many quotes. */
    public static final int STRIDE = 4;
    /** Recorded as the manifest's creation note (fixed, so the files are reproducible). */
    public static final String CREATED_AT = "ShipDemoModel seed=" + DATA_SEED + " events=" + EVENTS;

    private ShipDemoModel()
    {
    }

    /**
     * Writes the model and its manifest.
     *
     * @param args optional output directory.
     * @throws IOException when the files cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Paths.get(args.length > 0 ? args[0] : DEFAULT_OUTPUT_DIR);
        System.out.println(summary(ship(dir)));
    }

    /**
     * Trains and writes the demo model into a directory.
     *
     * @param dir output directory.
     * @return the training result.
     * @throws IOException when the files cannot be written.
     */
    public static TrainResult ship(final Path dir) throws IOException
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo", List.of("run.seed=" + DATA_SEED));
        final TrainingSet set = generate(config, EVENTS);
        final double[][] features = set.features();
        final double[] labels = set.labels();
        return ModelTrainer.train(features, labels, ModelTrainer.hashTrainingData(features, labels),
            dir.resolve(MODEL_FILE), label(config), CREATED_AT);
    }

    /**
     * The label description for a configuration.
     *
     * @param config the configuration.
     * @return the description.
     */
    public static String label(final EngineConfig config)
    {
        return "forward mid return over " + config.model().horizonTicks()
            + " quotes of the same instrument, bps (synthetic demo market, seed " + config.run().seed() + ")";
    }

    /**
     * Builds a training set from the synthetic market of a configuration.
     *
     * @param config the configuration (instruments, market, feature windows, horizon, seed).
     * @param events market events to generate.
     * @return the training set.
     */
    public static TrainingSet generate(final EngineConfig config, final int events)
    {
        final SyntheticMarket market = SimulatedWorld.market(config);
        final TrainingSet set = new TrainingSet(config, config.model().horizonTicks(), STRIDE);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        for (int i = 0; i < events; i++)
        {
            market.next(buffer, 0);
            Header.sequence(buffer, 0, i);
            set.onInput(buffer, 0);
        }
        return set;
    }

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
            text.append(String.format(Locale.ROOT, "  %-18s %+.5f%n", names[i], weights[i]));
        }
        text.append(String.format(Locale.ROOT, "  %-18s %+.5f%n", "bias", result.bias()));
        text.append("model sha256 ").append(result.manifest().modelSha256());
        return text.toString();
    }
}
