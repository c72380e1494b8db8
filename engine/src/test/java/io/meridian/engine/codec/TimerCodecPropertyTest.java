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
 * Round trips of the timer tick ({@link TimerCodec}): any field values, at any offset, on and off heap; the header
 * survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class TimerCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long timerId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        TimerCodec.timerId(buffer, offset, timerId);
        header.write(buffer, offset, TimerCodec.TYPE, TimerCodec.LENGTH);

        assertEquals(timerId, TimerCodec.timerId(buffer, offset), "timerId");
        header.assertReadBack(buffer, offset, TimerCodec.TYPE, TimerCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, TimerCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long timerId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, TimerCodec.TYPE, TimerCodec.LENGTH);
        TimerCodec.timerId(buffer, offset, timerId);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("timerId", Long.toString(timerId));
        RecordProperties.assertToolsSee(buffer, offset, TimerCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, TimerCodec.LAYOUT, edit);
    }

    @Property(tries = RecordProperties.TRIES)
    void writeProducesACompleteTimerRecordForTheSequencer(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll final long timeNs,
        @ForAll final int sourceId,
        @ForAll final long count)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);

        assertEquals(TimerCodec.LENGTH, TimerCodec.write(buffer, offset, timeNs, sourceId, count));

        // Instrument, sequence and receive time are 0: the sequencer stamps the last two.
        new HeaderValues(0, 0, timeNs, 0, sourceId, count)
            .assertReadBack(buffer, offset, TimerCodec.TYPE, TimerCodec.LENGTH);
        assertEquals(1, TimerCodec.timerId(buffer, offset), "timerId");
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, TimerCodec.LENGTH);
    }
}
