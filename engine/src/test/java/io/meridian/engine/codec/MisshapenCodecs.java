package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Codec-shaped fixtures whose statements agree with each other but whose layout breaks a geometry rule (overlap,
 * gap, misalignment, length), so that {@code CodecSchemaTest} can prove those rules fail when they should. Test code
 * only, never registered anywhere.
 */
public final class MisshapenCodecs
{
    private MisshapenCodecs()
    {
    }

    /**
     * {@code side} starts inside {@code price}.
     * <pre>
     *  48 price i64
     *  52 side  i8
     *  53 (padding) 3
     *  56 (end)
     * </pre>
     */
    public static final class Overlap
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 56;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 52;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private Overlap()
        {
        }

        public static long price(final DirectBuffer buffer, final int offset)
        {
            return buffer.getLong(offset + PRICE_OFFSET);
        }

        public static void price(final MutableDirectBuffer buffer, final int offset, final long value)
        {
            buffer.putLong(offset + PRICE_OFFSET, value);
        }

        public static byte side(final DirectBuffer buffer, final int offset)
        {
            return buffer.getByte(offset + SIDE_OFFSET);
        }

        public static void side(final MutableDirectBuffer buffer, final int offset, final byte value)
        {
            buffer.putByte(offset + SIDE_OFFSET, value);
        }
    }

    /**
     * Eight bytes nobody needs between {@code price} and {@code side}.
     * <pre>
     *  48 price i64
     *  56 (padding) 8
     *  64 side  i8
     *  65 (padding) 7
     *  72 (end)
     * </pre>
     */
    public static final class Gap
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 72;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 64;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private Gap()
        {
        }

        public static long price(final DirectBuffer buffer, final int offset)
        {
            return buffer.getLong(offset + PRICE_OFFSET);
        }

        public static void price(final MutableDirectBuffer buffer, final int offset, final long value)
        {
            buffer.putLong(offset + PRICE_OFFSET, value);
        }

        public static byte side(final DirectBuffer buffer, final int offset)
        {
            return buffer.getByte(offset + SIDE_OFFSET);
        }

        public static void side(final MutableDirectBuffer buffer, final int offset, final byte value)
        {
            buffer.putByte(offset + SIDE_OFFSET, value);
        }
    }

    /**
     * A four-byte field at an offset four does not divide.
     * <pre>
     *  48 code  i16
     *  50 qty   i32
     *  54 (padding) 2
     *  56 (end)
     * </pre>
     */
    public static final class Misaligned
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 56;
        public static final int CODE_OFFSET = 48;
        public static final int QTY_OFFSET = 50;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("code", CODE_OFFSET, RecordLayout.Kind.I16),
            new RecordLayout.Field("qty", QTY_OFFSET, RecordLayout.Kind.I32),
        });

        private Misaligned()
        {
        }

        public static short code(final DirectBuffer buffer, final int offset)
        {
            return buffer.getShort(offset + CODE_OFFSET);
        }

        public static void code(final MutableDirectBuffer buffer, final int offset, final short value)
        {
            buffer.putShort(offset + CODE_OFFSET, value);
        }

        public static int qty(final DirectBuffer buffer, final int offset)
        {
            return buffer.getInt(offset + QTY_OFFSET);
        }

        public static void qty(final MutableDirectBuffer buffer, final int offset, final int value)
        {
            buffer.putInt(offset + QTY_OFFSET, value);
        }
    }

    /**
     * The table skips four bytes between two rows, and the layout agrees with the table.
     * <pre>
     *  48 price i64
     *  60 side  i8
     *  61 (padding) 3
     *  64 (end)
     * </pre>
     */
    public static final class TableHole extends InconsistentCodecs.PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 60;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private TableHole()
        {
        }
    }

    /**
     * Fifteen bytes of tail where rounding to eight needs seven.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 15
     *  72 (end)
     * </pre>
     */
    public static final class TooMuchTail extends InconsistentCodecs.PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 72;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private TooMuchTail()
        {
        }
    }

    /**
     * Fifteen eight-byte fields: 168 bytes, more than a ring slot holds. Accessors are left out; the test looks only
     * for the length problem.
     * <pre>
     *  48 f0  i64
     *  56 f1  i64
     *  64 f2  i64
     *  72 f3  i64
     *  80 f4  i64
     *  88 f5  i64
     *  96 f6  i64
     * 104 f7  i64
     * 112 f8  i64
     * 120 f9  i64
     * 128 f10 i64
     * 136 f11 i64
     * 144 f12 i64
     * 152 f13 i64
     * 160 f14 i64
     * 168 (end)
     * </pre>
     */
    public static final class TooLong
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 168;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("f0", 48, RecordLayout.Kind.I64),
            new RecordLayout.Field("f1", 56, RecordLayout.Kind.I64),
            new RecordLayout.Field("f2", 64, RecordLayout.Kind.I64),
            new RecordLayout.Field("f3", 72, RecordLayout.Kind.I64),
            new RecordLayout.Field("f4", 80, RecordLayout.Kind.I64),
            new RecordLayout.Field("f5", 88, RecordLayout.Kind.I64),
            new RecordLayout.Field("f6", 96, RecordLayout.Kind.I64),
            new RecordLayout.Field("f7", 104, RecordLayout.Kind.I64),
            new RecordLayout.Field("f8", 112, RecordLayout.Kind.I64),
            new RecordLayout.Field("f9", 120, RecordLayout.Kind.I64),
            new RecordLayout.Field("f10", 128, RecordLayout.Kind.I64),
            new RecordLayout.Field("f11", 136, RecordLayout.Kind.I64),
            new RecordLayout.Field("f12", 144, RecordLayout.Kind.I64),
            new RecordLayout.Field("f13", 152, RecordLayout.Kind.I64),
            new RecordLayout.Field("f14", 160, RecordLayout.Kind.I64),
        });

        private TooLong()
        {
        }
    }
}
