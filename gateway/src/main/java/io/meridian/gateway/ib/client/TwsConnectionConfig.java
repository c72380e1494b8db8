package io.meridian.gateway.ib.client;

/**
 * Where and how a {@link TwsConnection} connects.
 *
 * @param host TWS / IB Gateway host (normally 127.0.0.1).
 * @param port API port (7497 paper TWS, 7496 live TWS, 4002 / 4001 IB Gateway).
 * @param clientId the API client id (unique per session on one TWS).
 * @param messagesPerSecond pacing budget (default 45; IB's limit is 50).
 * @param burst most messages sent back to back (default 1: never more than the budget in any one-second window).
 * @param keepAliveNs send REQ_CURRENT_TIME after this long without sending; drop after three times this long
 *     without receiving.
 * @param connectTimeoutNs longest TCP connect plus handshake plus session start.
 * @param minBackoffNs first reconnect delay.
 * @param maxBackoffNs longest reconnect delay.
 */
public record TwsConnectionConfig(
    String host,
    int port,
    int clientId,
    int messagesPerSecond,
    int burst,
    long keepAliveNs,
    long connectTimeoutNs,
    long minBackoffNs,
    long maxBackoffNs)
{
    /** Default pacing budget. */
    public static final int MESSAGES_PER_SECOND_DEFAULT = 45;

    /**
     * Validates the values.
     */
    public TwsConnectionConfig
    {
        if (port < 1 || port > 65535)
        {
            throw new IllegalArgumentException("ib port " + port + " is not in 1..65535");
        }
        if (messagesPerSecond < 1 || messagesPerSecond > 50)
        {
            throw new IllegalArgumentException(
                "ib messagesPerSecond " + messagesPerSecond + " is not in 1..50 (IB's limit is 50)");
        }
        if (burst < 1 || burst > messagesPerSecond)
        {
            throw new IllegalArgumentException("ib burst " + burst + " is not in 1..messagesPerSecond");
        }
        if (keepAliveNs <= 0 || connectTimeoutNs <= 0 || minBackoffNs <= 0 || maxBackoffNs < minBackoffNs)
        {
            throw new IllegalArgumentException("ib timeouts must be positive and maxBackoff >= minBackoff");
        }
    }

    /**
     * Defaults: pacing 45/s with a burst of 1, keep-alive 5 s, connect timeout 10 s, backoff 100 ms to 10 s.
     *
     * @param host the host.
     * @param port the port.
     * @param clientId the client id.
     * @return the configuration.
     */
    public static TwsConnectionConfig defaults(final String host, final int port, final int clientId)
    {
        return new TwsConnectionConfig(host, port, clientId, MESSAGES_PER_SECOND_DEFAULT, 1,
            5_000_000_000L, 10_000_000_000L, 100_000_000L, 10_000_000_000L);
    }
}
