package io.meridian.engine.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decision: one difference found by reconciling the engine's orders, executions and positions with the broker's
 * snapshot, or (diff kind {@link #KIND_CLEAN}, index 0) that there was none. {@code diffs} is the number of differences
 * in this reconciliation, {@code index} this one's number from 1; the header's instrument id names the instrument.
 * {@code engineValue} and {@code brokerValue} are what each side holds (quantity in lots, or price in ticks for a price
 * mismatch); {@code applied} is 1 when the engine applied the difference itself (a fill missed while down).
 *
 * <p>Layout after the {@link Header} (offset from the start of the record, field, {@link RecordLayout.Kind}; the
 * table rules are in the package documentation):
 * <pre>
 *  48 causeSequence    i64
 *  56 clOrdId          i64
 *  64 engineValue      i64
 *  72 brokerValue      i64
 *  80 diffs            i32
 *  84 index            i32
 *  88 diffKind         i8
 *  89 applied          i8
 *  90 (padding)        6
 *  96 (end)
 * </pre>
 */
public final class ReconciliationCodec
{
    /** Record type code. */
    public static final byte TYPE = RecordType.RECONCILIATION;
    /** Record length in bytes. */
    public static final int LENGTH = 96;
    /** Offset of {@code causeSequence}. */
    public static final int CAUSE_SEQUENCE_OFFSET = 48;
    /** Offset of {@code clOrdId}. */
    public static final int CL_ORD_ID_OFFSET = 56;
    /** Offset of {@code engineValue}. */
    public static final int ENGINE_VALUE_OFFSET = 64;
    /** Offset of {@code brokerValue}. */
    public static final int BROKER_VALUE_OFFSET = 72;
    /** Offset of {@code diffs}. */
    public static final int DIFFS_OFFSET = 80;
    /** Offset of {@code index}. */
    public static final int INDEX_OFFSET = 84;
    /** Offset of {@code diffKind}. */
    public static final int DIFF_KIND_OFFSET = 88;
    /** Offset of {@code applied}. */
    public static final int APPLIED_OFFSET = 89;
    /** {@code diffKind}: no difference. */
    public static final byte KIND_CLEAN = 0;
    /** {@code diffKind}: the engine has a working order the broker does not. */
    public static final byte KIND_ORDER_UNKNOWN_TO_BROKER = 1;
    /** {@code diffKind}: the broker has an open order the engine does not. */
    public static final byte KIND_ORDER_UNKNOWN_TO_ENGINE = 2;
    /** {@code diffKind}: an order's quantity differs. */
    public static final byte KIND_QTY_MISMATCH = 3;
    /** {@code diffKind}: an order's limit price differs. */
    public static final byte KIND_PRICE_MISMATCH = 4;
    /** {@code diffKind}: the broker executed more of an order than the engine knew (applied). */
    public static final byte KIND_MISSED_FILL = 5;
    /** {@code diffKind}: a position differs. */
    public static final byte KIND_POSITION_MISMATCH = 6;
    /** {@code diffKind}: the broker reports one order reference on two orders. */
    public static final byte KIND_DUPLICATE_ORDER_REF = 7;
    /**
     * {@code diffKind}: the broker executed an order the engine already considered finished (cancelled, filled or
     * rejected): a late execution, applied to the position as a missed fill ({@code engineValue} the order's filled
     * quantity before it, {@code brokerValue} the late execution's quantity).
     */
    public static final byte KIND_FILL_FOR_FINISHED_ORDER = 8;
    /**
     * {@code diffKind}: the engine has a live order the broker does not know, and the gateway never marked it sent (no
     * {@link OrderSentCodec ORDER_SENT} input): it never left the process (e.g. the engine stopped while the order
     * waited for a pacing token). Applied: the engine finishes it with nothing filled ({@code engineValue} its leaves
     * quantity, {@code brokerValue} 0); not halting.
     */
    public static final byte KIND_ORDER_NEVER_SENT = 9;
    /** Field table for dumps and diffs. */
    public static final RecordLayout LAYOUT = new RecordLayout(TYPE, "RECONCILIATION", LENGTH, new RecordLayout.Field[]{
        new RecordLayout.Field("causeSequence", CAUSE_SEQUENCE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("clOrdId", CL_ORD_ID_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("engineValue", ENGINE_VALUE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("brokerValue", BROKER_VALUE_OFFSET, RecordLayout.Kind.I64),
        new RecordLayout.Field("diffs", DIFFS_OFFSET, RecordLayout.Kind.I32),
        new RecordLayout.Field("index", INDEX_OFFSET, RecordLayout.Kind.I32),
        new RecordLayout.Field("diffKind", DIFF_KIND_OFFSET, RecordLayout.Kind.I8),
        new RecordLayout.Field("applied", APPLIED_OFFSET, RecordLayout.Kind.I8),
    });

    private ReconciliationCodec()
    {
    }

    /**
     * Sequence of the inbound event that completed the snapshot.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long causeSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CAUSE_SEQUENCE_OFFSET);
    }

    /**
     * Sets {@code causeSequence}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void causeSequence(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CAUSE_SEQUENCE_OFFSET, value);
    }

    /**
     * The order, 0 for a position or summary.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long clOrdId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CL_ORD_ID_OFFSET);
    }

    /**
     * Sets {@code clOrdId}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void clOrdId(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + CL_ORD_ID_OFFSET, value);
    }

    /**
     * What the engine holds.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long engineValue(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ENGINE_VALUE_OFFSET);
    }

    /**
     * Sets {@code engineValue}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void engineValue(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + ENGINE_VALUE_OFFSET, value);
    }

    /**
     * What the broker holds.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static long brokerValue(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + BROKER_VALUE_OFFSET);
    }

    /**
     * Sets {@code brokerValue}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void brokerValue(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        buffer.putLong(offset + BROKER_VALUE_OFFSET, value);
    }

    /**
     * Differences in this reconciliation.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int diffs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + DIFFS_OFFSET);
    }

    /**
     * Sets {@code diffs}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void diffs(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + DIFFS_OFFSET, value);
    }

    /**
     * This difference's number from 1 (0 on a clean record).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static int index(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + INDEX_OFFSET);
    }

    /**
     * Sets {@code index}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void index(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putInt(offset + INDEX_OFFSET, value);
    }

    /**
     * What differs ({@link #KIND_CLEAN} ...).
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte diffKind(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + DIFF_KIND_OFFSET);
    }

    /**
     * Sets {@code diffKind}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void diffKind(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + DIFF_KIND_OFFSET, value);
    }

    /**
     * 1 when the engine applied the difference.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return the value.
     */
    public static byte applied(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + APPLIED_OFFSET);
    }

    /**
     * Sets {@code applied}.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @param value the value.
     */
    public static void applied(final MutableDirectBuffer buffer, final int offset, final byte value)
    {
        buffer.putByte(offset + APPLIED_OFFSET, value);
    }
}
