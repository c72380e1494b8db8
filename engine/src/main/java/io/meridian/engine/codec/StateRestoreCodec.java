package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One chunk of an engine-state snapshot that a recovery restores (issue 9, bounded restarts). A snapshot is a run of
 * these records: a BEGIN (its values: snapshot format version, the journal position it was taken at, the instrument
 * count, the number of parts), then each part of the state as a sequence of {@code long}s cut into chunks of up to
 * {@link #VALUES} values (the part id, the chunk's offset in the part and its value count), then an END (its values:
 * the same position and the number of chunk records). The engine applies the whole snapshot at the END, so a torn
 * run changes nothing.
 *
 * <p>Over 500 lines: the codec convention (checked by {@code CodecSchemaTest}) gives each of the twelve value fields
 * its own offset constant, reader and writer.
 *
 * <p>{@code part} is BEGIN, END or a part id; {@code count} the values used in this chunk (0..12); {@code valueOffset}
 * the offset of {@code value0} in its part.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 part             i8
 *  49 count            i8
 *  50 (padding)        2
 *  52 valueOffset      i32
 *  56 value0          i64
 *  64 value1          i64
 *  72 value2          i64
 *  80 value3          i64
 *  88 value4          i64
 *  96 value5          i64
 * 104 value6          i64
 * 112 value7          i64
 * 120 value8          i64
 * 128 value9          i64
 * 136 value10         i64
 * 144 value11         i64
 * 152 (end)
 * </pre>
 */
