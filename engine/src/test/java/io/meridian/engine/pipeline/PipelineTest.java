package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.Side;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.testing.Records;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.agrona.collections.LongArrayList;

/**
 * The stage list and what travels in the slot: the first stage decodes the event and resolves its instrument once,
 * the book's top of book reaches later stages, the order stage reports the orders it sent, the timed variant times
 * the same list, and training's feature pipeline computes exactly the engine's features.
 */
class PipelineTest
{
    private final EventSlot slot = new EventSlot();

    private static void sequence(final EventSlot slot, final long sequence)
    {
        Header.sequence(slot.buffer, 0, sequence);
    }

    @Test
    void shouldCarryTheInstrumentIndexAndTheTopOfBookOnATrade()
    {
        final Pipeline pipeline = TestEngines.pipeline(new RecordingSink());
        Records.quote(slot.buffer, 2, 1_000, 1, 999_000, 300, 1_001_000, 400);
        sequence(slot, 7);
        pipeline.onEvent(slot);
        Records.trade(slot.buffer, 2, 2_000, 2, 1_000_500, 5, Side.BUY);
        sequence(slot, 8);

        pipeline.onEvent(slot);

        assertEquals(RecordType.TRADE, slot.type);
        assertEquals(2, slot.instrumentId);
        assertEquals(1, slot.instrumentIndex);
        assertEquals(8, slot.sequence);
        assertEquals(2_000, slot.eventTimeNs);
        assertTrue(slot.marketDataAccepted);
        assertEquals(999_000, slot.bidPrice);
        assertEquals(300, slot.bidQty);
        assertEquals(1_001_000, slot.askPrice);
        assertEquals(400, slot.askQty);
        assertEquals(1_000_500, slot.lastTradePrice);
        assertFalse(slot.featuresReady, "features run on quotes only");
    }

    @Test
    void shouldMarkAnUnknownInstrumentAndClearEarlierResults()
    {
        final Pipeline pipeline = TestEngines.pipeline(new RecordingSink());
        slot.scored = true;
        slot.hasTarget = true;
        slot.ordersSent = 3;
        Records.quote(slot.buffer, 99, 1_000, 1, 999_000, 300, 1_001_000, 400);

        pipeline.onEvent(slot);

        assertEquals(-1, slot.instrumentIndex);
        assertFalse(slot.marketDataAccepted);
        assertFalse(slot.scored);
        assertFalse(slot.hasTarget);
        assertEquals(0, slot.ordersSent);
    }

