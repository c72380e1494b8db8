package io.meridian.runtime.launch;

/**
 * A command line that cannot be run as given; the message names the option or argument and says what is wrong.
 * Commands exit with code 2 on it. It is an {@link IllegalArgumentException}, so callers that only know the JDK's
 * exception catch it too.
 */
public final class UsageException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * A usage error.
     *
     * @param message what is wrong.
     */
    public UsageException(final String message)
    {
        super(message);
    }

    /**
     * A usage error with its cause.
     *
     * @param message what is wrong.
     * @param cause the underlying exception.
     */
    public UsageException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
