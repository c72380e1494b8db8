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
 * Round trips of the trade print ({@link TradeCodec}): any field values, at any offset, on and off heap; the header
 * survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class TradeCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final byte aggressorSide)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        TradeCodec.aggressorSide(buffer, offset, aggressorSide);
        TradeCodec.qty(buffer, offset, qty);
        TradeCodec.price(buffer, offset, price);
        header.write(buffer, offset, TradeCodec.TYPE, TradeCodec.LENGTH);

        assertEquals(price, TradeCodec.price(buffer, offset), "price");
        assertEquals(qty, TradeCodec.qty(buffer, offset), "qty");
        assertEquals(aggressorSide, TradeCodec.aggressorSide(buffer, offset), "aggressorSide");
        header.assertReadBack(buffer, offset, TradeCodec.TYPE, TradeCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, TradeCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final byte aggressorSide)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, TradeCodec.TYPE, TradeCodec.LENGTH);
        TradeCodec.price(buffer, offset, price);
        TradeCodec.qty(buffer, offset, qty);
        TradeCodec.aggressorSide(buffer, offset, aggressorSide);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("price", Long.toString(price));
        body.put("qty", Long.toString(qty));
        body.put("aggressorSide", Byte.toString(aggressorSide));
        RecordProperties.assertToolsSee(buffer, offset, TradeCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, TradeCodec.LAYOUT, edit);
    }
}
