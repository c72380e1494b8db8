package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.protocol.ErrorCodes;
import io.meridian.gateway.ib.protocol.TwsProtocol;
import io.meridian.gateway.ib.wire.TwsFields;
import io.meridian.gateway.ib.wire.TwsFrameReader;
import io.meridian.gateway.ib.wire.TwsFrameWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * One TWS API session over a non-blocking socket, driven entirely by {@link #doWork(long)}: no thread of its own, so
 * the live topology polls it from its duty cycle (a bigger machine may give it an I/O thread that calls
 * {@code doWork} in a loop). States: DISCONNECTED, CONNECTING (TCP), HANDSHAKING (waiting for the server version),
 * STARTING (START_API sent, waiting for NEXT_VALID_ID and MANAGED_ACCTS), READY.
 *
 * <p>Keep-alive: when READY and nothing was sent for {@code keepAliveNs}, a REQ_CURRENT_TIME goes out; when nothing
 * was received for three keep-alive intervals the session is dropped. Reconnect: after a drop the next attempt is
 * made after a backoff that doubles from {@code minBackoffNs} to {@code maxBackoffNs} and resets when a session
 * becomes READY. Pacing: every request must take a token with {@link #tryAcquire(long)} first.
 *
 * <p>Owned by the thread that calls {@link #doWork(long)}; allocates nothing per message once connected.
 */
public final class TwsConnection
{
    /** Session states. */
    public enum State
    {
        /** No socket. */
        DISCONNECTED,
        /** TCP connect in progress. */
        CONNECTING,
        /** Handshake sent, waiting for the server version. */
        HANDSHAKING,
        /** START_API sent, waiting for NEXT_VALID_ID and MANAGED_ACCTS. */
        STARTING,
        /** Ready for requests. */
        READY
    }

    private static final int SEND_BUFFER_BYTES = 256 * 1024;
    private static final int FRAMES_PER_POLL = 256;

    private final TwsConnectionConfig config;
    private final TwsClientListener listener;
    private final TwsFrameReader reader = new TwsFrameReader();
    private final TwsFrameWriter writer = new TwsFrameWriter(SEND_BUFFER_BYTES);
    private final TwsRequestEncoder requests = new TwsRequestEncoder(writer);
    private final TokenBucket pacing;
    private final SessionTracker tracker;
    private final TwsMessageDecoder decoder;
    private SocketChannel channel;
    private State state = State.DISCONNECTED;
    private long stateSinceNs;
    private long lastReceiveNs;
    private long lastSendNs;
    private long nextAttemptNs;
    private long backoffNs;
    private boolean reconnect;
    private long nextValidId;
    private boolean accountsSeen;
    private long sessions;

    /**
     * A connection that is not yet started.
     *
     * @param config where to connect and how.
     * @param listener receives decoded messages and session events.
     */
    public TwsConnection(final TwsConnectionConfig config, final TwsClientListener listener)
    {
        this.config = config;
        this.listener = listener;
        this.tracker = new SessionTracker(listener);
        this.decoder = new TwsMessageDecoder(tracker);
        this.pacing = new TokenBucket(config.messagesPerSecond(), config.burst());
        this.backoffNs = config.minBackoffNs();
    }

    /**
     * Starts connecting now, and keeps reconnecting after drops until {@link #close(long)}.
     *
     * @param nowNs the current time.
     */
    public void start(final long nowNs)
    {
        reconnect = true;
        nextAttemptNs = nowNs;
    }

    /**
     * The configuration.
     *
     * @return the configuration.
     */
    public TwsConnectionConfig config()
    {
        return config;
    }

    /**
     * The current state.
     *
     * @return the state.
     */
    public State state()
    {
        return state;
    }

    /**
     * The negotiated server version (0 before the handshake).
     *
     * @return the version.
     */
    public int serverVersion()
    {
        return decoder.serverVersion();
    }

    /**
     * Sessions that reached READY since construction.
     *
     * @return the count.
     */
    public long sessions()
    {
        return sessions;
    }

    /**
     * The decoder's counters.
     *
     * @return the decoder.
     */
    public TwsMessageDecoder decoder()
    {
        return decoder;
    }

    /**
     * The request encoder; call only after {@link #tryAcquire(long)} returned true.
     *
     * @return the encoder.
     */
    public TwsRequestEncoder requests()
    {
        return requests;
    }

    /**
     * Takes a pacing token for one request: false when the session is not READY, the send buffer has no room for
     * a request, or the pacing budget is spent (then the request must wait, see {@link #nanosUntilPaced(long)}).
     *
     * @param nowNs the current time.
     * @return true when one request may be written now.
     */
    public boolean tryAcquire(final long nowNs)
    {
        if (state != State.READY || writer.remainingBytes() < TwsRequestEncoder.MAX_REQUEST_BYTES)
        {
            return false;
        }
        if (pacing.tryAcquire(nowNs))
        {
            lastSendNs = nowNs;
            return true;
        }
        return false;
    }

    /**
     * How long until the pacing budget has a token.
     *
     * @param nowNs the current time.
     * @return nanoseconds.
     */
    public long nanosUntilPaced(final long nowNs)
    {
        return pacing.nanosUntilAvailable(nowNs);
    }

    /**
     * One duty cycle: connect or reconnect when due, finish a pending connect, read and decode what arrived, send
     * what is pending, keep the session alive.
     *
     * @param nowNs the current time (monotonic nanoseconds).
     * @return work done (bytes moved plus frames decoded plus state changes), 0 when idle.
     */
    public int doWork(final long nowNs)
    {
        int work = 0;
        if (state == State.DISCONNECTED)
        {
            if (!reconnect || nowNs < nextAttemptNs)
            {
                return 0;
            }
            return openSocket(nowNs);
        }
        if (state == State.CONNECTING)
        {
            work += finishConnect(nowNs);
            if (state != State.HANDSHAKING)
            {
                return work;
            }
        }
        work += read(nowNs);
        if (state == State.DISCONNECTED)
        {
            return work + 1;
        }
        work += checkTimers(nowNs);
        if (state != State.DISCONNECTED)
        {
            work += flush(nowNs);
        }
        return work;
    }

    /**
     * Orderly disconnect: sends what is pending (best effort), closes the socket and stops reconnecting.
     *
     * @param nowNs the current time.
     */
    public void close(final long nowNs)
    {
        reconnect = false;
        if (state != State.DISCONNECTED)
        {
            flush(nowNs);
            drop(nowNs, DisconnectReason.REQUESTED);
        }
    }

    /**
     * Drops the current session now (fault handling: e.g. an error the owner treats as fatal); reconnects later
     * unless closed.
     *
     * @param nowNs the current time.
     * @param reason why.
     */
    public void drop(final long nowNs, final DisconnectReason reason)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // closing a socket that already failed: nothing more to do
            }
            channel = null;
        }
        final State was = state;
        state = State.DISCONNECTED;
        stateSinceNs = nowNs;
        writer.clear();
        reader.reset();
        decoder.reset();
        nextAttemptNs = nowNs + backoffNs;
        backoffNs = Math.min(config.maxBackoffNs(), backoffNs * 2);
        if (was != State.DISCONNECTED)
        {
            listener.onDisconnected(reason, was == State.READY);
        }
    }

    private int openSocket(final long nowNs)
    {
        try
        {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            state = State.CONNECTING;
            stateSinceNs = nowNs;
            nextValidId = 0;
            accountsSeen = false;
            if (channel.connect(new InetSocketAddress(config.host(), config.port())))
            {
                onConnected(nowNs);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            state = State.CONNECTING;
            drop(nowNs, DisconnectReason.CONNECT_FAILED);
        }
        return 1;
    }

    private int finishConnect(final long nowNs)
    {
        try
        {
            if (channel.finishConnect())
            {
                onConnected(nowNs);
                return 1;
            }
        }
        catch (final IOException ex)
        {
            drop(nowNs, DisconnectReason.CONNECT_FAILED);
            return 1;
        }
        if (nowNs - stateSinceNs > config.connectTimeoutNs())
        {
            drop(nowNs, DisconnectReason.CONNECT_TIMEOUT);
            return 1;
        }
        return 0;
    }

    private void onConnected(final long nowNs)
    {
        state = State.HANDSHAKING;
        stateSinceNs = nowNs;
        lastReceiveNs = nowNs;
        writer.handshake(TwsProtocol.MIN_SERVER_VERSION, TwsProtocol.MAX_SERVER_VERSION);
    }

    private int read(final long nowNs)
    {
        int work = 0;
        try
        {
            final int bytes = channel.read(reader.prepareForRead());
            if (bytes < 0)
            {
                reader.readComplete(0);
                work += reader.poll(decoder, FRAMES_PER_POLL);
                drop(nowNs, DisconnectReason.PEER_CLOSED);
                return work;
            }
            reader.readComplete(bytes);
            if (bytes > 0)
            {
                lastReceiveNs = nowNs;
                work += bytes;
            }
        }
        catch (final IOException ex)
        {
            drop(nowNs, DisconnectReason.IO_ERROR);
            return 1;
        }
        work += reader.poll(decoder, FRAMES_PER_POLL);
        if (decoder.fatal() != null || reader.failed() != null)
        {
            drop(nowNs, DisconnectReason.PROTOCOL_ERROR);
        }
        return work;
    }

    private int checkTimers(final long nowNs)
    {
        if (state != State.READY)
        {
            if (nowNs - stateSinceNs > config.connectTimeoutNs())
            {
                drop(nowNs, DisconnectReason.CONNECT_TIMEOUT);
                return 1;
            }
            return 0;
        }
        if (nowNs - lastReceiveNs > 3 * config.keepAliveNs())
        {
            drop(nowNs, DisconnectReason.KEEP_ALIVE_TIMEOUT);
            return 1;
        }
        if (nowNs - lastSendNs > config.keepAliveNs() && tryAcquire(nowNs))
        {
            requests.reqCurrentTime();
            return 1;
        }
        return 0;
    }

    private int flush(final long nowNs)
    {
        if (writer.pendingBytes() == 0 || channel == null)
        {
            return 0;
        }
        try
        {
            final int written = channel.write(writer.prepareForWrite());
            writer.consumed(written);
            return written;
        }
        catch (final IOException ex)
        {
            drop(nowNs, DisconnectReason.IO_ERROR);
            return 1;
        }
    }

    /** Watches the session-start messages, then passes everything on to the owner's listener. */
    private final class SessionTracker extends ForwardingTwsListener
    {
        SessionTracker(final TwsClientListener delegate)
        {
            super(delegate);
        }

        @Override
        public void onServerVersion(final int serverVersion, final TwsFields fields)
        {
            state = State.STARTING;
            requests.startApi(config.clientId());
            listener.onServerVersion(serverVersion, fields);
        }

        @Override
        public void onNextValidId(final long orderId)
        {
            nextValidId = orderId;
            listener.onNextValidId(orderId);
            maybeReady();
        }

        @Override
        public void onManagedAccounts(final TwsFields fields, final int field)
        {
            accountsSeen = true;
            listener.onManagedAccounts(fields, field);
            maybeReady();
        }

        private void maybeReady()
        {
            if (state == State.STARTING && nextValidId > 0 && accountsSeen)
            {
                state = State.READY;
                sessions++;
                backoffNs = config.minBackoffNs();
                listener.onReady(decoder.serverVersion(), nextValidId);
            }
        }

        @Override
        public void onError(final long id, final int code, final TwsFields fields, final int messageField)
        {
            listener.onError(id, code, fields, messageField);
            if (code == ErrorCodes.CLIENT_ID_IN_USE)
            {
                backoffNs = config.maxBackoffNs();      // another session holds the id: retrying fast cannot help
            }
        }
    }
}
