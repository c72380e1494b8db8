package io.meridian.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX {@code ModelProto} that Meridian reads (see {@link OnnxModelReader}): graph inputs and outputs
 * with their shapes, nodes in file order (ONNX requires topological order) with their inputs, outputs and scalar
 * attributes, and the FLOAT / DOUBLE initializers as doubles. Immutable; built once at start-up.
 *
 * <p>Over 500 lines: the graph and its four small value types (ValueInfo, Node, Attribute, Initializer) are one model.
 */
public final class OnnxGraph
{
    /** ONNX {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    /** ONNX {@code TensorProto.DataType.DOUBLE}. */
    public static final int DOUBLE = 11;
    /** A dimension whose size is symbolic ({@code dim_param}) or absent. */
    public static final long UNKNOWN_DIM = -1;

    private final String source;
    private final long irVersion;
    private final String producerName;
    private final long opsetVersion;
    private final List<ValueInfo> inputs;
    private final List<ValueInfo> outputs;
    private final List<Node> nodes;
    private final Map<String, Initializer> initializers;

    OnnxGraph(
        final String source,
        final long irVersion,
        final String producerName,
        final long opsetVersion,
        final List<ValueInfo> inputs,
        final List<ValueInfo> outputs,
        final List<Node> nodes,
        final List<Initializer> initializers)
    {
        this.source = source;
        this.irVersion = irVersion;
        this.producerName = producerName;
        this.opsetVersion = opsetVersion;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.nodes = List.copyOf(nodes);
        final Map<String, Initializer> byName = new LinkedHashMap<>();
        for (final Initializer initializer : initializers)
        {
            byName.put(initializer.name(), initializer);
        }
        this.initializers = Collections.unmodifiableMap(byName);
    }

    /**
     * The file or location the graph was read from, for messages.
     *
     * @return the source name.
     */
    public String source()
    {
        return source;
    }

    /**
     * The model's IR version.
     *
     * @return {@code ModelProto.ir_version}.
     */
    public long irVersion()
    {
        return irVersion;
    }

    /**
     * The tool that wrote the model.
     *
     * @return {@code ModelProto.producer_name}, empty if absent.
     */
    public String producerName()
    {
        return producerName;
    }

    /**
     * The operator set version of the default ONNX domain.
     *
     * @return the version, or 0 when the model imports no default-domain opset.
     */
    public long opsetVersion()
    {
        return opsetVersion;
    }

    /**
     * Graph inputs as declared. Older IR versions also list initializers here; see {@link #runtimeInputs()}.
     *
     * @return the inputs in file order.
     */
    public List<ValueInfo> inputs()
    {
        return inputs;
    }

    /**
     * Graph inputs that a caller must feed: declared inputs that are not initializers.
     *
     * @return the runtime inputs in file order.
     */
    public List<ValueInfo> runtimeInputs()
    {
        final List<ValueInfo> result = new ArrayList<>(inputs.size());
        for (final ValueInfo input : inputs)
        {
            if (!initializers.containsKey(input.name()))
            {
                result.add(input);
            }
        }
        return result;
    }

    /**
     * Graph outputs.
     *
     * @return the outputs in file order.
     */
    public List<ValueInfo> outputs()
    {
        return outputs;
    }

    /**
     * Nodes in file order.
     *
     * @return the nodes.
     */
    public List<Node> nodes()
    {
        return nodes;
    }

    /**
     * Initializers by name, in file order.
     *
     * @return the initializers.
     */
    public Map<String, Initializer> initializers()
    {
        return initializers;
    }

    /**
     * One initializer.
     *
     * @param name the tensor name.
     * @return the initializer, or {@code null} when the graph has none of that name.
     */
    public Initializer initializer(final String name)
    {
        return initializers.get(name);
    }

    /**
     * A graph input or output: name, element type and shape.
     */
    public static final class ValueInfo
    {
        private final String name;
        private final int elemType;
        private final long[] dims;
        private final String[] dimParams;

        ValueInfo(final String name, final int elemType, final long[] dims, final String[] dimParams)
        {
            this.name = name;
            this.elemType = elemType;
            this.dims = dims.clone();
            this.dimParams = dimParams.clone();
        }

        /**
         * Tensor name.
         *
         * @return the name.
         */
        public String name()
        {
            return name;
        }

        /**
         * Element type ({@link OnnxGraph#FLOAT}, {@link OnnxGraph#DOUBLE}, ...), 0 when not a tensor or unknown.
         *
         * @return the ONNX data type code.
         */
        public int elemType()
        {
            return elemType;
        }

        /**
         * Dimensions, {@link OnnxGraph#UNKNOWN_DIM} for symbolic ones.
         *
         * @return a copy of the dimensions; empty when the shape is absent.
         */
        public long[] dims()
        {
            return dims.clone();
        }

        /**
         * Symbolic dimension names, empty strings where the dimension is fixed.
         *
         * @return a copy of the names, parallel to {@link #dims()}.
         */
        public String[] dimParams()
        {
            return dimParams.clone();
        }

        @Override
        public String toString()
        {
            return name + " " + shapeText(dims, dimParams) + " elemType=" + elemType;
        }
    }

    /**
     * A graph node.
     */
    public static final class Node
    {
        private final String name;
        private final String opType;
        private final String domain;
        private final List<String> inputs;
        private final List<String> outputs;
        private final Map<String, Attribute> attributes;

