package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An OHLCV bar: imported from a bars file, or built in the engine from trades. The header's {@code eventTimeNs} is
 * the bar's time as its source labels it (an imported daily bar: the start of its day in the import zone; a built
 * bar: the time its last event closed it).
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 open             i64
 *  56 high             i64
 *  64 low              i64
 *  72 close            i64
 *  80 volume           i64
 *  88 durationNs       i64
 *  96 (end)
 * </pre>
 */
public final class BarCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.BAR;
    /** Record length in bytes. */
    public static final int LENGTH = 96;
    /** Offset of {@code open}. */
    public static final int OPEN_OFFSET = 48;
    /** Offset of {@code high}. */
    public static final int HIGH_OFFSET = 56;
    /** Offset of {@code low}. */
    public static final int LOW_OFFSET = 64;
    /** Offset of {@code close}. */
    public static final int CLOSE_OFFSET = 72;
    /** Offset of {@code volume}. */
    public static final int VOLUME_OFFSET = 80;
    /** Offset of {@code durationNs}. */
    public static final int DURATION_NS_OFFSET = 88;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "BAR", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("open", OPEN_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("high", HIGH_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("low", LOW_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("close", CLOSE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("volume", VOLUME_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("durationNs", DURATION_NS_OFFSET, RecordLayout.Kind.I64),
    });

    private BarCodec()
    {
    }

    /**
     * Opening price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long open(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OPEN_OFFSET);
    }

    /**
     * Sets {@code open}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void open(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + OPEN_OFFSET, value);
    }

    /**
     * Highest price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long high(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + HIGH_OFFSET);
    }

    /**
     * Sets {@code high}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void high(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + HIGH_OFFSET, value);
    }

    /**
     * Lowest price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long low(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LOW_OFFSET);
    }

    /**
     * Sets {@code low}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void low(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + LOW_OFFSET, value);
    }

    /**
     * Closing price in ticks.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long close(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CLOSE_OFFSET);
    }

    /**
     * Sets {@code close}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void close(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CLOSE_OFFSET, value);
    }

    /**
     * Traded volume in lots (zero or more).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long volume(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VOLUME_OFFSET);
    }

    /**
     * Sets {@code volume}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void volume(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + VOLUME_OFFSET, value);
    }

    /**
     * The bar's length in nanoseconds, 0 when unknown (an imported bar without a stated length).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long durationNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + DURATION_NS_OFFSET);
    }

    /**
     * Sets {@code durationNs}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void durationNs(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + DURATION_NS_OFFSET, value);
    }
}
