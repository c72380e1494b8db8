package io.meridian.journal;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds engine records for journal tests: a correct header for the type and a body filled with a pattern that
 * depends on the record number, so that every record differs from every other.
 */
public final class TestRecords
{
    /** Every inbound type. */
    private static final byte[] INBOUND_TYPES = {
        RecordType.QUOTE, RecordType.TRADE, RecordType.EXEC_REPORT, RecordType.TIMER, RecordType.OPERATOR,
        RecordType.CONNECTIVITY, RecordType.ACCOUNT_VALUE, RecordType.POSITION, RecordType.OPEN_ORDER,
        RecordType.EXECUTION, RecordType.ORDER_SENT,
    };
    /** Every decision type. */
    private static final byte[] DECISION_TYPES = {
        RecordType.SIGNAL, RecordType.RISK_DECISION, RecordType.ORDER_COMMAND, RecordType.TRADING_STATE,
        RecordType.RISK_WARNING, RecordType.RECONCILIATION,
    };

    /**
     * The decision record type used for the i-th test decision (cycling through every decision type).
     *
     * @param i the decision's number.
     * @return its record type.
     */
    public static byte decisionType(final int i)
    {
        return DECISION_TYPES[i % DECISION_TYPES.length];
    }
    /** Event time of record 0. */
    public static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    /** Event-time step between records. */
    public static final long STEP_NS = 1_000_000L;

    private TestRecords()
    {
    }

    /**
     * The inbound types in turn.
     *
     * @param n record number.
     * @return the inbound type of record {@code n}, cycling through every inbound type.
     */
    public static byte inboundType(final long n)
    {
        return INBOUND_TYPES[(int)(n % INBOUND_TYPES.length)];
    }

    /**
     * One record.
     *
     * @param type record type.
     * @param n record number: its sequence and the seed of its body.
     * @return a buffer holding exactly the record.
     */
    public static UnsafeBuffer record(final byte type, final long n)
    {
        final int length = RecordLayouts.forType(type).length();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length]);
        fill(buffer, 0, type, n);
        return buffer;
    }

    /**
     * Writes a record into a buffer.
     *
     * @param buffer target.
     * @param offset where the record starts.
     * @param type record type.
     * @param n record number.
     * @return the record's length.
     */
    public static int fill(final UnsafeBuffer buffer, final int offset, final byte type, final long n)
    {
        final int length = RecordLayouts.forType(type).length();
        Header.write(buffer, offset, type, length, (int)(n % 7) + 1, n + 1, START_TIME_NS + n * STEP_NS,
            START_TIME_NS + n * STEP_NS + 250, 3, 1000 + n);
        for (int i = Header.LENGTH; i < length; i++)
        {
            buffer.putByte(offset + i, (byte)(n * 31 + i * 7L + type));
        }
        if (type == RecordType.QUOTE)
        {
            QuoteCodec.bidPrice(buffer, offset, 10_000 + n);
            QuoteCodec.askPrice(buffer, offset, 10_002 + n);
        }
        return length;
    }

    /**
     * Inbound records cycling through every inbound type.
     *
     * @param count how many.
     * @return the records.
     */
    public static List<UnsafeBuffer> inbound(final int count)
    {
        final List<UnsafeBuffer> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            records.add(record(INBOUND_TYPES[i % INBOUND_TYPES.length], i));
        }
        return records;
    }

    /**
     * Decision records cycling through every decision type.
     *
     * @param count how many.
     * @return the records.
     */
    public static List<UnsafeBuffer> decisions(final int count)
    {
        final List<UnsafeBuffer> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            records.add(record(DECISION_TYPES[i % DECISION_TYPES.length], i));
        }
        return records;
    }

    /**
     * Copies a record out of a reused buffer.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length.
     * @return the bytes.
     */
    public static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    /**
     * The bytes of a record buffer.
     *
     * @param record a buffer holding exactly one record.
     * @return its bytes.
     */
    public static byte[] bytes(final UnsafeBuffer record)
    {
        return copy(record, 0, record.capacity());
    }
}
