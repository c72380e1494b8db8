package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Disruptor topology computes exactly what the single-thread pipeline computes: an input stream recorded from a
 * closed-loop run is fed through {@code single} and {@code staged} modes with parallel journalers, and through
 * {@code single} mode with inline journaling, and the outbound streams must be byte-for-byte identical to a direct
 * run. Also checks publish-after-journal: no order command reaches the venue before its cause
 * is journaled.
 */
class DisruptorPipelineTest
{
    private static final int EVENTS = 30_000;
    private static final String[] ACTIVE = {"risk.maxOrdersPerSecond=1000000", "risk.maxOrderQty=5000"};

    private static List<UnsafeBuffer> recordInputs()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 99);
        final Pipeline pipeline = TestEngines.pipeline(market, ACTIVE);
        final EventSlot slot = new EventSlot();
        final List<UnsafeBuffer> inputs = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++)
        {
            final int length = market.next(slot.buffer);
            Header.sequence(slot.buffer, 0, i);
            final byte[] copy = new byte[length];
            slot.buffer.getBytes(0, copy);
            inputs.add(new UnsafeBuffer(copy));
            pipeline.onEvent(slot);
        }
        assertTrue(pipeline.orders().ordersSent() > 20, "the recorded run must contain orders");
        return inputs;
    }

    private static RecordingSink direct(final List<UnsafeBuffer> inputs)
    {
        final RecordingSink sink = new RecordingSink();
        final Pipeline pipeline = TestEngines.pipeline(sink, ACTIVE);
        final EventSlot slot = new EventSlot();
        for (final UnsafeBuffer input : inputs)
        {
            slot.buffer.putBytes(0, input, 0, input.capacity());
            pipeline.onEvent(slot);
        }
        return sink;
    }

    @ParameterizedTest
    @CsvSource({"single, parallel", "staged, parallel", "single, inline"})
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldProduceTheSameOutputsAsTheDirectPipeline(final String mode, final String journaling)
        throws InterruptedException
    {
        final List<UnsafeBuffer> inputs = recordInputs();
        final RecordingSink expected = direct(inputs);

        final ThreadFactory threads = runnable ->
        {
            final Thread t = new Thread(runnable, "test-" + mode);
            t.setDaemon(true);
            return t;
        };
        final Sequence journaled = new Sequence(-1);
        final AtomicLong journaledCount = new AtomicLong();
        final EventHandler<EventSlot> journaler = (slot, sequence, endOfBatch) ->
        {
            journaledCount.incrementAndGet();
            journaled.set(sequence);
        };
        final RecordingSink decisions = new RecordingSink();
        final List<String> violations = new ArrayList<>();
        final AtomicLong venueOrders = new AtomicLong();
        final OutboundSink venue = (DirectBuffer buffer, int offset, int length) ->
        {
            venueOrders.incrementAndGet();
            if (OrderCommandCodec.causeSequence(buffer, offset) > journaled.get())
            {
                violations.add("order sent before its cause was journaled: " + RecordLayouts.describe(buffer, offset));
            }
        };
        final DisruptorPipeline disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
            .threadMode(ThreadMode.of(mode))
            .journalingMode(JournalingMode.of(journaling))
            .waitStrategy(WaitStrategyKind.YIELDING)
            .outboundWaitStrategy(WaitStrategyKind.SLEEPING)
            .threadFactory(threads)
            .inputJournaler(journaler)
            .inputJournaled(journaled)
            .decisionJournal(decisions)
            .venue(venue));
        disruptor.start(TestEngines.pipeline(disruptor.outboundSink(), ACTIVE));
        for (final UnsafeBuffer input : inputs)
        {
            disruptor.publish(input, 0, input.capacity(), Header.receiveTimeNs(input, 0), 0);
        }
        disruptor.close();

        assertNull(disruptor.failure());
        assertEquals(EVENTS, journaledCount.get());
        assertEquals(EVENTS - 1, disruptor.processedSequence());
        assertTrue(violations.isEmpty(), violations.toString());
        assertEquals(expected.ofType(RecordType.ORDER_COMMAND).size(), venueOrders.get());
        assertEquals(expected.records().size(), decisions.records().size(), "number of outbound records");
        for (int i = 0; i < expected.records().size(); i++)
        {
            final UnsafeBuffer a = expected.records().get(i);
            final UnsafeBuffer b = decisions.records().get(i);
            final String diff = RecordLayouts.firstDifference(a, 0, a.capacity(), b, 0, b.capacity());
            assertNull(diff, "outbound record " + i + " differs in " + mode + "/" + journaling + ": " + diff);
        }
    }
}
