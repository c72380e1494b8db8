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
 * Round trips of the broker account value ({@link AccountValueCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class AccountValueCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long value,
        @ForAll final byte tag,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        AccountValueCodec.kind(buffer, offset, kind);
        AccountValueCodec.tag(buffer, offset, tag);
        AccountValueCodec.value(buffer, offset, value);
        header.write(buffer, offset, AccountValueCodec.TYPE, AccountValueCodec.LENGTH);

        assertEquals(value, AccountValueCodec.value(buffer, offset), "value");
        assertEquals(tag, AccountValueCodec.tag(buffer, offset), "tag");
        assertEquals(kind, AccountValueCodec.kind(buffer, offset), "kind");
        header.assertReadBack(buffer, offset, AccountValueCodec.TYPE, AccountValueCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, AccountValueCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long value,
        @ForAll final byte tag,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, AccountValueCodec.TYPE, AccountValueCodec.LENGTH);
        AccountValueCodec.value(buffer, offset, value);
        AccountValueCodec.tag(buffer, offset, tag);
        AccountValueCodec.kind(buffer, offset, kind);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("value", Long.toString(value));
        body.put("tag", Byte.toString(tag));
        body.put("kind", Byte.toString(kind));
        RecordProperties.assertToolsSee(buffer, offset, AccountValueCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, AccountValueCodec.LAYOUT, edit);
    }
}
