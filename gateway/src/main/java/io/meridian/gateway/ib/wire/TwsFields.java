package io.meridian.gateway.ib.wire;

import org.agrona.DirectBuffer;

/**
 * A flyweight over the fields of one received frame: field {@code i} is the bytes from {@link #offset(int)} for
 * {@link #length(int)} bytes (its NUL not included). Numeric accessors parse without allocating; a field that does
 * not parse sets {@link #error()} (and {@link #errorField()}) and returns 0, so a decoder reads a whole message and
 * checks once.
 *
 * <p>Valid only during the callback that received it. Owned by the connection's polling thread.
 */
public final class TwsFields
{
    /** Decimals of every fixed-point value the accessors return: 8 (1e-8). */
    public static final int DECIMALS = 8;
    /** The fixed-point scale of {@link #DECIMALS}. */
    public static final long SCALE = 100_000_000L;
    /** What {@link #decimal(int)} returns for IB's "unset" doubles (values of 1e15 and above, e.g. 1.79E308). */
    public static final long UNSET = Long.MAX_VALUE;

    /** Values with more whole digits than this (1e15 and above) are unset. */
    private static final int UNSET_DIGITS = 15;

    private final int[] offsets;
    private final int[] lengths;
    private DirectBuffer buffer;
    private int count;
    private FrameError error;
    private int errorField = -1;

    TwsFields(final int maxFields)
    {
        offsets = new int[maxFields];
        lengths = new int[maxFields];
    }

    /**
     * Most fields one frame may have.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return offsets.length;
    }

    void reset(final DirectBuffer buffer)
    {
        this.buffer = buffer;
        this.count = 0;
        this.error = null;
        this.errorField = -1;
    }

    boolean add(final int offset, final int length)
    {
        if (count == offsets.length)
        {
            return false;
        }
        offsets[count] = offset;
        lengths[count] = length;
        count++;
        return true;
    }

    /**
     * The buffer the fields live in.
     *
     * @return the buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Number of fields.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * Where field {@code i} starts in {@link #buffer()}.
     *
     * @param i field index.
     * @return the offset.
     */
    public int offset(final int i)
    {
        return offsets[i];
    }

    /**
     * Length of field {@code i} in bytes.
     *
     * @param i field index.
     * @return the length.
     */
    public int length(final int i)
    {
        return lengths[i];
    }

    /**
     * The first parse error since the frame was cut, or {@code null}.
     *
     * @return the error.
     */
    public FrameError error()
    {
        return error;
    }

    /**
     * Index of the field that caused {@link #error()}, or -1.
     *
     * @return the index.
     */
    public int errorField()
    {
        return errorField;
    }

    /**
     * Records an error found by a decoder (the first one wins).
     *
     * @param reason what was wrong.
     * @param field which field, or -1.
     */
    public void fail(final FrameError reason, final int field)
    {
        if (error == null)
        {
            error = reason;
            errorField = field;
        }
    }

    /** Forgets a parse error (a decoder that tried a field as a number and accepts it as text). */
    public void clearError()
    {
        error = null;
        errorField = -1;
    }

