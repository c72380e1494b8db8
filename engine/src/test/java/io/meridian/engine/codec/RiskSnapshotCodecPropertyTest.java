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
 * Round trips of the risk monitor's snapshot ({@link RiskSnapshotCodec}): any field values, at any offset, on and off
 * heap; the header survives the body writes, nothing outside the record is touched, and dump and diff see the
 * written values.
 */
final class RiskSnapshotCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double nav,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double grossExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double netExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double leverage,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double drawdown,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double monthPnl,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double maxUsage,
        @ForAll final short maxUsageCode,
        @ForAll final int returns)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        RiskSnapshotCodec.returns(buffer, offset, returns);
        RiskSnapshotCodec.maxUsageCode(buffer, offset, maxUsageCode);
        RiskSnapshotCodec.maxUsage(buffer, offset, maxUsage);
        RiskSnapshotCodec.paramVar99(buffer, offset, paramVar99);
        RiskSnapshotCodec.histCvar99(buffer, offset, histCvar99);
        RiskSnapshotCodec.histVar99(buffer, offset, histVar99);
        RiskSnapshotCodec.histCvar95(buffer, offset, histCvar95);
        RiskSnapshotCodec.histVar95(buffer, offset, histVar95);
        RiskSnapshotCodec.monthPnl(buffer, offset, monthPnl);
        RiskSnapshotCodec.drawdown(buffer, offset, drawdown);
        RiskSnapshotCodec.leverage(buffer, offset, leverage);
        RiskSnapshotCodec.netExposure(buffer, offset, netExposure);
        RiskSnapshotCodec.grossExposure(buffer, offset, grossExposure);
        RiskSnapshotCodec.nav(buffer, offset, nav);
        RiskSnapshotCodec.causeSequence(buffer, offset, causeSequence);
        header.write(buffer, offset, RiskSnapshotCodec.TYPE, RiskSnapshotCodec.LENGTH);

        assertEquals(causeSequence, RiskSnapshotCodec.causeSequence(buffer, offset), "causeSequence");
        assertEquals(Double.doubleToRawLongBits(nav),
            Double.doubleToRawLongBits(RiskSnapshotCodec.nav(buffer, offset)), "nav");
        assertEquals(Double.doubleToRawLongBits(grossExposure),
            Double.doubleToRawLongBits(RiskSnapshotCodec.grossExposure(buffer, offset)), "grossExposure");
        assertEquals(Double.doubleToRawLongBits(netExposure),
            Double.doubleToRawLongBits(RiskSnapshotCodec.netExposure(buffer, offset)), "netExposure");
        assertEquals(Double.doubleToRawLongBits(leverage),
            Double.doubleToRawLongBits(RiskSnapshotCodec.leverage(buffer, offset)), "leverage");
        assertEquals(Double.doubleToRawLongBits(drawdown),
            Double.doubleToRawLongBits(RiskSnapshotCodec.drawdown(buffer, offset)), "drawdown");
        assertEquals(Double.doubleToRawLongBits(monthPnl),
            Double.doubleToRawLongBits(RiskSnapshotCodec.monthPnl(buffer, offset)), "monthPnl");
        assertEquals(Double.doubleToRawLongBits(histVar95),
            Double.doubleToRawLongBits(RiskSnapshotCodec.histVar95(buffer, offset)), "histVar95");
        assertEquals(Double.doubleToRawLongBits(histCvar95),
            Double.doubleToRawLongBits(RiskSnapshotCodec.histCvar95(buffer, offset)), "histCvar95");
        assertEquals(Double.doubleToRawLongBits(histVar99),
            Double.doubleToRawLongBits(RiskSnapshotCodec.histVar99(buffer, offset)), "histVar99");
        assertEquals(Double.doubleToRawLongBits(histCvar99),
            Double.doubleToRawLongBits(RiskSnapshotCodec.histCvar99(buffer, offset)), "histCvar99");
        assertEquals(Double.doubleToRawLongBits(paramVar99),
            Double.doubleToRawLongBits(RiskSnapshotCodec.paramVar99(buffer, offset)), "paramVar99");
        assertEquals(Double.doubleToRawLongBits(maxUsage),
            Double.doubleToRawLongBits(RiskSnapshotCodec.maxUsage(buffer, offset)), "maxUsage");
        assertEquals(maxUsageCode, RiskSnapshotCodec.maxUsageCode(buffer, offset), "maxUsageCode");
        assertEquals(returns, RiskSnapshotCodec.returns(buffer, offset), "returns");
        header.assertReadBack(buffer, offset, RiskSnapshotCodec.TYPE, RiskSnapshotCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, RiskSnapshotCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long causeSequence,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double nav,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double grossExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double netExposure,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double leverage,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double drawdown,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double monthPnl,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar95,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double histCvar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double paramVar99,
        @ForAll(supplier = RecordProperties.AnyDoubles.class) final double maxUsage,
        @ForAll final short maxUsageCode,
        @ForAll final int returns)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, RiskSnapshotCodec.TYPE, RiskSnapshotCodec.LENGTH);
        RiskSnapshotCodec.causeSequence(buffer, offset, causeSequence);
        RiskSnapshotCodec.nav(buffer, offset, nav);
        RiskSnapshotCodec.grossExposure(buffer, offset, grossExposure);
        RiskSnapshotCodec.netExposure(buffer, offset, netExposure);
        RiskSnapshotCodec.leverage(buffer, offset, leverage);
        RiskSnapshotCodec.drawdown(buffer, offset, drawdown);
        RiskSnapshotCodec.monthPnl(buffer, offset, monthPnl);
        RiskSnapshotCodec.histVar95(buffer, offset, histVar95);
        RiskSnapshotCodec.histCvar95(buffer, offset, histCvar95);
        RiskSnapshotCodec.histVar99(buffer, offset, histVar99);
        RiskSnapshotCodec.histCvar99(buffer, offset, histCvar99);
        RiskSnapshotCodec.paramVar99(buffer, offset, paramVar99);
        RiskSnapshotCodec.maxUsage(buffer, offset, maxUsage);
        RiskSnapshotCodec.maxUsageCode(buffer, offset, maxUsageCode);
        RiskSnapshotCodec.returns(buffer, offset, returns);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("causeSequence", Long.toString(causeSequence));
        body.put("nav", Double.toString(nav));
        body.put("grossExposure", Double.toString(grossExposure));
        body.put("netExposure", Double.toString(netExposure));
        body.put("leverage", Double.toString(leverage));
        body.put("drawdown", Double.toString(drawdown));
        body.put("monthPnl", Double.toString(monthPnl));
        body.put("histVar95", Double.toString(histVar95));
        body.put("histCvar95", Double.toString(histCvar95));
        body.put("histVar99", Double.toString(histVar99));
        body.put("histCvar99", Double.toString(histCvar99));
        body.put("paramVar99", Double.toString(paramVar99));
        body.put("maxUsage", Double.toString(maxUsage));
        body.put("maxUsageCode", Short.toString(maxUsageCode));
        body.put("returns", Integer.toString(returns));
        RecordProperties.assertToolsSee(buffer, offset, RiskSnapshotCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, RiskSnapshotCodec.LAYOUT, edit);
    }
}
