package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A value of the broker's account (IB's accountSummary or updateAccountValue): NAV, cash or buying power, in cash
 * units ({@code Scales.CASH_SCALE} per currency unit); the account model takes NAV from it. A record of kind
 * {@link #KIND_END} closes one snapshot (accountSummaryEnd); its other fields are 0. Instrument id 0.
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 value            i64
 *  56 tag              i8
 *  57 kind             i8
 *  58 (padding)        6
 *  64 (end)
 * </pre>
 */
public final class AccountValueCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.ACCOUNT_VALUE;
    /** Record length in bytes. */
    public static final int LENGTH = 64;
    /** Offset of {@code value}. */
    public static final int VALUE_OFFSET = 48;
    /** Offset of {@code tag}. */
    public static final int TAG_OFFSET = 56;
    /** Offset of {@code kind}. */
    public static final int KIND_OFFSET = 57;
    /** {@code tag}: net liquidation value (NAV). */
    public static final byte TAG_NAV = 1;
    /** {@code tag}: total cash value. */
    public static final byte TAG_CASH = 2;
    /** {@code tag}: buying power. */
    public static final byte TAG_BUYING_POWER = 3;
    /** {@code kind}: one value. */
    public static final byte KIND_VALUE = 1;
    /** {@code kind}: the end of a snapshot. */
    public static final byte KIND_END = 2;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "ACCOUNT_VALUE", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("value", VALUE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("tag", TAG_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("kind", KIND_OFFSET, RecordLayout.Kind.I8),
    });

    private AccountValueCodec()
    {
    }

    /**
     * The value, cash units.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long value(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE_OFFSET);
    }

    /**
     * Sets {@code value}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void value(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VALUE_OFFSET, value);
    }

    /**
     * What the value is ({@link #TAG_NAV}, {@link #TAG_CASH}, {@link #TAG_BUYING_POWER}).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte tag(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TAG_OFFSET);
    }

    /**
     * Sets {@code tag}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void tag(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + TAG_OFFSET, value);
    }

    /**
     * {@link #KIND_VALUE} or {@link #KIND_END}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte kind(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + KIND_OFFSET);
    }

    /**
     * Sets {@code kind}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void kind(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + KIND_OFFSET, value);
    }
}
