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
 * Round trips of the order command ({@link OrderCommandCodec}): any field values, at any offset, on and off heap;
 * the header survives the body writes, nothing outside the record is touched, and dump and diff see the written
 * values.
 */
final class OrderCommandCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final byte command,
        @ForAll final byte side,
        @ForAll final byte orderType,
        @ForAll final byte timeInForce,
        @ForAll final int venueId,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final long origClOrdId,
        @ForAll final long auxPrice,
        @ForAll final byte orderFlags)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        OrderCommandCodec.orderFlags(buffer, offset, orderFlags);
        OrderCommandCodec.auxPrice(buffer, offset, auxPrice);
        OrderCommandCodec.origClOrdId(buffer, offset, origClOrdId);
        OrderCommandCodec.qty(buffer, offset, qty);
        OrderCommandCodec.price(buffer, offset, price);
        OrderCommandCodec.venueId(buffer, offset, venueId);
        OrderCommandCodec.timeInForce(buffer, offset, timeInForce);
        OrderCommandCodec.orderType(buffer, offset, orderType);
        OrderCommandCodec.side(buffer, offset, side);
        OrderCommandCodec.command(buffer, offset, command);
        OrderCommandCodec.clOrdId(buffer, offset, clOrdId);
        OrderCommandCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH);

        assertEquals(causeSequence, OrderCommandCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(clOrdId, OrderCommandCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(command, OrderCommandCodec.command(buffer, offset), "command");
        assertEquals(side, OrderCommandCodec.side(buffer, offset), "side");
        assertEquals(orderType, OrderCommandCodec.orderType(buffer, offset), "orderType");
        assertEquals(timeInForce, OrderCommandCodec.timeInForce(buffer, offset), "timeInForce");
        assertEquals(venueId, OrderCommandCodec.venueId(buffer, offset), "venueId");
        assertEquals(price, OrderCommandCodec.price(buffer, offset), "price");
        assertEquals(qty, OrderCommandCodec.qty(buffer, offset), "qty");
        assertEquals(origClOrdId, OrderCommandCodec.origClOrdId(buffer, offset), "origClOrdId");
        assertEquals(auxPrice, OrderCommandCodec.auxPrice(buffer, offset), "auxPrice");
        assertEquals(orderFlags, OrderCommandCodec.orderFlags(buffer, offset), "orderFlags");
        header.assertReadBack(buffer, offset, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, OrderCommandCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll final long clOrdId,
        @ForAll final byte command,
        @ForAll final byte side,
        @ForAll final byte orderType,
        @ForAll final byte timeInForce,
        @ForAll final int venueId,
        @ForAll final long price,
        @ForAll final long qty,
        @ForAll final long origClOrdId,
        @ForAll final long auxPrice,
        @ForAll final byte orderFlags)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, OrderCommandCodec.TYPE, OrderCommandCodec.LENGTH);
        OrderCommandCodec.causeSequence(buffer, offset, causeSequence);
        OrderCommandCodec.clOrdId(buffer, offset, clOrdId);
        OrderCommandCodec.command(buffer, offset, command);
        OrderCommandCodec.side(buffer, offset, side);
        OrderCommandCodec.orderType(buffer, offset, orderType);
        OrderCommandCodec.timeInForce(buffer, offset, timeInForce);
        OrderCommandCodec.venueId(buffer, offset, venueId);
        OrderCommandCodec.price(buffer, offset, price);
        OrderCommandCodec.qty(buffer, offset, qty);
        OrderCommandCodec.origClOrdId(buffer, offset, origClOrdId);
        OrderCommandCodec.auxPrice(buffer, offset, auxPrice);
        OrderCommandCodec.orderFlags(buffer, offset, orderFlags);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("command", Byte.toString(command));
        body.put("side", Byte.toString(side));
        body.put("orderType", Byte.toString(orderType));
        body.put("timeInForce", Byte.toString(timeInForce));
        body.put("venueId", Integer.toString(venueId));
        body.put("price", Long.toString(price));
        body.put("qty", Long.toString(qty));
        body.put("origClOrdId", Long.toString(origClOrdId));
        body.put("auxPrice", Long.toString(auxPrice));
        body.put("orderFlags", Byte.toString(orderFlags));
        RecordProperties.assertToolsSee(buffer, offset, OrderCommandCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, OrderCommandCodec.LAYOUT, edit);
    }
}
