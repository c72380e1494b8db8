package io.meridian.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The protobuf wire format, read from a byte array: a position plus the primitive reads (tags, varints, fixed-width
 * values, length-delimited payloads, packed repeated fields, skipping by wire type). Every read is bounded by the end
 * of the enclosing message and fails with an {@link OnnxFormatException} naming the source and the byte offset.
 * {@link OnnxModelReader} maps ONNX's messages onto it. Start-up only; allocates freely.
 */
final class ProtobufCursor
{
    /** Wire type of varint fields. */
    static final int VARINT = 0;
    /** Wire type of 64-bit fixed-width fields. */
    static final int FIXED64 = 1;
    /** Wire type of length-delimited fields (strings, bytes, messages, packed repeated fields). */
    static final int LENGTH_DELIMITED = 2;
    /** Wire type of the deprecated group start. */
    static final int START_GROUP = 3;
    /** Wire type of the deprecated group end. */
    static final int END_GROUP = 4;
    /** Wire type of 32-bit fixed-width fields. */
    static final int FIXED32 = 5;

    private static final int MAX_VARINT_BYTES = 10;

    private final byte[] bytes;
    private final String source;
    /** Where the next read starts. */
    int pos;

    ProtobufCursor(final byte[] bytes, final String source)
    {
        this.bytes = bytes;
        this.source = source;
    }

    OnnxFormatException fail(final long offset, final String problem)
    {
        return new OnnxFormatException(source, offset, problem);
    }

    long tag(final int end)
    {
        final int tagPos = pos;
        final long tag = varint(end);
        if ((tag >>> 3) == 0)
        {
            throw fail(tagPos, "field number 0 is not valid protobuf");
        }
        if ((tag >>> 3) > Integer.MAX_VALUE)
        {
            throw fail(tagPos, "field number " + (tag >>> 3) + " is out of range");
        }
        return tag;
    }

    void expect(final int wireType, final int expected, final int tagPos, final String fieldName)
    {
        if (wireType != expected)
        {
            throw fail(tagPos, fieldName + " has wire type " + wireType + ", expected " + expected);
        }
    }

    long varint(final int end)
    {
        final int start = pos;
        long result = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++)
        {
            if (pos >= end)
            {
                throw fail(start, "truncated varint (message ends at byte " + end + ")");
            }
            final byte b = bytes[pos++];
            result |= (long)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw fail(start, "varint longer than " + MAX_VARINT_BYTES + " bytes");
    }

    int fixed32(final int end)
    {
        require(Integer.BYTES, end);
        final int value = littleEndianInt(pos);
        pos += Integer.BYTES;
        return value;
    }

    long fixed64(final int end)
    {
        require(Long.BYTES, end);
        final long value = littleEndianLong(pos);
        pos += Long.BYTES;
        return value;
    }

    int littleEndianInt(final int at)
    {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 |
            (bytes[at + 3] & 0xFF) << 24;
    }

    long littleEndianLong(final int at)
    {
        return (littleEndianInt(at) & 0xFFFF_FFFFL) | (long)littleEndianInt(at + Integer.BYTES) << 32;
    }

    /** Reads a length prefix and returns where the delimited payload (which starts at {@code pos}) ends. */
    int messageEnd(final int end)
    {
        final int lengthPos = pos;
        final long length = varint(end);
        if (length < 0 || length > end - pos)
        {
            throw fail(lengthPos, "length " + length + " runs past the end of the enclosing message (" +
                (end - pos) + " bytes left)");
        }
        return pos + (int)length;
    }

    String string(final int end)
    {
        final int stringEnd = messageEnd(end);
        final String value = new String(bytes, pos, stringEnd - pos, StandardCharsets.UTF_8);
        pos = stringEnd;
        return value;
    }

    void skip(final int wireType, final int end, final int tagPos)
    {
        switch (wireType)
        {
            case VARINT:
                varint(end);
                break;
            case FIXED64:
                require(Long.BYTES, end);
                pos += Long.BYTES;
                break;
            case LENGTH_DELIMITED:
                pos = messageEnd(end);
                break;
            case FIXED32:
                require(Integer.BYTES, end);
                pos += Integer.BYTES;
                break;
            case START_GROUP:
            case END_GROUP:
                throw fail(tagPos, "protobuf groups (wire type " + wireType + ") are not used by ONNX");
            default:
                throw fail(tagPos, "invalid wire type " + wireType);
        }
    }

    private void require(final int count, final int end)
    {
        if (end - pos < count)
        {
            throw fail(pos, "needs " + count + " bytes but the enclosing message ends at byte " + end);
        }
    }

    /**
     * Reads a repeated varint field, one value or packed.
     *
     * @param wireType the field's wire type.
     * @param end where the enclosing message ends.
     * @param tagPos where the field's tag starts, for errors.
     * @param into where the values go.
     * @param fieldName the field's name, for errors.
     */
    void repeatedVarint(
        final int wireType, final int end, final int tagPos, final LongList into, final String fieldName)
    {
        if (wireType == VARINT)
        {
            into.add(varint(end));
        }
        else if (wireType == LENGTH_DELIMITED)
        {
            final int packedEnd = messageEnd(end);
            while (pos < packedEnd)
            {
                into.add(varint(packedEnd));
            }
        }
        else
        {
            throw fail(tagPos, fieldName + " has wire type " + wireType + ", expected 0 or 2");
        }
    }

    /**
     * Reads a repeated float ({@code FIXED32}) or double ({@code FIXED64}) field, one value or packed.
     *
     * @param wireType the field's wire type.
     * @param end where the enclosing message ends.
     * @param tagPos where the field's tag starts, for errors.
     * @param into where the values go.
     * @param isDouble double (true) or float values.
     * @param fieldName the field's name, for errors.
     */
    void repeatedFixed(
        final int wireType,
        final int end,
        final int tagPos,
        final DoubleList into,
        final boolean isDouble,
        final String fieldName)
    {
        final int valueWireType = isDouble ? FIXED64 : FIXED32;
        final int width = isDouble ? Double.BYTES : Float.BYTES;
        if (wireType == valueWireType)
        {
            into.add(fixed(end, isDouble));
        }
        else if (wireType == LENGTH_DELIMITED)
        {
            final int packedEnd = messageEnd(end);
            if ((packedEnd - pos) % width != 0)
            {
                throw fail(pos, "packed " + fieldName + " is " + (packedEnd - pos) +
                    " bytes, not a multiple of " + width);
            }
            while (pos < packedEnd)
            {
                into.add(fixed(packedEnd, isDouble));
            }
        }
        else
        {
            throw fail(tagPos, fieldName + " has wire type " + wireType + ", expected " + valueWireType +
                " or 2");
        }
    }

    private double fixed(final int end, final boolean isDouble)
    {
        return isDouble ? Double.longBitsToDouble(fixed64(end)) : Float.intBitsToFloat(fixed32(end));
    }

    /** A growable list of longs. */
    static final class LongList
    {
        private long[] values = new long[4];
        private int size;

        void add(final long value)
        {
            if (size == values.length)
            {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray()
        {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable list of doubles. */
    static final class DoubleList
    {
        private double[] values = new double[16];
        private int size;

        void add(final double value)
        {
            if (size == values.length)
            {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray()
        {
            return Arrays.copyOf(values, size);
        }
    }
}
