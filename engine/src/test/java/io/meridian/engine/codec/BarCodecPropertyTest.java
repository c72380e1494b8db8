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
 * Round trips of the OHLCV bar ({@link BarCodec}): any field values, at any offset, on and off heap; the header
 * survives the body writes, nothing outside the record is touched, and dump and diff see the written values.
 */
final class BarCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long open,
        @ForAll final long high,
        @ForAll final long low,
        @ForAll final long close,
        @ForAll final long volume,
        @ForAll final long durationNs)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        BarCodec.durationNs(buffer, offset, durationNs);
        BarCodec.volume(buffer, offset, volume);
        BarCodec.close(buffer, offset, close);
        BarCodec.low(buffer, offset, low);
        BarCodec.high(buffer, offset, high);
        BarCodec.open(buffer, offset, open);
        header.write(buffer, offset, BarCodec.TYPE, BarCodec.LENGTH);

        assertEquals(open, BarCodec.open(buffer, offset), "open");
        assertEquals(high, BarCodec.high(buffer, offset), "high");
        assertEquals(low, BarCodec.low(buffer, offset), "low");
        assertEquals(close, BarCodec.close(buffer, offset), "close");
        assertEquals(volume, BarCodec.volume(buffer, offset), "volume");
        assertEquals(durationNs, BarCodec.durationNs(buffer, offset), "durationNs");
        header.assertReadBack(buffer, offset, BarCodec.TYPE, BarCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, BarCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long open,
        @ForAll final long high,
        @ForAll final long low,
        @ForAll final long close,
        @ForAll final long volume,
        @ForAll final long durationNs)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, BarCodec.TYPE, BarCodec.LENGTH);
        BarCodec.open(buffer, offset, open);
        BarCodec.high(buffer, offset, high);
        BarCodec.low(buffer, offset, low);
        BarCodec.close(buffer, offset, close);
        BarCodec.volume(buffer, offset, volume);
        BarCodec.durationNs(buffer, offset, durationNs);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("open", Long.toString(open));
        body.put("high", Long.toString(high));
        body.put("low", Long.toString(low));
        body.put("close", Long.toString(close));
        body.put("volume", Long.toString(volume));
        body.put("durationNs", Long.toString(durationNs));
        RecordProperties.assertToolsSee(buffer, offset, BarCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, BarCodec.LAYOUT, edit);
    }
}
