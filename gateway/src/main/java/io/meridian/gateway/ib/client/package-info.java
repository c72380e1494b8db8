/**
 * Meridian's client of the TWS API socket protocol (IB's API jar is not on Maven Central, so the protocol is spoken
 * here, from IB's public message reference): {@link io.meridian.gateway.ib.client.TwsConnection} (a non-blocking
 * session polled from a duty cycle: handshake, START_API, next valid id, managed accounts, keep-alive, reconnect
 * with backoff, pacing with a {@link io.meridian.gateway.ib.client.TokenBucket}),
 * {@link io.meridian.gateway.ib.client.TwsRequestEncoder} (the requests, field by field) and
 * {@link io.meridian.gateway.ib.client.TwsMessageDecoder} (the messages, into reusable views). Server versions
 * {@value io.meridian.gateway.ib.protocol.TwsProtocol#MIN_SERVER_VERSION} to
 * {@value io.meridian.gateway.ib.protocol.TwsProtocol#MAX_SERVER_VERSION}.
 *
 * <p>Threading: a connection and everything it owns belong to the one thread that calls its {@code doWork}.
 */
package io.meridian.gateway.ib.client;
