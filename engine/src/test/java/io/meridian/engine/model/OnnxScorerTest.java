package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

class OnnxScorerTest
{
    private static final byte[] SHIPPED = ModelFiles.read(Scorers.DEMO_MODEL);

    @Test
    void shouldReuseItsPinnedBuffersAcrossCalls()
    {
        final double[][] vectors = FeatureVectors.random(9, 50);
        final LinearScorer java = new LinearScorer(
            LinearModel.fromGraph(OnnxModelReader.read(SHIPPED, "demo-linear.onnx"), FeatureSchema.COUNT));
        try (OnnxScorer onnx = new OnnxScorer(SHIPPED, "demo-linear.onnx", FeatureSchema.COUNT))
        {
            // alternate vectors so a stale input or output buffer would show
            for (int round = 0; round < 3; round++)
            {
                for (final double[] x : vectors)
                {
                    assertEquals(java.score(x), onnx.score(x), 1e-5);
                }
            }
        }
    }

    @Test
    void shouldReportItsPerCallAllocation()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final double[] x = FeatureVectors.random(2, 1)[0];
        double sink = 0.0;
        try (OnnxScorer onnx = new OnnxScorer(SHIPPED, "demo-linear.onnx", FeatureSchema.COUNT))
        {
            for (int i = 0; i < 30_000; i++)
            {
                sink += onnx.score(x);
            }
            final int calls = 20_000;
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++)
            {
                sink += onnx.score(x);
            }
            final long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
            System.out.println("OnnxScorer allocation per call: " + perCall + " B (sink " + sink + ")");
            // measured with pinned input and output: ~0.5 KB per call; fresh tensors per call would be ~1.5 KB
            assertTrue(perCall < 1_024, "bytes per ONNX Runtime call " + perCall);
        }
    }

    @Test
    void shouldBeIdempotentOnClose()
    {
        final OnnxScorer onnx = new OnnxScorer(SHIPPED, "demo-linear.onnx", FeatureSchema.COUNT);
        assertEquals(Scorer.ONNX_RUNTIME, onnx.modelId());
        onnx.close();
        onnx.close();
    }

    @Test
    void shouldRefuseAModelWhoseInputWidthIsNotTheEngines()
    {
        final byte[] fiveWide = OnnxTestModels.gemmThen("Identity", 5);

        final UnsupportedModelException ex = assertThrows(UnsupportedModelException.class,
            () -> new OnnxScorer(fiveWide, "five.onnx", FeatureSchema.COUNT));

        assertEquals("model five.onnx: input 'features' is FLOAT [-1, 5]; expected FLOAT [batch, 6] (the engine's " +
            "feature vector has 6 features)", ex.getMessage());
    }

    @Test
    void shouldNameTheFileWhenOnnxRuntimeRejectsTheBytes()
    {
        final UnsupportedModelException ex = assertThrows(UnsupportedModelException.class,
            () -> new OnnxScorer(new byte[] {8, 7, 1, 2, 3}, "junk.onnx", FeatureSchema.COUNT));

        assertTrue(ex.getMessage().startsWith("ONNX Runtime cannot load model junk.onnx: "), ex.getMessage());
    }
}
