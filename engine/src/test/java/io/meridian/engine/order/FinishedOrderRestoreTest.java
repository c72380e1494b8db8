package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import io.meridian.engine.codec.Header;

/**
 * A finished order is still part of the engine's state (issue 9): the order stage's snapshot carries it, so a late
 * fill of an order the engine saw cancelled (the broker filled it just before it confirmed the cancel) is applied by a
 * restored engine exactly as by the original. Without it the restored engine would count the report as unknown and
 * its position would differ by the fill.
 */
class FinishedOrderRestoreTest
{
    private static final int A = 1;
    private static final long T0 = 1_767_625_200_000_000_000L;
    private static final String[] CONFIG = {"instruments[0].priceScale=10000", "instruments[0].qtyScale=1",
        "instruments[1].priceScale=10000", "instruments[1].qtyScale=1", "instruments[2].priceScale=10000",
        "instruments[2].qtyScale=1", "strategy.orderTimeoutMs=60000", "strategy.pricing=cross",
        "risk.maxOrderQty=1000", "risk.maxOrderNotional=100000", "risk.priceCollar=0.10", "risk.maxPosition=1500",
        "kill.staleMarketDataMs=600000"};

    @Test
    void shouldApplyALateFillOfACancelledOrderAfterARestoreAsBefore()
    {
        final RecordingSink sink = new RecordingSink();
        final Pipeline pipeline = TestEngines.pipeline(sink, CONFIG);
        final OrderManager orders = pipeline.orders();
        final SlotBuilder events = new SlotBuilder(pipeline.instruments());
        orders.onEvent(events.quote(A, T0, 499_900, 500_100).scored(2.0).target(10).slot());
        final long clOrdId = OrderCommandCodec.clOrdId(sink.ofType(RecordType.ORDER_COMMAND).get(0), 0);
        orders.onEvent(events.execReport(A, T0 + 1, clOrdId, ExecType.ACK, Side.BUY, 0, 0, 10, 0).slot());
        orders.onEvent(events.execReport(A, T0 + 2, clOrdId, ExecType.CANCELLED, Side.BUY, 0, 0, 0, 0).slot());
        assertEquals(0, orders.workingOrders().workingClOrdId(0), "the order is finished");
        final LongArrayList state = new LongArrayList();
        orders.saveState(state);

        final RecordingSink restoredSink = new RecordingSink();
        final OrderManager restored = TestEngines.pipeline(restoredSink, CONFIG).orders();
        assertEquals(state.size(), restored.loadState(state.toLongArray(), 0));
        sink.clear();

        // the broker's fill of all 10 at the ask, made before its cancel confirmation, arrives late
        final EventSlot late = events.execReport(A, T0 + 3, clOrdId, ExecType.FILL, Side.BUY, 500_100, 10, 0, 10)
            .slot();
        orders.onEvent(late);
        restored.onEvent(late);

        assertEquals(10, orders.positions().position(0), "the original applies the late fill");
        assertEquals(10, restored.positions().position(0), "the restored engine applies it too");
        assertEquals(sink.records().size(), restoredSink.records().size(), "decision records after the late fill");
        for (int i = 0; i < sink.records().size(); i++)
        {
            final UnsafeBuffer a = sink.records().get(i);
            final UnsafeBuffer b = restoredSink.records().get(i);
            // the output sequence is each engine's own count; every other byte is the same
            a.putLong(Header.SEQUENCE_OFFSET, 0);
            b.putLong(Header.SEQUENCE_OFFSET, 0);
            assertNull(RecordLayouts.firstDifference(a, 0, a.capacity(), b, 0, b.capacity()), "record " + i);
        }
    }
}
