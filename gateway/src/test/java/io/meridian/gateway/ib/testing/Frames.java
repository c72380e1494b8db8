package io.meridian.gateway.ib.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test fixtures: builds TWS frames from hand-written field lists (each field's text, then NUL; the body prefixed by
 * its 4-byte big-endian length). Deliberately independent of the code under test.
 */
public final class Frames
{
    private Frames()
    {
    }

    /**
     * One frame.
     *
     * @param fields field texts in order.
     * @return the frame bytes.
     */
    public static byte[] frame(final String... fields)
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (final String field : fields)
        {
            final byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            body.write(bytes, 0, bytes.length);
            body.write(0);
        }
        final int n = body.size();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((n >>> 24) & 0xFF);
        out.write((n >>> 16) & 0xFF);
        out.write((n >>> 8) & 0xFF);
        out.write(n & 0xFF);
        out.write(body.toByteArray(), 0, n);
        return out.toByteArray();
    }

    /**
     * Bytes from a hex string (spaces ignored).
     *
     * @param hex e.g. {@code "41 50 49 00"}.
     * @return the bytes.
     */
    public static byte[] hex(final String hex)
    {
        final String digits = hex.replace(" ", "");
        final byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /**
     * A readable form of frame bytes for assertion messages: fields separated by '|', the length prefix as [n].
     *
     * @param bytes frame bytes.
     * @return the text.
     */
    public static String show(final byte[] bytes)
    {
        final StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i + 4 <= bytes.length)
        {
            final int n = ((bytes[i] & 0xFF) << 24) | ((bytes[i + 1] & 0xFF) << 16) | ((bytes[i + 2] & 0xFF) << 8)
                | (bytes[i + 3] & 0xFF);
            sb.append('[').append(n).append(']');
            i += 4;
            final int end = Math.min(bytes.length, i + n);
            for (; i < end; i++)
            {
                sb.append(bytes[i] == 0 ? "|" : String.valueOf((char)bytes[i]));
            }
        }
        for (; i < bytes.length; i++)
        {
            sb.append(String.format("<%02x>", bytes[i]));
        }
        return sb.toString();
    }
}
