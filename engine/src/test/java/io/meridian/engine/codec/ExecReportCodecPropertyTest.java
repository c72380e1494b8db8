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
 * Round trips of the execution report ({@link ExecReportCodec}): any field values, at any offset, on and off heap;
 * the header survives the body writes, nothing outside the record is touched, and dump and diff see the written
 * values.
 */
final class ExecReportCodecPropertyTest
{
    @Property(tries = RecordProperties.TRIES)
    void fieldsWrittenAtAnyOffsetReadBackUnchanged(
        @ForAll final boolean direct,
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId,
        @ForAll final byte execType,
        @ForAll final byte side,
        @ForAll final short rejectCode,
        @ForAll final long lastPrice,
        @ForAll final long lastQty,
        @ForAll final long leavesQty,
        @ForAll final long cumQty,
        @ForAll final long commission,
        @ForAll final long secFee,
        @ForAll final long finraTaf,
        @ForAll final long exchangeFee,
        @ForAll final long impactCost,
        @ForAll final long spreadCost,
        @ForAll final byte liquidity)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(direct);
        // Body fields last to first, then the header: a writer that spills into an earlier field shows here.
        ExecReportCodec.liquidity(buffer, offset, liquidity);
        ExecReportCodec.spreadCost(buffer, offset, spreadCost);
        ExecReportCodec.impactCost(buffer, offset, impactCost);
        ExecReportCodec.exchangeFee(buffer, offset, exchangeFee);
        ExecReportCodec.finraTaf(buffer, offset, finraTaf);
        ExecReportCodec.secFee(buffer, offset, secFee);
        ExecReportCodec.commission(buffer, offset, commission);
        ExecReportCodec.cumQty(buffer, offset, cumQty);
        ExecReportCodec.leavesQty(buffer, offset, leavesQty);
        ExecReportCodec.lastQty(buffer, offset, lastQty);
        ExecReportCodec.lastPrice(buffer, offset, lastPrice);
        ExecReportCodec.rejectCode(buffer, offset, rejectCode);
        ExecReportCodec.side(buffer, offset, side);
        ExecReportCodec.execType(buffer, offset, execType);
        ExecReportCodec.venueOrderId(buffer, offset, venueOrderId);
        ExecReportCodec.clOrdId(buffer, offset, clOrdId);
        header.write(buffer, offset, ExecReportCodec.TYPE, ExecReportCodec.LENGTH);

