package io.meridian.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hand-built ONNX models (field numbers from onnx.proto) for exercising the reader, the linear-graph recogniser and
 * ONNX Runtime on graph forms other than the one Tribuo writes.
 */
final class OnnxTestModels
{
    static final String INPUT = "features";
    static final String OUTPUT = "score";

    private OnnxTestModels()
    {
    }

    /** {@code Gemm(features, W, C)} with the given attributes; W is [n, 1] or, with transB, [1, n]. */
    static byte[] gemm(final float[] w, final float bias, final boolean transB, final float alpha, final float beta)
    {
        final long[] wDims = transB ? new long[] {1, w.length} : new long[] {w.length, 1};
        final ProtoWriter node = new ProtoWriter()
            .string(1, INPUT).string(1, "W").string(1, "C")
            .string(2, OUTPUT)
            .string(3, "gemm")
            .string(4, "Gemm")
            .message(5, floatAttribute("alpha", alpha))
            .message(5, floatAttribute("beta", beta))
            .message(5, intAttribute("transB", transB ? 1 : 0));
        final ProtoWriter graph = new ProtoWriter()
            .message(1, node)
            .string(2, "gemm-graph")
            .message(5, floatDataTensor("W", wDims, w))
            .message(5, floatDataTensor("C", new long[] {1}, new float[] {bias}))
            .message(11, valueInfo(INPUT, w.length))
            .message(12, valueInfo(OUTPUT, 1));
        return model(graph);
    }

    /** {@code MatMul(features, W)} then {@code Add} of a one-value bias, operands in the given order; raw_data. */
    static byte[] matMulAdd(final float[] w, final float bias, final boolean biasFirst)
    {
        final ProtoWriter matMul = new ProtoWriter()
            .string(1, INPUT).string(1, "W")
            .string(2, "product")
            .string(3, "matmul")
            .string(4, "MatMul");
        final ProtoWriter add = new ProtoWriter()
            .string(1, biasFirst ? "B" : "product").string(1, biasFirst ? "product" : "B")
            .string(2, "sum")
            .string(3, "add")
            .string(4, "Add");
        final ProtoWriter identity = new ProtoWriter()
            .string(1, "sum")
            .string(2, OUTPUT)
            .string(3, "identity")
            .string(4, "Identity");
        final ProtoWriter graph = new ProtoWriter()
            .message(1, matMul)
            .message(1, add)
            .message(1, identity)
            .message(5, rawTensor("W", new long[] {w.length, 1}, w))
            .message(5, rawTensor("B", new long[] {1}, new float[] {bias}))
            .message(11, valueInfo(INPUT, w.length))
            .message(12, valueInfo(OUTPUT, 1));
        return model(graph);
    }

    /** The linear Gemm graph with one more node of the given op after it. */
    static byte[] gemmThen(final String opType, final int features)
    {
        final float[] w = new float[features];
        final ProtoWriter gemm = new ProtoWriter()
            .string(1, INPUT).string(1, "W").string(1, "C")
            .string(2, "linear")
            .string(3, "gemm")
            .string(4, "Gemm");
        final ProtoWriter extra = new ProtoWriter()
            .string(1, "linear")
            .string(2, OUTPUT)
            .string(3, "extra")
            .string(4, opType);
        final ProtoWriter graph = new ProtoWriter()
            .message(1, gemm)
            .message(1, extra)
            .message(5, floatDataTensor("W", new long[] {features, 1}, w))
            .message(5, floatDataTensor("C", new long[] {1}, new float[] {0.0f}))
            .message(11, valueInfo(INPUT, features))
            .message(12, valueInfo(OUTPUT, 1));
        return model(graph);
    }

    static byte[] model(final ProtoWriter graph)
    {
        return new ProtoWriter()
            .varint(1, 7)
            .string(2, "meridian-test")
            .message(7, graph)
            .message(8, new ProtoWriter().string(1, "").varint(2, 13))
            .toByteArray();
    }

    static ProtoWriter valueInfo(final String name, final int width)
    {
        final ProtoWriter shape = new ProtoWriter()
            .message(1, new ProtoWriter().string(2, "batch"))
            .message(1, new ProtoWriter().varint(1, width));
        final ProtoWriter tensorType = new ProtoWriter().varint(1, OnnxGraph.FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter floatAttribute(final String name, final float value)
    {
        return new ProtoWriter().string(1, name).fixed32(2, Float.floatToIntBits(value)).varint(20, 1);
    }

    static ProtoWriter intAttribute(final String name, final long value)
    {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    /** FLOAT tensor with packed float_data and unpacked dims. */
    static ProtoWriter floatDataTensor(final String name, final long[] dims, final float[] values)
    {
        final ProtoWriter tensor = new ProtoWriter();
        for (final long dim : dims)
        {
            tensor.varint(1, dim);
        }
        final ByteBuffer packed = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (final float value : values)
        {
            packed.putFloat(value);
        }
        return tensor.varint(2, OnnxGraph.FLOAT).bytes(4, packed.array()).string(8, name);
    }

    /** FLOAT tensor with little-endian raw_data and packed dims. */
    static ProtoWriter rawTensor(final String name, final long[] dims, final float[] values)
    {
        final ProtoWriter packedDims = new ProtoWriter();
        for (final long dim : dims)
        {
            packedDims.rawVarint(dim);
        }
        final ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (final float value : values)
        {
            raw.putFloat(value);
        }
        return new ProtoWriter().bytes(1, packedDims.toByteArray()).varint(2, OnnxGraph.FLOAT).string(8, name)
            .bytes(9, raw.array());
    }

    /** DOUBLE tensor with unpacked double_data. */
    static ProtoWriter doubleDataTensor(final String name, final long[] dims, final double[] values)
    {
        final ProtoWriter tensor = new ProtoWriter();
        for (final long dim : dims)
        {
            tensor.varint(1, dim);
        }
        tensor.varint(2, OnnxGraph.DOUBLE);
        for (final double value : values)
        {
            tensor.fixed64(10, Double.doubleToLongBits(value));
        }
        return tensor.string(8, name);
    }
}
