package io.meridian.gateway.ib.wire;

import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends TWS frames to a send buffer without allocating: {@link #beginFrame()}, one {@code put...} call per field,
 * {@link #endFrame()}. Each field is written as its text followed by a NUL byte; the frame's 4-byte big-endian
 * length is filled in by {@link #endFrame()}.
 *
 * <p>Unset numbers (IB's "unset double" and "unset integer") are sent as empty fields ({@link #putEmpty()}).
 * Decimals are written from fixed-point longs in their shortest exact form ({@code 12345000, 4 -> "1234.5"}).
 *
 * <p>Owned by the thread that sends on the connection.
 */
public final class TwsFrameWriter
{
    private static final byte NUL = 0;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    };

    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int capacity;
    private int limit;
    private int frameStart = -1;

    /**
     * A writer over a fresh direct buffer.
     *
     * @param capacity bytes of the send buffer.
     */
    public TwsFrameWriter(final int capacity)
    {
        this.byteBuffer = ByteBuffer.allocateDirect(capacity);
        this.buffer = new UnsafeBuffer(byteBuffer);
        this.capacity = capacity;
    }

    /**
     * Bytes written and not yet consumed.
     *
     * @return the count.
     */
    public int pendingBytes()
    {
        return limit;
    }

    /**
     * Free space in the send buffer.
     *
     * @return bytes.
     */
    public int remainingBytes()
    {
        return capacity - limit;
    }

    /**
     * The send buffer, for tests and for the socket: bytes {@code [0, pendingBytes())} are ready.
     *
     * @return the buffer.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Prepares the underlying byte buffer for a channel write of everything pending ({@code position 0, limit
     * pendingBytes()}); after the write call {@link #consumed(int)} with what the channel took.
     *
     * @return the byte buffer.
     */
    public ByteBuffer prepareForWrite()
    {
        byteBuffer.limit(limit).position(0);
        return byteBuffer;
    }

    /**
     * Drops the first {@code bytes} pending bytes (written to the socket) and moves the rest to the front.
     *
     * @param bytes how many were written.
     */
    public void consumed(final int bytes)
    {
        if (bytes <= 0)
        {
            return;
        }
        final int rest = limit - bytes;
        if (rest > 0)
        {
            buffer.putBytes(0, buffer, bytes, rest);
        }
        limit = rest;
        if (frameStart >= 0)
        {
            frameStart -= bytes;
        }
    }

    /** Drops everything pending (the connection closed). */
    public void clear()
    {
        limit = 0;
        frameStart = -1;
    }

    /**
     * Writes the opening of the API handshake: {@code "API\0"}, then the length-prefixed {@code "v<min>..<max>"}.
     *
     * @param minVersion lowest server version the client speaks.
     * @param maxVersion highest server version the client speaks.
     */
    public void handshake(final int minVersion, final int maxVersion)
    {
        for (int i = 0; i < TwsProtocol.API_PREFIX.length(); i++)
        {
            buffer.putByte(limit++, (byte)TwsProtocol.API_PREFIX.charAt(i));
        }
        final int lengthAt = limit;
        limit += TwsProtocol.LENGTH_PREFIX_BYTES;
        buffer.putByte(limit++, (byte)'v');
        limit += buffer.putIntAscii(limit, minVersion);
        buffer.putByte(limit++, (byte)'.');
        buffer.putByte(limit++, (byte)'.');
        limit += buffer.putIntAscii(limit, maxVersion);
        buffer.putInt(lengthAt, limit - lengthAt - TwsProtocol.LENGTH_PREFIX_BYTES, ByteOrder.BIG_ENDIAN);
    }

    /**
     * Starts a frame; leaves room for its length.
     *
     * @return this.
     */
    public TwsFrameWriter beginFrame()
    {
        frameStart = limit;
        limit += TwsProtocol.LENGTH_PREFIX_BYTES;
        return this;
    }

    /**
     * Ends the frame begun last by writing its length.
     *
     * @return the frame's body length.
     */
    public int endFrame()
    {
        final int length = limit - frameStart - TwsProtocol.LENGTH_PREFIX_BYTES;
        buffer.putInt(frameStart, length, ByteOrder.BIG_ENDIAN);
        frameStart = -1;
        return length;
    }

    /**
     * An integer field.
     *
     * @param value the value.
     * @return this.
     */
    public TwsFrameWriter putLong(final long value)
    {
        limit += buffer.putLongAscii(limit, value);
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * A boolean field: {@code "1"} or {@code "0"}.
     *
     * @param value the value.
     * @return this.
     */
    public TwsFrameWriter putBoolean(final boolean value)
    {
        buffer.putByte(limit++, value ? (byte)'1' : (byte)'0');
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * An empty field (unset number, empty string).
     *
     * @return this.
     */
    public TwsFrameWriter putEmpty()
    {
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * A decimal field from a fixed-point value, in its shortest exact form.
     *
     * @param value the fixed-point value.
     * @param decimals digits after the point that {@code value} carries (0 to 9).
     * @return this.
     */
    public TwsFrameWriter putDecimal(final long value, final int decimals)
    {
        if (decimals == 0)
        {
            return putLong(value);
        }
        final long scale = POWERS_OF_TEN[decimals];
        if (value < 0)
        {
            buffer.putByte(limit++, (byte)'-');
        }
        final long magnitude = Math.abs(value);
        limit += buffer.putLongAscii(limit, magnitude / scale);
        long fraction = magnitude % scale;
        if (fraction != 0)
        {
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            buffer.putByte(limit++, (byte)'.');
            for (int d = digits - 1; d >= 0; d--)
            {
                buffer.putByte(limit++, (byte)('0' + (fraction / POWERS_OF_TEN[d]) % 10));
            }
        }
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * A text field from pre-encoded bytes (ASCII or UTF-8, no NUL inside).
     *
     * @param bytes the text.
     * @return this.
     */
    public TwsFrameWriter putBytes(final byte[] bytes)
    {
        buffer.putBytes(limit, bytes);
        limit += bytes.length;
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * A text field from the first {@code length} pre-encoded bytes of an array.
     *
     * @param bytes the text.
     * @param length how many bytes.
     * @return this.
     */
    public TwsFrameWriter putBytes(final byte[] bytes, final int length)
    {
        buffer.putBytes(limit, bytes, 0, length);
        limit += length;
        buffer.putByte(limit++, NUL);
        return this;
    }

    /**
     * A text field from a character sequence, encoded as UTF-8 without allocating. NUL characters, which would end
     * the field early, are written as {@code '?'}.
     *
     * @param text the text.
     * @return this.
     */
    public TwsFrameWriter putText(final CharSequence text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == 0)
            {
                buffer.putByte(limit++, (byte)'?');
            }
            else if (c < 0x80)
            {
                buffer.putByte(limit++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(limit++, (byte)(0xC0 | (c >> 6)));
                buffer.putByte(limit++, (byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                buffer.putByte(limit++, (byte)(0xE0 | (c >> 12)));
                buffer.putByte(limit++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(limit++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        buffer.putByte(limit++, NUL);
        return this;
    }
}
