package io.meridian.gateway.ib.protocol;

/**
 * Framing and handshake facts of the TWS API socket protocol (versions 100 and later).
 *
 * <p>The client opens with the four bytes {@code "API\0"} followed by one length-prefixed text
 * {@code "v<min>..<max>"}: the range of server versions it can speak. The server answers with one frame of two
 * fields, the server version it chose (within the range) and its connection time. From then on every message in
 * either direction is a frame: a 4-byte big-endian length, then that many bytes of fields, each field text ended by
 * a NUL byte. The first field of every message is its message id.
 *
 * <p>Meridian speaks server versions {@value #MIN_SERVER_VERSION} to {@value #MAX_SERVER_VERSION}. Within that
 * range the messages Meridian uses differ in one field: {@code usePriceMgmtAlgo} at the end of PLACE_ORDER and
 * OPEN_ORDER from version {@value #PRICE_MGMT_ALGO_SERVER_VERSION}.
 */
public final class TwsProtocol
{
    /** Lowest server version Meridian speaks. */
    public static final int MIN_SERVER_VERSION = 148;
    /** Highest server version Meridian speaks. */
    public static final int MAX_SERVER_VERSION = 151;
    /** From this version PLACE_ORDER and OPEN_ORDER end with {@code usePriceMgmtAlgo}. */
    public static final int PRICE_MGMT_ALGO_SERVER_VERSION = 151;
    /** The four bytes a client sends first: {@code 'A' 'P' 'I' NUL}. */
    public static final String API_PREFIX = "API\0";
    /** Length of the length prefix of every frame. */
    public static final int LENGTH_PREFIX_BYTES = 4;
    /**
     * Largest frame body Meridian accepts (1 MiB). The messages Meridian reads are well under 4 KiB; a longer
     * length prefix means the stream is out of step, and the connection is dropped.
     */
    public static final int MAX_FRAME_LENGTH = 1 << 20;
    /** Default port of a TWS paper session (IB Gateway paper uses 4002). */
    public static final int PAPER_PORT = 7497;
    /** Default port of a TWS live session (IB Gateway live uses 4001). */
    public static final int LIVE_PORT = 7496;
    /** IB's documented message-rate limit per second; Meridian paces below it. */
    public static final int IB_MAX_MESSAGES_PER_SECOND = 50;

    private TwsProtocol()
    {
    }
}
