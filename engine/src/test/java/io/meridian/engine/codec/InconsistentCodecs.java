package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Codec-shaped fixtures whose three statements of a layout disagree in exactly one way each, so that
 * {@code CodecSchemaTest} can prove every consistency rule fails when it should. {@link Consistent} is the
 * unbroken original; each other fixture is a copy with one change. Test code only, never registered anywhere.
 */
public final class InconsistentCodecs
{
    private InconsistentCodecs()
    {
    }

    /** Readers and writers for the fixtures' {@code price} (i64) and {@code side} (i8) fields. */
    public static class PriceAndSide
    {
        protected PriceAndSide()
        {
        }

        public static long price(final DirectBuffer buffer, final int offset)
        {
            return buffer.getLong(offset + 48);
        }

        public static void price(final MutableDirectBuffer buffer, final int offset, final long value)
        {
            buffer.putLong(offset + 48, value);
        }

        public static byte side(final DirectBuffer buffer, final int offset)
        {
            return buffer.getByte(offset + 56);
        }

        public static void side(final MutableDirectBuffer buffer, final int offset, final byte value)
        {
            buffer.putByte(offset + 56, value);
        }
    }

    /**
     * All statements agree.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class Consistent extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private Consistent()
        {
        }
    }

    /**
     * The table puts {@code side} at 60.
     * <pre>
     *  48 price i64
     *  60 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class TableOffsetDiffers extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private TableOffsetDiffers()
        {
        }
    }

    /**
     * The table says {@code side} is two bytes wide.
     * <pre>
     *  48 price i64
     *  56 side  i16
     *  58 (padding) 6
     *  64 (end)
     * </pre>
     */
    public static final class TableKindDiffers extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private TableKindDiffers()
        {
        }
    }

    /**
     * The table forgets {@code side}.
     * <pre>
     *  48 price i64
     *  56 (padding) 8
     *  64 (end)
     * </pre>
     */
    public static final class TableMissesField extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private TableMissesField()
        {
        }
    }

    /**
     * The offset constant of {@code side} is not the offset the layout uses.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class ConstantDiffers extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 57;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", 56, RecordLayout.Kind.I8),
        });

        private ConstantDiffers()
        {
        }
    }

    /**
     * An offset constant for a field that exists nowhere else.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class StrayConstant extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final int FLAGS_OFFSET = 57;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private StrayConstant()
        {
        }
    }

    /**
     * The reader of {@code price} reads four bytes.
     * <pre>
     *  48 price i64
     *  56 (end)
     * </pre>
     */
    public static final class ReaderTypeDiffers
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 56;
        public static final int PRICE_OFFSET = 48;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
        });

        private ReaderTypeDiffers()
        {
        }

        public static int price(final DirectBuffer buffer, final int offset)
        {
            return buffer.getInt(offset + PRICE_OFFSET);
        }

        public static void price(final MutableDirectBuffer buffer, final int offset, final long value)
        {
            buffer.putLong(offset + PRICE_OFFSET, value);
        }
    }

    /**
     * {@code side} can be read but not written.
     * <pre>
     *  48 side  i8
     *  49 (padding) 7
     *  56 (end)
     * </pre>
     */
    public static final class WriterMissing
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 56;
        public static final int SIDE_OFFSET = 48;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private WriterMissing()
        {
        }

        public static byte side(final DirectBuffer buffer, final int offset)
        {
            return buffer.getByte(offset + SIDE_OFFSET);
        }
    }

    /**
     * The layout's name is not its record type's name.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class LayoutNameDiffers extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTES", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private LayoutNameDiffers()
        {
        }
    }

    /**
     * {@code LENGTH} and the layout's length differ.
     * <pre>
     *  48 price i64
     *  56 side  i8
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class LengthDiffers extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 72;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", 64, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private LengthDiffers()
        {
        }
    }

    /**
     * A table row in words the table does not use.
     * <pre>
     *  48 price i64
     *  56 side byte
     *  57 (padding) 7
     *  64 (end)
     * </pre>
     */
    public static final class UnreadableRow extends PriceAndSide
    {
        public static final byte TYPE = RecordType.QUOTE;
        public static final int LENGTH = 64;
        public static final int PRICE_OFFSET = 48;
        public static final int SIDE_OFFSET = 56;
        public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "QUOTE", LENGTH, new RecordLayout.Field[]{
            new RecordLayout.Field("price", PRICE_OFFSET, RecordLayout.Kind.I64),
            new RecordLayout.Field("side", SIDE_OFFSET, RecordLayout.Kind.I8),
        });

        private UnreadableRow()
        {
        }
    }
}
