package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An operator command (halt, resume, cancel-all, flatten). The header's {@code instrumentId} scopes it to one
 * instrument (0: every instrument); {@code operator} says who gave it: the name of the ops token that authenticated
 * it, up to {@value #OPERATOR_NAME_MAX} ASCII characters packed little-endian ({@link #packOperator}), 0 for a scripted
 * command. The token itself is never journaled. The field's kind is {@link RecordLayout.Kind#ASCII8}, so {@code
 * journal dump} prints {@code operator=alice}; its bytes are those of the earlier {@code i64} field (same offset,
 * same packing), so the journal format is unchanged.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 command          i8
 *  49 (padding)        7
 *  56 operator         ascii8
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
    /** Offset of {@code operator}. */
    public static final int OPERATOR_OFFSET = 56;
    /** Longest operator name {@link #packOperator} takes. */
    public static final int OPERATOR_NAME_MAX = 8;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "OPERATOR", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("command", COMMAND_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("operator", OPERATOR_OFFSET, RecordLayout.Kind.ASCII8),
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
     * Who gave the command: a packed operator name ({@link #unpackOperator}), 0 for a scripted command.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long operator(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OPERATOR_OFFSET);
    }

    /**
     * Sets {@code operator}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void operator(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + OPERATOR_OFFSET, value);
    }

    /**
     * Packs an operator name into the {@code operator} field: its bytes little-endian, first character lowest.
     *
     * @param name 1 to {@value #OPERATOR_NAME_MAX} characters out of letters, digits, '.', '_' and '-'.
     * @return the packed value, never 0.
     * @throws IllegalArgumentException naming the name and the rule it breaks.
     */
    public static long packOperator(final String name)
    {
        if (name.isEmpty() || name.length() > OPERATOR_NAME_MAX)
        {
            throw new IllegalArgumentException("operator name '" + name + "' must have 1 to " + OPERATOR_NAME_MAX
                + " characters");
        }
        long packed = 0;
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            final boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
            if (!allowed)
            {
                throw new IllegalArgumentException("operator name '" + name + "' may hold only letters, digits, "
                    + "'.', '_' and '-'");
            }
            packed |= (long)c << (8 * i);
        }
        return packed;
    }

    /**
     * The operator name of a packed {@code operator} field (tools; allocates).
     *
     * @param packed the field's value.
     * @return the name, or the empty string for 0 (a scripted command).
     */
    public static String unpackOperator(final long packed)
    {
        final StringBuilder name = new StringBuilder(OPERATOR_NAME_MAX);
        for (int i = 0; i < OPERATOR_NAME_MAX; i++)
        {
            final char c = (char)((packed >>> (8 * i)) & 0xFF);
            if (c == 0)
            {
                break;
            }
            name.append(c);
        }
        return name.toString();
    }
}
