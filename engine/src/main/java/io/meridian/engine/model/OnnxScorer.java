package io.meridian.engine.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Scores through ONNX Runtime: the one measured exception to zero allocation per event. The session runs with one
 * intra-op and one inter-op thread, sequential execution and spinning disabled, so it never competes with the
 * pipeline's one spinning thread. The input tensor is created once over a reused direct {@link FloatBuffer} of shape
 * {@code [1, n]}; the output tensor is pre-created over another direct buffer and passed as a pinned output, so a call
 * copies the features in as floats, runs, closes the {@code Result} (which owns nothing) and reads one float back. ONNX
 * Runtime's Java binding still allocates a few hundred bytes per run (measured ~370-450 B in steady state); the
 * pure-Java {@link LinearScorer} is the 0 B alternative for linear models.
 *
 * <p>Owned by the scoring stage's thread; not thread-safe. {@link #close()} releases the native session and tensors;
 * the process-wide {@link OrtEnvironment} is shared and left open.
 */
public final class OnnxScorer implements Scorer
{
    /** Session config key that stops intra-op worker threads spinning while idle. */
    public static final String INTRA_OP_SPINNING_KEY = "session.intra_op.allow_spinning";
    /** Session config key that stops inter-op worker threads spinning while idle. */
    public static final String INTER_OP_SPINNING_KEY = "session.inter_op.allow_spinning";

    private static final Set<String> NO_REQUESTED_OUTPUTS = Collections.emptySet();

    private final String source;
    private final int featureCount;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer outputBuffer;
    private final OnnxTensor inputTensor;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private boolean closed;

