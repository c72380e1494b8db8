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
 * Round trips of the trading-state change ({@link TradingStateChangeCodec}): any field values, at any offset, on
 * and off heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class TradingStateChangeCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll final byte state,
        @ForAll final byte previousState,
        @ForAll final short reasonCode,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        TradingStateChangeCodec.value(buffer, offset, value);
        TradingStateChangeCodec.limit(buffer, offset, limit);
        TradingStateChangeCodec.reasonCode(buffer, offset, reasonCode);
        TradingStateChangeCodec.previousState(buffer, offset, previousState);
        TradingStateChangeCodec.state(buffer, offset, state);
        TradingStateChangeCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH);

        assertEquals(causeSequence, TradingStateChangeCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(state, TradingStateChangeCodec.state(buffer, offset), "state");
        assertEquals(previousState, TradingStateChangeCodec.previousState(buffer, offset), "previousState");
        assertEquals(reasonCode, TradingStateChangeCodec.reasonCode(buffer, offset), "reasonCode");
        assertEquals(Double.doubleToRawLongBits(limit),
            Double.doubleToRawLongBits(TradingStateChangeCodec.limit(buffer, offset)), "limit");
        assertEquals(Double.doubleToRawLongBits(value),
            Double.doubleToRawLongBits(TradingStateChangeCodec.value(buffer, offset)), "value");
        header.assertReadBack(buffer, offset, TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, TradingStateChangeCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll final byte state,
        @ForAll final byte previousState,
        @ForAll final short reasonCode,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double limit,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double value)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, TradingStateChangeCodec.TYPE, TradingStateChangeCodec.LENGTH);
        TradingStateChangeCodec.causeSequence(buffer, offset, causeSequence);
        TradingStateChangeCodec.state(buffer, offset, state);
        TradingStateChangeCodec.previousState(buffer, offset, previousState);
        TradingStateChangeCodec.reasonCode(buffer, offset, reasonCode);
        TradingStateChangeCodec.limit(buffer, offset, limit);
        TradingStateChangeCodec.value(buffer, offset, value);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("state", Byte.toString(state));
        body.put("previousState", Byte.toString(previousState));
        body.put("reasonCode", Short.toString(reasonCode));
        body.put("limit", Double.toString(limit));
        body.put("value", Double.toString(value));
        RecordProperties.assertToolsSee(buffer, offset, TradingStateChangeCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, TradingStateChangeCodec.LAYOUT, edit);
    }
}
