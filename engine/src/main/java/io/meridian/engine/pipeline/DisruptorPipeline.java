package io.meridian.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.meridian.config.JournalingMode;
import io.meridian.config.PipelineConfig;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.StatePublisher;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The live topology on two LMAX Disruptor rings.
 *
 * <pre>
 *  producers (gateways, timers, operator) --&gt; [inbound ring, multi-producer; sequencer stamps seq + receive time]
 *      +--&gt; input journaler                                              (parallel consumer)
 *      +--&gt; single: one handler running all stages
 *           staged: one handler per stage of the pipeline's list, in list order
 *                                   |
 *                                   v
 *                       [outbound ring, single producer]
 *                                   +--&gt; outbound handler: decision journal, then (order commands only, once the
 *                                        causing inbound event is journaled) the venue
 * </pre>
 *
 * With inline journaling (single mode only) one consumer thread appends each input, runs the stages and does the
 * outbound handler's work. Use: fill a {@link Context}, construct (which concludes it and creates the rings), build
 * the {@link Pipeline} with {@link #outboundSink()}, then {@link #start(Pipeline)}:
 *
 * <pre>
 *  DisruptorPipeline disruptor = new DisruptorPipeline(new DisruptorPipeline.Context()
 *      .config(config.engine()).threadFactory(threads)
 *      .inputJournaler(journaler).inputJournaled(journaler.sequence())
 *      .decisionJournal(decisions).venue(venue));
 *  disruptor.start(EngineFactory.create(config, scorer, disruptor.outboundSink()));
 * </pre>
 *
 * <p>Over 500 lines: the topology and its nested Context (one documented setter per setting), kept together.
 */
public final class DisruptorPipeline implements AutoCloseable
{
    private final Context context;
    private final Disruptor<EventSlot> inbound;
    private final Disruptor<OutboundSlot> outbound;
    private final RingBuffer<EventSlot> inboundRing;
    private final HaltingExceptionHandler<EventSlot> inboundErrors = new HaltingExceptionHandler<>();
    private final HaltingExceptionHandler<OutboundSlot> outboundErrors = new HaltingExceptionHandler<>();
    private final OutboundPublisher publisher;
    private final Sequence pipelineDone = new Sequence(-1);
    private boolean started;
    private boolean outboundStarted;

    /**
     * Concludes the context and creates the rings; call {@link #start(Pipeline)} next.
     *
     * @param context the settings; concluded here (so it serves one pipeline only), which throws
     *     IllegalArgumentException naming the first missing or inconsistent setting.
     */
    public DisruptorPipeline(final Context context)
    {
        this.context = context.conclude();
        inbound = new Disruptor<>(EventSlot::new, context.ringSize(), context.threadFactory(), ProducerType.MULTI,
            WaitStrategies.of(context.waitStrategy()));
        outbound = new Disruptor<>(OutboundSlot::new, context.ringSize(), context.threadFactory(),
            ProducerType.SINGLE, WaitStrategies.of(context.outboundWaitStrategy()));
        inbound.setDefaultExceptionHandler(inboundErrors);
        outbound.setDefaultExceptionHandler(outboundErrors);
        inboundRing = inbound.getRingBuffer();
        publisher = new OutboundPublisher(outbound.getRingBuffer());
    }

    /**
     * The sink the order stage must publish to.
     *
     * @return the outbound publisher.
     */
    public OutboundSink outboundSink()
    {
        return publisher;
    }

    /**
     * Wires the handlers for the context's thread and journaling modes and starts the threads.
     *
     * @param pipeline the stages, built with {@link #outboundSink()}.
     */
    public void start(final Pipeline pipeline)
    {
        if (started)
        {
            throw new IllegalStateException("already started");
        }
        started = true;
        final boolean inline = context.journalingMode() == JournalingMode.INLINE;
        final EventHandler<EventSlot> inputJournaler = context.inputJournaler();
        final OutboundHandler outboundHandler = new OutboundHandler(context.decisionJournal(), context.venue(),
            context.inputJournaled(), context.handOffLatency(), context.clock());
        final Runnable onStart = context.onPipelineThreadStart();
        final StatePublisher state = context.engineState() == null || pipeline.orders() == null ? null
            : new StatePublisher(context.engineState(), pipeline.orders());
        if (context.threadMode() == ThreadMode.SINGLE)
        {
            final TimedPipeline timed = context.stageLatency() == null ? null
                : new TimedPipeline(pipeline, context.clock(), context.stageLatency(), context.stageTickToOrder());
            final Consumer<EventSlot> stages = timed != null ? timed::onEvent : pipeline::onEvent;
            if (inline)
            {
                publisher.direct = outboundHandler;
                inbound.handleEventsWith(
                    new PipelineThreadHandler(inputJournaler, publisher, stages, pipelineDone, onStart, state));
            }
            else
            {
                inbound.handleEventsWith(
                    inputJournaler, new PipelineThreadHandler(null, publisher, stages, pipelineDone, onStart, state));
            }
        }
        else
        {
            // one handler per stage, in list order; the last also marks events processed
            final Stage last = pipeline.stage(pipeline.stageCount() - 1);
            StageHandler.chain(inbound, inputJournaler, pipeline,
                new PipelineThreadHandler(null, publisher, last::onEvent, pipelineDone, onStart, state));
        }
        if (!inline)
        {
            outbound.handleEventsWith(outboundHandler);
            outbound.start();
            outboundStarted = true;
        }
        inbound.start();
    }

    /**
     * Publishes one inbound record: copies it into the next slot, stamps the sequence and receive time.
     * Safe from any number of producer threads.
     *
     * @param source the record.
     * @param offset where it starts.
     * @param length its length.
     * @param receiveTimeNs receive time to stamp.
     * @param publishNanos measurement clock at (intended) send time; 0 when not measured.
     * @return the sequence assigned.
     */
    public long publish(
        final DirectBuffer source, final int offset, final int length, final long receiveTimeNs,
        final long publishNanos)
    {
        final long sequence = inboundRing.next();
        try
        {
            final EventSlot slot = inboundRing.get(sequence);
            slot.buffer.putBytes(0, source, offset, length);
            Header.sequence(slot.buffer, 0, sequence);
            Header.receiveTimeNs(slot.buffer, 0, receiveTimeNs);
            slot.publishNanos = publishNanos;
        }
        finally
        {
            inboundRing.publish(sequence);
        }
        return sequence;
    }

    /**
     * Sequence of the last inbound event claimed by a producer (any thread).
     *
     * @return the ring's cursor, -1 before the first.
     */
    public long publishedSequence()
    {
        return inboundRing.getCursor();
    }

    /**
     * Slots of the inbound ring.
     *
     * @return the ring size.
     */
    public int ringSize()
    {
        return inboundRing.getBufferSize();
    }

    /**
     * Sequence of the last inbound event every stage has finished.
     *
     * @return the sequence, -1 before the first.
     */
    public long processedSequence()
    {
        return pipelineDone.get();
    }

    /**
     * The first handler failure, if any.
     *
     * @return the throwable or {@code null}.
     */
    public Throwable failure()
    {
        final Throwable in = inboundErrors.failure();
        return in != null ? in : outboundErrors.failure();
    }

    /**
     * Waits until every published event has been processed and every outbound record handled, then stops.
     */
    @Override
    public void close()
    {
        if (started)
        {
            inbound.shutdown();
            if (outboundStarted)
            {
                outbound.shutdown();
            }
        }
    }

    /**
     * Everything a {@link DisruptorPipeline} needs, set fluently and checked once by {@link #conclude()}, which
     * also fills the defaults. Required: {@link #threadFactory}, {@link #inputJournaler}, {@link #inputJournaled},
     * {@link #decisionJournal} and {@link #venue}. Defaults: ring size {@value #RING_SIZE_DEFAULT}, thread mode
     * single, parallel journaling, yielding wait strategy, the outbound ring waiting as the inbound one, no pipeline
     * thread start action, no latency recording, {@link SystemNanoClock} when latency is recorded.
     */
    public static final class Context
    {
        /** Ring size when none is set. */
        public static final int RING_SIZE_DEFAULT = 1024;
        private boolean concluded;
        private int ringSize = RING_SIZE_DEFAULT;
        private ThreadMode threadMode = ThreadMode.SINGLE;
        private JournalingMode journalingMode = JournalingMode.PARALLEL;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.YIELDING;
        private WaitStrategyKind outboundWaitStrategy;
        private ThreadFactory threadFactory;
        private Runnable onPipelineThreadStart = () ->
        {
        };
        private EventHandler<EventSlot> inputJournaler;
        private Sequence inputJournaled;
        private OutboundSink decisionJournal;
        private OutboundSink venue;
        private PipelineLatency handOffLatency;
        private PipelineLatency stageLatency;
        private NanoClock clock;
        private EngineState engineState;

        /** Takes ring size, thread mode, journaling mode and wait strategy from the engine configuration. */
        public Context config(final PipelineConfig config)
        {
            return ringSize(config.ringSize())
                .threadMode(config.mode())
                .journalingMode(config.journaling())
                .waitStrategy(config.waitStrategy());
        }

        /**
         * Validates every setting and fills the defaults; called by the {@link DisruptorPipeline} constructor.
         *
         * @return this.
         * @throws IllegalArgumentException naming the first missing or inconsistent setting (IllegalStateException
         *     when already concluded).
         */
        public Context conclude()
        {
            if (concluded)
            {
                throw new IllegalStateException("DisruptorPipeline.Context: already concluded");
            }
            if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
            {
                throw invalid("ringSize must be a power of two, got " + ringSize);
            }
            required(threadMode, "threadMode");
            required(journalingMode, "journalingMode");
            required(waitStrategy, "waitStrategy");
            required(threadFactory, "threadFactory");
            required(inputJournaler, "inputJournaler");
            required(inputJournaled, "inputJournaled");
            required(decisionJournal, "decisionJournal");
            required(venue, "venue");
            if (journalingMode == JournalingMode.INLINE && threadMode != ThreadMode.SINGLE)
            {
                throw invalid("journalingMode inline needs threadMode single, not " + threadMode.configName());
            }
            if (stageLatency != null && threadMode != ThreadMode.SINGLE)
            {
                throw invalid("stageLatency (stage timing) needs threadMode single, not " + threadMode.configName());
            }
            if (outboundWaitStrategy == null)
            {
                outboundWaitStrategy = waitStrategy;
            }
            if (clock == null && (handOffLatency != null || stageLatency != null))
            {
                clock = new SystemNanoClock();
            }
            concluded = true;
            return this;
        }

        private static void required(final Object value, final String name)
        {
            if (value == null)
            {
                throw invalid(name + " is required");
            }
        }

        private static IllegalArgumentException invalid(final String problem)
        {
            return new IllegalArgumentException("DisruptorPipeline.Context: " + problem);
        }

        /** Slots per ring (both rings). */
        public Context ringSize(final int size)
        {
            this.ringSize = size;
            return this;
        }

        public int ringSize()
        {
            return ringSize;
        }

        /** Single (all stages on one handler) or staged (one handler per stage). */
        public Context threadMode(final ThreadMode mode)
        {
            this.threadMode = mode;
            return this;
        }

        public ThreadMode threadMode()
        {
            return threadMode;
        }

        /**
         * Parallel: the input journaler is a parallel consumer of the inbound ring and decisions go through the
         * outbound ring to their own handler. Inline (single mode only): one consumer thread appends each input, runs
         * the stages, then appends each decision and hands order commands to the venue, so publish-after-journal holds
         * by construction and no other consumer thread competes for the CPUs.
         */
        public Context journalingMode(final JournalingMode mode)
        {
            this.journalingMode = mode;
            return this;
        }

        public JournalingMode journalingMode()
        {
            return journalingMode;
        }

        /** How the inbound ring's consumers wait. */
        public Context waitStrategy(final WaitStrategyKind kind)
        {
            this.waitStrategy = kind;
            return this;
        }

        public WaitStrategyKind waitStrategy()
        {
            return waitStrategy;
        }

        /** How the outbound ring's consumer waits; the inbound kind when not set. */
        public Context outboundWaitStrategy(final WaitStrategyKind kind)
        {
            this.outboundWaitStrategy = kind;
            return this;
        }

        public WaitStrategyKind outboundWaitStrategy()
        {
            return outboundWaitStrategy;
        }

        /** Creates (and may pin) the consumer threads. */
        public Context threadFactory(final ThreadFactory factory)
        {
            this.threadFactory = factory;
            return this;
        }

        public ThreadFactory threadFactory()
        {
            return threadFactory;
        }

        /**
         * What the pipeline thread (single mode) or the order stage's thread (staged mode) runs when it starts, e.g.
         * pinning itself to a CPU.
         */
        public Context onPipelineThreadStart(final Runnable action)
        {
            this.onPipelineThreadStart = action;
            return this;
        }

        public Runnable onPipelineThreadStart()
        {
            return onPipelineThreadStart;
        }

        /** Appends inbound records; a parallel consumer beside the first stage, or called inline. */
        public Context inputJournaler(final EventHandler<EventSlot> journaler)
        {
            this.inputJournaler = journaler;
            return this;
        }

        public EventHandler<EventSlot> inputJournaler()
        {
            return inputJournaler;
        }

        /** The input journaler's progress: an order command is sent only once this reaches its cause. */
        public Context inputJournaled(final Sequence sequence)
        {
            this.inputJournaled = sequence;
            return this;
        }

        public Sequence inputJournaled()
        {
            return inputJournaled;
        }

        /** Appends every outbound record. */
        public Context decisionJournal(final OutboundSink sink)
        {
            this.decisionJournal = sink;
            return this;
        }

        public OutboundSink decisionJournal()
        {
            return decisionJournal;
        }

        /** Receives order commands, each only after its cause is journaled. */
        public Context venue(final OutboundSink sink)
        {
            this.venue = sink;
            return this;
        }

        public OutboundSink venue()
        {
            return venue;
        }

        /**
         * Where tick-to-order is recorded at the venue hand-off (by the outbound handler's thread); none when not set.
         */
        public Context handOffLatency(final PipelineLatency latency)
        {
            this.handOffLatency = latency;
            return this;
        }

        public PipelineLatency handOffLatency()
        {
            return handOffLatency;
        }

        /**
         * Single mode only: time every stage on the pipeline thread into these histograms; no stage timing when not
         * set.
         */
        public Context stageLatency(final PipelineLatency latency)
        {
            this.stageLatency = latency;
            return this;
        }

        public PipelineLatency stageLatency()
        {
            return stageLatency;
        }

        /**
         * Whether stage timing also records tick-to-order, at the moment the order stage emits the command: only
         * when the stage histograms are not the hand-off histograms (each histogram has one writer, and tick-to-order
         * is recorded once).
         *
         * @return the flag.
         */
        public boolean stageTickToOrder()
        {
            return stageLatency != null && stageLatency != handOffLatency;
        }

        /** The measurement clock; nothing it returns reaches a decision. */
        public Context clock(final NanoClock nanoClock)
        {
            this.clock = nanoClock;
            return this;
        }

        public NanoClock clock()
        {
            return clock;
        }

        /**
         * Where the pipeline thread (the order stage's thread when staged) publishes the engine's state for other
         * threads (the ops server), sized for the configured instruments; no publication when not set.
         */
        public Context engineState(final EngineState state)
        {
            this.engineState = state;
            return this;
        }

        public EngineState engineState()
        {
            return engineState;
        }
    }
}
