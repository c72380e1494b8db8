package io.meridian.engine.model;

import java.util.Arrays;
import java.util.List;

/**
 * A single-output linear model {@code score = weights . features + bias}, extracted from an ONNX graph so that the
 * pure-Java scorer evaluates exactly the file that ONNX Runtime would.
 *
 * <p>Recognised graphs: one runtime input {@code [batch, n]} and one output, connected by a chain of
 * <ul>
 *   <li>{@code Gemm(input, W, C)} with {@code transA = 0}, {@code W} of shape {@code [n, 1]} ({@code transB = 0}) or
 *       {@code [1, n]} ({@code transB = 1}), optional {@code C} with one value, any {@code alpha} and {@code beta} —
 *       the form Tribuo 4.3's {@code LinearSGDModel} regression export writes (followed by an {@code Identity});</li>
 *   <li>{@code MatMul(input, W)} with {@code W} of shape {@code [n, 1]} or {@code [n]}, optionally followed by
 *       {@code Add} of a one-value initializer (either operand order);</li>
 *   <li>any number of {@code Identity} nodes anywhere in the chain.</li>
 * </ul>
 * Anything else is refused with {@link UnsupportedModelException} naming the operator and node.
 */
public final class LinearModel
{
    private static final String SUPPORTED = "the pure-Java scorer supports one chain of Gemm, or MatMul with an " +
        "optional Add of a one-value bias, plus Identity nodes";

    private final String source;
    private final String inputName;
    private final String outputName;
    private final double[] weights;
    private final double bias;

    /**
     * Creates a model from known coefficients.
     *
     * @param source a name for messages, e.g. the model file name.
     * @param inputName the ONNX input name, informational.
     * @param outputName the ONNX output name, informational.
     * @param weights one weight per feature, in feature order.
     * @param bias the intercept.
     */
    public LinearModel(
        final String source, final String inputName, final String outputName, final double[] weights,
        final double bias)
    {
        this.source = source;
        this.inputName = inputName;
        this.outputName = outputName;
        this.weights = weights.clone();
        this.bias = bias;
        for (int i = 0; i < weights.length; i++)
        {
            if (!Double.isFinite(weights[i]))
            {
                throw new UnsupportedModelException("model " + source + ": weight " + i + " is " + weights[i]);
            }
        }
        if (!Double.isFinite(bias))
        {
            throw new UnsupportedModelException("model " + source + ": bias is " + bias);
        }
    }

    /**
     * Extracts the linear model from a parsed ONNX graph.
     *
     * @param graph the graph.
     * @param featureCount the engine's feature count; the model's input width must equal it.
     * @return the model.
     * @throws UnsupportedModelException if the graph is not one of the recognised linear forms or has the wrong width.
     */
    public static LinearModel fromGraph(final OnnxGraph graph, final int featureCount)
    {
        final String source = graph.source();
        final List<OnnxGraph.ValueInfo> inputs = graph.runtimeInputs();
        if (inputs.size() != 1)
        {
            throw unsupported(source, "expected one graph input, found " + inputs.size() + " " + inputs);
        }
        if (graph.outputs().size() != 1)
        {
            throw unsupported(source, "expected one graph output, found " + graph.outputs().size() + " " +
                graph.outputs());
        }
        final OnnxGraph.ValueInfo input = inputs.get(0);
        checkInputShape(source, input, featureCount);
        final String outputName = graph.outputs().get(0).name();

        String current = input.name();
        double[] weights = null;
        double bias = 0.0;
        for (final OnnxGraph.Node node : graph.nodes())
        {
            if (!node.domain().isEmpty() && !"ai.onnx".equals(node.domain()))
            {
                throw unsupported(source, "op " + node.opType() + " of domain '" + node.domain() + "' (node '" +
                    node.name() + "')");
            }
            if (!node.inputs().contains(current))
            {
                throw unsupported(source, "node " + node + " does not consume '" + current + "'; " + SUPPORTED);
            }
            if (node.outputs().size() != 1)
            {
                throw unsupported(source, "node " + node + " has " + node.outputs().size() + " outputs");
            }
            switch (node.opType())
            {
                case "Identity":
                    break;
                case "Gemm":
                    requireFirstOperand(source, node, current, weights);
                    weights = gemmWeights(graph, node, featureCount);
                    bias = gemmBias(graph, node);
                    break;
                case "MatMul":
                    requireFirstOperand(source, node, current, weights);
                    weights = matMulWeights(graph, node, featureCount);
                    break;
                case "Add":
                    if (weights == null)
                    {
                        throw unsupported(source, "op Add (node '" + node.name() + "') before the weights; " +
                            SUPPORTED);
                    }
                    bias += addBias(graph, node, current);
                    break;
                default:
                    throw unsupported(source, "op " + node.opType() + " (node '" + node.name() + "'); " + SUPPORTED);
            }
            current = node.outputs().get(0);
        }
        if (weights == null)
        {
            throw unsupported(source, "no Gemm or MatMul node; " + SUPPORTED);
        }
        if (!current.equals(outputName))
        {
            throw unsupported(source, "the chain ends in '" + current + "' but the graph output is '" + outputName +
                "'");
        }
        return new LinearModel(source, input.name(), outputName, weights, bias);
    }

