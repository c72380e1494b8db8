package io.meridian.ops.train;

import ai.onnx.proto.OnnxMl;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.ModelManifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Trains the engine's linear scoring model with Tribuo and writes it as ONNX plus its manifest.
 *
 * <p>Features are named exactly {@link FeatureSchema#names()}, or a configured vector's names
 * ({@code FeatureSchema.names(config)}: tick features and bar-indicator outputs after the base six). Tribuo numbers
 * features by the lexicographic order of their names; the {@code fNN_} prefixes make that order the engine's vector
 * order, and {@link #train} verifies the trained model's feature id map before exporting, so the ONNX input column
 * {@code i} is engine feature {@code i}.
 *
 * <p>Rows are taken in the order given (time order for journal data): the first {@value #HOLDOUT_PERCENT}% are
 * fitted and the tail is held out for the reported RMSE and R². Training is deterministic: fixed seed, fixed
 * hyper-parameters, and the exported ONNX file carries no timestamps or host details (Tribuo's provenance metadata
 * is replaced by Meridian's own), so the same data gives the same model bytes.
 *
 * <p>Exported graph (Tribuo 4.3.2 {@code LinearSGDModel} regression): input {@code "input"} FLOAT
 * {@code [batch, 6]} → {@code Gemm(input, linear_sgd_weights_0 [6, 1], linear_sgd_bias_0 [1])} → {@code Identity}
 * → output {@code "output"} FLOAT {@code [batch, 1]}; opset 13.
 */
public final class ModelTrainer
{
    /** Share of rows, from the end, held out for evaluation. */
    public static final int HOLDOUT_PERCENT = 20;
    /** Fewest rows accepted. */
    public static final int MIN_ROWS = 20;
    /** SGD epochs. */
    public static final int EPOCHS = 25;
    /** AdaGrad initial learning rate. */
    public static final double LEARNING_RATE = 0.1;
    /** AdaGrad epsilon. */
    public static final double ADAGRAD_EPSILON = 0.1;
    /** Shuffling seed. */
    public static final long SEED = 20_240_601L;
    /** ONNX model domain written into the file. */
    public static final String ONNX_DOMAIN = "io.meridian";
    /** Name of the regression output dimension inside Tribuo. */
    public static final String LABEL_NAME = "label";

    private static final int MINIBATCH = 1;
    private static final int NO_PROGRESS_LOGGING = Integer.MAX_VALUE;
    private static final long ONNX_MODEL_VERSION = 1;

    private ModelTrainer()
    {
    }

    /**
     * Trains, exports and writes the manifest, stamping the manifest's {@code createdAt} with the current UTC time.
     *
     * @param features one row per example, each {@link FeatureSchema#COUNT} long, in engine feature order.
     * @param labels one label per row, in the unit {@code labelDescription} names.
     * @param trainingDataHash SHA-256 identifying the training data, recorded in the manifest (see
     *                         {@link #hashTrainingData}).
     * @param outModel the {@code .onnx} file to write; the manifest is written beside it.
     * @param labelDescription what the label is, e.g. "forward mid return over 20 ticks, bps".
     * @return the metrics, the written files and the trained model.
     * @throws IOException if the files cannot be written.
     */
    public static TrainResult train(
        final double[][] features,
        final double[] labels,
        final String trainingDataHash,
        final Path outModel,
        final String labelDescription) throws IOException
    {
        return train(features, labels, trainingDataHash, outModel, labelDescription,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * Trains, exports and writes the manifest with a caller-chosen {@code createdAt}, so that a fixed input
     * regenerates byte-identical files.
     *
     * @param features one row per example, each {@link FeatureSchema#COUNT} long, in engine feature order.
     * @param labels one label per row.
     * @param trainingDataHash SHA-256 identifying the training data, 64 lowercase hex digits.
     * @param outModel the {@code .onnx} file to write; the manifest is written beside it.
     * @param labelDescription what the label is, with units.
     * @param createdAt free text recorded in the manifest, e.g. a timestamp or a run id.
     * @return the metrics, the written files and the trained model.
     * @throws IOException if the files cannot be written.
     */
    public static TrainResult train(
        final double[][] features,
        final double[] labels,
        final String trainingDataHash,
        final Path outModel,
        final String labelDescription,
        final String createdAt) throws IOException
    {
        return train(features, labels, trainingDataHash, outModel, labelDescription, createdAt, FeatureSchema.names(),
            FeatureSchema.hash());
    }

    /**
     * Trains on a configured feature vector ({@code FeatureSchema.names(config)}: the base features, then the
     * configured tick features and bar-indicator outputs), so the manifest pins exactly those names and their hash.
     *
     * @param features one row per example, each {@code names.length} long, in engine feature order.
     * @param labels one label per row.
     * @param trainingDataHash SHA-256 identifying the training data, 64 lowercase hex digits.
     * @param outModel the {@code .onnx} file to write; the manifest is written beside it.
     * @param labelDescription what the label is, with units.
     * @param createdAt free text recorded in the manifest, e.g. a timestamp or a run id.
     * @param names the feature names in vector order ({@code FeatureSchema.names(config)}).
     * @param schemaHash their hash ({@code FeatureSchema.hash(config)}).
     * @return the metrics, the written files and the trained model.
     * @throws IOException if the files cannot be written.
     */
    public static TrainResult train(
        final double[][] features,
        final double[] labels,
        final String trainingDataHash,
        final Path outModel,
        final String labelDescription,
        final String createdAt,
        final String[] names,
        final String schemaHash) throws IOException
    {
        checkData(features, labels, names);
        if (!trainingDataHash.matches("[0-9a-f]{64}"))
        {
            throw new IllegalArgumentException("training data hash must be 64 lowercase hex digits (SHA-256), got '" +
                trainingDataHash + "'");
        }
        final Path fileName = outModel.getFileName();
        if (fileName == null || !fileName.toString().endsWith(ModelFiles.MODEL_SUFFIX))
        {
            throw new IllegalArgumentException("model file " + outModel + " must end in " + ModelFiles.MODEL_SUFFIX);
        }
        final int rows = features.length;
        final int holdoutRows = Math.max(1, rows * HOLDOUT_PERCENT / 100);
        final int trainRows = rows - holdoutRows;

        final RegressionFactory factory = new RegressionFactory();
        final MutableDataset<Regressor> dataset = new MutableDataset<>(
            new SimpleDataSourceProvenance("meridian feature rows", factory), factory);
        for (int r = 0; r < trainRows; r++)
        {
            dataset.add(new ArrayExample<>(new Regressor(LABEL_NAME, labels[r]), names, features[r]));
        }
        final LinearSGDTrainer trainer = new LinearSGDTrainer(
            new SquaredLoss(), new AdaGrad(LEARNING_RATE, ADAGRAD_EPSILON), EPOCHS, NO_PROGRESS_LOGGING, MINIBATCH,
            SEED);
        final LinearSGDModel model = trainer.train(dataset);
        checkFeatureOrder(model.getFeatureIDMap(), names);

        final DenseMatrix parameters = model.getWeightsCopy();
        final double[] weights = new double[names.length];
        for (int i = 0; i < weights.length; i++)
        {
            weights[i] = parameters.get(0, i);
        }
        final double bias = parameters.get(0, names.length);

        final TrainResult.Evaluation evaluation = evaluate(model, names, features, labels, trainRows);
        final String trainerDescription = "Tribuo 4.3.2 LinearSGDTrainer(objective=SquaredLoss, optimiser=AdaGrad(" +
            "initialLearningRate=" + LEARNING_RATE + ", epsilon=" + ADAGRAD_EPSILON + "), epochs=" + EPOCHS +
            ", minibatchSize=" + MINIBATCH + ", seed=" + SEED + "), fitted on the first " + trainRows + " of " +
            rows + " rows";
        final String evaluationText = String.format(Locale.ROOT, "held-out tail: rows=%d rmse=%.6f r2=%.6f",
            holdoutRows, evaluation.rmse(), evaluation.r2());

        final byte[] onnx = onnxBytes(model, names, schemaHash, trainingDataHash, labelDescription);
        final Path parent = outModel.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.write(outModel, onnx);
        final ModelManifest manifest = new ModelManifest(
            ModelManifest.FORMAT_VERSION,
            fileName.toString(),
            ModelFiles.sha256Hex(onnx),
            List.of(names),
            schemaHash,
            trainingDataHash,
            trainRows,
            labelDescription,
            trainerDescription,
            createdAt,
            evaluationText);
        final Path manifestPath = ModelFiles.manifestPath(outModel);
        Files.write(manifestPath, manifest.toYaml().getBytes(StandardCharsets.UTF_8));
        return new TrainResult(model, names, rows, trainRows, holdoutRows, evaluation, weights, bias, outModel,
            manifestPath, manifest);
    }

    /**
     * The training-data hash the manifest records: SHA-256 over, for each row in order, the row's features then its
     * label, each as an IEEE-754 double in little-endian byte order (rows of the base vector or of a configured one).
     *
     * @param features the feature rows.
     * @param labels the labels.
     * @return 64 lowercase hex digits.
     */
    public static String hashTrainingData(final double[][] features, final double[] labels)
    {
        checkData(features, labels, null);
        final MessageDigest digest;
        try
        {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 missing from the JDK", ex);
        }
        final ByteBuffer row = ByteBuffer.allocate((features[0].length + 1) * Double.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < features.length; r++)
        {
            row.clear();
            for (int i = 0; i < features[0].length; i++)
            {
                row.putDouble(features[r][i]);
            }
            row.putDouble(labels[r]);
            digest.update(row.array());
        }
        final byte[] hash = digest.digest();
        final StringBuilder hex = new StringBuilder(hash.length * 2);
        for (final byte b : hash)
        {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** Checks rows and labels; {@code expected} null means the width of the first row (at least the base vector). */
    private static void checkData(final double[][] features, final double[] labels, final String[] expected)
    {
        if (features.length != labels.length)
        {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (features.length < MIN_ROWS)
        {
            throw new IllegalArgumentException("need at least " + MIN_ROWS + " rows to train, got " +
                features.length);
        }
        final String[] names = expected != null ? expected
            : features[0].length > FeatureSchema.COUNT ? null : FeatureSchema.names();
        final int width = names == null ? features[0].length : names.length;
        for (int r = 0; r < features.length; r++)
        {
            if (features[r].length != width)
            {
                throw new IllegalArgumentException("row " + r + " has " + features[r].length + " features; the " +
                    "engine's feature vector has " + width + (names == null ? "" : " " + Arrays.toString(names)));
            }
            for (int i = 0; i < width; i++)
            {
                if (!Double.isFinite(features[r][i]))
                {
                    throw new IllegalArgumentException("row " + r + " feature " + i + " '" +
                        (names == null ? "f" + i : names[i]) + "' is " +
                        features[r][i]);
                }
            }
            if (!Double.isFinite(labels[r]))
            {
                throw new IllegalArgumentException("row " + r + " label is " + labels[r]);
            }
        }
    }

    private static void checkFeatureOrder(final ImmutableFeatureMap featureMap, final String[] names)
    {
        if (featureMap.size() != names.length)
        {
            throw new IllegalStateException("Tribuo saw " + featureMap.size() + " features but the engine has " +
                names.length + " " + Arrays.toString(names));
        }
        for (int i = 0; i < names.length; i++)
        {
            final int id = featureMap.getID(names[i]);
            if (id != i)
            {
                throw new IllegalStateException("Tribuo numbered feature '" + names[i] + "' " + id + " but it is " +
                    "engine feature " + i + "; names must sort in vector order");
            }
        }
    }

    private static TrainResult.Evaluation evaluate(
        final LinearSGDModel model, final String[] names, final double[][] features, final double[] labels,
        final int from)
    {
        double mean = 0.0;
        for (int r = from; r < labels.length; r++)
        {
            mean += labels[r];
        }
        final int count = labels.length - from;
        mean /= count;
        double residualSquares = 0.0;
        double totalSquares = 0.0;
        for (int r = from; r < labels.length; r++)
        {
            final double predicted = predict(model, names, features[r]);
            residualSquares += (labels[r] - predicted) * (labels[r] - predicted);
            totalSquares += (labels[r] - mean) * (labels[r] - mean);
        }
        final double rmse = Math.sqrt(residualSquares / count);
        final double r2 = totalSquares == 0.0 ? Double.NaN : 1.0 - residualSquares / totalSquares;
        return new TrainResult.Evaluation(count, rmse, r2);
    }

    static double predict(final LinearSGDModel model, final String[] names, final double[] features)
    {
        if (features.length != names.length)
        {
            throw new IllegalArgumentException("feature vector has " + features.length + " values; expected " +
                names.length);
        }
        return model.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, features))
            .getOutput().getValues()[0];
    }

    private static byte[] onnxBytes(
        final LinearSGDModel model, final String[] names, final String schemaHash, final String trainingDataHash,
        final String label)
    {
        final OnnxMl.ModelProto exported = model.exportONNXModel(ONNX_DOMAIN, ONNX_MODEL_VERSION);
        // Tribuo's doc string and provenance metadata carry timestamps, JVM and OS details: replace them so the same
        // data always gives the same bytes (the manifest records how the model was made).
        return exported.toBuilder()
            .clearMetadataProps()
            .setDocString("Meridian linear scoring model (Tribuo LinearSGDModel regression)")
            .addMetadataProps(entry("meridian.features", String.join(",", names)))
            .addMetadataProps(entry("meridian.featureSchemaHash", schemaHash))
            .addMetadataProps(entry("meridian.trainingDataHash", trainingDataHash))
            .addMetadataProps(entry("meridian.label", label))
            .build()
            .toByteArray();
    }

    private static OnnxMl.StringStringEntryProto entry(final String key, final String value)
    {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
