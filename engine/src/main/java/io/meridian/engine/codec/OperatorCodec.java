package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An operator command (halt, resume, cancel-all).
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 command          i8
 *  49 (padding)        7
 *  56 argument         i64
 *  64 (end)
 * </pre>
 */
public final class OperatorCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.OPERATOR;
    /** Record length in bytes. */
    public static final int LENGTH = 64;
    /** Offset of {@code command}. */
    public static final int COMMAND_OFFSET = 48;
    /** Offset of {@code argument}. */
    public static final int ARGUMENT_OFFSET = 56;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "OPERATOR", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("command", COMMAND_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("argument", ARGUMENT_OFFSET, RecordLayout.Kind.I64),
    });

    private OperatorCodec()
    {
    }

    /**
     * OperatorCommand code.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte command(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + COMMAND_OFFSET);
    }

    /**
     * Sets {@code command}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void command(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + COMMAND_OFFSET, value);
    }

    /**
     * Command argument (unused by HALT, RESUME, CANCEL_ALL).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long argument(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ARGUMENT_OFFSET);
    }

    /**
     * Sets {@code argument}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void argument(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + ARGUMENT_OFFSET, value);
    }
}
