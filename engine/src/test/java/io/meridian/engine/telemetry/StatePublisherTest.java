package io.meridian.engine.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.Allocations;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's published state: what a reader sees is what the pipeline thread had (counted here independently of
 * the publisher where the test can), a reader on another thread never sees a torn snapshot while the writer
 * publishes after every event, and publishing allocates nothing on the pipeline thread.
 */
class StatePublisherTest
{
    private static final int WARMUP = 50_000;
    private static final int WINDOW = 100_000;

    @Test
    void shouldPublishWhatThePipelineThreadHad()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 11);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final EngineStateView view = new EngineStateView(state);
        assertTrue(state.read(view));
        assertEquals(0, view.publications(), "nothing published before the first event");

        final EventSlot slot = new EventSlot();
        final long[] byType = new long[EngineState.RECORD_TYPES];
        long lastSequence = 0;
        for (int i = 0; i < 20_000; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
            byType[slot.type]++;
            lastSequence = slot.sequence;
        }
        publisher.publish();
        assertTrue(state.read(view));

        final OrderManager orders = pipeline.orders();
        assertEquals(20_000, view.events());
        assertEquals(lastSequence, view.lastSequence());
        for (int type = 0; type < EngineState.RECORD_TYPES; type++)
        {
            assertEquals(byType[type], view.eventsOfType(type), RecordType.name(type));
        }
        assertTrue(view.eventsOfType(RecordType.QUOTE) > 0 && view.eventsOfType(RecordType.EXEC_REPORT) > 0);
        assertEquals(market.ordersSeen(), view.orders() + view.cancels() + view.massCancels(),
            "order commands the venue saw");
        assertEquals(orders.fills(), view.fills());
        assertTrue(view.fills() > 100, "fills must have happened");
        long realized = 0;
        long unrealized = 0;
        for (int i = 0; i < 3; i++)
        {
            assertEquals(orders.positions().position(i), view.position(i));
            assertEquals(orders.positions().realized(i), view.realized(i));
            assertEquals(orders.positions().unrealized(i), view.unrealized(i));
            assertTrue(view.bid(i) > 0 && view.ask(i) > view.bid(i), "a two-sided book for instrument " + i);
            realized += view.realized(i);
            unrealized += view.unrealized(i);
        }
        assertEquals(realized, view.realized());
        assertEquals(unrealized, view.unrealized());
        assertEquals(orders.positions().totalPnl(), view.totalPnl());
        long rejects = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            rejects += view.rejects(reason);
        }
        assertEquals(orders.risk().acceptedCount() + rejects, view.riskAccepted() + rejects);
        assertEquals(orders.killSwitch().state(), view.tradingState());
    }

    @Test
    void shouldPublishAtOnceWhenAReaderAsks()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 5);
        final Pipeline pipeline = TestEngines.pipeline(market);
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final EventSlot slot = new EventSlot();
        int quotes = 0;
        while (quotes < 3)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
            quotes = slot.type == RecordType.QUOTE ? quotes + 1 : 0;
        }
        final long before = state.publications();
        state.requestPublication();
        do
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
        }
        while (slot.type != RecordType.QUOTE);
        assertEquals(before + 1, state.publications(), "the first market-data event after the request publishes");
    }

    @Test
    void shouldRefuseAStateSizedForOtherInstruments()
    {
        final Pipeline pipeline = TestEngines.pipeline(new TestMarket(3, 1_000_000, 1));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new StatePublisher(new EngineState(2), pipeline.orders()));
        assertEquals("engine state has room for 2 instruments, the engine trades 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EngineState(0));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldNeverShowATornSnapshotToAnotherThread() throws InterruptedException
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 23);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong consistentReads = new AtomicLong();
        final AtomicReference<String> problem = new AtomicReference<>();
        final Thread reader = new Thread(() ->
        {
            final EngineStateView view = new EngineStateView(state);
            long lastPublications = 0;
            while (!stop.get() && problem.get() == null)
            {
                if (!state.read(view))
                {
                    continue;
                }
                long events = 0;
                for (int type = 0; type < EngineState.RECORD_TYPES; type++)
                {
                    events += view.eventsOfType(type);
                }
                final long realized = view.realized(0) + view.realized(1) + view.realized(2);
                final long unrealized = view.unrealized(0) + view.unrealized(1) + view.unrealized(2);
                if (events != view.events() || realized != view.realized() || unrealized != view.unrealized()
                    || view.publications() < lastPublications)
                {
                    problem.set("torn snapshot at publication " + view.publications() + ": events " + events + " vs "
                        + view.events() + ", realized " + realized + " vs " + view.realized());
                }
                lastPublications = view.publications();
                consistentReads.incrementAndGet();
            }
        }, "state-reader");
        reader.start();
        final EventSlot slot = new EventSlot();
        for (int i = 0; i < 400_000 && problem.get() == null; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
            publisher.publish();
        }
        while (consistentReads.get() < 1000 && problem.get() == null)
        {
            Thread.onSpinWait();
        }
        stop.set(true);
        reader.join();
        assertNull(problem.get());
        assertTrue(state.publications() >= 400_000);
    }

    @Test
    void shouldAllocateNothingOnThePipelineThreadWhilePublishing()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 42);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final EventSlot slot = new EventSlot();
        final Runnable window = () ->
        {
            for (int i = 0; i < WINDOW; i++)
            {
                market.next(slot.buffer);
                pipeline.onEvent(slot);
                publisher.onEvent(slot);
                if ((i & 7) == 0)
                {
                    state.requestPublication();
                }
            }
        };
        for (int i = 0; i < WARMUP / WINDOW + 1; i++)
        {
            window.run();
        }
        final long before = state.publications();
        Allocations.assertSteadyStateAllocatesNothing(WINDOW + " pipeline events with state publication", window);
        assertTrue(state.publications() - before > WINDOW / 8, "publication must have run");
        assertFalse(pipeline.orders().ordersSent() == 0);
    }

    @Test
    void shouldPublishTheLastRiskSnapshotAsJournaled()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 5);
        final org.agrona.concurrent.UnsafeBuffer last = new org.agrona.concurrent.UnsafeBuffer(
            new byte[io.meridian.engine.codec.Header.MAX_RECORD_LENGTH]);
        final long[] snapshots = new long[1];
        final io.meridian.engine.api.OutboundSink tee = (buffer, offset, length) ->
        {
            market.onRecord(buffer, offset, length);
            if (io.meridian.engine.codec.Header.type(buffer, offset) == RecordType.RISK_SNAPSHOT)
            {
                last.putBytes(0, buffer, offset, length);
                snapshots[0]++;
            }
        };
        final Pipeline pipeline = TestEngines.pipeline(tee, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=5", "monitor.window=30");
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final EventSlot slot = new EventSlot();
        for (int i = 0; i < 10_000; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
        }
        publisher.publish();
        final EngineStateView view = new EngineStateView(state);
        assertTrue(state.read(view));
        assertTrue(snapshots[0] > 30, "snapshots: " + snapshots[0]);
        assertEquals(snapshots[0], view.riskSnapshots());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.nav(last, 0), view.riskNav());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.grossExposure(last, 0), view.riskGross());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.netExposure(last, 0), view.riskNet());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.leverage(last, 0), view.riskLeverage());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.drawdown(last, 0), view.riskDrawdown());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.monthPnl(last, 0), view.riskMonthPnl());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.histVar95(last, 0), view.riskHistVar95());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.histCvar99(last, 0), view.riskHistCvar99());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.paramVar99(last, 0), view.riskParamVar99());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.maxUsage(last, 0), view.riskMaxUsage());
        assertEquals(io.meridian.engine.codec.RiskSnapshotCodec.maxUsageCode(last, 0), view.riskMaxUsageCode());
        assertEquals(30, view.riskReturns());
        assertTrue(view.riskHistVar95() > 0, "positions moved NAV");
    }

    @Test
    void shouldPublishTheLastPerInstrumentRiskFiguresAsJournaled()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 5);
        // the last RISK_INSTRUMENT_SNAPSHOT per header instrument id (0: the total)
        final java.util.Map<Integer, org.agrona.concurrent.UnsafeBuffer> last = new java.util.HashMap<>();
        final long[] fillSnapshots = new long[1];
        final io.meridian.engine.api.OutboundSink tee = (buffer, offset, length) ->
        {
            market.onRecord(buffer, offset, length);
            if (io.meridian.engine.codec.Header.type(buffer, offset) == RecordType.RISK_INSTRUMENT_SNAPSHOT)
            {
                final org.agrona.concurrent.UnsafeBuffer copy =
                    new org.agrona.concurrent.UnsafeBuffer(new byte[length]);
                copy.putBytes(0, buffer, offset, length);
                last.put(io.meridian.engine.codec.Header.instrumentId(buffer, offset), copy);
                if (io.meridian.engine.codec.Header.instrumentId(buffer, offset) == 0
                    && io.meridian.engine.codec.RiskInstrumentSnapshotCodec.trigger(buffer, offset)
                    == io.meridian.engine.codec.RiskInstrumentSnapshotCodec.TRIGGER_FILL)
                {
                    fillSnapshots[0]++;
                }
            }
        };
        final Pipeline pipeline = TestEngines.pipeline(tee, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=5", "monitor.window=30");
        final EngineState state = new EngineState(3);
        final StatePublisher publisher = new StatePublisher(state, pipeline.orders());
        final EventSlot slot = new EventSlot();
        for (int i = 0; i < 10_000; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            publisher.onEvent(slot);
        }
        publisher.publish();
        final EngineStateView view = new EngineStateView(state);
        assertTrue(state.read(view));
        assertTrue(fillSnapshots[0] > 10, "fill snapshots: " + fillSnapshots[0]);
        assertEquals(fillSnapshots[0], view.riskFillSnapshots());
        final org.agrona.concurrent.UnsafeBuffer total = last.get(0);
        assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.share(total, 0), view.riskLargestShare());
        assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.herfindahl(total, 0),
            view.riskHerfindahl());
        assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.paramVar95(total, 0),
            view.riskParamVar95(), "the total row's parametric VaR 95 is the published one");
        double shares = 0;
        for (int i = 0; i < 3; i++)
        {
            final org.agrona.concurrent.UnsafeBuffer r = last.get(pipeline.instruments().id(i));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.grossExposure(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.GROSS));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.netExposure(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.NET));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.share(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.SHARE));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.histVar95(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR95));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.histVar99(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_VAR99));
            assertEquals(io.meridian.engine.codec.RiskInstrumentSnapshotCodec.histCvar95(r, 0),
                view.riskInstrument(i, EngineStateView.RiskFigure.HIST_CVAR95));
            shares += view.riskInstrument(i, EngineStateView.RiskFigure.SHARE);
        }
        assertTrue(view.riskGross() == 0 || Math.abs(shares - 1) < 1e-12, "shares add up to 1: " + shares);
        assertTrue(view.riskHerfindahl() >= view.riskLargestShare() * view.riskLargestShare() - 1e-15);
    }
}
