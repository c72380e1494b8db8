package io.meridian.gateway.ib.wire;

/**
 * Why a frame or one of its fields was rejected. {@link #fatal()} errors mean the byte stream is out of step and the
 * connection must be dropped; the others reject one message and the connection carries on.
 */
public enum FrameError
{
    /** The length prefix is zero or negative. */
    NON_POSITIVE_LENGTH(true, "frame length prefix is zero or negative"),
    /** The length prefix is above the maximum frame length. */
    LENGTH_TOO_LARGE(true, "frame length prefix above the maximum frame length"),
    /** The frame's last byte is not the NUL that ends its last field. */
    NOT_NUL_TERMINATED(false, "frame does not end with a NUL byte"),
    /** More fields than the reader can index. */
    TOO_MANY_FIELDS(false, "frame has more fields than the reader indexes"),
    /** The message id field is not an integer. */
    BAD_MESSAGE_ID(false, "message id is not an integer"),
    /** The message id is not one the reader knows. */
    UNKNOWN_MESSAGE_ID(false, "message id is not a known message"),
    /** The message has fewer fields than its layout needs. */
    TOO_FEW_FIELDS(false, "message has fewer fields than its layout"),
    /** The message has more fields than its layout. */
    TOO_MANY_MESSAGE_FIELDS(false, "message has more fields than its layout"),
    /** A field that must be an integer is not one (or is out of range). */
    BAD_INTEGER(false, "field is not an integer in range"),
    /** A field that must be a decimal number is not one (or is out of range). */
    BAD_DECIMAL(false, "field is not a decimal number in range"),
    /** A field holds a value outside the set its meaning allows. */
    BAD_VALUE(false, "field value is not one the message allows"),
    /** A text field is longer than the reader keeps. */
    TEXT_TOO_LONG(false, "text field longer than the reader keeps"),
    /** The handshake reply is not a server version and a connection time. */
    BAD_HANDSHAKE(true, "handshake reply is not a server version and a connection time"),
    /** The server chose a version outside the range the client offered. */
    UNSUPPORTED_SERVER_VERSION(true, "server version outside the supported range");

    private final boolean fatal;
    private final String description;

    FrameError(final boolean fatal, final String description)
    {
        this.fatal = fatal;
        this.description = description;
    }

    /**
     * Whether the connection must be dropped.
     *
     * @return true for stream-level errors.
     */
    public boolean fatal()
    {
        return fatal;
    }

    /**
     * What went wrong, in words.
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }
}
