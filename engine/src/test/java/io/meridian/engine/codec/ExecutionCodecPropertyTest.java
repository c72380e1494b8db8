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
 * Round trips of the broker execution ({@link ExecutionCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class ExecutionCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final long cumQty,
        @ForAll final long commission,
        @ForAll final long execIdHash,
        @ForAll final byte side,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        ExecutionCodec.kind(buffer, offset, kind);
        ExecutionCodec.side(buffer, offset, side);
        ExecutionCodec.execIdHash(buffer, offset, execIdHash);
        ExecutionCodec.commission(buffer, offset, commission);
        ExecutionCodec.cumQty(buffer, offset, cumQty);
        ExecutionCodec.qty(buffer, offset, qty);
        ExecutionCodec.price(buffer, offset, price);
        ExecutionCodec.venueOrderId(buffer, offset, venueOrderId);
        ExecutionCodec.clOrdId(buffer, offset, clOrdId);
        header.write(buffer, offset, ExecutionCodec.TYPE, ExecutionCodec.LENGTH);

        assertEquals(clOrdId, ExecutionCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(venueOrderId, ExecutionCodec.venueOrderId(buffer, offset), "venueOrderId");
        assertEquals(price, ExecutionCodec.price(buffer, offset), "price");
        assertEquals(qty, ExecutionCodec.qty(buffer, offset), "qty");
        assertEquals(cumQty, ExecutionCodec.cumQty(buffer, offset), "cumQty");
        assertEquals(commission, ExecutionCodec.commission(buffer, offset), "commission");
        assertEquals(execIdHash, ExecutionCodec.execIdHash(buffer, offset), "execIdHash");
        assertEquals(side, ExecutionCodec.side(buffer, offset), "side");
        assertEquals(kind, ExecutionCodec.kind(buffer, offset), "kind");
        header.assertReadBack(buffer, offset, ExecutionCodec.TYPE, ExecutionCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, ExecutionCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final long cumQty,
        @ForAll final long commission,
        @ForAll final long execIdHash,
        @ForAll final byte side,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, ExecutionCodec.TYPE, ExecutionCodec.LENGTH);
        ExecutionCodec.clOrdId(buffer, offset, clOrdId);
        ExecutionCodec.venueOrderId(buffer, offset, venueOrderId);
        ExecutionCodec.price(buffer, offset, price);
        ExecutionCodec.qty(buffer, offset, qty);
        ExecutionCodec.cumQty(buffer, offset, cumQty);
        ExecutionCodec.commission(buffer, offset, commission);
        ExecutionCodec.execIdHash(buffer, offset, execIdHash);
        ExecutionCodec.side(buffer, offset, side);
        ExecutionCodec.kind(buffer, offset, kind);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("venueOrderId", Long.toString(venueOrderId));
        body.put("price", Long.toString(price));
        body.put("qty", Long.toString(qty));
        body.put("cumQty", Long.toString(cumQty));
        body.put("commission", Long.toString(commission));
        body.put("execIdHash", Long.toString(execIdHash));
        body.put("side", Byte.toString(side));
        body.put("kind", Byte.toString(kind));
        RecordProperties.assertToolsSee(buffer, offset, ExecutionCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, ExecutionCodec.LAYOUT, edit);
    }
}
