package io.meridian.gateway.ibsim;

import io.meridian.gateway.ib.protocol.TwsProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's own TWS codec: frames from field strings, and a buffer that turns received bytes back into the
 * handshake and then field-string frames. Independent of the client's codec on purpose.
 */
final class SimWire
{
    private static final byte[] PREFIX = TwsProtocol.API_PREFIX.getBytes(StandardCharsets.US_ASCII);

    private SimWire()
    {
    }

    /**
     * One frame: each value's text ({@code null} as empty, booleans as 1/0) then NUL, behind a big-endian length.
     *
     * @param values field values.
     * @return the bytes.
     */
    static byte[] frame(final Object... values)
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (final Object value : values)
        {
            final String text = value == null ? "" : value instanceof Boolean ? ((Boolean)value ? "1" : "0")
                : String.valueOf(value);
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            body.write(bytes, 0, bytes.length);
            body.write(0);
        }
        final ByteBuffer out = ByteBuffer.allocate(4 + body.size());
        out.putInt(body.size()).put(body.toByteArray());
        return out.array();
    }

    /** Received bytes of one connection, cut into the handshake and frames. */
    static final class Inbound
    {
        private byte[] data = new byte[64 * 1024];
        private int length;
        private boolean prefixSeen;

        void add(final ByteBuffer src)
        {
            final int n = src.remaining();
            if (length + n > data.length)
            {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
            }
            src.get(data, length, n);
            length += n;
        }

        /**
         * The client's version range text ({@code "v148..151"}), once the prefix and its frame have arrived.
         *
         * @return the text, {@code null} when incomplete.
         * @throws IllegalStateException when the stream does not start with {@code "API\0"}.
         */
        String handshake()
        {
            if (!prefixSeen)
            {
                if (length < PREFIX.length)
                {
                    return null;
                }
                for (int i = 0; i < PREFIX.length; i++)
                {
                    if (data[i] != PREFIX[i])
                    {
                        throw new IllegalStateException("connection did not start with \"API\\0\"");
                    }
                }
                consume(PREFIX.length);
                prefixSeen = true;
            }
            final byte[] body = nextBody();
            return body == null ? null : new String(body, StandardCharsets.US_ASCII);
        }

        /**
         * The next complete frame's fields.
         *
         * @return the fields, {@code null} when no frame is complete.
         * @throws IllegalStateException on a bad length prefix.
         */
        List<String> next()
        {
            final byte[] body = nextBody();
            if (body == null)
            {
                return null;
            }
            final List<String> fields = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < body.length; i++)
            {
                if (body[i] == 0)
                {
                    fields.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start != body.length)
            {
                throw new IllegalStateException("frame does not end with NUL");
            }
            return fields;
        }

        private byte[] nextBody()
        {
            if (length < 4)
            {
                return null;
            }
            final int n = ByteBuffer.wrap(data, 0, 4).getInt();
            if (n <= 0 || n > TwsProtocol.MAX_FRAME_LENGTH)
            {
                throw new IllegalStateException("bad frame length " + n);
            }
            if (length < 4 + n)
            {
                return null;
            }
            final byte[] body = Arrays.copyOfRange(data, 4, 4 + n);
            consume(4 + n);
            return body;
        }

        private void consume(final int n)
        {
            System.arraycopy(data, n, data, 0, length - n);
            length -= n;
        }
    }
}
