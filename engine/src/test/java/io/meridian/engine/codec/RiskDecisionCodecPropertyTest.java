package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.codec.RecordProperties.Edit;
import io.meridian.engine.codec.RecordProperties.HeaderValues;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Round trips of the risk decision ({@link RiskDecisionCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class RiskDecisionCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final byte side,
        @ForAll final byte accepted,
        @ForAll final short reasonCode,
        @ForAll final short checkCode,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        RiskDecisionCodec.value(buffer, offset, value);
        RiskDecisionCodec.limit(buffer, offset, limit);
        RiskDecisionCodec.qty(buffer, offset, qty);
        RiskDecisionCodec.price(buffer, offset, price);
        RiskDecisionCodec.checkCode(buffer, offset, checkCode);
        RiskDecisionCodec.reasonCode(buffer, offset, reasonCode);
        RiskDecisionCodec.accepted(buffer, offset, accepted);
        RiskDecisionCodec.side(buffer, offset, side);
        RiskDecisionCodec.clOrdId(buffer, offset, clOrdId);
        RiskDecisionCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH);

        assertEquals(causeSequence, RiskDecisionCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(clOrdId, RiskDecisionCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(side, RiskDecisionCodec.side(buffer, offset), "side");
        assertEquals(accepted, RiskDecisionCodec.accepted(buffer, offset), "accepted");
        assertEquals(reasonCode, RiskDecisionCodec.reasonCode(buffer, offset), "reasonCode");
        assertEquals(checkCode, RiskDecisionCodec.checkCode(buffer, offset), "checkCode");
        assertEquals(price, RiskDecisionCodec.price(buffer, offset), "price");
        assertEquals(qty, RiskDecisionCodec.qty(buffer, offset), "qty");
        assertEquals(Double.doubleToRawLongBits(limit),
            Double.doubleToRawLongBits(RiskDecisionCodec.limit(buffer, offset)), "limit");
        assertEquals(Double.doubleToRawLongBits(value),
            Double.doubleToRawLongBits(RiskDecisionCodec.value(buffer, offset)), "value");
        header.assertReadBack(buffer, offset, RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, RiskDecisionCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final byte side,
        @ForAll final byte accepted,
        @ForAll final short reasonCode,
        @ForAll final short checkCode,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, RiskDecisionCodec.TYPE, RiskDecisionCodec.LENGTH);
        RiskDecisionCodec.causeSequence(buffer, offset, causeSequence);
        RiskDecisionCodec.clOrdId(buffer, offset, clOrdId);
        RiskDecisionCodec.side(buffer, offset, side);
        RiskDecisionCodec.accepted(buffer, offset, accepted);
        RiskDecisionCodec.reasonCode(buffer, offset, reasonCode);
        RiskDecisionCodec.checkCode(buffer, offset, checkCode);
        RiskDecisionCodec.price(buffer, offset, price);
        RiskDecisionCodec.qty(buffer, offset, qty);
        RiskDecisionCodec.limit(buffer, offset, limit);
        RiskDecisionCodec.value(buffer, offset, value);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("side", Byte.toString(side));
        body.put("accepted", Byte.toString(accepted));
        body.put("reasonCode", Short.toString(reasonCode));
        body.put("checkCode", Short.toString(checkCode));
        body.put("price", Long.toString(price));
        body.put("qty", Long.toString(qty));
        body.put("limit", Double.toString(limit));
        body.put("value", Double.toString(value));
        RecordProperties.assertToolsSee(buffer, offset, RiskDecisionCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, RiskDecisionCodec.LAYOUT, edit);
    }
}
