package io.meridian.gateway.ib.wire;

import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Cuts a received byte stream into TWS frames and their NUL-terminated fields, without allocating. Bytes arrive
 * through {@link #prepareForRead()} / {@link #readComplete(int)} (a socket read) or {@link #append} (tests); each
 * {@link #poll} hands every complete frame to a {@link FrameHandler} and keeps a partial frame for later.
 *
 * <p>A length prefix of zero or less, or above the maximum frame length, leaves the stream out of step: the reader
 * reports it, stops for good ({@link #failed()}) and the connection must be dropped. A frame whose last byte is not
 * NUL, or with more fields than the reader indexes, is reported and skipped.
 *
 * <p>Owned by the connection's polling thread.
 */
public final class TwsFrameReader
{
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int maxFrameLength;
    private final TwsFields fields;
    private int start;
    private int end;
    private FrameError fatal;

    /**
     * A reader whose buffer holds one maximum-length frame and its prefix.
     *
     * @param maxFrameLength largest accepted frame body.
     * @param maxFields most fields one frame may have.
     */
    public TwsFrameReader(final int maxFrameLength, final int maxFields)
    {
        this.maxFrameLength = maxFrameLength;
        this.byteBuffer = ByteBuffer.allocateDirect(maxFrameLength + TwsProtocol.LENGTH_PREFIX_BYTES);
        this.buffer = new UnsafeBuffer(byteBuffer);
        this.fields = new TwsFields(maxFields);
    }

    /**
     * A reader with the protocol's maximum frame length and room for 512 fields per frame.
     */
    public TwsFrameReader()
    {
        this(TwsProtocol.MAX_FRAME_LENGTH, 512);
    }

    /**
     * The stream error that stopped the reader, or {@code null}.
     *
     * @return the error.
     */
    public FrameError failed()
    {
        return fatal;
    }

    /**
     * Bytes received and not yet cut into frames.
     *
     * @return the count.
     */
    public int bufferedBytes()
    {
        return end - start;
    }

    /** Forgets everything buffered and any error (a new connection). */
    public void reset()
    {
        start = 0;
        end = 0;
        fatal = null;
    }

    /**
     * Prepares the byte buffer for one channel read into its free space.
     *
     * @return the buffer, positioned at the first free byte.
     */
    public ByteBuffer prepareForRead()
    {
        compact();
        byteBuffer.limit(byteBuffer.capacity()).position(end);
        return byteBuffer;
    }

    /**
     * Records how many bytes the last channel read put into the buffer.
     *
     * @param bytes the count (ignored when not positive).
     */
    public void readComplete(final int bytes)
    {
        if (bytes > 0)
        {
            end += bytes;
        }
    }

    /**
     * Copies bytes in (tests, fuzzing, a byte source that is not a channel).
     *
     * @param src source.
     * @param offset first byte.
     * @param length how many.
     * @return how many fitted.
     */
    public int append(final DirectBuffer src, final int offset, final int length)
    {
        compact();
        final int copied = Math.min(length, buffer.capacity() - end);
        buffer.putBytes(end, src, offset, copied);
        end += copied;
        return copied;
    }

    /**
     * Hands complete frames to the handler.
     *
     * @param handler receives frames and errors.
     * @param limit most frames to deliver.
     * @return frames delivered or rejected.
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        int frames = 0;
        while (fatal == null && frames < limit && end - start >= TwsProtocol.LENGTH_PREFIX_BYTES)
        {
            final int length = buffer.getInt(start, ByteOrder.BIG_ENDIAN);
            if (length <= 0 || length > maxFrameLength)
            {
                fatal = length <= 0 ? FrameError.NON_POSITIVE_LENGTH : FrameError.LENGTH_TOO_LARGE;
                handler.onFrameError(fatal, length);
                return frames + 1;
            }
            if (end - start - TwsProtocol.LENGTH_PREFIX_BYTES < length)
            {
                break;
            }
            final int body = start + TwsProtocol.LENGTH_PREFIX_BYTES;
            start = body + length;
            frames++;
            final FrameError error = cut(body, length);
            if (error == null)
            {
                handler.onFrame(fields);
            }
            else
            {
                handler.onFrameError(error, length);
            }
        }
        return frames;
    }

    private FrameError cut(final int body, final int length)
    {
        final int last = body + length - 1;
        if (buffer.getByte(last) != 0)
        {
            return FrameError.NOT_NUL_TERMINATED;
        }
        fields.reset(buffer);
        int fieldStart = body;
        for (int pos = body; pos <= last; pos++)
        {
            if (buffer.getByte(pos) == 0)
            {
                if (!fields.add(fieldStart, pos - fieldStart))
                {
                    return FrameError.TOO_MANY_FIELDS;
                }
                fieldStart = pos + 1;
            }
        }
        return null;
    }

    private void compact()
    {
        if (start == 0)
        {
            return;
        }
        final int remaining = end - start;
        if (remaining > 0)
        {
            buffer.putBytes(0, buffer, start, remaining);
        }
        start = 0;
        end = remaining;
    }
}
