package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;

import org.junit.jupiter.api.Test;

class LinearModelTest
{
    private static final float[] W = {0.5f, -1.25f, 0.0f, 2.0f, 0.75f, -0.125f};
    private static final int N = FeatureSchema.COUNT;

    @Test
    void shouldExtractWeightsAndBiasFromTheShippedTribuoGemmGraph()
    {
        final OnnxGraph graph = OnnxModelReader.read(ModelFiles.read(Scorers.DEMO_MODEL), "demo-linear.onnx");

        final LinearModel model = LinearModel.fromGraph(graph, N);

        assertArrayEquals(graph.initializer("linear_sgd_weights_0").values(), model.weights());
        assertEquals(graph.initializer("linear_sgd_bias_0").values()[0], model.bias());
        assertEquals("input", model.inputName());
        assertEquals("output", model.outputName());
    }

    @Test
    void shouldApplyGemmAlphaBetaAndTransB()
    {
        final LinearModel model = LinearModel.fromGraph(
            OnnxModelReader.read(OnnxTestModels.gemm(W, 0.5f, true, 2.0f, 3.0f), "gemm.onnx"), N);

        assertArrayEquals(new double[] {1.0, -2.5, 0.0, 4.0, 1.5, -0.25}, model.weights());
        assertEquals(1.5, model.bias());
    }

    @Test
    void shouldReadMatMulAddInEitherOperandOrder()
    {
        for (final boolean biasFirst : new boolean[] {false, true})
        {
            final LinearModel model = LinearModel.fromGraph(
                OnnxModelReader.read(OnnxTestModels.matMulAdd(W, -0.75f, biasFirst), "matmul.onnx"), N);

            assertArrayEquals(new double[] {0.5, -1.25, 0.0, 2.0, 0.75, -0.125}, model.weights());
            assertEquals(-0.75, model.bias());
        }
    }

    @Test
    void shouldAgreeWithOnnxRuntimeOnHandBuiltGraphForms()
    {
        final byte[][] models = {
            OnnxTestModels.gemm(W, 0.5f, false, 1.0f, 1.0f),
            OnnxTestModels.gemm(W, 0.5f, true, -1.5f, 0.25f),
            OnnxTestModels.matMulAdd(W, -0.75f, false),
            OnnxTestModels.matMulAdd(W, -0.75f, true),
        };
        final double[][] vectors = FeatureVectors.random(5, 200);
        for (final byte[] bytes : models)
        {
            final LinearScorer java = new LinearScorer(LinearModel.fromGraph(OnnxModelReader.read(bytes, "m"), N));
            try (OnnxScorer onnx = new OnnxScorer(bytes, "m", N))
            {
                for (final double[] x : vectors)
                {
                    assertEquals(java.score(x), onnx.score(x), 1e-5);
                }
            }
        }
    }

    @Test
    void shouldRefuseOtherOperatorsNamingOpAndNode()
    {
        final UnsupportedModelException ex = assertThrows(UnsupportedModelException.class,
            () -> LinearModel.fromGraph(OnnxModelReader.read(OnnxTestModels.gemmThen("Relu", N), "relu.onnx"), N));

        assertTrue(ex.getMessage().startsWith("unsupported ONNX graph in relu.onnx: op Relu (node 'extra')"),
            ex.getMessage());
    }

    @Test
    void shouldRefuseAModelOfAnotherWidthNamingBothCounts()
    {
        final UnsupportedModelException ex = assertThrows(UnsupportedModelException.class,
            () -> LinearModel.fromGraph(OnnxModelReader.read(OnnxTestModels.gemmThen("Identity", 5), "five.onnx"), N));

        assertTrue(ex.getMessage().contains("input 'features' has shape [batch, 5] but the engine's feature vector " +
            "has 6 features"), ex.getMessage());
    }
}
