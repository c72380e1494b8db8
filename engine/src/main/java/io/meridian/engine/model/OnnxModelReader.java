package io.meridian.engine.model;

import static io.meridian.engine.model.ProtobufCursor.FIXED32;
import static io.meridian.engine.model.ProtobufCursor.LENGTH_DELIMITED;
import static io.meridian.engine.model.ProtobufCursor.VARINT;

import io.meridian.engine.model.ProtobufCursor.DoubleList;
import io.meridian.engine.model.ProtobufCursor.LongList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small reader of the protobuf wire format for the parts of ONNX's {@code ModelProto} that Meridian needs: graph
 * inputs and outputs with shapes, nodes (op type, domain, inputs, outputs, scalar attributes) and FLOAT / DOUBLE
 * initializers ({@code float_data}, {@code double_data} or little-endian {@code raw_data}). Every other field is
 * skipped by wire type, so newer ONNX files parse as long as the fields above keep their numbers.
 *
 * <p>Field numbers are those of {@code onnx.proto} (IR version 3 and later). Malformed bytes throw
 * {@link OnnxFormatException} naming the source and the byte offset. Start-up only; allocates freely. The wire format
 * itself is {@link ProtobufCursor}'s.
 *
 * <p>Over 500 lines: one reader per ONNX message, kept beside the one table of field numbers they use.
 */
public final class OnnxModelReader
{
    // ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    // OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    // AttributeProto
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_F = 2;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_S = 4;
    private static final int ATTRIBUTE_TYPE = 20;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DOUBLE_DATA = 10;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int DATA_LOCATION_EXTERNAL = 1;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, TensorShapeProto.Dimension
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private OnnxModelReader()
    {
    }

    /**
     * Reads a model file.
     *
     * @param file the {@code .onnx} file.
     * @return the graph.
     * @throws IOException if the file cannot be read.
     * @throws OnnxFormatException if the bytes are not a well-formed ModelProto.
     */
    public static OnnxGraph read(final Path file) throws IOException
    {
        final Path fileName = file.getFileName();
        return read(Files.readAllBytes(file), fileName == null ? file.toString() : fileName.toString());
    }

