package io.meridian.ops.server;

import io.meridian.config.EngineConfig;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.EngineStateView;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.OperatorInbox;
import io.meridian.runtime.live.LiveTopology;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * What the ops server sees of a running engine (the live topology of {@code meridian run}, or the backtest of
 * {@code demo}/{@code backtest --ops}): the published {@link EngineState}, the ring's and the journal's sequences,
 * the latency recorders, health, and the operator inbox commands go into. Thread-safe: every handler thread reads
 * through its own {@link EngineStateView}.
 */
public final class OpsEngine
{
    /** The running engine's side: all of it safe to call from the server's threads. */
    public interface Source
    {
        /**
         * The block the pipeline thread publishes.
         *
         * @return the block the pipeline thread publishes.
         */
        EngineState engineState();

        /**
         * Where operator commands go.
         *
         * @return where operator commands go.
         */
        OperatorInbox operatorInbox();

        /**
         * Sequence of the last inbound event published (claimed), -1 before the first.
         *
         * @return sequence of the last inbound event published (claimed), -1 before the first.
         */
        long publishedSequence();

        /**
         * Sequence of the last inbound event journaled, -1 before the first.
         *
         * @return sequence of the last inbound event journaled, -1 before the first.
         */
        long journaledSequence();

        /**
         * Sequence of the last inbound event processed, -1 before the first.
         *
         * @return sequence of the last inbound event processed, -1 before the first.
         */
        long processedSequence();

        /**
         * Slots of the inbound ring (1 for a backtest, which has none).
         *
         * @return slots of the inbound ring (1 for a backtest, which has none).
         */
        int ringSize();

        /**
         * Null when healthy, else why not.
         *
         * @return null when healthy, else why not.
         */
        String unhealthyReason();

        /**
         * A copy of a latency histogram.
         *
         * @param histogram a {@link PipelineLatency} index.
         * @return the copy, or null when the engine does not serve its latency to other threads.
         */
        Histogram latency(int histogram);

        /**
         * The current session's last broker reconciliation (IB sessions, issue 9).
         *
         * @return the log, or null when the engine has no broker to reconcile with.
         */
        default io.meridian.runtime.ib.ReconciliationLog reconciliationLog()
        {
            return null;
        }
    }

    private static final long FRESH_STATE_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long POLL_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final Source source;
    private final EngineConfig config;
    private final String runId;
    private final String profile;
    private final String journalDir;
    private final EngineState state;

    /**
     * An engine to serve.
     *
     * @param source the running engine.
     * @param config its configuration.
     * @param runId the run's id.
     * @param profile the configuration's source (profile name or file).
     * @param journalDir where it journals.
     */
    public OpsEngine(
        final Source source, final EngineConfig config, final String runId, final String profile,
        final String journalDir)
    {
        this.source = source;
        this.config = config;
        this.runId = runId;
        this.profile = profile;
        this.journalDir = journalDir;
        this.state = source.engineState();
    }

    /**
     * The live topology as a source.
     *
     * @param topology the running topology, with state publication on.
     * @return the source.
     * @throws IllegalArgumentException when the topology does not publish its state.
     */
    public static Source live(final LiveTopology topology)
    {
        if (topology.engineState() == null)
        {
            throw new IllegalArgumentException("the live topology must publish its state (Context.statePublication)");
        }
        return new Source()
        {
            @Override
            public EngineState engineState()
            {
                return topology.engineState();
            }

            @Override
            public OperatorInbox operatorInbox()
            {
                return topology.operatorInbox();
            }

            @Override
            public long publishedSequence()
            {
                return topology.publishedSequence();
            }

            @Override
            public long journaledSequence()
            {
                return topology.journaledSequence();
            }

            @Override
            public long processedSequence()
            {
                return topology.processedSequence();
            }

            @Override
            public int ringSize()
            {
                return topology.ringSize();
            }

            @Override
            public String unhealthyReason()
            {
                return topology.unhealthyReason();
            }

            @Override
            public Histogram latency(final int histogram)
            {
                final PipelineLatency source = histogram == PipelineLatency.TICK_TO_ORDER
                    ? topology.handOffLatency() : topology.stageLatency();
                return source.snapshot(histogram).copy();
            }
        };
    }

