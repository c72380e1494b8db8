package io.meridian.engine.state;

import org.agrona.collections.LongArrayList;

/**
 * Helpers for writing and reading state as {@code long}s (issue 9, engine-state snapshots): doubles as their raw bits
 * ({@link Double#doubleToRawLongBits}, so NaN payloads and signed zeros restore bit for bit), booleans as 0/1, arrays
 * prefixed with their length. A read checks an array's length against the array it fills and throws an
 * {@link IllegalArgumentException} naming both when they differ (a snapshot taken under another configuration).
 * Stateless; saving allocates only inside the {@link LongArrayList}, loading allocates nothing.
 */
public final class StateValues
{
    private StateValues()
    {
    }

    /**
     * Appends a double.
     *
     * @param out the values.
     * @param value the double.
     */
    public static void putDouble(final LongArrayList out, final double value)
    {
        out.addLong(Double.doubleToRawLongBits(value));
    }

    /**
     * Reads a double.
     *
     * @param in the values.
     * @param at its position.
     * @return the double.
     */
    public static double getDouble(final long[] in, final int at)
    {
        return Double.longBitsToDouble(in[at]);
    }

    /**
     * Appends a boolean as 0 or 1.
     *
     * @param out the values.
     * @param value the boolean.
     */
    public static void putBoolean(final LongArrayList out, final boolean value)
    {
        out.addLong(value ? 1L : 0L);
    }

    /**
     * Appends a double array, length first.
     *
     * @param out the values.
     * @param values the array.
     */
    public static void putDoubles(final LongArrayList out, final double[] values)
    {
        out.addLong(values.length);
        for (final double v : values)
        {
            out.addLong(Double.doubleToRawLongBits(v));
        }
    }

    /**
     * Fills a double array from {@link #putDoubles}'s values.
     *
     * @param in the values.
     * @param at where the length is.
     * @param values the array to fill.
     * @return the position after the array.
     * @throws IllegalArgumentException when the stored length is not the array's.
     */
    public static int getDoubles(final long[] in, final int at, final double[] values)
    {
        checkLength(in, at, values.length);
        for (int i = 0; i < values.length; i++)
        {
            values[i] = Double.longBitsToDouble(in[at + 1 + i]);
        }
        return at + 1 + values.length;
    }

    /**
     * Appends a long array, length first.
     *
     * @param out the values.
     * @param values the array.
     */
    public static void putLongs(final LongArrayList out, final long[] values)
    {
        out.addLong(values.length);
        for (final long v : values)
        {
            out.addLong(v);
        }
    }

    /**
     * Fills a long array from {@link #putLongs}'s values.
     *
     * @param in the values.
     * @param at where the length is.
     * @param values the array to fill.
     * @return the position after the array.
     * @throws IllegalArgumentException when the stored length is not the array's.
     */
    public static int getLongs(final long[] in, final int at, final long[] values)
    {
        checkLength(in, at, values.length);
        System.arraycopy(in, at + 1, values, 0, values.length);
        return at + 1 + values.length;
    }

    /**
     * Appends an int array, length first.
     *
     * @param out the values.
     * @param values the array.
     */
    public static void putInts(final LongArrayList out, final int[] values)
    {
        out.addLong(values.length);
        for (final int v : values)
        {
            out.addLong(v);
        }
    }

    /**
     * Fills an int array from {@link #putInts}'s values.
     *
     * @param in the values.
     * @param at where the length is.
     * @param values the array to fill.
     * @return the position after the array.
     * @throws IllegalArgumentException when the stored length is not the array's.
     */
    public static int getInts(final long[] in, final int at, final int[] values)
    {
        checkLength(in, at, values.length);
        for (int i = 0; i < values.length; i++)
        {
            values[i] = (int)in[at + 1 + i];
        }
        return at + 1 + values.length;
    }

    /**
     * Appends a byte array, length first.
     *
     * @param out the values.
     * @param values the array.
     */
    public static void putBytes(final LongArrayList out, final byte[] values)
    {
        out.addLong(values.length);
        for (final byte v : values)
        {
            out.addLong(v);
        }
    }

    /**
     * Fills a byte array from {@link #putBytes}'s values.
     *
     * @param in the values.
     * @param at where the length is.
     * @param values the array to fill.
     * @return the position after the array.
     * @throws IllegalArgumentException when the stored length is not the array's.
     */
    public static int getBytes(final long[] in, final int at, final byte[] values)
    {
        checkLength(in, at, values.length);
        for (int i = 0; i < values.length; i++)
        {
            values[i] = (byte)in[at + 1 + i];
        }
        return at + 1 + values.length;
    }

    /**
     * Appends a boolean array, length first.
     *
     * @param out the values.
     * @param values the array.
     */
    public static void putBooleans(final LongArrayList out, final boolean[] values)
    {
        out.addLong(values.length);
        for (final boolean v : values)
        {
            out.addLong(v ? 1L : 0L);
        }
    }

    /**
     * Fills a boolean array from {@link #putBooleans}'s values.
     *
     * @param in the values.
     * @param at where the length is.
     * @param values the array to fill.
     * @return the position after the array.
     * @throws IllegalArgumentException when the stored length is not the array's.
     */
    public static int getBooleans(final long[] in, final int at, final boolean[] values)
    {
        checkLength(in, at, values.length);
        for (int i = 0; i < values.length; i++)
        {
            values[i] = in[at + 1 + i] != 0;
        }
        return at + 1 + values.length;
    }

    private static void checkLength(final long[] in, final int at, final int length)
    {
        if (at >= in.length || in[at] != length)
        {
            throw new IllegalArgumentException("engine state snapshot: an array of "
                + (at < in.length ? in[at] : -1) + " values at position " + at + " where this engine's has " + length
                + " (a snapshot of another configuration?)");
        }
    }
}
