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
 * Round trips of the top-of-book quote ({@link QuoteCodec}): any field values, at any offset, on and off heap; the
 * header survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class QuoteCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long bidPrice,
        @ForAll final long bidQty,
        @ForAll final long askPrice,
        @ForAll final long askQty)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        QuoteCodec.askQty(buffer, offset, askQty);
        QuoteCodec.askPrice(buffer, offset, askPrice);
        QuoteCodec.bidQty(buffer, offset, bidQty);
        QuoteCodec.bidPrice(buffer, offset, bidPrice);
        header.write(buffer, offset, QuoteCodec.TYPE, QuoteCodec.LENGTH);

        assertEquals(bidPrice, QuoteCodec.bidPrice(buffer, offset), "bidPrice");
        assertEquals(bidQty, QuoteCodec.bidQty(buffer, offset), "bidQty");
        assertEquals(askPrice, QuoteCodec.askPrice(buffer, offset), "askPrice");
        assertEquals(askQty, QuoteCodec.askQty(buffer, offset), "askQty");
        header.assertReadBack(buffer, offset, QuoteCodec.TYPE, QuoteCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, QuoteCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long bidPrice,
        @ForAll final long bidQty,
        @ForAll final long askPrice,
        @ForAll final long askQty)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, QuoteCodec.TYPE, QuoteCodec.LENGTH);
        QuoteCodec.bidPrice(buffer, offset, bidPrice);
        QuoteCodec.bidQty(buffer, offset, bidQty);
        QuoteCodec.askPrice(buffer, offset, askPrice);
        QuoteCodec.askQty(buffer, offset, askQty);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("bidPrice", Long.toString(bidPrice));
        body.put("bidQty", Long.toString(bidQty));
        body.put("askPrice", Long.toString(askPrice));
        body.put("askQty", Long.toString(askQty));
        RecordProperties.assertToolsSee(buffer, offset, QuoteCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, QuoteCodec.LAYOUT, edit);
    }
}
