package io.meridian.ops.launch;

import java.io.PrintStream;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.affinity.AffinityLock;

/**
 * The only place that creates threads, and where the pipeline thread is pinned to a CPU with OpenHFT affinity.
 * Pinning is best effort: when the CPU cannot be reserved (not isolated, not present, no permission) the thread
 * runs unpinned and one warning is printed.
 */
public final class Threads
{
    private Threads()
    {
    }

    /**
     * A factory of named daemon threads.
     *
     * @param prefix thread name prefix.
     * @return the factory.
     */
    public static ThreadFactory named(final String prefix)
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts a named daemon thread.
     *
     * @param name the name.
     * @param body what it runs.
     * @return the started thread.
     */
    public static Thread start(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Pins the calling thread to a CPU, or warns.
     *
     * @param cpu the CPU, or -1 for no pinning.
     * @param warnings where the warning goes.
     * @return the lock to release at the end, or null when not pinned.
     */
    public static AffinityLock pinCurrentThread(final int cpu, final PrintStream warnings)
    {
        if (cpu < 0)
        {
            return null;
        }
        try
        {
            final AffinityLock lock = AffinityLock.acquireLock(cpu);
            if (lock.isAllocated() && lock.cpuId() == cpu)
            {
                return lock;
            }
            lock.release();
            warnings.println("warning: could not pin " + Thread.currentThread().getName() + " to CPU " + cpu
                + " (not reservable here); running unpinned");
        }
        catch (final RuntimeException | LinkageError ex)
        {
            warnings.println("warning: could not pin " + Thread.currentThread().getName() + " to CPU " + cpu + ": "
                + ex.getMessage() + "; running unpinned");
        }
        return null;
    }
}