        Node(
            final String name,
            final String opType,
            final String domain,
            final List<String> inputs,
            final List<String> outputs,
            final List<Attribute> attributes)
        {
            this.name = name;
            this.opType = opType;
            this.domain = domain;
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
            final Map<String, Attribute> byName = new LinkedHashMap<>();
            for (final Attribute attribute : attributes)
            {
                byName.put(attribute.name(), attribute);
            }
            this.attributes = Collections.unmodifiableMap(byName);
        }

        /**
         * Node name.
         *
         * @return the name, empty if absent.
         */
        public String name()
        {
            return name;
        }

        /**
         * Operator type, e.g. {@code Gemm}.
         *
         * @return the op type.
         */
        public String opType()
        {
            return opType;
        }

        /**
         * Operator domain; empty for the default ONNX domain.
         *
         * @return the domain.
         */
        public String domain()
        {
            return domain;
        }

        /**
         * Input tensor names; an empty string marks an omitted optional input.
         *
         * @return the inputs in order.
         */
        public List<String> inputs()
        {
            return inputs;
        }

        /**
         * Output tensor names.
         *
         * @return the outputs in order.
         */
        public List<String> outputs()
        {
            return outputs;
        }

        /**
         * Attributes by name.
         *
         * @return the attributes.
         */
        public Map<String, Attribute> attributes()
        {
            return attributes;
        }

        /**
         * An integer attribute.
         *
         * @param attributeName the attribute.
         * @param defaultValue the value when absent.
         * @return the value.
         */
        public long intAttribute(final String attributeName, final long defaultValue)
        {
            final Attribute attribute = attributes.get(attributeName);
            return attribute == null ? defaultValue : attribute.intValue();
        }

        /**
         * A float attribute.
         *
         * @param attributeName the attribute.
         * @param defaultValue the value when absent.
         * @return the value.
         */
        public float floatAttribute(final String attributeName, final float defaultValue)
        {
            final Attribute attribute = attributes.get(attributeName);
            return attribute == null ? defaultValue : attribute.floatValue();
        }

        @Override
        public String toString()
        {
            return opType + " '" + name + "' " + inputs + " -> " + outputs;
        }
    }

    /**
     * A node attribute; only the scalar forms ({@code f}, {@code i}, {@code s}) are kept.
     */
    public static final class Attribute
    {
        private final String name;
        private final int type;
        private final float floatValue;
        private final long intValue;
        private final String stringValue;

        Attribute(final String name, final int type, final float floatValue, final long intValue,
            final String stringValue)
        {
            this.name = name;
            this.type = type;
            this.floatValue = floatValue;
            this.intValue = intValue;
            this.stringValue = stringValue;
        }

        /**
         * Attribute name.
         *
         * @return the name.
         */
        public String name()
        {
            return name;
        }

        /**
         * ONNX {@code AttributeType} code (1 FLOAT, 2 INT, 3 STRING, ...); 0 if the file did not say.
         *
         * @return the type code.
         */
        public int type()
        {
            return type;
        }

        /**
         * The {@code f} field.
         *
         * @return the float value, 0 if absent.
         */
        public float floatValue()
        {
            return floatValue;
        }

        /**
         * The {@code i} field.
         *
         * @return the integer value, 0 if absent.
         */
        public long intValue()
        {
            return intValue;
        }

        /**
         * The {@code s} field as UTF-8.
         *
         * @return the string value, empty if absent.
         */
        public String stringValue()
        {
            return stringValue;
        }
    }

    /**
     * An initializer (a constant tensor stored in the graph). Values are kept for FLOAT and DOUBLE tensors only.
     */
    public static final class Initializer
    {
        private final String name;
        private final int dataType;
        private final long[] dims;
        private final double[] values;

        Initializer(final String name, final int dataType, final long[] dims, final double[] values)
        {
            this.name = name;
            this.dataType = dataType;
            this.dims = dims.clone();
            this.values = values.clone();
        }

        /**
         * Tensor name.
         *
         * @return the name.
         */
        public String name()
        {
            return name;
        }

        /**
         * ONNX data type code.
         *
         * @return {@link OnnxGraph#FLOAT}, {@link OnnxGraph#DOUBLE} or another code.
         */
        public int dataType()
        {
            return dataType;
        }

        /**
         * Whether {@link #values()} holds the tensor's values (FLOAT or DOUBLE tensors).
         *
         * @return true for FLOAT and DOUBLE tensors.
         */
        public boolean numeric()
        {
            return dataType == FLOAT || dataType == DOUBLE;
        }

        /**
         * Dimensions.
         *
         * @return a copy of the dimensions; empty for a scalar.
         */
        public long[] dims()
        {
            return dims.clone();
        }

        /**
         * Values in row-major order, widened to double (exactly, for FLOAT tensors).
         *
         * @return a copy of the values; empty for non-numeric tensors.
         */
        public double[] values()
        {
            return values.clone();
        }

        /**
         * Number of values held.
         *
         * @return the value count.
         */
        public int size()
        {
            return values.length;
        }

        @Override
        public String toString()
        {
            return name + " " + Arrays.toString(dims) + " dataType=" + dataType;
        }
    }

    static String shapeText(final long[] dims, final String[] dimParams)
    {
        final StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++)
        {
            if (i > 0)
            {
                text.append(", ");
            }
            if (dims[i] == UNKNOWN_DIM)
            {
                text.append(dimParams[i].isEmpty() ? "?" : dimParams[i]);
            }
            else
            {
                text.append(dims[i]);
            }
        }
        return text.append(']').toString();
    }
}
