package io.meridian.engine.order;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.SlotBuilder;
import io.meridian.engine.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The order stage of a test pipeline for the operator-command tests ({@code FlattenCommandTest},
 * {@code InstrumentHaltTest}) and {@code PositionLimitCancelTest}: instruments priced to 4 decimals in whole lots,
 * orders crossing the spread with a 250 ms timeout, limits wide enough that only the behaviour under test refuses
 * anything. MRDA (id 1) quotes 49.99 / 50.01, MRDB (id 2) 119.98 / 120.02. Records are read back in the order they
 * were journaled, a batch at a time.
 */
final class TwoInstrumentDesk
{
    static final int A = 1;
    static final int B = 2;
    static final long MS = 1_000_000L;
    static final long T0 = 1_000_000_000L;
    static final long A_BID = 499_900;
    static final long A_ASK = 500_100;
    static final long B_BID = 1_199_800;
    static final long B_ASK = 1_200_200;

    private static final List<String> DESK = List.of(
        "instruments[0].priceScale=10000", "instruments[0].qtyScale=1",
        "instruments[1].priceScale=10000", "instruments[1].qtyScale=1",
        "instruments[2].priceScale=10000", "instruments[2].qtyScale=1",
        "strategy.orderTimeoutMs=250", "strategy.pricing=cross",
        "risk.maxOrderQty=1000", "risk.maxOrderNotional=100000", "risk.priceCollar=0.10",
        "risk.maxOrdersPerSecond=20", "risk.maxPosition=1500",
        "kill.dailyLossLimit=50000", "kill.staleMarketDataMs=60000");

    final RecordingSink sink = new RecordingSink();
    final Pipeline pipeline;
    final OrderManager orders;
    final SlotBuilder events;
    private int consumed;

    /**
     * The desk, with further configuration overrides applied after its own.
     *
     * @param overrides {@code key=value} overrides.
     */
    TwoInstrumentDesk(final String... overrides)
    {
        final List<String> all = new ArrayList<>(DESK);
        all.addAll(List.of(overrides));
        pipeline = TestEngines.pipeline(sink, all.toArray(new String[0]));
        orders = pipeline.orders();
        events = new SlotBuilder(pipeline.instruments());
    }

    /** Runs one event through the order stage; returns its sequence. */
    long handle(final SlotBuilder event)
    {
        orders.onEvent(event.slot());
        return event.sequence();
    }

    /** The records journaled since the last call. */
    List<UnsafeBuffer> fresh()
    {
        final List<UnsafeBuffer> all = sink.records();
        final List<UnsafeBuffer> out = new ArrayList<>(all.subList(consumed, all.size()));
        consumed = all.size();
        return out;
    }

    /** The record type names of some records, in order. */
    static List<String> types(final List<UnsafeBuffer> records)
    {
        final List<String> names = new ArrayList<>();
        for (final UnsafeBuffer r : records)
        {
            names.add(RecordType.name(Header.type(r, 0)));
        }
        return names;
    }
}
