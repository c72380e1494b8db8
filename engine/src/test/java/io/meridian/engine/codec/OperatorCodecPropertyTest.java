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
 * Round trips of the operator command ({@link OperatorCodec}): any field values, at any offset, on and off heap; the
 * header survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class OperatorCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final byte command,
        @ForAll final long argument)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        OperatorCodec.argument(buffer, offset, argument);
        OperatorCodec.command(buffer, offset, command);
        header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);

        assertEquals(command, OperatorCodec.command(buffer, offset), "command");
        assertEquals(argument, OperatorCodec.argument(buffer, offset), "argument");
        header.assertReadBack(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, OperatorCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final byte command,
        @ForAll final long argument)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);
        OperatorCodec.command(buffer, offset, command);
        OperatorCodec.argument(buffer, offset, argument);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("command", Byte.toString(command));
        body.put("argument", Long.toString(argument));
        RecordProperties.assertToolsSee(buffer, offset, OperatorCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, OperatorCodec.LAYOUT, edit);
    }
}
