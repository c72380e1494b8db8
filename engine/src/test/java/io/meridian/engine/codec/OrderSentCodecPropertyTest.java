package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.RecordProperties.Edit;
import io.meridian.engine.codec.RecordProperties.HeaderValues;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Round trips of the order-sent marker ({@link OrderSentCodec}): any field values, at any offset, on and off heap; the
 * header survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 * The type is inbound (a replay feeds it to the engine) and not a decision.
 */
final class OrderSentCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        OrderSentCodec.venueOrderId(buffer, offset, venueOrderId);
        OrderSentCodec.clOrdId(buffer, offset, clOrdId);
        header.write(buffer, offset, OrderSentCodec.TYPE, OrderSentCodec.LENGTH);

        assertEquals(clOrdId, OrderSentCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(venueOrderId, OrderSentCodec.venueOrderId(buffer, offset), "venueOrderId");
        header.assertReadBack(buffer, offset, OrderSentCodec.TYPE, OrderSentCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, OrderSentCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, OrderSentCodec.TYPE, OrderSentCodec.LENGTH);
        OrderSentCodec.clOrdId(buffer, offset, clOrdId);
        OrderSentCodec.venueOrderId(buffer, offset, venueOrderId);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("venueOrderId", Long.toString(venueOrderId));
        RecordProperties.assertToolsSee(buffer, offset, OrderSentCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, OrderSentCodec.LAYOUT, edit);
    }

    @Example
    void isAnInboundTypeNamedOrderSent()
    {
        assertTrue(RecordType.isInbound(RecordType.ORDER_SENT));
        assertTrue(!RecordType.isDecision(RecordType.ORDER_SENT));
        assertEquals("ORDER_SENT", RecordType.name(RecordType.ORDER_SENT));
        assertEquals(OrderSentCodec.LAYOUT, RecordLayouts.forType(RecordType.ORDER_SENT));
    }
}
