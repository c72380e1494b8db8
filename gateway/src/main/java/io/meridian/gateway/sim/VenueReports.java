package io.meridian.gateway.sim;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.cost.FillCosts;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The simulated venue's report encoding: writes EXEC_REPORT records (header and body) and hands them to the
 * {@link ExecReportSink}, numbering them with {@code sourceSequence} from 1 in emission order. A report is either
 * emitted at once, from a scratch buffer, or written into a {@link VenueEventQueue} slot and emitted when the venue's
 * clock reaches it. Allocation-free; owned by the venue's thread.
 */
final class VenueReports
{
    private final ExecReportSink sink;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[VenueEventQueue.SLOT_LENGTH]);
    private long reportSequence;

    /**
     * Reports to a sink.
     *
     * @param sink where reports go.
     */
    VenueReports(final ExecReportSink sink)
    {
        this.sink = sink;
    }

    /**
     * Number of reports emitted so far (the last {@code sourceSequence} used).
     *
     * @return the count.
     */
    long emitted()
    {
        return reportSequence;
    }

    /**
     * Emits a report now.
     *
     * @param nowNs its event time.
     * @param instrumentId the order's instrument.
     * @param clOrdId the order's client id.
     * @param venueOrderId the venue's order id, 0 when none.
     * @param execType an {@link ExecType} code.
     * @param side the order's side.
     * @param rejectCode the reject reason's code, 0 unless rejected.
     * @param lastPrice fill price, 0 unless a fill.
     * @param lastQty fill quantity, 0 unless a fill.
     * @param leavesQty quantity still working after this report.
     * @param cumQty quantity filled so far.
     */
    void emit(
        final long nowNs,
        final int instrumentId,
        final long clOrdId,
        final long venueOrderId,
        final byte execType,
        final byte side,
        final short rejectCode,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty)
    {
        Header.write(scratch, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, instrumentId, 0L, nowNs, 0L,
            SimulatedVenue.SOURCE_ID, ++reportSequence);
        writeBody(scratch, 0, clOrdId, venueOrderId, execType, side, rejectCode, lastPrice, lastQty, leavesQty,
            cumQty);
        writeCosts(scratch, 0, null, (byte)0);
        sink.onExecReport(scratch, 0, ExecReportCodec.LENGTH);
    }

    /**
     * Emits the fill just applied to an order now: {@link ExecType#FILL} when it completed the order, else
     * {@link ExecType#PARTIAL_FILL}.
     *
     * @param order the order, after the fill.
     * @param nowNs the report's event time.
     */
    void emitFill(final VenueOrder order, final long nowNs)
    {
        Header.write(scratch, 0, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, order.instrumentId, 0L, nowNs, 0L,
            SimulatedVenue.SOURCE_ID, ++reportSequence);
        writeBody(scratch, 0, order.clOrdId, order.venueOrderId,
            order.leavesQty == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL, order.side, (short)0,
            order.lastFillPrice, order.lastFillQty, order.leavesQty, order.cumQty);
        writeCosts(scratch, 0, order.lastFillCosts, order.lastFillLiquidity);
        sink.onExecReport(scratch, 0, ExecReportCodec.LENGTH);
    }

    /**
     * Queues the fill just applied to an order, to be emitted by {@link #emitQueued} when the clock reaches
     * {@code dueNs}.
     *
     * @param pending the venue's pending events.
     * @param order the order, after the fill.
     * @param dueNs the report's event time.
     */
    void queueFill(final VenueEventQueue pending, final VenueOrder order, final long dueNs)
    {
        final int slot = pending.add(dueNs);
        final int offset = VenueEventQueue.offset(slot);
        final UnsafeBuffer slots = pending.slots();
        // the header is completed (sourceSequence) when the report is emitted
        Header.write(slots, offset, ExecReportCodec.TYPE, ExecReportCodec.LENGTH, order.instrumentId, 0L, dueNs,
            0L, SimulatedVenue.SOURCE_ID, 0L);
        writeBody(slots, offset, order.clOrdId, order.venueOrderId,
            order.leavesQty == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL, order.side, (short)0,
            order.lastFillPrice, order.lastFillQty, order.leavesQty, order.cumQty);
        writeCosts(slots, offset, order.lastFillCosts, order.lastFillLiquidity);
    }

    /**
     * Completes the header of a queued report and emits it.
     *
     * @param slots the pending events' buffer.
     * @param offset where the report starts.
     * @param dueNs its event time.
     */
    void emitQueued(final UnsafeBuffer slots, final int offset, final long dueNs)
    {
        Header.write(slots, offset, ExecReportCodec.TYPE, ExecReportCodec.LENGTH,
            Header.instrumentId(slots, offset), 0L, dueNs, 0L, SimulatedVenue.SOURCE_ID, ++reportSequence);
        sink.onExecReport(slots, offset, ExecReportCodec.LENGTH);
    }

    private static void writeBody(
        final UnsafeBuffer buffer,
        final int offset,
        final long clOrdId,
        final long venueOrderId,
        final byte execType,
        final byte side,
        final short rejectCode,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty)
    {
        ExecReportCodec.clOrdId(buffer, offset, clOrdId);
        ExecReportCodec.venueOrderId(buffer, offset, venueOrderId);
        ExecReportCodec.execType(buffer, offset, execType);
        ExecReportCodec.side(buffer, offset, side);
        ExecReportCodec.rejectCode(buffer, offset, rejectCode);
        // bytes 68..71 are alignment padding: zero them so the record's bytes are fully defined
        buffer.putInt(offset + ExecReportCodec.REJECT_CODE_OFFSET + 2, 0);
        ExecReportCodec.lastPrice(buffer, offset, lastPrice);
        ExecReportCodec.lastQty(buffer, offset, lastQty);
        ExecReportCodec.leavesQty(buffer, offset, leavesQty);
        ExecReportCodec.cumQty(buffer, offset, cumQty);
    }

    /**
     * Writes the cost fields: a fill's costs, or zeros ({@code costs == null}) for any other report.
     */
    private static void writeCosts(
        final UnsafeBuffer buffer, final int offset, final FillCosts costs, final byte liquidity)
    {
        ExecReportCodec.commission(buffer, offset, costs == null ? 0L : costs.commission());
        ExecReportCodec.secFee(buffer, offset, costs == null ? 0L : costs.secFee());
        ExecReportCodec.finraTaf(buffer, offset, costs == null ? 0L : costs.finraTaf());
        ExecReportCodec.exchangeFee(buffer, offset, costs == null ? 0L : costs.exchangeFee());
        ExecReportCodec.impactCost(buffer, offset, costs == null ? 0L : costs.impact());
        ExecReportCodec.spreadCost(buffer, offset, costs == null ? 0L : costs.spread());
        ExecReportCodec.liquidity(buffer, offset, liquidity);
        // bytes 153..159 are alignment padding: zero them so the record's bytes are fully defined
        buffer.putByte(offset + ExecReportCodec.LIQUIDITY_OFFSET + 1, (byte)0);
        buffer.putShort(offset + ExecReportCodec.LIQUIDITY_OFFSET + 2, (short)0);
        buffer.putInt(offset + ExecReportCodec.LIQUIDITY_OFFSET + 4, 0);
    }
}