    /**
     * Field {@code i} as a long integer; empty is 0. Anything else sets {@link FrameError#BAD_INTEGER}.
     *
     * @param i field index.
     * @return the value.
     */
    public long integer(final int i)
    {
        final int length = lengths[i];
        if (length == 0)
        {
            return 0;
        }
        final int start = offsets[i];
        int pos = start;
        final boolean negative = buffer.getByte(pos) == '-';
        if (negative)
        {
            pos++;
        }
        final int end = start + length;
        if (pos == end || end - pos > 18)
        {
            fail(FrameError.BAD_INTEGER, i);
            return 0;
        }
        long value = 0;
        for (; pos < end; pos++)
        {
            final int digit = buffer.getByte(pos) - '0';
            if (digit < 0 || digit > 9)
            {
                fail(FrameError.BAD_INTEGER, i);
                return 0;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * Field {@code i} as an int; sets {@link FrameError#BAD_INTEGER} when it does not fit.
     *
     * @param i field index.
     * @return the value.
     */
    public int int32(final int i)
    {
        final long value = integer(i);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)
        {
            fail(FrameError.BAD_INTEGER, i);
            return 0;
        }
        return (int)value;
    }

    /**
     * Field {@code i} as a boolean: empty or {@code 0} false, {@code 1} true, anything else
     * {@link FrameError#BAD_VALUE}.
     *
     * @param i field index.
     * @return the value.
     */
    public boolean bool(final int i)
    {
        final long value = integer(i);
        if (value != 0 && value != 1)
        {
            fail(FrameError.BAD_VALUE, i);
        }
        return value == 1;
    }

    /**
     * Field {@code i} as a fixed-point decimal with {@link #DECIMALS} digits after the point (extra digits are
     * truncated). Accepts {@code [-]digits[.digits][(e|E)[+|-]digits]}; empty is 0; values of 1e15 and above (IB
     * writes its unset double as 1.7976931348623157E308) are {@link #UNSET}. Anything else sets
     * {@link FrameError#BAD_DECIMAL}.
     *
     * @param i field index.
     * @return the value.
     */
    public long decimal(final int i)
    {
        final int length = lengths[i];
        if (length == 0)
        {
            return 0;
        }
        final int end = offsets[i] + length;
        int pos = offsets[i];
        final boolean negative = buffer.getByte(pos) == '-';
        if (negative)
        {
            pos++;
        }
        long mantissa = 0;
        int mantissaDigits = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        boolean seenDigit = false;
        for (; pos < end; pos++)
        {
            final byte b = buffer.getByte(pos);
            if (b == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }
            if (b == 'e' || b == 'E')
            {
                break;
            }
            final int digit = b - '0';
            if (digit < 0 || digit > 9)
            {
                return badDecimal(i);
            }
            seenDigit = true;
            if (mantissaDigits == 0 && digit == 0)
            {
                if (seenPoint)
                {
                    fractionDigits++;
                }
                continue;
            }
            if (mantissaDigits >= 18)
            {
                if (!seenPoint)
                {
                    return badDecimal(i);
                }
                continue;
            }
            mantissa = mantissa * 10 + digit;
            mantissaDigits++;
            if (seenPoint)
            {
                fractionDigits++;
            }
        }
        if (!seenDigit)
        {
            return badDecimal(i);
        }
        int exponent = 0;
        if (pos < end)
        {
            pos++;
            boolean negativeExponent = false;
            if (pos < end && (buffer.getByte(pos) == '+' || buffer.getByte(pos) == '-'))
            {
                negativeExponent = buffer.getByte(pos) == '-';
                pos++;
            }
            if (pos == end || end - pos > 4)
            {
                return badDecimal(i);
            }
            for (; pos < end; pos++)
            {
                final int digit = buffer.getByte(pos) - '0';
                if (digit < 0 || digit > 9)
                {
                    return badDecimal(i);
                }
                exponent = exponent * 10 + digit;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        return scale(i, negative, mantissa, mantissaDigits, exponent - fractionDigits);
    }

    private long scale(
        final int i, final boolean negative, final long mantissa, final int mantissaDigits, final int power)
    {
        if (mantissa == 0)
        {
            return 0;
        }
        if (mantissaDigits + power > UNSET_DIGITS)
        {
            return negative ? badDecimal(i) : UNSET;
        }
        long value = mantissa;
        int shift = power + DECIMALS;
        while (shift < 0)
        {
            value /= 10;
            shift++;
        }
        while (shift > 0)
        {
            if (value > Long.MAX_VALUE / 10)
            {
                return badDecimal(i);
            }
            value *= 10;
            shift--;
        }
        return negative ? -value : value;
    }

    private long badDecimal(final int i)
    {
        fail(FrameError.BAD_DECIMAL, i);
        return 0;
    }

    /**
     * Whether field {@code i} is exactly the given ASCII text.
     *
     * @param i field index.
     * @param ascii the text.
     * @return true when equal.
     */
    public boolean equalsAscii(final int i, final String ascii)
    {
        final int length = lengths[i];
        if (length != ascii.length())
        {
            return false;
        }
        final int start = offsets[i];
        for (int k = 0; k < length; k++)
        {
            if (buffer.getByte(start + k) != ascii.charAt(k))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies field {@code i} into {@code dst}; sets {@link FrameError#TEXT_TOO_LONG} (and copies nothing) when it
     * does not fit.
     *
     * @param i field index.
     * @param dst destination.
     * @return bytes copied.
     */
    public int copy(final int i, final byte[] dst)
    {
        final int length = lengths[i];
        if (length > dst.length)
        {
            fail(FrameError.TEXT_TOO_LONG, i);
            return 0;
        }
        buffer.getBytes(offsets[i], dst, 0, length);
        return length;
    }

    /**
     * Field {@code i} as a string (allocates: for rare messages and tools only).
     *
     * @param i field index.
     * @return the text.
     */
    public String text(final int i)
    {
        final byte[] bytes = new byte[lengths[i]];
        buffer.getBytes(offsets[i], bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