public final class StateRestoreCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.STATE_RESTORE;
    /** Values per record. */
    public static final int VALUES = 12;
    /** Record length in bytes. */
    public static final int LENGTH = 152;
    /** Part code of the first record of a snapshot. */
    public static final byte BEGIN = 0;
    /** Part code of the last record of a snapshot. */
    public static final byte END = 127;
    /** Offset of {@code part}. */
    public static final int PART_OFFSET = 48;
    /** Offset of {@code count}. */
    public static final int COUNT_OFFSET = 49;
    /** Offset of {@code valueOffset}. */
    public static final int VALUE_OFFSET_OFFSET = 52;
    /** Offset of {@code value0}. */
    public static final int VALUE0_OFFSET = 56;
    /** Offset of {@code value1}. */
    public static final int VALUE1_OFFSET = 64;
    /** Offset of {@code value2}. */
    public static final int VALUE2_OFFSET = 72;
    /** Offset of {@code value3}. */
    public static final int VALUE3_OFFSET = 80;
    /** Offset of {@code value4}. */
    public static final int VALUE4_OFFSET = 88;
    /** Offset of {@code value5}. */
    public static final int VALUE5_OFFSET = 96;
    /** Offset of {@code value6}. */
    public static final int VALUE6_OFFSET = 104;
    /** Offset of {@code value7}. */
    public static final int VALUE7_OFFSET = 112;
    /** Offset of {@code value8}. */
    public static final int VALUE8_OFFSET = 120;
    /** Offset of {@code value9}. */
    public static final int VALUE9_OFFSET = 128;
    /** Offset of {@code value10}. */
    public static final int VALUE10_OFFSET = 136;
    /** Offset of {@code value11}. */
    public static final int VALUE11_OFFSET = 144;

    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "STATE_RESTORE", LENGTH, fields());

    private StateRestoreCodec()
    {
    }

    private static RecordLayout.Field[] fields()
    {
        final RecordLayout.Field[] f = new RecordLayout.Field[3 + VALUES];
        f[0] = new RecordLayout.Field("part", PART_OFFSET, RecordLayout.Kind.I8);
        f[1] = new RecordLayout.Field("count", COUNT_OFFSET, RecordLayout.Kind.I8);
        f[2] = new RecordLayout.Field("valueOffset", VALUE_OFFSET_OFFSET, RecordLayout.Kind.I32);
        for (int i = 0; i < VALUES; i++)
        {
            f[3 + i] = new RecordLayout.Field("value" + i, VALUE0_OFFSET + i * Long.BYTES, RecordLayout.Kind.I64);
        }
        return f;
    }

    /**
     * Writes a complete STATE_RESTORE record; sequence and receive time are left 0 for the sequencer.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @param eventTimeNs the record's event time.
     * @param sourceId the source writing the snapshot.
     * @param sourceSequence the source's sequence number.
     * @param part BEGIN, END or a part id.
     * @param valueOffset offset of the first value in its part.
     * @param values the values.
     * @param from first value to copy.
     * @param count how many, at most {@link #VALUES}.
     * @return the record length.
     */
    public static int write(
        final MutableDirectBuffer buffer, final int offset, final long eventTimeNs, final int sourceId,
        final long sourceSequence, final byte part, final int valueOffset, final long[] values, final int from,
        final int count)
    {
        if (count < 0 || count > VALUES)
        {
            throw new IllegalArgumentException("STATE_RESTORE holds 0.." + VALUES + " values, not " + count);
        }
        Header.write(buffer, offset, TYPE, LENGTH, 0, 0, eventTimeNs, 0, sourceId, sourceSequence);
        buffer.putByte(offset + PART_OFFSET, part);
        buffer.putByte(offset + COUNT_OFFSET, (byte)count);
        buffer.putInt(offset + VALUE_OFFSET_OFFSET, valueOffset);
        for (int i = 0; i < VALUES; i++)
        {
            buffer.putLong(offset + VALUE0_OFFSET + i * Long.BYTES, i < count ? values[from + i] : 0L);
        }
        return LENGTH;
    }

    /**
     * The part.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return BEGIN, END or a part id.
     */
    public static byte part(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + PART_OFFSET);
    }

    /**
     * Values used in this record.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return 0..{@link #VALUES}.
     */
    public static byte count(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + COUNT_OFFSET);
    }

    /**
     * Offset of this record's first value in its part.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int valueOffset(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + VALUE_OFFSET_OFFSET);
    }

    /**
     * One value.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param i 0..{@link #VALUES} - 1.
     * @return the value.
     */
    public static long value(final DirectBuffer buffer, final int offset, final int i)
    {
        return buffer.getLong(offset + VALUE0_OFFSET + i * Long.BYTES);
    }

    /**
     * Writes the part.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void part(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + PART_OFFSET, value);
    }

    /**
     * Writes the count.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void count(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + COUNT_OFFSET, value);
    }

    /**
     * Writes the value offset.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void valueOffset(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + VALUE_OFFSET_OFFSET, value);
    }

    /**
     * Value 0 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value0(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE0_OFFSET);
    }

    /**
     * Writes value 0 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value0(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE0_OFFSET, value);
    }

    /**
     * Value 1 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value1(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE1_OFFSET);
    }

    /**
     * Writes value 1 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value1(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE1_OFFSET, value);
    }

    /**
     * Value 2 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value2(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE2_OFFSET);
    }

    /**
     * Writes value 2 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value2(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE2_OFFSET, value);
    }

    /**
     * Value 3 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value3(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE3_OFFSET);
    }

    /**
     * Writes value 3 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value3(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE3_OFFSET, value);
    }

    /**
     * Value 4 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value4(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE4_OFFSET);
    }

    /**
     * Writes value 4 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value4(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE4_OFFSET, value);
    }

    /**
     * Value 5 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value5(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE5_OFFSET);
    }

    /**
     * Writes value 5 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value5(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE5_OFFSET, value);
    }

    /**
     * Value 6 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value6(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE6_OFFSET);
    }

    /**
     * Writes value 6 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value6(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE6_OFFSET, value);
    }

    /**
     * Value 7 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value7(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE7_OFFSET);
    }

    /**
     * Writes value 7 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value7(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE7_OFFSET, value);
    }

    /**
     * Value 8 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value8(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE8_OFFSET);
    }

    /**
     * Writes value 8 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value8(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE8_OFFSET, value);
    }

    /**
     * Value 9 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value9(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE9_OFFSET);
    }

    /**
     * Writes value 9 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value9(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE9_OFFSET, value);
    }

    /**
     * Value 10 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value10(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE10_OFFSET);
    }

    /**
     * Writes value 10 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value10(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE10_OFFSET, value);
    }

    /**
     * Value 11 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value11(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE11_OFFSET);
    }

    /**
     * Writes value 11 of the chunk.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value11(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE11_OFFSET, value);
    }
}
