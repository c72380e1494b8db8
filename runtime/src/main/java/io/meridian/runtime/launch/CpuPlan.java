package io.meridian.runtime.launch;

import java.util.BitSet;
import net.openhft.affinity.Affinity;

/**
 * Where the live topology's threads may run. {@code none}: anywhere, as the OS decides. {@code split}: the producer
 * (the feeding thread) on CPU 0 and every consumer thread on the other CPUs, so that the scheduler never puts a
 * consumer behind the spinning producer on one CPU (on a 2-vCPU machine such a consumer only runs when the producer's
 * time slice ends, milliseconds later). This is an affinity mask set with OpenHFT affinity, not a CPU reservation;
 * where it cannot be set the harness runs unpinned and says so.
 */
public final class CpuPlan
{
    /** No pinning. */
    public static final String NONE = "none";
    /** Producer on CPU 0, consumers on the others. */
    public static final String SPLIT = "split";

    private final String name;
    private final BitSet consumers;
    private volatile String warning;

    private CpuPlan(final String name, final BitSet consumers)
    {
        this.name = name;
        this.consumers = consumers;
    }

    /**
     * A plan by name.
     *
     * @param name {@link #NONE} or {@link #SPLIT}.
     * @return the plan; {@code split} on a single CPU degrades to {@code none}.
     */
    public static CpuPlan of(final String name)
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (SPLIT.equals(name) && cpus > 1)
        {
            final BitSet consumers = new BitSet();
            consumers.set(1, cpus);
            return new CpuPlan(SPLIT, consumers);
        }
        return new CpuPlan(NONE, null);
    }

    /**
     * Whether threads are placed.
     *
     * @return true for {@code split} on more than one CPU.
     */
    public boolean pinned()
    {
        return consumers != null;
    }

    /**
     * Called first on every consumer thread.
     */
    public void onConsumerStart()
    {
        if (consumers != null)
        {
            set(consumers);
        }
    }

    /**
     * Runs {@code body} on the calling thread pinned to CPU 0, then restores its previous affinity.
     *
     * @param body what to run.
     */
    public void asProducer(final Runnable body)
    {
        if (consumers == null)
        {
            body.run();
            return;
        }
        final BitSet previous = Affinity.getAffinity();
        final BitSet producer = new BitSet();
        producer.set(0);
        set(producer);
        try
        {
            body.run();
        }
        finally
        {
            set(previous);
        }
    }

    private void set(final BitSet mask)
    {
        try
        {
            Affinity.setAffinity(mask);
        }
        catch (final RuntimeException | LinkageError ex)
        {
            warning = "could not set CPU affinity " + mask + " (" + ex + "); running unpinned";
        }
    }

    /**
     * A description for the conditions.
     *
     * @return e.g. {@code split: producer on CPU 0, consumers on {1}}.
     */
    public String describe()
    {
        final String text = consumers == null ? NONE + ": threads wherever the OS schedules them"
            : SPLIT + ": producer on CPU 0, consumer threads on CPUs " + consumers;
        final String problem = warning;
        return problem == null ? text : text + "; WARNING " + problem;
    }

    @Override
    public String toString()
    {
        return name;
    }
}
