package io.meridian.gateway.ib.adapter;

import io.meridian.engine.api.InboundSink;
import io.meridian.engine.codec.AccountValueCodec;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OpenOrderCodec;
import io.meridian.engine.codec.PositionCodec;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the broker-state records of an IB session (issue 9): ACCOUNT_VALUE, POSITION, OPEN_ORDER and EXECUTION, each
 * with source id {@link #SOURCE_ID} and its own source sequence, the event time the adapter's clock at receipt. The
 * engine journals them like every inbound record, so reconciliation and the broker's NAV replay without the broker.
 *
 * <p>Owned by the adapter's thread; allocation-free.
 */
final class IbBrokerRecords
{
    /** Source id of the broker-state records. */
    static final int SOURCE_ID = 7;

    private final InboundSink sink;
    private final EpochNanoClock clock;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
    private long sequence;

    IbBrokerRecords(final InboundSink sink, final EpochNanoClock clock)
    {
        this.sink = sink;
        this.clock = clock;
    }

    private void header(final byte type, final int length, final int instrumentId)
    {
        record.setMemory(0, length, (byte)0);
        Header.write(record, 0, type, length, instrumentId, 0, clock.nanoTime(), 0, SOURCE_ID, ++sequence);
    }

    void accountValue(final byte tag, final long valueCash, final byte kind)
    {
        header(AccountValueCodec.TYPE, AccountValueCodec.LENGTH, 0);
        AccountValueCodec.value(record, 0, valueCash);
        AccountValueCodec.tag(record, 0, tag);
        AccountValueCodec.kind(record, 0, kind);
        sink.onRecord(record, 0, AccountValueCodec.LENGTH);
    }

    void position(final int instrumentId, final long lots, final long avgCostTicks, final long conId, final byte kind)
    {
        header(PositionCodec.TYPE, PositionCodec.LENGTH, instrumentId);
        PositionCodec.position(record, 0, lots);
        PositionCodec.avgCost(record, 0, avgCostTicks);
        PositionCodec.conId(record, 0, conId);
        PositionCodec.kind(record, 0, kind);
        sink.onRecord(record, 0, PositionCodec.LENGTH);
    }

    void openOrder(
        final int instrumentId, final long clOrdId, final long venueOrderId, final long priceTicks, final long lots,
        final byte side, final byte orderType, final byte status, final byte kind)
    {
        header(OpenOrderCodec.TYPE, OpenOrderCodec.LENGTH, instrumentId);
        OpenOrderCodec.clOrdId(record, 0, clOrdId);
        OpenOrderCodec.venueOrderId(record, 0, venueOrderId);
        OpenOrderCodec.price(record, 0, priceTicks);
        OpenOrderCodec.qty(record, 0, lots);
        OpenOrderCodec.side(record, 0, side);
        OpenOrderCodec.orderType(record, 0, orderType);
        OpenOrderCodec.status(record, 0, status);
        OpenOrderCodec.kind(record, 0, kind);
        sink.onRecord(record, 0, OpenOrderCodec.LENGTH);
    }

    void execution(
        final int instrumentId, final long clOrdId, final long venueOrderId, final long priceTicks, final long lots,
        final long cumLots, final long commissionCash, final long execIdHash, final byte side, final byte kind)
    {
        header(ExecutionCodec.TYPE, ExecutionCodec.LENGTH, instrumentId);
        ExecutionCodec.clOrdId(record, 0, clOrdId);
        ExecutionCodec.venueOrderId(record, 0, venueOrderId);
        ExecutionCodec.price(record, 0, priceTicks);
        ExecutionCodec.qty(record, 0, lots);
        ExecutionCodec.cumQty(record, 0, cumLots);
        ExecutionCodec.commission(record, 0, commissionCash);
        ExecutionCodec.execIdHash(record, 0, execIdHash);
        ExecutionCodec.side(record, 0, side);
        ExecutionCodec.kind(record, 0, kind);
        sink.onRecord(record, 0, ExecutionCodec.LENGTH);
    }
}
