package io.meridian.bench.jmh;

import io.meridian.bench.data.DemoWorld;
import io.meridian.bench.data.FeatureInputs;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.LinearModel;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.OnnxModelReader;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Stage 3: one model score of the shipped demo model ({@link Scorers#DEMO_MODEL}), with the pure-Java scorer and
 * with ONNX Runtime ({@code @Param kind}), over 1024 feature vectors the demo market produced, beside
 * {@link NaiveScorer}. Goals (bench/README.md): pure Java p99 at most 0.5 us and 0 B; ONNX Runtime p50 at most
 * 2 us and at most 512 B per call.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
public class ScorerBenchmark extends BenchmarkDefaults
{
    private static final int VECTORS = 1024;

    /**
     * Pre-generated feature vectors, shared by every benchmark of this class.
     */
    @State(Scope.Thread)
    public static class Vectors
    {
        private double[][] vectors;
        private int next;

        /**
         * Generates the vectors.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            vectors = FeatureInputs.demo(DemoWorld.config(List.of()), VECTORS).vectors;
        }

        double[] next()
        {
            final int i = next;
            next = (i + 1) & (VECTORS - 1);
            return vectors[i];
        }
    }

    /**
     * The scorer under test.
     */
    @State(Scope.Thread)
    public static class Model
    {
        /** {@code java} (pure-Java linear scorer) or {@code onnx} (ONNX Runtime). */
        @Param({Scorers.JAVA, Scorers.ONNX})
        public String kind;

        private Scorer scorer;

        /**
         * Loads the shipped model.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            scorer = Scorers.create(kind, Scorers.DEMO_MODEL);
        }

        /**
         * Releases ONNX Runtime's native session.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            scorer.close();
        }
    }

    /**
     * The naive baseline's model.
     */
    @State(Scope.Thread)
    public static class Naive
    {
        private NaiveScorer scorer;

        /**
         * Reads the shipped model's weights.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            final String model = Scorers.DEMO_MODEL;
            scorer = new NaiveScorer(LinearModel.fromGraph(
                OnnxModelReader.read(ModelFiles.read(model), ModelFiles.fileName(model)), FeatureSchema.COUNT));
        }
    }

    /**
     * One score.
     *
     * @param model the scorer.
     * @param vectors the inputs.
     * @return the score.
     */
    @Benchmark
    public double score(final Model model, final Vectors vectors)
    {
        return model.scorer.score(vectors.next());
    }

    /**
     * Baseline: the same linear model over boxed name-to-value maps.
     *
     * @param naive the baseline scorer.
     * @param vectors the inputs.
     * @return the score.
     */
    @Benchmark
    public double naiveBoxedScore(final Naive naive, final Vectors vectors)
    {
        return naive.scorer.score(vectors.next());
    }
}