    /**
     * Loads the model into a new ONNX Runtime session.
     *
     * @param modelBytes the serialized ONNX model.
     * @param source the file name or location, for messages.
     * @param featureCount the engine's feature count; the model's input must be {@code [batch or 1, featureCount]}
     *                     FLOAT and its output one FLOAT value per row.
     * @throws UnsupportedModelException if ONNX Runtime rejects the model or its input or output does not fit.
     */
    public OnnxScorer(final byte[] modelBytes, final String source, final int featureCount)
    {
        this.source = source;
        this.featureCount = featureCount;
        final OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions createdOptions = null;
        OrtSession createdSession = null;
        OnnxTensor createdInput = null;
        OnnxTensor createdOutput = null;
        try
        {
            createdOptions = new OrtSession.SessionOptions();
            createdOptions.setIntraOpNumThreads(1);
            createdOptions.setInterOpNumThreads(1);
            createdOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            createdOptions.addConfigEntry(INTRA_OP_SPINNING_KEY, "0");
            createdOptions.addConfigEntry(INTER_OP_SPINNING_KEY, "0");
            createdSession = environment.createSession(modelBytes, createdOptions);

            final String inputName = single(createdSession.getInputInfo(), "input");
            final String outputName = single(createdSession.getOutputInfo(), "output");
            checkInput(createdSession.getInputInfo().get(inputName));
            final long[] outputShape = outputShape(createdSession.getOutputInfo().get(outputName));

            inputBuffer = ByteBuffer.allocateDirect(featureCount * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
            outputBuffer = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            createdInput = OnnxTensor.createTensor(environment, inputBuffer, new long[] {1, featureCount});
            createdOutput = OnnxTensor.createTensor(environment, outputBuffer, outputShape);
            // HashMap, not Map.of: ONNX Runtime iterates these per run and a HashMap's entry-set walk allocates
            // less (measured 368 B vs 416 B per call in steady state)
            inputs = new HashMap<>(2);
            inputs.put(inputName, createdInput);
            pinnedOutputs = new HashMap<>(2);
            pinnedOutputs.put(outputName, createdOutput);
        }
        catch (final OrtException | RuntimeException ex)
        {
            try
            {
                closeQuietly(createdOutput, createdInput, createdSession, createdOptions);
            }
            catch (final RuntimeException closeFailure)
            {
                ex.addSuppressed(closeFailure);
            }
            if (ex instanceof UnsupportedModelException)
            {
                throw (UnsupportedModelException)ex;
            }
            throw new UnsupportedModelException("ONNX Runtime cannot load model " + source + ": " + ex.getMessage(),
                ex);
        }
        options = createdOptions;
        session = createdSession;
        inputTensor = createdInput;
        outputTensor = createdOutput;
    }

    private String single(final Map<String, NodeInfo> infos, final String what)
    {
        if (infos.size() != 1)
        {
            throw new UnsupportedModelException("model " + source + " has " + infos.size() + " " + what + "s " +
                infos.keySet() + "; the scorer needs exactly one");
        }
        return infos.keySet().iterator().next();
    }

    private void checkInput(final NodeInfo info)
    {
        final TensorInfo tensor = tensorInfo(info, "input");
        final long[] shape = tensor.getShape();
        final boolean batchOk = shape.length == 2 && (shape[0] == -1 || shape[0] == 1);
        if (tensor.type != OnnxJavaType.FLOAT || !batchOk || shape[1] != featureCount)
        {
            throw new UnsupportedModelException("model " + source + ": input '" + info.getName() + "' is " +
                tensor.type + " " + Arrays.toString(shape) + "; expected FLOAT [batch, " + featureCount +
                "] (the engine's feature vector has " + featureCount + " features)");
        }
    }

    private long[] outputShape(final NodeInfo info)
    {
        final TensorInfo tensor = tensorInfo(info, "output");
        final long[] shape = tensor.getShape();
        long elements = 1;
        for (int i = 0; i < shape.length; i++)
        {
            if (shape[i] == -1 && i == 0)
            {
                shape[i] = 1;
            }
            elements *= shape[i];
        }
        if (tensor.type != OnnxJavaType.FLOAT || elements != 1)
        {
            throw new UnsupportedModelException("model " + source + ": output '" + info.getName() + "' is " +
                tensor.type + " " + Arrays.toString(tensor.getShape()) + "; expected one FLOAT score per row");
        }
        return shape;
    }

    private TensorInfo tensorInfo(final NodeInfo info, final String what)
    {
        final ValueInfo valueInfo = info.getInfo();
        if (!(valueInfo instanceof TensorInfo))
        {
            throw new UnsupportedModelException("model " + source + ": " + what + " '" + info.getName() +
                "' is not a tensor: " + valueInfo);
        }
        return (TensorInfo)valueInfo;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Features are narrowed to float, as the model's input is FLOAT.
     *
     * @throws IllegalStateException if ONNX Runtime fails (a bug or a broken native runtime, not a business outcome).
     */
    @Override
    public double score(final double[] features)
    {
        final FloatBuffer in = inputBuffer;
        for (int i = 0; i < featureCount; i++)
        {
            in.put(i, (float)features[i]);
        }
        try
        {
            final OrtSession.Result result = session.run(inputs, NO_REQUESTED_OUTPUTS, pinnedOutputs);
            result.close();
        }
        catch (final OrtException ex)
        {
            throw new IllegalStateException("ONNX Runtime failed scoring with model " + source, ex);
        }
        return outputBuffer.get(0);
    }

    @Override
    public int modelId()
    {
        return ONNX_RUNTIME;
    }

    /** Closes the session, the session options and both pinned tensors; idempotent. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            closeQuietly(outputTensor, inputTensor, session, options);
        }
    }

    private static void closeQuietly(final AutoCloseable... resources)
    {
        RuntimeException failure = null;
        for (final AutoCloseable resource : resources)
        {
            if (resource != null)
            {
                try
                {
                    resource.close();
                }
                catch (final Exception ex)
                {
                    if (failure == null)
                    {
                        failure = new IllegalStateException("closing ONNX Runtime resources failed", ex);
                    }
                    else
                    {
                        failure.addSuppressed(ex);
                    }
                }
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }
}
