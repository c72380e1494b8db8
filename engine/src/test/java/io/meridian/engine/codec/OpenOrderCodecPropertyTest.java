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
 * Round trips of the broker open order ({@link OpenOrderCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class OpenOrderCodecPropertyTest
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
        @ForAll final byte side,
        @ForAll final byte orderType,
        @ForAll final byte status,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        OpenOrderCodec.kind(buffer, offset, kind);
        OpenOrderCodec.status(buffer, offset, status);
        OpenOrderCodec.orderType(buffer, offset, orderType);
        OpenOrderCodec.side(buffer, offset, side);
        OpenOrderCodec.qty(buffer, offset, qty);
        OpenOrderCodec.price(buffer, offset, price);
        OpenOrderCodec.venueOrderId(buffer, offset, venueOrderId);
        OpenOrderCodec.clOrdId(buffer, offset, clOrdId);
        header.write(buffer, offset, OpenOrderCodec.TYPE, OpenOrderCodec.LENGTH);

        assertEquals(clOrdId, OpenOrderCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(venueOrderId, OpenOrderCodec.venueOrderId(buffer, offset), "venueOrderId");
        assertEquals(price, OpenOrderCodec.price(buffer, offset), "price");
        assertEquals(qty, OpenOrderCodec.qty(buffer, offset), "qty");
        assertEquals(side, OpenOrderCodec.side(buffer, offset), "side");
        assertEquals(orderType, OpenOrderCodec.orderType(buffer, offset), "orderType");
        assertEquals(status, OpenOrderCodec.status(buffer, offset), "status");
        assertEquals(kind, OpenOrderCodec.kind(buffer, offset), "kind");
        header.assertReadBack(buffer, offset, OpenOrderCodec.TYPE, OpenOrderCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, OpenOrderCodec.LENGTH);
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
        @ForAll final byte side,
        @ForAll final byte orderType,
        @ForAll final byte status,
        @ForAll final byte kind)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, OpenOrderCodec.TYPE, OpenOrderCodec.LENGTH);
        OpenOrderCodec.clOrdId(buffer, offset, clOrdId);
        OpenOrderCodec.venueOrderId(buffer, offset, venueOrderId);
        OpenOrderCodec.price(buffer, offset, price);
        OpenOrderCodec.qty(buffer, offset, qty);
        OpenOrderCodec.side(buffer, offset, side);
        OpenOrderCodec.orderType(buffer, offset, orderType);
        OpenOrderCodec.status(buffer, offset, status);
        OpenOrderCodec.kind(buffer, offset, kind);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("venueOrderId", Long.toString(venueOrderId));
        body.put("price", Long.toString(price));
        body.put("qty", Long.toString(qty));
        body.put("side", Byte.toString(side));
        body.put("orderType", Byte.toString(orderType));
        body.put("status", Byte.toString(status));
        body.put("kind", Byte.toString(kind));
        RecordProperties.assertToolsSee(buffer, offset, OpenOrderCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, OpenOrderCodec.LAYOUT, edit);
    }
}
