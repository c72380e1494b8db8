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
 * Round trips of the risk monitor's per-instrument and total figures ({@link RiskInstrumentSnapshotCodec}): any
 * field values, at any offset, on and off heap; the header survives the body writes, nothing outside the record is
 * touched, and dump and diff see the written values.
 */
final class RiskInstrumentSnapshotCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double grossExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double netExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double share,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double herfindahl,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramCvar99,
        @ForAll final int returns,
        @ForAll final byte trigger)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        RiskInstrumentSnapshotCodec.trigger(buffer, offset, trigger);
        RiskInstrumentSnapshotCodec.returns(buffer, offset, returns);
        RiskInstrumentSnapshotCodec.paramCvar99(buffer, offset, paramCvar99);
        RiskInstrumentSnapshotCodec.paramVar99(buffer, offset, paramVar99);
        RiskInstrumentSnapshotCodec.paramCvar95(buffer, offset, paramCvar95);
        RiskInstrumentSnapshotCodec.paramVar95(buffer, offset, paramVar95);
        RiskInstrumentSnapshotCodec.histCvar99(buffer, offset, histCvar99);
        RiskInstrumentSnapshotCodec.histVar99(buffer, offset, histVar99);
        RiskInstrumentSnapshotCodec.histCvar95(buffer, offset, histCvar95);
        RiskInstrumentSnapshotCodec.histVar95(buffer, offset, histVar95);
        RiskInstrumentSnapshotCodec.herfindahl(buffer, offset, herfindahl);
        RiskInstrumentSnapshotCodec.share(buffer, offset, share);
        RiskInstrumentSnapshotCodec.netExposure(buffer, offset, netExposure);
        RiskInstrumentSnapshotCodec.grossExposure(buffer, offset, grossExposure);
        RiskInstrumentSnapshotCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, RiskInstrumentSnapshotCodec.TYPE, RiskInstrumentSnapshotCodec.LENGTH);

        assertEquals(causeSequence, RiskInstrumentSnapshotCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(Double.doubleToRawLongBits(grossExposure),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.grossExposure(buffer, offset)), "grossExposure");
        assertEquals(Double.doubleToRawLongBits(netExposure),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.netExposure(buffer, offset)), "netExposure");
        assertEquals(Double.doubleToRawLongBits(share),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.share(buffer, offset)), "share");
        assertEquals(Double.doubleToRawLongBits(herfindahl),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.herfindahl(buffer, offset)), "herfindahl");
        assertEquals(Double.doubleToRawLongBits(histVar95),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.histVar95(buffer, offset)), "histVar95");
        assertEquals(Double.doubleToRawLongBits(histCvar95),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.histCvar95(buffer, offset)), "histCvar95");
        assertEquals(Double.doubleToRawLongBits(histVar99),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.histVar99(buffer, offset)), "histVar99");
        assertEquals(Double.doubleToRawLongBits(histCvar99),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.histCvar99(buffer, offset)), "histCvar99");
        assertEquals(Double.doubleToRawLongBits(paramVar95),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.paramVar95(buffer, offset)), "paramVar95");
        assertEquals(Double.doubleToRawLongBits(paramCvar95),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.paramCvar95(buffer, offset)), "paramCvar95");
        assertEquals(Double.doubleToRawLongBits(paramVar99),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.paramVar99(buffer, offset)), "paramVar99");
        assertEquals(Double.doubleToRawLongBits(paramCvar99),
            Double.doubleToRawLongBits(RiskInstrumentSnapshotCodec.paramCvar99(buffer, offset)), "paramCvar99");
        assertEquals(returns, RiskInstrumentSnapshotCodec.returns(buffer, offset), "returns");
        assertEquals(trigger, RiskInstrumentSnapshotCodec.trigger(buffer, offset), "trigger");
        header.assertReadBack(buffer, offset, RiskInstrumentSnapshotCodec.TYPE, RiskInstrumentSnapshotCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, RiskInstrumentSnapshotCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double grossExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double netExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double share,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double herfindahl,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramCvar99,
        @ForAll final int returns,
        @ForAll final byte trigger)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, RiskInstrumentSnapshotCodec.TYPE, RiskInstrumentSnapshotCodec.LENGTH);
        RiskInstrumentSnapshotCodec.causeSequence(buffer, offset, causeSequence);
        RiskInstrumentSnapshotCodec.grossExposure(buffer, offset, grossExposure);
        RiskInstrumentSnapshotCodec.netExposure(buffer, offset, netExposure);
        RiskInstrumentSnapshotCodec.share(buffer, offset, share);
        RiskInstrumentSnapshotCodec.herfindahl(buffer, offset, herfindahl);
        RiskInstrumentSnapshotCodec.histVar95(buffer, offset, histVar95);
        RiskInstrumentSnapshotCodec.histCvar95(buffer, offset, histCvar95);
        RiskInstrumentSnapshotCodec.histVar99(buffer, offset, histVar99);
        RiskInstrumentSnapshotCodec.histCvar99(buffer, offset, histCvar99);
        RiskInstrumentSnapshotCodec.paramVar95(buffer, offset, paramVar95);
        RiskInstrumentSnapshotCodec.paramCvar95(buffer, offset, paramCvar95);
        RiskInstrumentSnapshotCodec.paramVar99(buffer, offset, paramVar99);
        RiskInstrumentSnapshotCodec.paramCvar99(buffer, offset, paramCvar99);
        RiskInstrumentSnapshotCodec.returns(buffer, offset, returns);
        RiskInstrumentSnapshotCodec.trigger(buffer, offset, trigger);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("grossExposure", Double.toString(grossExposure));
        body.put("netExposure", Double.toString(netExposure));
        body.put("share", Double.toString(share));
        body.put("herfindahl", Double.toString(herfindahl));
        body.put("histVar95", Double.toString(histVar95));
        body.put("histCvar95", Double.toString(histCvar95));
        body.put("histVar99", Double.toString(histVar99));
        body.put("histCvar99", Double.toString(histCvar99));
        body.put("paramVar95", Double.toString(paramVar95));
        body.put("paramCvar95", Double.toString(paramCvar95));
        body.put("paramVar99", Double.toString(paramVar99));
        body.put("paramCvar99", Double.toString(paramCvar99));
        body.put("returns", Integer.toString(returns));
        body.put("trigger", Byte.toString(trigger));
        RecordProperties.assertToolsSee(buffer, offset, RiskInstrumentSnapshotCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, RiskInstrumentSnapshotCodec.LAYOUT, edit);
    }
}