    @Test
    void shouldReportTheOrdersEachEventSent()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 11);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        long counted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
            counted += slot.ordersSent;
        }

        assertTrue(counted > 10, "orders must go out");
        assertEquals(pipeline.orders().ordersSent(), counted);
    }

    @Test
    void shouldTimeEveryStageOfTheSameList()
    {
        shouldTimeEveryStage(new PipelineLatency());
    }

    @Test
    void shouldTimeEveryStageIntoSingleThreadedHistograms()
    {
        shouldTimeEveryStage(PipelineLatency.singleThreaded(1));
    }

    @Test
    void shouldTimeStagesOnOneEventInNAndTickToOrderOnEveryOrder()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 5);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final TimedPipeline timed = new TimedPipeline(
            pipeline, new SystemNanoClock(), PipelineLatency.singleThreaded(8));
        final int events = 20_001;
        for (int i = 0; i < events; i++)
        {
            market.next(slot.buffer);
            timed.onEvent(slot);
        }
        final PipelineLatency latency = timed.latency();

        assertEquals(2_501, latency.snapshot(PipelineLatency.BOOK).getTotalCount(), "events 0, 8, ..., 20000");
        assertEquals(2_501, latency.snapshot(PipelineLatency.EVENT).getTotalCount());
        assertTrue(pipeline.orders().ordersSent() > 100, "orders must go out");
        assertEquals(pipeline.orders().ordersSent(), latency.snapshot(PipelineLatency.TICK_TO_ORDER).getTotalCount(),
            "every order is timed, sampled event or not");
    }

    @Test
    void shouldRefuseASampleIntervalBelowOne()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> PipelineLatency.singleThreaded(0));
        assertTrue(ex.getMessage().contains("latency sample interval 0"), ex.getMessage());
    }

    private void shouldTimeEveryStage(final PipelineLatency histograms)
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 5);
        final Pipeline pipeline = TestEngines.pipeline(market, "risk.maxOrdersPerSecond=1000000");
        final TimedPipeline timed = new TimedPipeline(pipeline, new SystemNanoClock(), histograms);
        final int events = 20_000;
        for (int i = 0; i < events; i++)
        {
            market.next(slot.buffer);
            timed.onEvent(slot);
        }
        final PipelineLatency latency = timed.latency();

        assertEquals(events, latency.snapshot(PipelineLatency.BOOK).getTotalCount());
        assertEquals(events, latency.snapshot(PipelineLatency.ORDERS).getTotalCount());
        assertEquals(events, latency.snapshot(PipelineLatency.EVENT).getTotalCount());
        assertEquals(pipeline.book().acceptedCount(), latency.snapshot(PipelineLatency.FEATURES).getTotalCount());
        assertEquals(pipeline.orders().signals(), latency.snapshot(PipelineLatency.SCORING).getTotalCount());
        assertEquals(pipeline.orders().ordersSent(), latency.snapshot(PipelineLatency.TICK_TO_ORDER).getTotalCount());
    }

    @Test
    void shouldComputeTheEnginesFeaturesInTheTrainingPipeline()
    {
        final EngineConfig config = TestEngines.config();
        final TestMarket market = new TestMarket(3, 1_000_000, 3);
        final Pipeline engine = TestEngines.pipeline(market);
        final Pipeline training = EngineFactory.features(config);
        final EventSlot trainingSlot = new EventSlot();
        int ready = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final int length = market.next(slot.buffer);
            trainingSlot.buffer.putBytes(0, slot.buffer, 0, length);
            engine.onEvent(slot);
            training.onEvent(trainingSlot);

            assertEquals(slot.marketDataAccepted, trainingSlot.marketDataAccepted, "event " + i);
            assertEquals(slot.featuresReady, trainingSlot.featuresReady, "event " + i);
            if (slot.featuresReady)
            {
                assertArrayEquals(slot.features, trainingSlot.features, "event " + i);
                ready++;
            }
        }

        assertTrue(ready > 1_000, "features must warm up");
        assertEquals(2, training.stageCount());
        assertNull(training.orders());
        assertNull(training.scorer());
    }

    @Test
    void shouldRefuseAStageListThatDoesNotStartWithTheBook()
    {
        final Pipeline engine = TestEngines.pipeline(new RecordingSink());

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new Pipeline(engine.instruments(), new FeatureStage(new FeatureEngine(3, 8, 32, 64))));
        assertEquals("the first stage must be the book stage, which decodes each event", ex.getMessage());
    }

    @Test
    void shouldTimeAStageByItsNameWhereverItSitsInTheList()
    {
        final Pipeline engine = TestEngines.pipeline(new RecordingSink());
        final MarketDataStage book = new MarketDataStage(engine.instruments());
        final Stage unnamed = new Stage()
        {
            @Override
            public String name()
            {
                return "no-histogram";
            }

            @Override
            public boolean onEvent(final EventSlot slot)
            {
                return true;
            }

            @Override
            public void saveState(final LongArrayList out)
            {
            }

            @Override
            public int loadState(final long[] in, final int at)
            {
                return at;
            }
        };
        final Pipeline pipeline = new Pipeline(engine.instruments(), book, unnamed,
            new FeatureStage(new FeatureEngine(3, 8, 32, 64)));
        final TimedPipeline timed = new TimedPipeline(pipeline, new SystemNanoClock(), new PipelineLatency());
        Records.quote(slot.buffer, 1, 1_000, 1, 999_000, 300, 1_001_000, 400);

        timed.onEvent(slot);

        final PipelineLatency latency = timed.latency();
        assertEquals(1, latency.snapshot(PipelineLatency.BOOK).getTotalCount());
        assertEquals(1, latency.snapshot(PipelineLatency.FEATURES).getTotalCount(), "found by name, not position");
        assertEquals(0, latency.snapshot(PipelineLatency.SCORING).getTotalCount());
        assertEquals(1, latency.snapshot(PipelineLatency.EVENT).getTotalCount());
        assertEquals(-1, PipelineLatency.stageHistogram("no-histogram"));
    }
}
