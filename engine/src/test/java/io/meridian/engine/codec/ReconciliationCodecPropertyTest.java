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
 * Round trips of the reconciliation decision ({@link ReconciliationCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class ReconciliationCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final long engineValue,
        @ForAll final long brokerValue,
        @ForAll final int diffs,
        @ForAll final int index,
        @ForAll final byte diffKind,
        @ForAll final byte applied)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        ReconciliationCodec.applied(buffer, offset, applied);
        ReconciliationCodec.diffKind(buffer, offset, diffKind);
        ReconciliationCodec.index(buffer, offset, index);
        ReconciliationCodec.diffs(buffer, offset, diffs);
        ReconciliationCodec.brokerValue(buffer, offset, brokerValue);
        ReconciliationCodec.engineValue(buffer, offset, engineValue);
        ReconciliationCodec.clOrdId(buffer, offset, clOrdId);
        ReconciliationCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH);

        assertEquals(causeSequence, ReconciliationCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(clOrdId, ReconciliationCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(engineValue, ReconciliationCodec.engineValue(buffer, offset), "engineValue");
        assertEquals(brokerValue, ReconciliationCodec.brokerValue(buffer, offset), "brokerValue");
        assertEquals(diffs, ReconciliationCodec.diffs(buffer, offset), "diffs");
        assertEquals(index, ReconciliationCodec.index(buffer, offset), "index");
        assertEquals(diffKind, ReconciliationCodec.diffKind(buffer, offset), "diffKind");
        assertEquals(applied, ReconciliationCodec.applied(buffer, offset), "applied");
        header.assertReadBack(buffer, offset, ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, ReconciliationCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final long engineValue,
        @ForAll final long brokerValue,
        @ForAll final int diffs,
        @ForAll final int index,
        @ForAll final byte diffKind,
        @ForAll final byte applied)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, ReconciliationCodec.TYPE, ReconciliationCodec.LENGTH);
        ReconciliationCodec.causeSequence(buffer, offset, causeSequence);
        ReconciliationCodec.clOrdId(buffer, offset, clOrdId);
        ReconciliationCodec.engineValue(buffer, offset, engineValue);
        ReconciliationCodec.brokerValue(buffer, offset, brokerValue);
        ReconciliationCodec.diffs(buffer, offset, diffs);
        ReconciliationCodec.index(buffer, offset, index);
        ReconciliationCodec.diffKind(buffer, offset, diffKind);
        ReconciliationCodec.applied(buffer, offset, applied);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("engineValue", Long.toString(engineValue));
        body.put("brokerValue", Long.toString(brokerValue));
        body.put("diffs", Integer.toString(diffs));
        body.put("index", Integer.toString(index));
        body.put("diffKind", Byte.toString(diffKind));
        body.put("applied", Byte.toString(applied));
        RecordProperties.assertToolsSee(buffer, offset, ReconciliationCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, ReconciliationCodec.LAYOUT, edit);
    }
}