    /**
     * A backtest as a source (demo/backtest with {@code --ops}): see {@link #singleThreaded}.
     *
     * @param backtest the backtest, set up with {@link Backtest#serveOps}.
     * @param state the block it publishes into.
     * @param inbox the inbox it takes commands from.
     * @return the source.
     */
    public static Source backtest(final Backtest backtest, final EngineState state, final OperatorInbox inbox)
    {
        return singleThreaded(backtest::processedSequence, state, inbox, null);
    }

    /**
     * An engine that journals and processes each input on one thread before the next (a backtest, or an IB session),
     * so published, journaled and processed are one sequence; its latency histograms are single-threaded and not
     * served.
     *
     * @param processedSequence the sequence of the last input journaled and processed, readable from any thread.
     * @param state the block it publishes into.
     * @param inbox the inbox it takes commands from.
     * @param reconciliationLog its broker reconciliations, or null without a broker.
     * @return the source.
     */
    public static Source singleThreaded(
        final LongSupplier processedSequence, final EngineState state, final OperatorInbox inbox,
        final io.meridian.runtime.ib.ReconciliationLog reconciliationLog)
    {
        return new Source()
        {
            @Override
            public EngineState engineState()
            {
                return state;
            }

            @Override
            public OperatorInbox operatorInbox()
            {
                return inbox;
            }

            @Override
            public long publishedSequence()
            {
                return processedSequence.getAsLong();
            }

            @Override
            public long journaledSequence()
            {
                return processedSequence.getAsLong();
            }

            @Override
            public long processedSequence()
            {
                return processedSequence.getAsLong();
            }

            @Override
            public int ringSize()
            {
                return 1;
            }

            @Override
            public String unhealthyReason()
            {
                return null;
            }

            @Override
            public Histogram latency(final int histogram)
            {
                return null;
            }

            @Override
            public io.meridian.runtime.ib.ReconciliationLog reconciliationLog()
            {
                return reconciliationLog;
            }
        };
    }

    /**
     * Reads the engine's state, asking the pipeline for a fresh publication first and waiting up to 50 ms for it
     * (an idle pipeline publishes nothing new: the last publication is read then).
     *
     * @return a consistent view, owned by the caller.
     * @throws IllegalStateException when every read raced a write.
     */
    public EngineStateView read()
    {
        final EngineStateView view = new EngineStateView(state);
        final long before = state.publications();
        state.requestPublication();
        final long deadline = System.nanoTime() + FRESH_STATE_WAIT_NS;
        while (state.publications() == before && System.nanoTime() < deadline && source.unhealthyReason() == null)
        {
            LockSupport.parkNanos(POLL_NS);
        }
        if (!state.read(view))
        {
            throw new IllegalStateException("engine state kept changing during " + EngineState.READ_ATTEMPTS
                + " reads");
        }
        return view;
    }

    /**
     * Why the engine is not healthy.
     *
     * @return null when the pipeline thread runs and the journal keeps up, else the reason.
     */
    public String unhealthyReason()
    {
        return source.unhealthyReason();
    }

    /**
     * A copy of one latency histogram: tick-to-order at the venue hand-off, or a stage as the pipeline thread timed it.
     *
     * @param histogram a {@link PipelineLatency} index.
     * @return a copy, owned by the caller (empty when the engine does not serve its latency).
     */
    public Histogram latency(final int histogram)
    {
        final Histogram copy = source.latency(histogram);
        return copy != null ? copy : new Histogram(PipelineLatency.HIGHEST_NS, 3);
    }

    public EngineConfig config()
    {
        return config;
    }

    public String runId()
    {
        return runId;
    }

    public String profile()
    {
        return profile;
    }

    public String journalDir()
    {
        return journalDir;
    }

    public Source source()
    {
        return source;
    }

    /**
     * The current session's last broker reconciliation.
     *
     * @return the log, or null when the engine has no broker.
     */
    public io.meridian.runtime.ib.ReconciliationLog reconciliationLog()
    {
        return source.reconciliationLog();
    }
}
