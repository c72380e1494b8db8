package io.meridian.config;

/**
 * The scoring model.
 *
 * @param path         model file: {@code classpath:/...} for a resource, otherwise a file path; not blank.
 * @param scorer       {@code java} (pure-Java evaluator) or {@code onnx} (ONNX Runtime).
 * @param horizonTicks label horizon used when training, in ticks, 1 to 100000.
 */
public record ModelConfig(String path, String scorer, int horizonTicks)
{
    /** Value of {@link #scorer()}: the pure-Java evaluator. */
    public static final String SCORER_JAVA = "java";
    /** Value of {@link #scorer()}: ONNX Runtime. */
    public static final String SCORER_ONNX = "onnx";
    /** Prefix of {@link #path()} for a class-path resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";
}
