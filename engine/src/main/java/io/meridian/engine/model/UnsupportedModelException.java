package io.meridian.engine.model;

/**
 * Thrown at start-up when a well-formed model cannot be evaluated by the requested scorer, for example an ONNX graph
 * whose operators the pure-Java linear scorer does not implement, or a model whose input width is not the engine's.
 */
public final class UnsupportedModelException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is unsupported, naming the model file, operator or tensor.
     */
    public UnsupportedModelException(final String message)
    {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is unsupported, naming the model file.
     * @param cause the underlying failure.
     */
    public UnsupportedModelException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
