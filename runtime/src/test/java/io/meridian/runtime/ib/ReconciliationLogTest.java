package io.meridian.runtime.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link ReconciliationLog} keeps the last reconciliation's RECONCILIATION records (issue 9 §3, for {@code status}):
 * a record with index 1 or of kind CLEAN starts a new reconciliation, the fields come through as written, and more
 * than {@link ReconciliationLog#MAX} differences are counted, not kept.
 */
class ReconciliationLogTest
{
    @Test
    void keepsTheLastReconciliationsRecords()
    {
        final ReconciliationLog log = new ReconciliationLog();
        assertEquals(List.of(), log.last());
        log.onRecord(record(ReconciliationCodec.KIND_CLEAN, 0, 0, 0, 0, 0, false), 0);
        assertEquals(1, log.reconciliations());
        assertEquals("CLEAN", log.last().get(0).kindName());
        log.onRecord(record(ReconciliationCodec.KIND_MISSED_FILL, 1, 2, 59, 205, 800, true), 0);
        log.onRecord(record(ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE, 2, 2, 57, 0, 800, false), 0);
        assertEquals(2, log.reconciliations());
        final List<ReconciliationLog.Diff> last = log.last();
        assertEquals(2, last.size());
        assertEquals(new ReconciliationLog.Diff(ReconciliationCodec.KIND_MISSED_FILL, "MISSED_FILL", 2, 59, 205, 800,
            true, 77), last.get(0));
        assertEquals(new ReconciliationLog.Diff(ReconciliationCodec.KIND_ORDER_UNKNOWN_TO_ENGINE,
            "ORDER_UNKNOWN_TO_ENGINE", 2, 57, 0, 800, false, 77), last.get(1));
        for (int i = 1; i <= ReconciliationLog.MAX + 5; i++)
        {
            log.onRecord(record(ReconciliationCodec.KIND_POSITION_MISMATCH, i, 1, 0, -i, 0, false), 0);
        }
        assertEquals(3, log.reconciliations());
        assertEquals(ReconciliationLog.MAX, log.last().size());
        assertEquals(5, log.dropped());
        assertTrue(log.last().stream().allMatch(d -> "POSITION_MISMATCH".equals(d.kindName())));
    }

    private static UnsafeBuffer record(
        final byte kind, final int index, final int instrumentId, final long clOrdId, final long engine,
        final long broker, final boolean applied)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[ReconciliationCodec.LENGTH]);
        Header.write(b, 0, ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH, instrumentId, 0, 0, 0, 0, 0);
        ReconciliationCodec.causeSequence(b, 0, 77);
        ReconciliationCodec.clOrdId(b, 0, clOrdId);
        ReconciliationCodec.engineValue(b, 0, engine);
        ReconciliationCodec.brokerValue(b, 0, broker);
        ReconciliationCodec.index(b, 0, index);
        ReconciliationCodec.diffKind(b, 0, kind);
        ReconciliationCodec.applied(b, 0, (byte)(applied ? 1 : 0));
        return b;
    }
}
