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
import org.junit.jupiter.api.Test;
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
        body.put("operator", asText(operator));
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

    @Test
    void shouldDumpTheOperatorAsItsName()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OperatorCodec.LENGTH]);
        final RecordLayout.Field field = OperatorCodec.LAYOUT.fieldAt(OperatorCodec.OPERATOR_OFFSET);
        assertEquals(RecordLayout.Kind.ASCII8, field.kind());
        OperatorCodec.operator(buffer, 0, OperatorCodec.packOperator("alice"));
        assertEquals("alice", field.format(buffer, 0));
        OperatorCodec.operator(buffer, 0, OperatorCodec.packOperator("ops.bot1"));
        assertEquals("ops.bot1", field.format(buffer, 0));
        OperatorCodec.operator(buffer, 0, 0L);
        assertEquals("", field.format(buffer, 0), "a scripted command has no operator");
        // 'A', ' ', '\\', 0xFF, then NUL: what follows the NUL is not shown
        OperatorCodec.operator(buffer, 0, 0x4242_0000_FF5C_2041L);
        assertEquals("A\\x20\\x5c\\xff", field.format(buffer, 0));
        final StringBuilder line = OperatorCodec.LAYOUT.format(buffer, 0, new StringBuilder());
        assertTrue(line.toString().endsWith(" operator=A\\x20\\x5c\\xff"), line.toString());
    }

    /** The dump's text for a packed field, written out independently of RecordLayout: bytes up to NUL, else \xNN. */
    private static String asText(final long packed)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            final int b = (int)(packed >>> (8 * i)) & 0xFF;
            if (b == 0)
            {
                break;
            }
            text.append(b >= 0x21 && b <= 0x7E && b != 0x5C ? String.valueOf((char)b) : String.format("\\x%02x", b));
        }
        return text.toString();
    }
}
