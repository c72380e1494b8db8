package io.meridian.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.testing.Allocations;
import org.junit.jupiter.api.Test;

class LinearScorerTest
{
    private static final double[] WEIGHTS = {0.5, -1.25, 0.0, 2.0, 0.75, -0.125};

    private final LinearScorer scorer = new LinearScorer(new LinearModel("test", "in", "out", WEIGHTS, 0.25));
    private double sink;

    @Test
    void shouldScoreDotProductPlusBias()
    {
        final double[] x = {1.0, 2.0, 100.0, -1.0, 4.0, 8.0};

        assertEquals(0.5 - 2.5 + 0.0 - 2.0 + 3.0 - 1.0 + 0.25, scorer.score(x), 1e-12);
        assertEquals(Scorer.PURE_JAVA, scorer.modelId());
    }

    @Test
    void shouldNotAllocateWhenScoring()
    {
        final double[] x = new double[FeatureSchema.COUNT];
        for (int i = 0; i < 10_000; i++)
        {
            x[i % FeatureSchema.COUNT] = i * 0.001;
            sink += scorer.score(x);
        }

        final Runnable window = () ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                x[i % FeatureSchema.COUNT] = i * 0.001;
                sink += scorer.score(x);
            }
        };
        Allocations.assertSteadyStateAllocatesNothing("100k scores", window);
        assertTrue(Double.isFinite(sink), "scores summed to a finite value");
    }

    @Test
    void shouldScoreTheShippedModelAsItsWeightsSay()
    {
        final OnnxGraph graph = OnnxModelReader.read(ModelFiles.read(Scorers.DEMO_MODEL), "demo-linear.onnx");
        final double[] w = graph.initializer("linear_sgd_weights_0").values();
        final double b = graph.initializer("linear_sgd_bias_0").values()[0];
        final LinearScorer shipped = new LinearScorer(LinearModel.fromGraph(graph, FeatureSchema.COUNT));

        for (final double[] x : FeatureVectors.random(3, 100))
        {
            double expected = b;
            for (int i = 0; i < w.length; i++)
            {
                expected += w[i] * x[i];
            }
            assertEquals(expected, shipped.score(x), 1e-12);
        }
    }
}
