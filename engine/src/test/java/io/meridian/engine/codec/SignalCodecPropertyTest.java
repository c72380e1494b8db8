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
 * Round trips of the signal decision ({@link SignalCodec}): any field values, at any offset, on and off heap; the
 * header survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class SignalCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double score,
        @ForAll final long targetPosition,
        @ForAll final long position,
        @ForAll final int modelId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        SignalCodec.modelId(buffer, offset, modelId);
        SignalCodec.position(buffer, offset, position);
        SignalCodec.targetPosition(buffer, offset, targetPosition);
        SignalCodec.score(buffer, offset, score);
        SignalCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, SignalCodec.TYPE, SignalCodec.LENGTH);

        assertEquals(causeSequence, SignalCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(
            Double.doubleToRawLongBits(score), Double.doubleToRawLongBits(SignalCodec.score(buffer, offset)), "score");
        assertEquals(targetPosition, SignalCodec.targetPosition(buffer, offset), "targetPosition");
        assertEquals(position, SignalCodec.position(buffer, offset), "position");
        assertEquals(modelId, SignalCodec.modelId(buffer, offset), "modelId");
        header.assertReadBack(buffer, offset, SignalCodec.TYPE, SignalCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, SignalCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double score,
        @ForAll final long targetPosition,
        @ForAll final long position,
        @ForAll final int modelId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, SignalCodec.TYPE, SignalCodec.LENGTH);
        SignalCodec.causeSequence(buffer, offset, causeSequence);
        SignalCodec.score(buffer, offset, score);
        SignalCodec.targetPosition(buffer, offset, targetPosition);
        SignalCodec.position(buffer, offset, position);
        SignalCodec.modelId(buffer, offset, modelId);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("score", Double.toString(score));
        body.put("targetPosition", Long.toString(targetPosition));
        body.put("position", Long.toString(position));
        body.put("modelId", Integer.toString(modelId));
        RecordProperties.assertToolsSee(buffer, offset, SignalCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, SignalCodec.LAYOUT, edit);
    }
}
