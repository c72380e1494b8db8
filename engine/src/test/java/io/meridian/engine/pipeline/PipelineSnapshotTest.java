package io.meridian.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.meridian.config.EngineConfig;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.engine.indicator.IndicatorCatalogue;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.state.StateRestore;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.feature.FeatureSchema;

/**
 * The whole pipeline's engine-state snapshot (issue 9, format 3) restores an engine that decides exactly as the one
 * it was taken from. A reference engine runs the test market and its instant venue with every catalogue indicator
 * (bar and tick), time bars, the risk monitor and the pre-trade windows on; its inputs and its decision records are
 * kept. At several points K (inside the indicators' warm-up, with a working order in flight, with positions) its
 * state is saved; a FRESH engine built from the same configuration is fed that state as STATE_RESTORE records and
 * then inputs K..N, and every decision record it writes must be byte-identical to the reference's after K (the output
 * sequence, which each journal numbers from 1, as the same offset), and its final state equal to the reference's
 * value for value. In staged mode (a thread per stage) a restored engine decides as a restored single-threaded one.
 */
class PipelineSnapshotTest
{
    private static final int EVENTS = 30_000;

    /**
     * Every tick feature and half of the bar indicators (all of them make a vector longer than the 64 that fit), the
     * even-numbered half or the odd one; time bars of 2 ms of event time, the risk monitor every millisecond.
     */
    private static EngineConfig config(final int half)
    {
        final List<String> bars = IndicatorCatalogue.defaultBarIds();
        final List<String> ids = new ArrayList<>();
        for (int i = half; i < bars.size(); i += 2)
        {
            ids.add(bars.get(i));
        }
        ids.addAll(IndicatorCatalogue.defaultTickIds());
        return TestEngines.config("risk.maxOrdersPerSecond=1000000", "monitor.intervalMs=1", "monitor.window=50",
            "features.bars.kind=time", "features.bars.timeMs=2", "features.indicators=[" + String.join(", ", ids)
            + "]");
    }

    private static Pipeline engine(final EngineConfig config, final OutboundSink sink)
    {
        return EngineFactory.create(config, TestEngines.linear(weights(config), 0.0), sink);
    }

    private static double[] weights(final EngineConfig config)
    {
        // the base features' active weights (imbalance, microprice), a little of every indicator
        final int n = FeatureSchema.count(config.features());
        final double[] w = new double[n];
        Arrays.fill(w, 1e-6);
        w[0] = 0.05;
        w[1] = 0.02;
        w[3] = 4.0;
        w[4] = 1.5;
        return w;
    }

    /** Records every outbound record with the index of the input that caused it; forwards to the venue. */
    private static final class Recorder implements OutboundSink
    {
        private final OutboundSink venue;
        private final List<byte[]> records = new ArrayList<>();
        private final List<Integer> causes = new ArrayList<>();
        private int input;

        Recorder(final OutboundSink venue)
        {
            this.venue = venue;
        }

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            records.add(copy);
            causes.add(input);
            if (venue != null)
            {
                venue.onRecord(buffer, offset, length);
            }
        }

