package io.meridian.engine.pipeline;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Per-stage and tick-to-order latency histograms. A timed run records each stage into the stage histogram of the
 * same name ({@link #stageHistogram}); a stage without one counts in the whole-event histogram only. One
 * thread records (allocation-free, wait-free {@link SingleWriterRecorder}s); any other thread may call
 * {@link #snapshot(int)} to read the accumulated distribution. Values above {@link #HIGHEST_NS} are clamped so
 * recording never throws.
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

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[COUNT];
    private final Histogram[] totals = new Histogram[COUNT];
    private final Histogram[] recycled = new Histogram[COUNT];

    /**
     * Empty histograms with three significant digits.
     */
    public PipelineLatency()
    {
        for (int i = 0; i < COUNT; i++)
        {
            recorders[i] = new SingleWriterRecorder(HIGHEST_NS, 3);
            totals[i] = new Histogram(HIGHEST_NS, 3);
        }
    }

    /**
     * Records one value on the recording thread.
     *
     * @param histogram which histogram.
     * @param nanos the latency.
     */
    public void record(final int histogram, final long nanos)
    {
        recorders[histogram].recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NS));
    }

    /**
     * Everything recorded so far in one histogram; call from one reader thread at a time.
     *
     * @param histogram which histogram.
     * @return the accumulated histogram (a live object owned by this class; copy it to keep it).
     */
    public synchronized Histogram snapshot(final int histogram)
    {
        final Histogram interval = recorders[histogram].getIntervalHistogram(recycled[histogram]);
        totals[histogram].add(interval);
        recycled[histogram] = interval;
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
