package io.meridian.ops.cli;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RunManifest;
import io.meridian.ops.train.ModelTrainer;
import io.meridian.ops.train.TrainResult;
import io.meridian.ops.train.TrainingSet;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian train --journal DIR --out FILE.onnx [--horizon N] [--max-rows N]}: builds a training set from a
 * journal's market data with the engine's feature code ({@link TrainingSet}), trains a linear model with Tribuo and
 * exports it to ONNX with its manifest.
 */
public final class TrainCommand
{
    private static final long DEFAULT_MAX_ROWS = 200_000;

    private TrainCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code train}.
     * @param out standard output.
     * @param err standard error.
     * @return the exit code.
     */
    public static int run(final List<String> argv, final PrintStream out, final PrintStream err)
    {
        final Args args = Args.parse("train", argv, Set.of("journal", "out", "horizon", "max-rows"), Set.of());
        final String journal = args.option("journal");
        final String model = args.option("out");
        if (journal == null || model == null)
        {
            throw new UsageException("train: usage: train --journal DIR --out FILE.onnx [--horizon N] [--max-rows N]");
        }
        final Path dir = Path.of(journal);
        final TrainingSet set;
        final int horizon;
        try (JournalReader reader = JournalReader.open(dir))
        {
            final RunManifest manifest;
            try
            {
                manifest = RunManifest.parse(reader.manifestText());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new JournalException("journal " + dir + ": " + ex.getMessage(), ex);
            }
            final EngineConfig config = ConfigLoader.loadText("manifest of " + dir, manifest.configYaml(), List.of());
            horizon = (int)args.longOption("horizon", config.model().horizonTicks());
            final long maxRows = args.longOption("max-rows", DEFAULT_MAX_ROWS);
            final long[] quotes = new long[1];
            final ReadResult counted = reader.readInput((buffer, offset, length) -> quotes[0]++);
            if (counted.corrupt())
            {
                err.println(counted.corruption().message());
                return 1;
            }
            final int stride = (int)Math.max(1, quotes[0] / maxRows);
            set = new TrainingSet(config, horizon, stride);
            final ReadResult read = reader.readInput((buffer, offset, length) -> set.onInput(buffer, offset));
            for (final String warning : read.warnings())
            {
                err.println("warning: " + warning);
            }
        }
        final double[][] features = set.features();
        out.printf("training on %,d rows (label: forward mid return over %d quotes, bps) from %s%n",
            features.length, horizon, dir);
        try
        {
            final double[] labels = set.labels();
            final TrainResult result = ModelTrainer.train(features, labels,
                ModelTrainer.hashTrainingData(features, labels), Path.of(model),
                "forward mid return over " + horizon + " quotes of the same instrument, bps");
            out.println(result);
            return 0;
        }
        catch (final IOException ex)
        {
            err.println("train: cannot write " + model + ": " + ex.getMessage());
            return 2;
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("train: " + ex.getMessage());
            return 2;
        }
    }
}
