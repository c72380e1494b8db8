package io.meridian.runtime.ib;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * The last reconciliation of the current session, for the ops server (issue 9 §3: {@code ./meridian status} shows
 * it): the engine's thread hands it each RECONCILIATION record it journals (not the recovered ones of an earlier
 * session), a record with index 1 or of kind CLEAN starting a new reconciliation; the server's threads read a copy.
 * The engine's side copies into preallocated arrays under a lock that only a reader can hold, briefly; it allocates
 * nothing.
 */
public final class ReconciliationLog
{
    /** Differences kept of one reconciliation (the count of the rest is reported). */
    public static final int MAX = 64;

    /**
     * One RECONCILIATION record.
     *
     * @param kind {@code ReconciliationCodec.KIND_*}.
     * @param kindName its name.
     * @param instrumentId the instrument's id (0 when the difference has none).
     * @param clOrdId the order's client id (0 when none).
     * @param engineValue what the engine holds (lots, or ticks for a price mismatch).
     * @param brokerValue what the broker holds.
     * @param applied whether the engine applied it itself (a missed fill).
     * @param causeSequence the inbound record that caused the reconciliation.
     */
    public record Diff(
        byte kind, String kindName, int instrumentId, long clOrdId, long engineValue, long brokerValue,
        boolean applied, long causeSequence)
    {
    }

    private final byte[] kind = new byte[MAX];
    private final int[] instrument = new int[MAX];
    private final long[] clOrdId = new long[MAX];
    private final long[] engine = new long[MAX];
    private final long[] broker = new long[MAX];
    private final boolean[] applied = new boolean[MAX];
    private final long[] cause = new long[MAX];
    private int count;
    private int dropped;
    private long reconciliations;

    /**
     * Takes one RECONCILIATION record (the engine's thread).
     *
     * @param buffer holds it.
     * @param offset where it starts.
     */
    public synchronized void onRecord(final DirectBuffer buffer, final int offset)
    {
        final byte k = ReconciliationCodec.diffKind(buffer, offset);
        if (k == ReconciliationCodec.KIND_CLEAN || ReconciliationCodec.index(buffer, offset) <= 1)
        {
            count = 0;
            dropped = 0;
            reconciliations++;
        }
        if (count == MAX)
        {
            dropped++;
            return;
        }
        kind[count] = k;
        instrument[count] = Header.instrumentId(buffer, offset);
        clOrdId[count] = ReconciliationCodec.clOrdId(buffer, offset);
        engine[count] = ReconciliationCodec.engineValue(buffer, offset);
        broker[count] = ReconciliationCodec.brokerValue(buffer, offset);
        applied[count] = ReconciliationCodec.applied(buffer, offset) != 0;
        cause[count] = ReconciliationCodec.causeSequence(buffer, offset);
        count++;
    }

    /**
     * Reconciliations of this session so far (any thread).
     *
     * @return the count.
     */
    public synchronized long reconciliations()
    {
        return reconciliations;
    }

    /**
     * Differences of the last reconciliation beyond {@link #MAX}, not kept (any thread).
     *
     * @return the count.
     */
    public synchronized int dropped()
    {
        return dropped;
    }

    /**
     * The last reconciliation's records: one of kind CLEAN when it found nothing; empty before the first (any
     * thread).
     *
     * @return a copy.
     */
    public synchronized List<Diff> last()
    {
        final List<Diff> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            out.add(new Diff(kind[i], kindName(kind[i]), instrument[i], clOrdId[i], engine[i], broker[i],
                applied[i], cause[i]));
        }
        return out;
    }

    /**
     * The name of a difference kind.
     *
     * @param kind {@code ReconciliationCodec.KIND_*}.
     * @return its name, as in the RECONCILIATION record's documentation.
     */
    public static String kindName(final byte kind)
    {
        switch (kind)
        {
            case ReconciliationCodec.KIND_CLEAN:
                return "CLEAN";
            case ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_BROKER:
                return "ORDER_UNKNOWN_TO_BROKER";
            case ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE:
                return "ORDER_UNKNOWN_TO_ENGINE";
            case ReconciliationCodec.KIND_QTY_MISMATCH:
                return "QTY_MISMATCH";
            case ReconciliationCodec.KIND_PRICE_MISMATCH:
                return "PRICE_MISMATCH";
            case ReconciliationCodec.KIND_MISSED_FILL:
                return "MISSED_FILL";
            case ReconciliationCodec.KIND_POSITION_MISMATCH:
                return "POSITION_MISMATCH";
            case ReconciliationCodec.KIND_DUPLICATE_ORDER_REF:
                return "DUPLICATE_ORDER_REF";
            case ReconciliationCodec.KIND_FILL_FOR_FINISHED_ORDER:
                return "FILL_FOR_FINISHED_ORDER";
            case ReconciliationCodec.KIND_ORDER_NEVER_SENT:
                return "ORDER_NEVER_SENT";
            default:
                return "UNKNOWN(" + kind + ")";
        }
    }
}
