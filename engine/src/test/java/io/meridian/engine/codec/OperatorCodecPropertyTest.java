package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.RecordProperties.Edit;
import io.meridian.engine.codec.RecordProperties.HeaderValues;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Round trips of the operator command ({@link OperatorCodec}): any field values, at any offset, on and off heap; the
 * header survives the body writes, nothing outside the record is touched, and dump and diff see the written values;
 * operator names pack and unpack unchanged, and names outside the rules are refused.
 */
final class OperatorCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final byte command,
        @ForAll final long operator)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        OperatorCodec.operator(buffer, offset, operator);
        OperatorCodec.command(buffer, offset, command);
        header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);

        assertEquals(command, OperatorCodec.command(buffer, offset), "command");
        assertEquals(operator, OperatorCodec.operator(buffer, offset), "operator");
        header.assertReadBack(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, OperatorCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final byte command,
        @ForAll final long operator)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, OperatorCodec.TYPE, OperatorCodec.LENGTH);
        OperatorCodec.command(buffer, offset, command);
        OperatorCodec.operator(buffer, offset, operator);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("command", Byte.toString(command));
        body.put("operator", Long.toString(operator));
        RecordProperties.assertToolsSee(buffer, offset, OperatorCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, OperatorCodec.LAYOUT, edit);
    }

    @Property(tries = RecordProperties.TRIES)
    void operatorNamesPackAndUnpackUnchanged(
        @ForAll @StringLength(min = 1, max = OperatorCodec.OPERATOR_NAME_MAX)
        @Chars({'.', '_', '-'}) @AlphaChars
        @NumericChars final String name)
    {
        final long packed = OperatorCodec.packOperator(name);
        assertNotEquals(0L, packed);
        assertEquals(name, OperatorCodec.unpackOperator(packed));
    }

    @Property(tries = RecordProperties.TRIES)
    void operatorNamesOutsideTheRulesAreRefused(@ForAll final String name)
    {
        final boolean valid = name.matches("[A-Za-z0-9._-]{1," + OperatorCodec.OPERATOR_NAME_MAX + "}");
        if (valid)
        {
            assertEquals(name, OperatorCodec.unpackOperator(OperatorCodec.packOperator(name)));
        }
        else
        {
            final IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> OperatorCodec.packOperator(name));
            assertTrue(e.getMessage().startsWith("operator name '"), e.getMessage());
        }
    }
}
