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
 * Round trips of the broker position ({@link PositionCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class PositionCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long position,
        @ForAll final long avgCost,
        @ForAll final long conId,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        PositionCodec.kind(buffer, offset, kind);
        PositionCodec.conId(buffer, offset, conId);
        PositionCodec.avgCost(buffer, offset, avgCost);
        PositionCodec.position(buffer, offset, position);
        header.write(buffer, offset, PositionCodec.TYPE, PositionCodec.LENGTH);

        assertEquals(position, PositionCodec.position(buffer, offset), "position");
        assertEquals(avgCost, PositionCodec.avgCost(buffer, offset), "avgCost");
        assertEquals(conId, PositionCodec.conId(buffer, offset), "conId");
        assertEquals(kind, PositionCodec.kind(buffer, offset), "kind");
        header.assertReadBack(buffer, offset, PositionCodec.TYPE, PositionCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, PositionCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long position,
        @ForAll final long avgCost,
        @ForAll final long conId,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, PositionCodec.TYPE, PositionCodec.LENGTH);
        PositionCodec.position(buffer, offset, position);
        PositionCodec.avgCost(buffer, offset, avgCost);
        PositionCodec.conId(buffer, offset, conId);
        PositionCodec.kind(buffer, offset, kind);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("position", Long.toString(position));
        body.put("avgCost", Long.toString(avgCost));
        body.put("conId", Long.toString(conId));
        body.put("kind", Byte.toString(kind));
        RecordProperties.assertToolsSee(buffer, offset, PositionCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, PositionCodec.LAYOUT, edit);
    }
}
