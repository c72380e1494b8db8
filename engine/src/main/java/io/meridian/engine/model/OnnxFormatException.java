package io.meridian.engine.model;

/**
 * Thrown when an ONNX file cannot be parsed: the message names the file and the byte offset where parsing failed.
 */
public final class OnnxFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;

    /**
     * Creates the exception.
     *
     * @param source the model file name or location.
     * @param offset the byte offset in the file where the problem was found.
     * @param problem what was wrong.
     */
    public OnnxFormatException(final String source, final long offset, final String problem)
    {
        super("malformed ONNX model " + source + " at byte " + offset + ": " + problem);
        this.source = source;
        this.offset = offset;
    }

    /**
     * The file that failed to parse.
     *
     * @return the model file name or location.
     */
    public String source()
    {
        return source;
    }

    /**
     * Where parsing failed.
     *
     * @return the byte offset.
     */
    public long offset()
    {
        return offset;
    }
}