    /**
     * Parses model bytes.
     *
     * @param bytes the serialized ModelProto.
     * @param source the file name or location, used in error messages.
     * @return the graph.
     * @throws OnnxFormatException if the bytes are not a well-formed ModelProto or have no graph.
     */
    public static OnnxGraph read(final byte[] bytes, final String source)
    {
        final ProtobufCursor cursor = new ProtobufCursor(bytes, source);
        final ModelBuilder model = new ModelBuilder();
        final int end = bytes.length;
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            switch (field)
            {
                case MODEL_IR_VERSION:
                    cursor.expect(wireType, VARINT, tagPos, "ModelProto.ir_version");
                    model.irVersion = cursor.varint(end);
                    break;
                case MODEL_PRODUCER_NAME:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "ModelProto.producer_name");
                    model.producerName = cursor.string(end);
                    break;
                case MODEL_GRAPH:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "ModelProto.graph");
                    if (model.graphSeen)
                    {
                        throw cursor.fail(tagPos, "ModelProto has more than one graph");
                    }
                    model.graphSeen = true;
                    readGraph(cursor, cursor.messageEnd(end), model);
                    break;
                case MODEL_OPSET_IMPORT:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "ModelProto.opset_import");
                    readOpset(cursor, cursor.messageEnd(end), model);
                    break;
                default:
                    cursor.skip(wireType, end, tagPos);
                    break;
            }
        }
        if (!model.graphSeen)
        {
            throw cursor.fail(end, "ModelProto has no graph (field 7)");
        }
        return new OnnxGraph(source, model.irVersion, model.producerName, model.opsetVersion, model.inputs,
            model.outputs, model.nodes, model.initializers);
    }

    private static void readOpset(final ProtobufCursor cursor, final int end, final ModelBuilder model)
    {
        String domain = "";
        long version = 0;
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == OPSET_DOMAIN)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "OperatorSetIdProto.domain");
                domain = cursor.string(end);
            }
            else if (field == OPSET_VERSION)
            {
                cursor.expect(wireType, VARINT, tagPos, "OperatorSetIdProto.version");
                version = cursor.varint(end);
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
        if (domain.isEmpty() || "ai.onnx".equals(domain))
        {
            model.opsetVersion = version;
        }
    }

    private static void readGraph(final ProtobufCursor cursor, final int end, final ModelBuilder model)
    {
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            switch (field)
            {
                case GRAPH_NODE:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "GraphProto.node");
                    model.nodes.add(readNode(cursor, cursor.messageEnd(end)));
                    break;
                case GRAPH_INITIALIZER:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "GraphProto.initializer");
                    model.initializers.add(readTensor(cursor, cursor.messageEnd(end)));
                    break;
                case GRAPH_INPUT:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "GraphProto.input");
                    model.inputs.add(readValueInfo(cursor, cursor.messageEnd(end)));
                    break;
                case GRAPH_OUTPUT:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "GraphProto.output");
                    model.outputs.add(readValueInfo(cursor, cursor.messageEnd(end)));
                    break;
                default:
                    cursor.skip(wireType, end, tagPos);
                    break;
            }
        }
    }

    private static OnnxGraph.Node readNode(final ProtobufCursor cursor, final int end)
    {
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final List<OnnxGraph.Attribute> attributes = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            switch (field)
            {
                case NODE_INPUT:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.input");
                    inputs.add(cursor.string(end));
                    break;
                case NODE_OUTPUT:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.output");
                    outputs.add(cursor.string(end));
                    break;
                case NODE_NAME:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.name");
                    name = cursor.string(end);
                    break;
                case NODE_OP_TYPE:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.op_type");
                    opType = cursor.string(end);
                    break;
                case NODE_ATTRIBUTE:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.attribute");
                    attributes.add(readAttribute(cursor, cursor.messageEnd(end)));
                    break;
                case NODE_DOMAIN:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "NodeProto.domain");
                    domain = cursor.string(end);
                    break;
                default:
                    cursor.skip(wireType, end, tagPos);
                    break;
            }
        }
        return new OnnxGraph.Node(name, opType, domain, inputs, outputs, attributes);
    }

    private static OnnxGraph.Attribute readAttribute(final ProtobufCursor cursor, final int end)
    {
        String name = "";
        int type = 0;
        float floatValue = 0.0f;
        long intValue = 0;
        String stringValue = "";
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            switch (field)
            {
                case ATTRIBUTE_NAME:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "AttributeProto.name");
                    name = cursor.string(end);
                    break;
                case ATTRIBUTE_F:
                    cursor.expect(wireType, FIXED32, tagPos, "AttributeProto.f");
                    floatValue = Float.intBitsToFloat(cursor.fixed32(end));
                    break;
                case ATTRIBUTE_I:
                    cursor.expect(wireType, VARINT, tagPos, "AttributeProto.i");
                    intValue = cursor.varint(end);
                    break;
                case ATTRIBUTE_S:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "AttributeProto.s");
                    stringValue = cursor.string(end);
                    break;
                case ATTRIBUTE_TYPE:
                    cursor.expect(wireType, VARINT, tagPos, "AttributeProto.type");
                    type = (int)cursor.varint(end);
                    break;
                default:
                    cursor.skip(wireType, end, tagPos);
                    break;
            }
        }
        return new OnnxGraph.Attribute(name, type, floatValue, intValue, stringValue);
    }

    private static OnnxGraph.Initializer readTensor(final ProtobufCursor cursor, final int end)
    {
        final int start = cursor.pos;
        final LongList dims = new LongList();
        final DoubleList floatData = new DoubleList();
        final DoubleList doubleData = new DoubleList();
        String name = "";
        int dataType = 0;
        int rawStart = -1;
        int rawLength = 0;
        boolean external = false;
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            switch (field)
            {
                case TENSOR_DIMS:
                    cursor.repeatedVarint(wireType, end, tagPos, dims, "TensorProto.dims");
                    break;
                case TENSOR_DATA_TYPE:
                    cursor.expect(wireType, VARINT, tagPos, "TensorProto.data_type");
                    dataType = (int)cursor.varint(end);
                    break;
                case TENSOR_FLOAT_DATA:
                    cursor.repeatedFixed(wireType, end, tagPos, floatData, false, "TensorProto.float_data");
                    break;
                case TENSOR_DOUBLE_DATA:
                    cursor.repeatedFixed(wireType, end, tagPos, doubleData, true, "TensorProto.double_data");
                    break;
                case TENSOR_NAME:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TensorProto.name");
                    name = cursor.string(end);
                    break;
                case TENSOR_RAW_DATA:
                    cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TensorProto.raw_data");
                    final int rawEnd = cursor.messageEnd(end);
                    rawStart = cursor.pos;
                    rawLength = rawEnd - rawStart;
                    cursor.pos = rawEnd;
                    break;
                case TENSOR_DATA_LOCATION:
                    cursor.expect(wireType, VARINT, tagPos, "TensorProto.data_location");
                    external = cursor.varint(end) == DATA_LOCATION_EXTERNAL;
                    break;
                default:
                    cursor.skip(wireType, end, tagPos);
                    break;
            }
        }
        final long[] shape = dims.toArray();
        if (dataType != OnnxGraph.FLOAT && dataType != OnnxGraph.DOUBLE)
        {
            return new OnnxGraph.Initializer(name, dataType, shape, new double[0]);
        }
        if (external)
        {
            throw cursor.fail(start, "initializer '" + name + "' keeps its data in an external file; not supported");
        }
        final double[] values;
        if (rawStart >= 0)
        {
            values = decodeRaw(cursor, rawStart, rawLength, dataType, name);
        }
        else
        {
            values = dataType == OnnxGraph.FLOAT ? floatData.toArray() : doubleData.toArray();
        }
        long expected = 1;
        for (final long dim : shape)
        {
            if (dim < 0)
            {
                throw cursor.fail(start, "initializer '" + name + "' has a negative dimension " +
                    Arrays.toString(shape));
            }
            if (dim > 0 && expected > Integer.MAX_VALUE / dim)
            {
                throw cursor.fail(start, "initializer '" + name + "' has dims " + Arrays.toString(shape) +
                    ", too many values");
            }
            expected *= dim;
        }
        if (expected != values.length)
        {
            throw cursor.fail(start, "initializer '" + name + "' has dims " + Arrays.toString(shape) + " (" + expected +
                " values) but holds " + values.length + " values");
        }
        return new OnnxGraph.Initializer(name, dataType, shape, values);
    }

    private static double[] decodeRaw(
        final ProtobufCursor cursor, final int rawStart, final int rawLength, final int dataType, final String name)
    {
        final int width = dataType == OnnxGraph.FLOAT ? Float.BYTES : Double.BYTES;
        if (rawLength % width != 0)
        {
            throw cursor.fail(rawStart, "raw_data of initializer '" + name + "' is " + rawLength +
                " bytes, not a multiple of " + width);
        }
        final double[] values = new double[rawLength / width];
        for (int i = 0; i < values.length; i++)
        {
            final int at = rawStart + i * width;
            values[i] = width == Float.BYTES ?
                Float.intBitsToFloat(cursor.littleEndianInt(at)) :
                Double.longBitsToDouble(cursor.littleEndianLong(at));
        }
        return values;
    }

    private static OnnxGraph.ValueInfo readValueInfo(final ProtobufCursor cursor, final int end)
    {
        final TypeBuilder type = new TypeBuilder();
        String name = "";
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == VALUE_INFO_NAME)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "ValueInfoProto.name");
                name = cursor.string(end);
            }
            else if (field == VALUE_INFO_TYPE)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "ValueInfoProto.type");
                readType(cursor, cursor.messageEnd(end), type);
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
        return new OnnxGraph.ValueInfo(name, type.elemType, type.dims.toArray(),
            type.dimParams.toArray(new String[0]));
    }

    private static void readType(final ProtobufCursor cursor, final int end, final TypeBuilder type)
    {
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == TYPE_TENSOR_TYPE)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TypeProto.tensor_type");
                readTensorType(cursor, cursor.messageEnd(end), type);
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
    }

    private static void readTensorType(final ProtobufCursor cursor, final int end, final TypeBuilder type)
    {
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == TENSOR_TYPE_ELEM_TYPE)
            {
                cursor.expect(wireType, VARINT, tagPos, "TypeProto.Tensor.elem_type");
                type.elemType = (int)cursor.varint(end);
            }
            else if (field == TENSOR_TYPE_SHAPE)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TypeProto.Tensor.shape");
                readShape(cursor, cursor.messageEnd(end), type);
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
    }

    private static void readShape(final ProtobufCursor cursor, final int end, final TypeBuilder type)
    {
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == SHAPE_DIM)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TensorShapeProto.dim");
                readDimension(cursor, cursor.messageEnd(end), type);
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
    }

    private static void readDimension(final ProtobufCursor cursor, final int end, final TypeBuilder type)
    {
        long value = OnnxGraph.UNKNOWN_DIM;
        String param = "";
        while (cursor.pos < end)
        {
            final int tagPos = cursor.pos;
            final long tag = cursor.tag(end);
            final int field = (int)(tag >>> 3);
            final int wireType = (int)(tag & 7);
            if (field == DIM_VALUE)
            {
                cursor.expect(wireType, VARINT, tagPos, "TensorShapeProto.Dimension.dim_value");
                value = cursor.varint(end);
            }
            else if (field == DIM_PARAM)
            {
                cursor.expect(wireType, LENGTH_DELIMITED, tagPos, "TensorShapeProto.Dimension.dim_param");
                param = cursor.string(end);
                value = OnnxGraph.UNKNOWN_DIM;
            }
            else
            {
                cursor.skip(wireType, end, tagPos);
            }
        }
        type.dims.add(value);
        type.dimParams.add(param);
    }

    private static final class ModelBuilder
    {
        private long irVersion;
        private String producerName = "";
        private long opsetVersion;
        private boolean graphSeen;
        private final List<OnnxGraph.ValueInfo> inputs = new ArrayList<>();
        private final List<OnnxGraph.ValueInfo> outputs = new ArrayList<>();
        private final List<OnnxGraph.Node> nodes = new ArrayList<>();
        private final List<OnnxGraph.Initializer> initializers = new ArrayList<>();
    }

    private static final class TypeBuilder
    {
        private int elemType;
        private final LongList dims = new LongList();
        private final List<String> dimParams = new ArrayList<>();
    }
}
