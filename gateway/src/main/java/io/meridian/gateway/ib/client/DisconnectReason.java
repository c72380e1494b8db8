package io.meridian.gateway.ib.client;

/**
 * Why a TWS connection ended.
 */
public enum DisconnectReason
{
    /** The owner asked for it. */
    REQUESTED("disconnect requested"),
    /** The TCP connect failed or was refused. */
    CONNECT_FAILED("TCP connect failed or was refused"),
    /** The connect, handshake or session start took longer than the timeout. */
    CONNECT_TIMEOUT("connect, handshake or START_API not completed in time"),
    /** The server closed the socket. */
    PEER_CLOSED("the server closed the connection"),
    /** A read or write failed. */
    IO_ERROR("socket read or write failed"),
    /** Nothing was received within the keep-alive timeout. */
    KEEP_ALIVE_TIMEOUT("nothing received within the keep-alive timeout"),
    /** The byte stream was out of step (bad length prefix) or the handshake was bad. */
    PROTOCOL_ERROR("protocol error (bad frame length, bad handshake or unsupported server version)"),
    /** The send buffer filled up: the server is not reading. */
    SEND_BUFFER_FULL("send buffer full: the server is not reading");

    private final String description;

    DisconnectReason(final String description)
    {
        this.description = description;
    }

    /**
     * What happened, in words.
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }
}
