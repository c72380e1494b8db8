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
 * Round trips of the risk warning ({@link RiskWarningCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class RiskWarningCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final short reasonCode,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        RiskWarningCodec.value(buffer, offset, value);
        RiskWarningCodec.limit(buffer, offset, limit);
        RiskWarningCodec.reasonCode(buffer, offset, reasonCode);
        RiskWarningCodec.clOrdId(buffer, offset, clOrdId);
        RiskWarningCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, RiskWarningCodec.TYPE, RiskWarningCodec.LENGTH);

        assertEquals(causeSequence, RiskWarningCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(clOrdId, RiskWarningCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(reasonCode, RiskWarningCodec.reasonCode(buffer, offset), "reasonCode");
        assertEquals(Double.doubleToRawLongBits(limit),
            Double.doubleToRawLongBits(RiskWarningCodec.limit(buffer, offset)), "limit");
        assertEquals(Double.doubleToRawLongBits(value),
            Double.doubleToRawLongBits(RiskWarningCodec.value(buffer, offset)), "value");
        header.assertReadBack(buffer, offset, RiskWarningCodec.TYPE, RiskWarningCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, RiskWarningCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final short reasonCode,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, RiskWarningCodec.TYPE, RiskWarningCodec.LENGTH);
        RiskWarningCodec.causeSequence(buffer, offset, causeSequence);
        RiskWarningCodec.clOrdId(buffer, offset, clOrdId);
        RiskWarningCodec.reasonCode(buffer, offset, reasonCode);
        RiskWarningCodec.limit(buffer, offset, limit);
        RiskWarningCodec.value(buffer, offset, value);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("reasonCode", Short.toString(reasonCode));
        body.put("limit", Double.toString(limit));
        body.put("value", Double.toString(value));
        RecordProperties.assertToolsSee(buffer, offset, RiskWarningCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, RiskWarningCodec.LAYOUT, edit);
    }
}
