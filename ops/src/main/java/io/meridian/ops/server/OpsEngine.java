package io.meridian.ops.server;

import io.meridian.config.EngineConfig;
import io.meridian.engine.pipeline.PipelineLatency;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.engine.telemetry.EngineStateView;
import io.meridian.runtime.live.LiveTopology;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * What the ops server sees of a running engine (the live topology of {@code meridian run}): the published
 * {@link EngineState}, the ring's and the journal's sequences, the latency recorders, health, and the operator inbox
 * commands go into. Thread-safe: every handler thread reads through its own {@link EngineStateView}.
 */
public final class OpsEngine
{
    private static final long FRESH_STATE_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long POLL_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final LiveTopology topology;
    private final EngineConfig config;
    private final String runId;
    private final String profile;
    private final String journalDir;
    private final EngineState state;

    /**
     * An engine to serve.
     *
     * @param topology the running live topology, with state publication on.
     * @param config its configuration.
     * @param runId the run's id.
     * @param profile the configuration's source (profile name or file).
     * @param journalDir where it journals.
     * @throws IllegalArgumentException when the topology does not publish its state.
     */
    public OpsEngine(
        final LiveTopology topology, final EngineConfig config, final String runId, final String profile,
        final String journalDir)
    {
        if (topology.engineState() == null)
        {
            throw new IllegalArgumentException("the live topology must publish its state (Context.statePublication)");
        }
        this.topology = topology;
        this.config = config;
        this.runId = runId;
        this.profile = profile;
        this.journalDir = journalDir;
        this.state = topology.engineState();
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
        while (state.publications() == before && System.nanoTime() < deadline && topology.unhealthyReason() == null)
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
        return topology.unhealthyReason();
    }

    /**
     * A copy of one latency histogram: tick-to-order at the venue hand-off, or a stage as the pipeline thread timed it.
     *
     * @param histogram a {@link PipelineLatency} index.
     * @return a copy, owned by the caller.
     */
    public Histogram latency(final int histogram)
    {
        final PipelineLatency source = histogram == PipelineLatency.TICK_TO_ORDER
            ? topology.handOffLatency() : topology.stageLatency();
        return source.snapshot(histogram).copy();
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

    public LiveTopology topology()
    {
        return topology;
    }
}
