package io.meridian.engine.model;

/**
 * Thrown at start-up when a model does not fit the engine: its manifest's feature names, order, count or schema hash
 * differ from the engine's feature vector, or the model file's SHA-256 differs from the one its manifest records.
 * The message names the model file and the first mismatch; the engine refuses to start.
 */
public final class ModelMismatchException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the model file and the first mismatch.
     */
    public ModelMismatchException(final String message)
    {
        super(message);
    }
}
