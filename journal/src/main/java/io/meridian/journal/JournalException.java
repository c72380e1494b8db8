package io.meridian.journal;

/**
 * A journal could not be created, opened or written: the message names the directory and what was wrong.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message.
     *
     * @param message what went wrong and where.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * An error with a message and a cause.
     *
     * @param message what went wrong and where.
     * @param cause the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