    private static void checkInputShape(final String source, final OnnxGraph.ValueInfo input, final int featureCount)
    {
        final long[] dims = input.dims();
        if (dims.length != 2)
        {
            throw unsupported(source, "input '" + input.name() + "' has shape " +
                OnnxGraph.shapeText(dims, input.dimParams()) + "; expected [batch, " + featureCount + "]");
        }
        if (dims[1] != OnnxGraph.UNKNOWN_DIM && dims[1] != featureCount)
        {
            throw unsupported(source, "input '" + input.name() + "' has shape " +
                OnnxGraph.shapeText(dims, input.dimParams()) + " but the engine's feature vector has " +
                featureCount + " features");
        }
    }

    private static void requireFirstOperand(
        final String source, final OnnxGraph.Node node, final String current, final double[] weights)
    {
        if (weights != null)
        {
            throw unsupported(source, "a second weight node " + node + "; " + SUPPORTED);
        }
        if (!node.inputs().get(0).equals(current))
        {
            throw unsupported(source, "node " + node + " must take '" + current + "' as its first operand");
        }
    }

    private static double[] gemmWeights(final OnnxGraph graph, final OnnxGraph.Node node, final int featureCount)
    {
        final String source = graph.source();
        if (node.intAttribute("transA", 0) != 0)
        {
            throw unsupported(source, "op Gemm (node '" + node.name() + "') with transA=1");
        }
        if (node.inputs().size() < 2)
        {
            throw unsupported(source, "op Gemm (node '" + node.name() + "') without a B operand");
        }
        final boolean transB = node.intAttribute("transB", 0) != 0;
        final OnnxGraph.Initializer b = numericInitializer(graph, node, node.inputs().get(1));
        final long[] dims = b.dims();
        final long[] expected = transB ? new long[] {1, featureCount} : new long[] {featureCount, 1};
        if (!Arrays.equals(dims, expected))
        {
            throw unsupported(source, "Gemm weights '" + b.name() + "' have shape " + Arrays.toString(dims) +
                "; expected " + Arrays.toString(expected) + " (transB=" + (transB ? 1 : 0) + ") for a " +
                featureCount + "-feature single-output model");
        }
        // one row or one column: in either layout value i multiplies feature i
        final double alpha = node.floatAttribute("alpha", 1.0f);
        final double[] weights = b.values();
        for (int i = 0; i < weights.length; i++)
        {
            weights[i] *= alpha;
        }
        return weights;
    }

