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
 * Round trips of the connectivity change ({@link ConnectivityCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class ConnectivityCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final int venueId,
        @ForAll final byte state)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        ConnectivityCodec.state(buffer, offset, state);
        ConnectivityCodec.venueId(buffer, offset, venueId);
        header.write(buffer, offset, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH);

        assertEquals(venueId, ConnectivityCodec.venueId(buffer, offset), "venueId");
        assertEquals(state, ConnectivityCodec.state(buffer, offset), "state");
        header.assertReadBack(buffer, offset, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, ConnectivityCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final int venueId,
        @ForAll final byte state)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH);
        ConnectivityCodec.venueId(buffer, offset, venueId);
        ConnectivityCodec.state(buffer, offset, state);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("venueId", Integer.toString(venueId));
        body.put("state", Byte.toString(state));
        RecordProperties.assertToolsSee(buffer, offset, ConnectivityCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, ConnectivityCodec.LAYOUT, edit);
    }
}
