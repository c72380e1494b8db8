package io.meridian.engine.pipeline;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Per-stage and tick-to-order latency histograms. A timed run records each stage into the stage histogram of the
 * same name ({@link #stageHistogram}); a stage without one counts in the whole-event histogram only. One
 * thread records; values above {@link #HIGHEST_NS} are clamped so recording never throws. Two kinds:
 *
 * <ul>
 *   <li>{@link #PipelineLatency()}: allocation-free, wait-free {@link SingleWriterRecorder}s; any other thread may
 *       call {@link #snapshot(int)} while the recording thread runs (live runs, where the ops server reads).</li>
 *   <li>{@link #singleThreaded(int)}: plain {@link Histogram}s, read by the recording thread itself once it
 *       stopped recording (backtests and the demo). A recorder's write costs two atomic increments of its phaser;
 *       six writes per event made that a measurable share of a backtest.</li>
 * </ul>
 *
 * <p>Sampling. {@link #sampleEvery()} tells a {@link TimedPipeline} to time the stages and the whole event on one
 * event in N only (the first event it sees, then every N-th: a deterministic sample that depends on nothing but the
 * count); tick-to-order is still recorded for every event that sent an order. Each stage timing costs a clock read,
 * six or seven per event, which is a quarter of a backtest's time on a small machine. Timing never reaches a
 * decision either way.
 */
public final class PipelineLatency
{
    /** Stage 1: validation and book. */
    public static final int BOOK = 0;
    /** Stage 2: features. */
    public static final int FEATURES = 1;
    /** Stage 3: scoring. */
    public static final int SCORING = 2;
    /** Stage 4: strategy and sizing. */
    public static final int STRATEGY = 3;
    /** Stages 5 to 7: risk, kill switch, orders. */
    public static final int ORDERS = 4;
    /** From the event's publish (or intended send) time to its order command. */
    public static final int TICK_TO_ORDER = 5;
    /** Whole pipeline pass for any event. */
    public static final int EVENT = 6;
    /** Number of per-stage histograms: {@link #BOOK} to {@link #ORDERS}. */
    public static final int STAGES = 5;
    /** Number of histograms. */
    public static final int COUNT = 7;

    /** Largest recordable value: 10 s. */
    public static final long HIGHEST_NS = 10_000_000_000L;

    private static final String[] NAMES = {
        "book", "features", "scoring", "strategy", "risk+orders", "tick_to_order", "event",
    };

    private static final int SIGNIFICANT_DIGITS = 3;

    /** Null in a {@link #singleThreaded(int)} instance, which records straight into {@link #totals}. */
    private final SingleWriterRecorder[] recorders;
    private final int sampleEvery;
    private final Histogram[] totals = new Histogram[COUNT];
    private final Histogram[] recycled = new Histogram[COUNT];

    /**
     * Empty histograms with three significant digits, recorded on one thread and readable from any other.
     */
    public PipelineLatency()
    {
        this(true, 1);
    }

    private PipelineLatency(final boolean crossThreadReads, final int sampleEvery)
    {
        if (sampleEvery < 1)
        {
            throw new IllegalArgumentException("latency sample interval " + sampleEvery + " must be at least 1");
        }
        this.sampleEvery = sampleEvery;
        recorders = crossThreadReads ? new SingleWriterRecorder[COUNT] : null;
        for (int i = 0; i < COUNT; i++)
        {
            if (recorders != null)
            {
                recorders[i] = new SingleWriterRecorder(HIGHEST_NS, SIGNIFICANT_DIGITS);
            }
            totals[i] = new Histogram(HIGHEST_NS, SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Empty histograms with three significant digits for a run whose recording thread is also the only reader, and
     * reads only after it stopped recording (a backtest): plain histograms, no recorder in between.
     *
     * @param sampleEvery time the stages and the whole event on one event in this many (1: every event); see the
     *     class comment.
     * @return the histograms.
     * @throws IllegalArgumentException when {@code sampleEvery} is below 1.
     */
    public static PipelineLatency singleThreaded(final int sampleEvery)
    {
        return new PipelineLatency(false, sampleEvery);
    }

    /**
     * On how many events in one the stages and the whole event are timed.
     *
     * @return 1 for every event, else N for one event in N.
     */
    public int sampleEvery()
    {
        return sampleEvery;
    }

    /**
     * Records one value on the recording thread.
     *
     * @param histogram which histogram.
     * @param nanos the latency.
     */
    public void record(final int histogram, final long nanos)
    {
        final long value = nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NS);
        if (recorders != null)
        {
            recorders[histogram].recordValue(value);
        }
        else
        {
            totals[histogram].recordValue(value);
        }
    }

    /**
     * Everything recorded so far in one histogram; call from one reader thread at a time (for a
     * {@link #singleThreaded(int)} instance: from the recording thread).
     *
     * @param histogram which histogram.
     * @return the accumulated histogram (a live object owned by this class; copy it to keep it).
     */
    public synchronized Histogram snapshot(final int histogram)
    {
        if (recorders != null)
        {
            final Histogram interval = recorders[histogram].getIntervalHistogram(recycled[histogram]);
            totals[histogram].add(interval);
            recycled[histogram] = interval;
        }
        return totals[histogram];
    }

    /**
     * The stage histogram for a stage name.
     *
     * @param stageName a {@code Stage}'s name.
     * @return the histogram index ({@code < STAGES}), or -1 when no stage histogram has that name.
     */
    public static int stageHistogram(final String stageName)
    {
        for (int i = 0; i < STAGES; i++)
        {
            if (NAMES[i].equals(stageName))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Name of a histogram.
     *
     * @param histogram which histogram.
     * @return its name.
     */
    public static String name(final int histogram)
    {
        return NAMES[histogram];
    }
}