        int firstCausedBy(final int k)
        {
            for (int i = 0; i < causes.size(); i++)
            {
                if (causes.get(i) >= k)
                {
                    return i;
                }
            }
            return causes.size();
        }
    }

    private static final class Reference
    {
        private final List<byte[]> inputs;
        private final Recorder out;
        private final long[][] states;
        private final long[] finalState;

        Reference(final List<byte[]> inputs, final Recorder out, final long[][] states, final long[] finalState)
        {
            this.inputs = inputs;
            this.out = out;
            this.states = states;
            this.finalState = finalState;
        }
    }

    private static Reference reference(
        final EngineConfig config, final int[] fixed, final List<Integer> points, final List<String> notes)
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 29);
        final Recorder out = new Recorder(market);
        final Pipeline pipeline = engine(config, out);
        final EventSlot slot = new EventSlot();
        final List<byte[]> inputs = new ArrayList<>();
        final List<long[]> states = new ArrayList<>();
        int next = 0;
        int inFlight = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final boolean atFixed = next < fixed.length && fixed[next] == i;
            // and the first three points after the warm-up where an order is in flight (sent, not yet acknowledged)
            final boolean atWorking = inFlight < 3 && i > 2_000 + 5_000 * inFlight && working(pipeline) > 0;
            if (atFixed || atWorking)
            {
                next += atFixed ? 1 : 0;
                inFlight += atWorking ? 1 : 0;
                final LongArrayList state = new LongArrayList();
                pipeline.saveState(state);
                states.add(state.toLongArray());
                points.add(i);
                notes.add("K=" + i + ": working " + working(pipeline) + ", positions " + positions(pipeline));
            }
            out.input = i;
            final int length = market.next(slot.buffer);
            final byte[] copy = new byte[length];
            slot.buffer.getBytes(0, copy);
            inputs.add(copy);
            pipeline.onEvent(slot);
        }
        final LongArrayList last = new LongArrayList();
        pipeline.saveState(last);
        return new Reference(inputs, out, states.toArray(new long[0][]), last.toLongArray());
    }

    private static int working(final Pipeline pipeline)
    {
        int n = 0;
        for (int i = 0; i < 3; i++)
        {
            n += pipeline.orders().workingOrders().workingClOrdId(i) != 0 ? 1 : 0;
        }
        return n;
    }

    private static int positions(final Pipeline pipeline)
    {
        int n = 0;
        for (int i = 0; i < 3; i++)
        {
            n += pipeline.orders().positions().position(i) != 0 ? 1 : 0;
        }
        return n;
    }

    /** Feeds a saved state to an engine as the STATE_RESTORE records a restart journals. */
    static void restore(final Pipeline pipeline, final long[] state, final EventSlot slot)
    {
        for (final UnsafeBuffer record : restoreRecords(state, pipeline.instruments().count()))
        {
            slot.buffer.putBytes(0, record, 0, record.capacity());
            pipeline.onEvent(slot);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void shouldDecideEveryEventAfterTheSnapshotAsTheEngineItWasTakenFrom(final int half)
    {
        final EngineConfig config = config(half);
        // 40: inside every indicator's warm-up; the others spread over the run (orders in flight and positions
        // are checked below)
        final int[] fixed = {40, 1_001, 9_002, 22_001, 27_500};
        final List<Integer> points = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Reference ref = reference(config, fixed, points, notes);
        assertTrue(ref.out.records.size() > 10_000, "the reference must decide a lot: " + ref.out.records.size());
        boolean sawWorking = false;
        boolean sawPosition = false;
        for (int p = 0; p < points.size(); p++)
        {
            final int k = points.get(p);
            sawWorking |= !notes.get(p).contains("working 0");
            sawPosition |= !notes.get(p).contains("positions 0");
            final Recorder out = new Recorder(null);
            final Pipeline fresh = engine(config, out);
            final EventSlot slot = new EventSlot();
            restore(fresh, ref.states[p], slot);
            assertEquals(1, fresh.orders().restores(), "restored at K=" + k);
            assertEquals(0, out.records.size(), "a restore decides nothing");
            for (int i = k; i < EVENTS; i++)
            {
                final byte[] input = ref.inputs.get(i);
                slot.buffer.putBytes(0, input);
                fresh.onEvent(slot);
            }
            final int from = ref.out.firstCausedBy(k);
            final long firstSequence = Header.sequence(new UnsafeBuffer(ref.out.records.get(from)), 0);
            assertEquals(ref.out.records.size() - from, out.records.size(), "decision records after K=" + k);
            for (int r = 0; r < out.records.size(); r++)
            {
                // the output sequence is each journal's own (a restored engine numbers its decisions from 1): compare
                // it as an offset, every other byte as is
                final byte[] expected = ref.out.records.get(from + r).clone();
                final byte[] actual = out.records.get(r).clone();
                assertEquals(Header.sequence(new UnsafeBuffer(expected), 0) - firstSequence,
                    Header.sequence(new UnsafeBuffer(actual), 0) - 1, "output sequence of record " + r);
                new UnsafeBuffer(expected).putLong(Header.SEQUENCE_OFFSET, 0);
                new UnsafeBuffer(actual).putLong(Header.SEQUENCE_OFFSET, 0);
                if (!Arrays.equals(expected, actual))
                {
                    throw new AssertionError("K=" + k + " (" + notes.get(p) + "): decision record " + r
                        + " after it differs: type " + Header.type(new UnsafeBuffer(expected), 0) + " expected, "
                        + Header.type(new UnsafeBuffer(actual), 0) + " written, first at byte "
                        + Arrays.mismatch(expected, actual) + " of " + expected.length);
                }
            }
            final LongArrayList last = new LongArrayList();
            fresh.saveState(last);
            assertArrayEquals(ref.finalState, last.toLongArray(), "final state after restoring at K=" + k);
        }
        assertTrue(sawWorking, "some K must have an order in flight: " + notes);
        assertTrue(sawPosition, "some K must have positions: " + notes);
    }

    /**
     * Staged mode (a thread per stage): each stage loads its own section when the END record reaches it on its own
     * thread; the restored engine decides as the single-threaded reference did.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRestoreInStagedModeToo() throws InterruptedException
    {
        final EngineConfig config = config(1);
        final List<Integer> points = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Reference ref = reference(config, new int[] {12_003}, points, notes);
        final int k = points.get(0);
        final List<UnsafeBuffer> restore = restoreRecords(ref.states[0], 3);
        final Recorder decisions = new Recorder(null);
        final Sequence journaled = new Sequence(-1);
        final EventHandler<EventSlot> journaler = (slot, sequence, endOfBatch) -> journaled.set(sequence);
        final DisruptorPipeline disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
            .threadMode(ThreadMode.STAGED)
            .journalingMode(JournalingMode.PARALLEL)
            .waitStrategy(WaitStrategyKind.YIELDING)
            .outboundWaitStrategy(WaitStrategyKind.SLEEPING)
            .threadFactory(runnable ->
            {
                final Thread t = new Thread(runnable, "test-staged-restore");
                t.setDaemon(true);
                return t;
            })
            .inputJournaler(journaler)
            .inputJournaled(journaled)
            .decisionJournal(decisions)
            .venue((buffer, offset, length) ->
            {
            }));
        final Pipeline fresh = engine(config, disruptor.outboundSink());
        disruptor.start(fresh);
        for (final UnsafeBuffer record : restore)
        {
            disruptor.publish(record, 0, record.capacity(), 1L, 0);
        }
        for (int i = k; i < EVENTS; i++)
        {
            final UnsafeBuffer input = new UnsafeBuffer(ref.inputs.get(i));
            disruptor.publish(input, 0, input.capacity(), Header.receiveTimeNs(input, 0), 0);
        }
        disruptor.close();
        assertNull(disruptor.failure());
        assertEquals(1, fresh.orders().restores());
        // the same records through a restored single-threaded engine (already shown to decide as the reference),
        // sequenced as the ring sequences them: the staged engine's decisions must be the same bytes
        final Recorder single = new Recorder(null);
        final Pipeline direct = engine(config, single);
        final EventSlot slot = new EventSlot();
        long sequence = 0;
        for (final UnsafeBuffer record : restore)
        {
            slot.buffer.putBytes(0, record, 0, record.capacity());
            Header.sequence(slot.buffer, 0, sequence++);
            direct.onEvent(slot);
        }
        for (int i = k; i < EVENTS; i++)
        {
            slot.buffer.putBytes(0, ref.inputs.get(i));
            Header.sequence(slot.buffer, 0, sequence++);
            direct.onEvent(slot);
        }
        assertTrue(single.records.size() > 1_000, "decisions after K=" + k + ": " + single.records.size());
        assertEquals(single.records.size(), decisions.records.size(), "decision records after K=" + k);
        for (int r = 0; r < decisions.records.size(); r++)
        {
            final byte[] expected = single.records.get(r);
            final byte[] actual = decisions.records.get(r);
            assertNull(RecordLayouts.firstDifference(new UnsafeBuffer(expected), 0,
                expected.length, new UnsafeBuffer(actual), 0, actual.length), "staged: decision record " + r
                + " after K=" + k);
        }
    }

    private static List<UnsafeBuffer> restoreRecords(final long[] state, final int instruments)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        final int n = state.length;
        final long[] begin = {StateRestore.STATE_FORMAT, 0, instruments, n};
        UnsafeBuffer b = new UnsafeBuffer(new byte[StateRestoreCodec.LENGTH]);
        StateRestoreCodec.write(b, 0, 1L, 0, 1, StateRestoreCodec.BEGIN, 0, begin, 0, begin.length);
        out.add(b);
        final int chunks = (n + StateRestoreCodec.VALUES - 1) / StateRestoreCodec.VALUES;
        for (int c = 0; c < chunks; c++)
        {
            final int from = c * StateRestoreCodec.VALUES;
            b = new UnsafeBuffer(new byte[StateRestoreCodec.LENGTH]);
            StateRestoreCodec.write(b, 0, 1L, 0, 2 + c, (byte)1, from, state, from,
                Math.min(StateRestoreCodec.VALUES, n - from));
            out.add(b);
        }
        final long[] end = {0, chunks};
        b = new UnsafeBuffer(new byte[StateRestoreCodec.LENGTH]);
        StateRestoreCodec.write(b, 0, 1L, 0, 2 + chunks, StateRestoreCodec.END, 0, end, 0, end.length);
        out.add(b);
        return out;
    }

    @Test
    void shouldRefuseAFormat2SnapshotByName()
    {
        final Pipeline fresh = engine(config(0), new Recorder(null));
        final EventSlot slot = new EventSlot();
        final long[] begin = {2, 0, 3, 10};
        StateRestoreCodec.write(slot.buffer, 0, 1L, 0, 1, StateRestoreCodec.BEGIN, 0, begin, 0, begin.length);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> fresh.onEvent(slot));
        assertTrue(ex.getMessage().contains("format 2 (this engine reads 3"), ex.getMessage());
    }

    @Test
    void shouldRefuseAStateOfAnotherConfiguration()
    {
        final LongArrayList state = new LongArrayList();
        engine(config(0), new Recorder(null)).saveState(state);
        // no bars and no indicators: the feature stage's section is shorter than the snapshot's
        final Pipeline other = EngineFactory.create(TestEngines.config(), TestEngines.linear(new double[6], 0.0),
            new Recorder(null));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> restore(other, state.toLongArray(), new EventSlot()));
        assertTrue(ex.getMessage().startsWith("engine state snapshot:"), ex.getMessage());
    }
}
