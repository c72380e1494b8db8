package io.meridian.ops.cli;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RunManifest;
import io.meridian.ops.train.ModelTrainer;
import io.meridian.ops.train.TrainResult;
import io.meridian.ops.train.TrainingSet;
import io.meridian.runtime.data.DataJournalSource;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import io.meridian.engine.codec.Header;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code meridian train --journal DIR | --data DIR --out FILE.onnx [--config FILE] [--set key=value]... [--horizon N]
 * [--max-rows N]}: builds a training set with the engine's feature code ({@link TrainingSet}) from a run's journal
 * (its manifest's configuration, with the {@code --set} overrides applied, e.g. {@code features.indicators=[...]})
 * or from a data journal written by {@code meridian import} (profile {@code bars} or {@code --config FILE}, with the
 * data's instruments as {@code backtest --data} sets them, then the overrides), trains a linear model with Tribuo on
 * the configured feature vector ({@code FeatureSchema.names(config)}) and exports it to ONNX with its manifest, which
 * pins that vector: run the model with the same {@code features} settings.
 */
public final class TrainCommand
{
    private static final long DEFAULT_MAX_ROWS = 200_000;
    private static final String USAGE = "train: usage: train --journal DIR | --data DIR --out FILE.onnx"
        + " [--config FILE] [--set key=value]... [--horizon N] [--max-rows N]";

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
        final Args args = Args.parse("train", argv,
            Set.of("journal", "data", "config", "out", "horizon", "max-rows"), Set.of()).noPositional();
        final String journal = args.option("journal");
        final String data = args.option("data");
        final String model = args.option("out");
        if ((journal == null) == (data == null) || model == null)
        {
            throw new UsageException(USAGE);
        }
        if (journal != null && args.option("config") != null)
        {
            throw new UsageException("train: --config goes with --data; a journal's configuration is its manifest's"
                + " (change it with --set key=value)");
        }
        final Path dir = Path.of(journal != null ? journal : data);
        final Training training = journal != null ? fromJournal(dir, args, err) : fromData(dir, args, err);
        if (training == null)
        {
            return 1;
        }
        final double[][] features = training.set.features();
        out.printf("training on %,d rows of %d features (label: forward mid return over %d quotes or bars, bps)"
            + " from %s%n", features.length, FeatureSchema.count(training.config.features()), training.horizon, dir);
        try
        {
            final double[] labels = training.set.labels();
            final TrainResult result = ModelTrainer.train(features, labels,
                ModelTrainer.hashTrainingData(features, labels), Path.of(model),
                "forward mid return over " + training.horizon + " quotes or bars of the same instrument, bps",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                FeatureSchema.names(training.config.features()), FeatureSchema.hash(training.config.features()));
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

    /** A filled training set and what made it. */
    private record Training(EngineConfig config, int horizon, TrainingSet set)
    {
    }

    private static Training fromJournal(final Path dir, final Args args, final PrintStream err)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final RunManifest manifest;
            try
            {
                manifest = RunManifest.parse(reader.manifestText());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new JournalException("journal " + dir + ": " + ex.getMessage()
                    + (Files.isDirectory(dir) ? " (a data journal from 'meridian import' goes with --data)" : ""),
                    ex);
            }
            final EngineConfig config = ConfigLoader.loadText("manifest of " + dir, manifest.configYaml(),
                args.sets());
            final int horizon = (int)args.longOption("horizon", config.model().horizonTicks());
            final long[] records = new long[1];
            final ReadResult counted = reader.readInput((buffer, offset, length) -> records[0]++);
            if (counted.corrupt())
            {
                err.println(counted.corruption().message());
                return null;
            }
            final TrainingSet set = new TrainingSet(config, horizon, stride(args, records[0]));
            final ReadResult read = reader.readInput((buffer, offset, length) -> set.onInput(buffer, offset));
            for (final String warning : read.warnings())
            {
                err.println("warning: " + warning);
            }
            return new Training(config, horizon, set);
        }
    }

    private static Training fromData(final Path dir, final Args args, final PrintStream err)
    {
        if (!Files.isDirectory(dir))
        {
            throw new UsageException("train: --data " + dir + " is not a directory (write one with "
                + "'meridian import --csv FILE --out DIR')");
        }
        final EngineConfig config;
        final long records;
        try (DataJournalSource source = BacktestDataCommand.open(dir))
        {
            config = BacktestDataCommand.config(args, source.manifest());
            records = count(source);
            if (source.result().corrupt())
            {
                err.println("train: the data journal is corrupt: " + source.result().corruption());
                return null;
            }
        }
        final int horizon = (int)args.longOption("horizon", config.model().horizonTicks());
        final TrainingSet set = new TrainingSet(config, horizon, stride(args, records));
        try (DataJournalSource source = BacktestDataCommand.open(dir))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
            while (!source.exhausted())
            {
                if (source.next(buffer, 0) > 0)
                {
                    set.onInput(buffer, 0);
                }
            }
            if (source.result().corrupt())
            {
                err.println("train: the data journal is corrupt: " + source.result().corruption());
                return null;
            }
        }
        return new Training(config, horizon, set);
    }

    private static long count(final DataJournalSource source)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        long n = 0;
        while (!source.exhausted())
        {
            if (source.next(buffer, 0) > 0)
            {
                n++;
            }
        }
        return n;
    }

    private static int stride(final Args args, final long records)
    {
        final long maxRows = args.longOption("max-rows", DEFAULT_MAX_ROWS);
        return (int)Math.max(1, records / Math.max(1, maxRows));
    }
}
