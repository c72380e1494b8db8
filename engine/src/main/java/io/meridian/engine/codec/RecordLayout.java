package io.meridian.engine.codec;

import org.agrona.DirectBuffer;

/**
 * Describes the fields of one record type so that tools can print and diff records generically. Used by journal
 * dump, the replay verifier and tests; never on the hot path.
 */
public final class RecordLayout
{
    /** Field encodings. */
    public enum Kind
    {
        /** One signed byte. */
        I8(1),
        /** Two-byte signed integer. */
        I16(2),
        /** Two-byte unsigned integer (read as an {@code int}). */
        U16(2),
        /** Four-byte signed integer. */
        I32(4),
        /** Eight-byte signed integer. */
        I64(8),
        /** IEEE-754 double. */
        F64(8),
        /**
         * Up to eight ASCII characters, first character in the lowest byte, NUL-padded; read and written as a
         * {@code long} (the codec packs it), printed as text. Added after the others: kinds are never renumbered.
         */
        ASCII8(8);

        private final int width;

        Kind(final int width)
        {
            this.width = width;
        }

        /**
         * Width in bytes.
         *
         * @return the width.
         */
        public int width()
        {
            return width;
        }
    }

    /**
     * One field: name, offset from the start of the record, encoding.
     *
     * @param name field name.
     * @param offset offset from the start of the record.
     * @param kind encoding.
     */
    public record Field(String name, int offset, Kind kind)
    {
        /**
         * Reads the field as text.
         *
         * @param buffer the record's buffer.
         * @param recordOffset where the record starts.
         * @return the value as text.
         */
        public String format(final DirectBuffer buffer, final int recordOffset)
        {
            final int at = recordOffset + offset;
            switch (kind)
            {
                case I8:
                    return Byte.toString(buffer.getByte(at));
                case I16:
                    return Short.toString(buffer.getShort(at));
                case U16:
                    return Integer.toString(buffer.getShort(at) & 0xFFFF);
                case I32:
                    return Integer.toString(buffer.getInt(at));
                case I64:
                    return Long.toString(buffer.getLong(at));
                case F64:
                    return Double.toString(buffer.getDouble(at));
                case ASCII8:
                    return ascii(buffer, at);
                default:
                    throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }

    /**
     * An {@link Kind#ASCII8} field as text: the bytes up to the first NUL; a byte outside printable ASCII (or a space,
     * which would split a {@code name=value} dump) is written {@code \xNN}, so any value prints on one line.
     */
    private static String ascii(final DirectBuffer buffer, final int at)
    {
        final StringBuilder text = new StringBuilder(Kind.ASCII8.width());
        for (int i = 0; i < Kind.ASCII8.width(); i++)
        {
            final int b = buffer.getByte(at + i) & 0xFF;
            if (b == 0)
            {
                break;
            }
            if (b > ' ' && b < 0x7F && b != '\\')
            {
                text.append((char)b);
            }
            else
            {
                text.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        return text.toString();
    }

    /** The header's fields, shared by every record type; package-private for the codec tests, never modified. */
    static final Field[] HEADER_FIELDS = {
        new Field("type", Header.TYPE_OFFSET, Kind.I8),
        new Field("schemaVersion", Header.SCHEMA_VERSION_OFFSET, Kind.I8),
        new Field("length", Header.LENGTH_OFFSET, Kind.U16),
        new Field("instrumentId", Header.INSTRUMENT_ID_OFFSET, Kind.I32),
        new Field("sequence", Header.SEQUENCE_OFFSET, Kind.I64),
        new Field("eventTimeNs", Header.EVENT_TIME_NS_OFFSET, Kind.I64),
        new Field("receiveTimeNs", Header.RECEIVE_TIME_NS_OFFSET, Kind.I64),
        new Field("sourceId", Header.SOURCE_ID_OFFSET, Kind.I32),
        new Field("flags", Header.FLAGS_OFFSET, Kind.I32),
        new Field("sourceSequence", Header.SOURCE_SEQUENCE_OFFSET, Kind.I64),
    };

    private final byte type;
    private final String name;
    private final int length;
    private final Field[] fields;

    /**
     * A layout.
     *
     * @param type record type code.
     * @param name record type name.
     * @param length record length.
     * @param bodyFields fields after the header.
     */
    public RecordLayout(final byte type, final String name, final int length, final Field[] bodyFields)
    {
        this.type = type;
        this.name = name;
        this.length = length;
        this.fields = new Field[HEADER_FIELDS.length + bodyFields.length];
        System.arraycopy(HEADER_FIELDS, 0, fields, 0, HEADER_FIELDS.length);
        System.arraycopy(bodyFields, 0, fields, HEADER_FIELDS.length, bodyFields.length);
    }

    public byte type()
    {
        return type;
    }

    public String name()
    {
        return name;
    }

    public int length()
    {
        return length;
    }

    /**
     * Header and body fields in offset order.
     *
     * @return a copy of the field table.
     */
    public Field[] fields()
    {
        return fields.clone();
    }

    /**
     * The field that covers a byte offset within the record.
     *
     * @param offsetInRecord byte offset from the start of the record.
     * @return the field, or {@code null} for padding.
     */
    public Field fieldAt(final int offsetInRecord)
    {
        for (final Field f : fields)
        {
            if (offsetInRecord >= f.offset() && offsetInRecord < f.offset() + f.kind().width())
            {
                return f;
            }
        }
        return null;
    }

    /**
     * Appends {@code name=value} pairs for every field.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param out where to append.
     * @return {@code out}.
     */
    public StringBuilder format(final DirectBuffer buffer, final int offset, final StringBuilder out)
    {
        out.append(name);
        for (int i = HEADER_FIELDS.length; i < fields.length; i++)
        {
            out.append(' ').append(fields[i].name()).append('=').append(fields[i].format(buffer, offset));
        }
        return out;
    }
}
