package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.TwsFields;
import java.nio.charset.StandardCharsets;

/**
 * A reusable text field: bytes copied from a frame into a fixed array, compared without allocating. Longer text is
 * cut at the capacity (and {@link #truncated()} says so).
 *
 * <p>Owned by the connection's polling thread.
 */
public final class AsciiText
{
    private final byte[] bytes;
    private int length;
    private boolean truncated;

    AsciiText(final int capacity)
    {
        bytes = new byte[capacity];
    }

    void set(final TwsFields fields, final int field)
    {
        final int total = fields.length(field);
        length = Math.min(total, bytes.length);
        truncated = total > bytes.length;
        fields.buffer().getBytes(fields.offset(field), bytes, 0, length);
    }

    void clear()
    {
        length = 0;
        truncated = false;
    }

    /**
     * Length in bytes.
     *
     * @return the length.
     */
    public int length()
    {
        return length;
    }

    /**
     * Whether the received text was longer than the capacity.
     *
     * @return true when cut.
     */
    public boolean truncated()
    {
        return truncated;
    }

    /**
     * Byte {@code i}.
     *
     * @param i index.
     * @return the byte.
     */
    public byte byteAt(final int i)
    {
        return bytes[i];
    }

    /**
     * Whether the text equals the given ASCII string.
     *
     * @param ascii the string.
     * @return true when equal.
     */
    public boolean contentEquals(final CharSequence ascii)
    {
        if (ascii.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] != ascii.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