        assertEquals(clOrdId, ExecReportCodec.clOrdId(buffer, offset), "clOrdId");
        assertEquals(venueOrderId, ExecReportCodec.venueOrderId(buffer, offset), "venueOrderId");
        assertEquals(execType, ExecReportCodec.execType(buffer, offset), "execType");
        assertEquals(side, ExecReportCodec.side(buffer, offset), "side");
        assertEquals(rejectCode, ExecReportCodec.rejectCode(buffer, offset), "rejectCode");
        assertEquals(lastPrice, ExecReportCodec.lastPrice(buffer, offset), "lastPrice");
        assertEquals(lastQty, ExecReportCodec.lastQty(buffer, offset), "lastQty");
        assertEquals(leavesQty, ExecReportCodec.leavesQty(buffer, offset), "leavesQty");
        assertEquals(cumQty, ExecReportCodec.cumQty(buffer, offset), "cumQty");
        assertEquals(commission, ExecReportCodec.commission(buffer, offset), "commission");
        assertEquals(secFee, ExecReportCodec.secFee(buffer, offset), "secFee");
        assertEquals(finraTaf, ExecReportCodec.finraTaf(buffer, offset), "finraTaf");
        assertEquals(exchangeFee, ExecReportCodec.exchangeFee(buffer, offset), "exchangeFee");
        assertEquals(impactCost, ExecReportCodec.impactCost(buffer, offset), "impactCost");
        assertEquals(spreadCost, ExecReportCodec.spreadCost(buffer, offset), "spreadCost");
        assertEquals(liquidity, ExecReportCodec.liquidity(buffer, offset), "liquidity");
        assertEquals(commission + secFee + finraTaf + exchangeFee + impactCost,
            ExecReportCodec.chargedCost(buffer, offset), "chargedCost");
        header.assertReadBack(buffer, offset, ExecReportCodec.TYPE, ExecReportCodec.LENGTH);
        RecordProperties.assertOnlyRecordBytesWritten(buffer, offset, ExecReportCodec.LENGTH);
    }

    @Property(tries = RecordProperties.TRIES)
    void dumpAndDiffSeeTheWrittenValues(
        @ForAll(supplier = RecordProperties.Offsets.class) final int offset,
        @ForAll(supplier = RecordProperties.Headers.class) final HeaderValues header,
        @ForAll(supplier = RecordProperties.Edits.class) final Edit edit,
        @ForAll final long clOrdId,
        @ForAll final long venueOrderId,
        @ForAll final byte execType,
        @ForAll final byte side,
        @ForAll final short rejectCode,
        @ForAll final long lastPrice,
        @ForAll final long lastQty,
        @ForAll final long leavesQty,
        @ForAll final long cumQty,
        @ForAll final long commission,
        @ForAll final long secFee,
        @ForAll final long finraTaf,
        @ForAll final long exchangeFee,
        @ForAll final long impactCost,
        @ForAll final long spreadCost,
        @ForAll final byte liquidity)
    {
        final UnsafeBuffer buffer = RecordProperties.markedBuffer(false);
        // The header first, then the body fields in table order: a writer that spills into a later field shows here.
        header.write(buffer, offset, ExecReportCodec.TYPE, ExecReportCodec.LENGTH);
        ExecReportCodec.clOrdId(buffer, offset, clOrdId);
        ExecReportCodec.venueOrderId(buffer, offset, venueOrderId);
        ExecReportCodec.execType(buffer, offset, execType);
        ExecReportCodec.side(buffer, offset, side);
        ExecReportCodec.rejectCode(buffer, offset, rejectCode);
        ExecReportCodec.lastPrice(buffer, offset, lastPrice);
        ExecReportCodec.lastQty(buffer, offset, lastQty);
        ExecReportCodec.leavesQty(buffer, offset, leavesQty);
        ExecReportCodec.cumQty(buffer, offset, cumQty);
        ExecReportCodec.commission(buffer, offset, commission);
        ExecReportCodec.secFee(buffer, offset, secFee);
        ExecReportCodec.finraTaf(buffer, offset, finraTaf);
        ExecReportCodec.exchangeFee(buffer, offset, exchangeFee);
        ExecReportCodec.impactCost(buffer, offset, impactCost);
        ExecReportCodec.spreadCost(buffer, offset, spreadCost);
        ExecReportCodec.liquidity(buffer, offset, liquidity);

        final Map<String, String> body = new LinkedHashMap<>();
        body.put("clOrdId", Long.toString(clOrdId));
        body.put("venueOrderId", Long.toString(venueOrderId));
        body.put("execType", Byte.toString(execType));
        body.put("side", Byte.toString(side));
        body.put("rejectCode", Short.toString(rejectCode));
        body.put("lastPrice", Long.toString(lastPrice));
        body.put("lastQty", Long.toString(lastQty));
        body.put("leavesQty", Long.toString(leavesQty));
        body.put("cumQty", Long.toString(cumQty));
        body.put("commission", Long.toString(commission));
        body.put("secFee", Long.toString(secFee));
        body.put("finraTaf", Long.toString(finraTaf));
        body.put("exchangeFee", Long.toString(exchangeFee));
        body.put("impactCost", Long.toString(impactCost));
        body.put("spreadCost", Long.toString(spreadCost));
        body.put("liquidity", Byte.toString(liquidity));
        RecordProperties.assertToolsSee(buffer, offset, ExecReportCodec.LAYOUT, header, body);
        RecordProperties.assertDiffNamesTheEditedField(buffer, offset, ExecReportCodec.LAYOUT, edit);
    }
}
