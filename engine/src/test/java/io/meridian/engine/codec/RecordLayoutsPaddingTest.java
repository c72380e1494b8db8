package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Replay compares records field by field: padding bytes (zero since decision records are written canonically,
 * anything in journals written before) never count as a difference; a field still does. (RISK_DECISION has no
 * padding since format 3; the RISK_WARNING record's bytes 66 to 71 are padding.)
 */
class RecordLayoutsPaddingTest
{
    private static UnsafeBuffer riskWarning(final byte paddingFill, final double limit)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskWarningCodec.LENGTH]);
        buffer.setMemory(0, RiskWarningCodec.LENGTH, paddingFill);
        Header.write(buffer, 0, RiskWarningCodec.TYPE, RiskWarningCodec.LENGTH, 2, 10L, 1_000L, 1_001L, 0, 0L);
        RiskWarningCodec.causeSequence(buffer, 0, 9L);
        RiskWarningCodec.clOrdId(buffer, 0, 77L);
        RiskWarningCodec.reasonCode(buffer, 0, (short)22);
        RiskWarningCodec.limit(buffer, 0, limit);
        RiskWarningCodec.value(buffer, 0, 90.0);
        return buffer;
    }

    @Test
    void shouldIgnorePaddingBytes()
    {
        final UnsafeBuffer zeroPadded = riskWarning((byte)0, 100.0);
        final UnsafeBuffer leftovers = riskWarning((byte)0x5a, 100.0);

        assertEquals(0x5a, leftovers.getByte(66), "the padding differs");
        assertNull(RecordLayouts.firstDifference(leftovers, 0, RiskWarningCodec.LENGTH, zeroPadded, 0,
            RiskWarningCodec.LENGTH));
    }

    @Test
    void shouldStillNameAFieldThatDiffersAfterDifferentPadding()
    {
        final UnsafeBuffer journaled = riskWarning((byte)0x5a, 100.0);
        final UnsafeBuffer replayed = riskWarning((byte)0, 101.0);

        assertEquals("limit: journaled=100.0 replayed=101.0", RecordLayouts.firstDifference(
            journaled, 0, RiskWarningCodec.LENGTH, replayed, 0, RiskWarningCodec.LENGTH));
    }
}
