package io.meridian.runtime.backtest;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.pipeline.TimedPipeline;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.StatePublisher;
import io.meridian.journal.JournalWriter;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorInbox;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A backtest: the engine's pipeline and the simulated world's {@link EventMerger} on one thread, driven by a
 * discrete-event clock, so the run is a pure function of the configuration, the model and the merger's sources.
 *
 * <p>Every inbound event is stamped with the next sequence number and its event time as receive time, appended to
 * the input journal, and only then processed; the engine's outbound records are appended to the output journal and
 * order commands handed to the venue, which answers after its latency. So an order reaches the venue only after its
 * cause is journaled, as in live mode.
 */
public final class Backtest
{
    private final EngineConfig config;
    private final Pipeline pipeline;
    private final TimedPipeline timed;
    private final EventMerger merger;
    private final RecordSink journal;
    private final EventSlot slot = new EventSlot();
    private final NanoClock clock;
    private long sequence;
    private long nowNs;
    private BacktestOps ops;

    /**
     * Where the backtest writes its input and output records; a journal in practice ({@link #journal}).
     */
    public interface RecordSink
    {
        /**
         * An inbound record, stamped, before it is processed.
         *
         * @param buffer the record.
         * @param offset where it starts.
         * @param length its length.
         */
        void onInput(DirectBuffer buffer, int offset, int length);

        /**
         * An outbound record.
         *
         * @param buffer the record.
         * @param offset where it starts.
         * @param length its length.
         */
        void onOutput(DirectBuffer buffer, int offset, int length);
    }

    /**
     * Builds a backtest.
     *
     * @param config validated configuration.
     * @param scorer the scorer (closed by the caller).
     * @param merger the simulated world's inbound events ({@link EventMerger#simulated} for the configured one).
     * @param journal where records go.
     * @param latency per-stage latency histograms, or null for no timing.
     * @param clock measurement clock (used only when latency is not null).
     */
    public Backtest(
        final EngineConfig config,
        final Scorer scorer,
        final EventMerger merger,
        final RecordSink journal,
        final PipelineLatency latency,
        final NanoClock clock)
    {
        this.config = config;
        this.journal = journal;
        this.clock = clock;
        this.merger = merger;
        final OutboundSink sink = this::onOutbound;
        this.pipeline = EngineFactory.create(config, scorer, sink);
        this.timed = latency == null ? null : new TimedPipeline(pipeline, clock, latency);
    }

    /**
     * A journal as a backtest's record sink: inputs to the input queue, decisions to the output queue.
     *
     * @param writer the journal.
     * @return the sink (appends on the backtest's thread).
     */
    public static RecordSink journal(final JournalWriter writer)
    {
        return new RecordSink()
        {
            @Override
            public void onInput(final DirectBuffer buffer, final int offset, final int length)
            {
                writer.appendInput(buffer, offset, length);
            }

            @Override
            public void onOutput(final DirectBuffer buffer, final int offset, final int length)
            {
                writer.appendOutput(buffer, offset, length);
            }
        };
    }

    /**
     * Runs until {@code events} inbound events have been processed.
     *
     * @param events how many inbound events to process.
     * @param progress called every {@code progressEvery} events; may be null.
     * @param progressEvery interval of progress calls, in events.
     * @return the number of events processed.
     */
    public long run(final long events, final Progress progress, final long progressEvery)
    {
        final long start = sequence;
        final long target = start + events;
        long nextProgress = start + progressEvery;
        final UnsafeBuffer buffer = slot.buffer;
        while (sequence < target)
        {
            merger.next(buffer, 0);
            process();
            if (progress != null && sequence >= nextProgress)
            {
                progress.onProgress(sequence - start, nowNs);
                nextProgress += progressEvery;
            }
        }
        return sequence - start;
    }

    /**
     * Progress callback.
     */
    @FunctionalInterface
    public interface Progress
    {
        /**
         * Called on the backtest thread.
         *
         * @param events events processed so far in this run.
         * @param eventTimeNs event time reached.
         */
        void onProgress(long events, long eventTimeNs);
    }

    private void process()
    {
        final UnsafeBuffer buffer = slot.buffer;
        nowNs = Header.eventTimeNs(buffer, 0);
        Header.sequence(buffer, 0, sequence++);
        Header.receiveTimeNs(buffer, 0, nowNs);
        slot.publishNanos = timed == null ? 0 : clock.nanoTime();
        journal.onInput(buffer, 0, Header.length(buffer, 0));
        if (timed != null)
        {
            timed.onEvent(slot);
        }
        else
        {
            pipeline.onEvent(slot);
        }
        if (ops != null)
        {
            ops.afterEvent(slot, merger);
        }
    }

    /**
     * Serves an ops server (demo/backtest with {@code --ops}): publishes the engine's state after every event and
     * takes operator commands from an inbox through the merger; call before {@link #run}.
     *
     * @param state where to publish, sized for the configured instruments.
     * @param inbox where operator commands come from.
     * @return this.
     */
    public Backtest serveOps(final EngineState state, final OperatorInbox inbox)
    {
        ops = new BacktestOps(new StatePublisher(state, pipeline.orders()), inbox);
        merger.operatorInbox(inbox);
        return this;
    }

    /**
     * Sequence of the last event journaled and processed, for an ops server on another thread (only maintained
     * after {@link #serveOps}).
     *
     * @return the sequence, -1 before the first.
     */
    public long processedSequence()
    {
        final BacktestOps served = ops;
        return served == null ? -1 : served.processed();
    }

    /**
     * Publishes the engine's state once more (at the end of a run), when serving an ops server.
     */
    public void publishState()
    {
        if (ops != null)
        {
            ops.publish();
        }
    }

    private void onOutbound(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.onOutput(buffer, offset, length);
        if (Header.type(buffer, offset) == RecordType.ORDER_COMMAND)
        {
            merger.onOrderCommand(buffer, offset, nowNs);
        }
    }

    /**
     * The engine.
     *
     * @return the pipeline.
     */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * The configuration.
     *
     * @return it.
     */
    public EngineConfig config()
    {
        return config;
    }

    /**
     * The inbound event source.
     *
     * @return the merger.
     */
    public EventMerger merger()
    {
        return merger;
    }

    /**
     * Event time reached.
     *
     * @return nanoseconds.
     */
    public long nowNs()
    {
        return nowNs;
    }

    /**
     * Inbound events processed.
     *
     * @return the count.
     */
    public long events()
    {
        return sequence;
    }
}
