package io.meridian.ops.cli;

/**
 * A command line that cannot be run as given; the message says what is wrong. Exit code 2.
 */
public final class UsageException extends RuntimeException
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
}