    private static double gemmBias(final OnnxGraph graph, final OnnxGraph.Node node)
    {
        if (node.inputs().size() < 3 || node.inputs().get(2).isEmpty())
        {
            return 0.0;
        }
        final OnnxGraph.Initializer c = numericInitializer(graph, node, node.inputs().get(2));
        if (c.size() != 1)
        {
            throw unsupported(graph.source(), "Gemm bias '" + c.name() + "' has shape " +
                Arrays.toString(c.dims()) + "; a single-output model needs one value");
        }
        return node.floatAttribute("beta", 1.0f) * c.values()[0];
    }

    private static double[] matMulWeights(final OnnxGraph graph, final OnnxGraph.Node node, final int featureCount)
    {
        if (node.inputs().size() != 2)
        {
            throw unsupported(graph.source(), "op MatMul (node '" + node.name() + "') with " + node.inputs().size() +
                " inputs");
        }
        final OnnxGraph.Initializer w = numericInitializer(graph, node, node.inputs().get(1));
        final long[] dims = w.dims();
        final boolean column = dims.length == 2 && dims[0] == featureCount && dims[1] == 1;
        final boolean vector = dims.length == 1 && dims[0] == featureCount;
        if (!column && !vector)
        {
            throw unsupported(graph.source(), "MatMul weights '" + w.name() + "' have shape " +
                Arrays.toString(dims) + "; expected [" + featureCount + ", 1] or [" + featureCount + "]");
        }
        return w.values();
    }

    private static double addBias(final OnnxGraph graph, final OnnxGraph.Node node, final String current)
    {
        if (node.inputs().size() != 2)
        {
            throw unsupported(graph.source(), "op Add (node '" + node.name() + "') with " + node.inputs().size() +
                " inputs");
        }
        final String other = node.inputs().get(0).equals(current) ? node.inputs().get(1) : node.inputs().get(0);
        final OnnxGraph.Initializer c = numericInitializer(graph, node, other);
        if (c.size() != 1)
        {
            throw unsupported(graph.source(), "Add operand '" + c.name() + "' has shape " +
                Arrays.toString(c.dims()) + "; a single-output model needs one value");
        }
        return c.values()[0];
    }

    private static OnnxGraph.Initializer numericInitializer(
        final OnnxGraph graph, final OnnxGraph.Node node, final String name)
    {
        final OnnxGraph.Initializer initializer = graph.initializer(name);
        if (initializer == null)
        {
            throw unsupported(graph.source(), "operand '" + name + "' of node " + node +
                " is not an initializer (a constant stored in the model)");
        }
        if (!initializer.numeric())
        {
            throw unsupported(graph.source(), "initializer '" + name + "' has data type " + initializer.dataType() +
                "; only FLOAT (1) and DOUBLE (11) are supported");
        }
        return initializer;
    }

    private static UnsupportedModelException unsupported(final String source, final String what)
    {
        return new UnsupportedModelException("unsupported ONNX graph in " + source + ": " + what);
    }

    /**
     * The file the model came from, for messages.
     *
     * @return the source name.
     */
    public String source()
    {
        return source;
    }

    /**
     * The ONNX input name.
     *
     * @return the input name.
     */
    public String inputName()
    {
        return inputName;
    }

    /**
     * The ONNX output name.
     *
     * @return the output name.
     */
    public String outputName()
    {
        return outputName;
    }

    /**
     * The weights in feature order.
     *
     * @return a copy of the weights.
     */
    public double[] weights()
    {
        return weights.clone();
    }

    /**
     * Number of features.
     *
     * @return the weight count.
     */
    public int featureCount()
    {
        return weights.length;
    }

    /**
     * The intercept.
     *
     * @return the bias.
     */
    public double bias()
    {
        return bias;
    }

    @Override
    public String toString()
    {
        return "LinearModel(" + source + ", weights=" + Arrays.toString(weights) + ", bias=" + bias + ")";
    }
}
