package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class OnnxModelReaderTest
{
    private static final byte[] SHIPPED = ModelFiles.read(Scorers.DEMO_MODEL);

    @Test
    void shouldReadTheGraphTribuoExportsFromTheShippedModel()
    {
        final OnnxGraph graph = OnnxModelReader.read(SHIPPED, "demo-linear.onnx");

        assertEquals("Tribuo", graph.producerName());
        assertEquals(13, graph.opsetVersion());
        assertEquals(1, graph.inputs().size());
        final OnnxGraph.ValueInfo input = graph.inputs().get(0);
        assertEquals("input", input.name());
        assertEquals(OnnxGraph.FLOAT, input.elemType());
        assertArrayEquals(new long[] {OnnxGraph.UNKNOWN_DIM, FeatureSchema.COUNT}, input.dims());
        assertArrayEquals(new String[] {"batch", ""}, input.dimParams());
        assertEquals(1, graph.outputs().size());
        assertEquals("output", graph.outputs().get(0).name());
        assertArrayEquals(new long[] {OnnxGraph.UNKNOWN_DIM, 1}, graph.outputs().get(0).dims());

        assertEquals(2, graph.nodes().size());
        final OnnxGraph.Node gemm = graph.nodes().get(0);
        assertEquals("Gemm", gemm.opType());
        assertEquals(List.of("input", "linear_sgd_weights_0", "linear_sgd_bias_0"), gemm.inputs());
        final OnnxGraph.Node identity = graph.nodes().get(1);
        assertEquals("Identity", identity.opType());
        assertEquals(gemm.outputs(), identity.inputs());
        assertEquals(List.of("output"), identity.outputs());

        final OnnxGraph.Initializer weights = graph.initializer("linear_sgd_weights_0");
        assertEquals(OnnxGraph.FLOAT, weights.dataType());
        assertArrayEquals(new long[] {FeatureSchema.COUNT, 1}, weights.dims());
        assertEquals(FeatureSchema.COUNT, weights.size());
        assertArrayEquals(new long[] {1}, graph.initializer("linear_sgd_bias_0").dims());
        assertEquals(List.of(input), graph.runtimeInputs());
    }

    @Test
    void shouldReadFloatDataRawDataAndDoubleDataInitializersAndPackedOrUnpackedDims()
    {
        final ProtoWriter graph = new ProtoWriter()
            .message(5, OnnxTestModels.floatDataTensor("f", new long[] {2, 2}, new float[] {1.5f, -2f, 0.25f, 8f}))
            .message(5, OnnxTestModels.rawTensor("r", new long[] {3}, new float[] {0.1f, 0.2f, 0.3f}))
            .message(5, OnnxTestModels.doubleDataTensor("d", new long[] {2}, new double[] {Math.PI, -1e-300}))
            .message(11, OnnxTestModels.valueInfo("x", 3))
            .message(11, OnnxTestModels.valueInfo("r", 3));

        final OnnxGraph parsed = OnnxModelReader.read(OnnxTestModels.model(graph), "tensors.onnx");

        assertArrayEquals(new long[] {2, 2}, parsed.initializer("f").dims());
        assertArrayEquals(new double[] {1.5, -2.0, 0.25, 8.0}, parsed.initializer("f").values());
        assertArrayEquals(new long[] {3}, parsed.initializer("r").dims());
        assertArrayEquals(new double[] {0.1f, 0.2f, 0.3f}, parsed.initializer("r").values());
        assertEquals(OnnxGraph.DOUBLE, parsed.initializer("d").dataType());
        assertArrayEquals(new double[] {Math.PI, -1e-300}, parsed.initializer("d").values());
        assertEquals(2, parsed.inputs().size());
        assertEquals(1, parsed.runtimeInputs().size(), "an input that is also an initializer is not fed");
        assertEquals("x", parsed.runtimeInputs().get(0).name());
    }

    @Test
    void shouldReadNodeAttributes()
    {
        final OnnxGraph graph = OnnxModelReader.read(
            OnnxTestModels.gemm(new float[] {1, 2, 3}, 0.5f, true, 2.5f, -1.0f), "gemm.onnx");

        final OnnxGraph.Node gemm = graph.nodes().get(0);
        assertEquals(2.5f, gemm.floatAttribute("alpha", 1.0f));
        assertEquals(-1.0f, gemm.floatAttribute("beta", 1.0f));
        assertEquals(1, gemm.intAttribute("transB", 0));
        assertEquals(0, gemm.intAttribute("transA", 0), "absent attributes take the default");
        assertEquals(2, gemm.attributes().get("transB").type());
    }

    @Test
    void shouldSkipUnknownFieldsOfEveryWireType()
    {
        final byte[] unknown = new ProtoWriter()
            .varint(99, 123_456_789L)
            .fixed64(98, Double.doubleToLongBits(2.0))
            .fixed32(97, 42)
            .string(96, "future field")
            .message(95, new ProtoWriter().varint(1, 1).string(2, "nested"))
            .toByteArray();
        final byte[] withUnknown = new byte[unknown.length + SHIPPED.length];
        System.arraycopy(unknown, 0, withUnknown, 0, unknown.length);
        System.arraycopy(SHIPPED, 0, withUnknown, unknown.length, SHIPPED.length);

        final OnnxGraph plain = OnnxModelReader.read(SHIPPED, "plain.onnx");
        final OnnxGraph padded = OnnxModelReader.read(withUnknown, "padded.onnx");

        assertEquals(plain.nodes().toString(), padded.nodes().toString());
        assertArrayEquals(plain.initializer("linear_sgd_weights_0").values(),
            padded.initializer("linear_sgd_weights_0").values());
    }

    @Test
    void shouldRejectTruncatedModelNamingFileAndOffset()
    {
        final byte[] truncated = Arrays.copyOf(SHIPPED, SHIPPED.length - 3);

        final OnnxFormatException ex = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(truncated, "demo-linear.onnx"));

        assertTrue(ex.getMessage().startsWith("malformed ONNX model demo-linear.onnx at byte "), ex.getMessage());
        assertEquals("demo-linear.onnx", ex.source());
        assertTrue(ex.offset() >= 0 && ex.offset() <= truncated.length, ex.getMessage());
    }

    @Test
    void shouldRejectLengthRunningPastTheEnd()
    {
        final byte[] bytes = new ProtoWriter().tag(7, 2).rawVarint(100).rawBytes(new byte[] {1, 2}).toByteArray();

        final OnnxFormatException ex = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(bytes, "short.onnx"));

        assertEquals(1, ex.offset());
        assertTrue(ex.getMessage().contains("length 100 runs past the end"), ex.getMessage());
    }

    @Test
    void shouldRejectOverlongVarint()
    {
        final byte[] bytes = new byte[12];
        Arrays.fill(bytes, (byte)0xFF);
        bytes[0] = 0x08;

        final OnnxFormatException ex = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(bytes, "varint.onnx"));

        assertEquals(1, ex.offset());
        assertTrue(ex.getMessage().contains("varint longer than 10 bytes"), ex.getMessage());
    }

    @Test
    void shouldRejectGroupsWrongWireTypesAndMissingGraph()
    {
        final OnnxFormatException group = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(new ProtoWriter().tag(3, 3).toByteArray(), "group.onnx"));
        assertTrue(group.getMessage().contains("groups"), group.getMessage());

        final OnnxFormatException wireType = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(new ProtoWriter().varint(7, 1).toByteArray(), "wire.onnx"));
        assertTrue(wireType.getMessage().contains("ModelProto.graph has wire type 0, expected 2"),
            wireType.getMessage());

        final OnnxFormatException noGraph = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(new ProtoWriter().varint(1, 7).toByteArray(), "empty.onnx"));
        assertTrue(noGraph.getMessage().contains("has no graph"), noGraph.getMessage());
    }

    @Test
    void shouldRejectInitializerWhoseValueCountDisagreesWithItsDims()
    {
        final ProtoWriter graph = new ProtoWriter()
            .message(5, OnnxTestModels.floatDataTensor("w", new long[] {6, 1}, new float[] {1, 2, 3, 4, 5}));

        final OnnxFormatException ex = assertThrows(OnnxFormatException.class,
            () -> OnnxModelReader.read(OnnxTestModels.model(graph), "count.onnx"));

        assertTrue(ex.getMessage().contains("initializer 'w' has dims [6, 1] (6 values) but holds 5 values"),
            ex.getMessage());
    }

    @Test
    void shouldFailOnlyWithOnnxFormatExceptionOnCorruptedBytes()
    {
        final Random random = new Random(11);
        int rejected = 0;
        for (int trial = 0; trial < 2_000; trial++)
        {
            final byte[] corrupted = SHIPPED.clone();
            final int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++)
            {
                corrupted[random.nextInt(corrupted.length)] = (byte)random.nextInt(256);
            }
            final byte[] bytes = random.nextBoolean() ? corrupted :
                Arrays.copyOf(corrupted, random.nextInt(corrupted.length));
            try
            {
                OnnxModelReader.read(bytes, "fuzz.onnx");
            }
            catch (final OnnxFormatException expected)
            {
                rejected++;
            }
        }
        assertTrue(rejected > 100, "corruption should usually be detected, rejected " + rejected);
    }
}
