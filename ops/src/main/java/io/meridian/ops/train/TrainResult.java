package io.meridian.ops.train;

import io.meridian.engine.model.ModelManifest;

import java.nio.file.Path;
import java.util.Locale;

import org.tribuo.regression.sgd.linear.LinearSGDModel;

/**
 * What {@link ModelTrainer#train} produced: row counts, held-out metrics, the fitted coefficients in engine feature
 * order, the files written, and the Tribuo model itself for parity checks.
 */
public final class TrainResult
{
    private final LinearSGDModel model;
    private final String[] featureNames;
    private final int rows;
    private final int trainRows;
    private final int holdoutRows;
    private final Evaluation holdout;
    private final double[] weights;
    private final double bias;
    private final Path modelPath;
    private final Path manifestPath;
    private final ModelManifest manifest;

    TrainResult(
        final LinearSGDModel model,
        final String[] featureNames,
        final int rows,
        final int trainRows,
        final int holdoutRows,
        final Evaluation holdout,
        final double[] weights,
        final double bias,
        final Path modelPath,
        final Path manifestPath,
        final ModelManifest manifest)
    {
        this.model = model;
        this.featureNames = featureNames.clone();
        this.rows = rows;
        this.trainRows = trainRows;
        this.holdoutRows = holdoutRows;
        this.holdout = holdout;
        this.weights = weights.clone();
        this.bias = bias;
        this.modelPath = modelPath;
        this.manifestPath = manifestPath;
        this.manifest = manifest;
    }

    /**
     * Scores one feature vector with Tribuo's own model (double precision), for parity checks against the exported
     * ONNX file.
     *
     * @param features a vector in engine feature order.
     * @return Tribuo's prediction.
     */
    public double predictWithTribuo(final double[] features)
    {
        return ModelTrainer.predict(model, featureNames, features);
    }

    /**
     * Rows given.
     *
     * @return all rows.
     */
    public int rows()
    {
        return rows;
    }

    /**
     * Rows fitted (the head).
     *
     * @return the training rows.
     */
    public int trainRows()
    {
        return trainRows;
    }

    /**
     * Rows held out (the tail).
     *
     * @return the held-out rows.
     */
    public int holdoutRows()
    {
        return holdoutRows;
    }

    /**
     * Root mean squared error on the held-out tail, in label units.
     *
     * @return the RMSE.
     */
    public double holdoutRmse()
    {
        return holdout.rmse();
    }

    /**
     * Coefficient of determination on the held-out tail.
     *
     * @return R², NaN when the held-out labels are constant.
     */
    public double holdoutR2()
    {
        return holdout.r2();
    }

    /**
     * Fitted weights in engine feature order (Tribuo's doubles, before the float narrowing of the ONNX export).
     *
     * @return a copy of the weights.
     */
    public double[] weights()
    {
        return weights.clone();
    }

    /**
     * Fitted intercept.
     *
     * @return the bias.
     */
    public double bias()
    {
        return bias;
    }

    /**
     * The ONNX file written.
     *
     * @return its path.
     */
    public Path modelPath()
    {
        return modelPath;
    }

    /**
     * The manifest written beside the model.
     *
     * @return its path.
     */
    public Path manifestPath()
    {
        return manifestPath;
    }

    /**
     * The manifest's content.
     *
     * @return the manifest.
     */
    public ModelManifest manifest()
    {
        return manifest;
    }

    /**
     * A one-line summary for the command line: rows, held-out metrics and the files written.
     *
     * @return the summary.
     */
    @Override
    public String toString()
    {
        return String.format(Locale.ROOT,
            "trained on %d rows (%d fitted, %d held out): held-out RMSE %.6f, R\u00b2 %.4f; wrote %s and %s",
            rows, trainRows, holdoutRows, holdout.rmse(), holdout.r2(), modelPath, manifestPath);
    }

    /**
     * Held-out metrics.
     *
     * @param rows rows evaluated.
     * @param rmse root mean squared error.
     * @param r2 coefficient of determination.
     */
    record Evaluation(int rows, double rmse, double r2)
    {
    }
}
