package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Replay compares records field by field: padding bytes (zero since decision records are written canonically,
 * anything in journals written before) never count as a difference; a field still does.
 */
class RecordLayoutsPaddingTest
{
    private static UnsafeBuffer riskDecision(final byte paddingFill, final long price)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskDecisionCodec.LENGTH]);
        buffer.setMemory(0, RiskDecisionCodec.LENGTH, paddingFill);
        Header.write(buffer, 0, RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH, 2, 10L, 1_000L, 1_001L, 0, 0L);
        RiskDecisionCodec.causeSequence(buffer, 0, 9L);
        RiskDecisionCodec.clOrdId(buffer, 0, 77L);
        RiskDecisionCodec.side(buffer, 0, (byte)1);
        RiskDecisionCodec.accepted(buffer, 0, (byte)1);
        RiskDecisionCodec.reasonCode(buffer, 0, (short)0);
        RiskDecisionCodec.price(buffer, 0, price);
        RiskDecisionCodec.qty(buffer, 0, 5L);
        return buffer;
    }

    @Test
    void shouldIgnorePaddingBytes()
    {
        final UnsafeBuffer zeroPadded = riskDecision((byte)0, 1_234L);
        final UnsafeBuffer leftovers = riskDecision((byte)0x5a, 1_234L);

        assertEquals(0x5a, leftovers.getByte(68), "the padding differs");
        assertNull(RecordLayouts.firstDifference(leftovers, 0, RiskDecisionCodec.LENGTH, zeroPadded, 0,
            RiskDecisionCodec.LENGTH));
    }

    @Test
    void shouldStillNameAFieldThatDiffersAfterDifferentPadding()
    {
        final UnsafeBuffer journaled = riskDecision((byte)0x5a, 1_234L);
        final UnsafeBuffer replayed = riskDecision((byte)0, 1_235L);

        assertEquals("price: journaled=1234 replayed=1235", RecordLayouts.firstDifference(
            journaled, 0, RiskDecisionCodec.LENGTH, replayed, 0, RiskDecisionCodec.LENGTH));
    }
}
