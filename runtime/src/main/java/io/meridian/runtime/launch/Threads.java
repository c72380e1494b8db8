package io.meridian.runtime.launch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.affinity.AffinityLock;

/**
 * The only place that creates threads (an ArchUnit rule in every module that runs code keeps it so), and where a
 * thread is pinned to a CPU with OpenHFT affinity. As a {@link ThreadFactory} it makes named daemon threads, runs
 * the {@link CpuPlan}'s placement first on each, and remembers them, so that the bytes they allocate can be read
 * from the HotSpot thread allocation counters. Pinning is best effort: when the CPU cannot be reserved (not
 * isolated, not present, no permission) the thread runs unpinned and one warning is printed.
 */
public final class Threads implements ThreadFactory
{
    private static final com.sun.management.ThreadMXBean THREAD_BEAN =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final String prefix;
    private final CpuPlan cpus;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private Threads(final String prefix, final CpuPlan cpus)
    {
        this.prefix = prefix;
        this.cpus = cpus;
    }

    /**
     * A factory of named daemon threads that run wherever the OS schedules them.
     *
     * @param prefix thread name prefix.
     * @return the factory.
     */
    public static Threads named(final String prefix)
    {
        return new Threads(prefix, CpuPlan.of(CpuPlan.NONE));
    }

    /**
     * The factory of the thread that reads a journal ahead of a replay verification
     * ({@code ReplayVerifier.verify(dir, overrides, threads)}).
     *
     * @return the factory.
     */
    public static Threads readAhead()
    {
        return named("meridian-read-ahead");
    }

    /**
     * A factory of named daemon threads placed by a CPU plan (as consumers).
     *
     * @param prefix thread name prefix.
     * @param cpus where they may run.
     * @return the factory.
     */
    public static Threads named(final String prefix, final CpuPlan cpus)
    {
        return new Threads(prefix, cpus);
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final Runnable body = () ->
        {
            cpus.onConsumerStart();
            runnable.run();
        };
        final Thread thread = new Thread(body, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /**
     * A fixed pool of this factory's threads (e.g. the ops server's request handlers); the caller shuts it down.
     *
     * @param size number of threads, positive.
     * @return the pool.
     */
    public ExecutorService fixedPool(final int size)
    {
        return Executors.newFixedThreadPool(size, this);
    }

    /**
     * Starts a named daemon thread (not remembered by any factory).
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
     * Bytes allocated so far by every live thread this factory made.
     *
     * @return the sum of the allocation counters.
     */
    public long allocatedBytes()
    {
        long sum = 0;
        for (final Thread thread : threads)
        {
            sum += allocatedBytes(thread);
        }
        return sum;
    }

    /**
     * Bytes a thread allocated so far.
     *
     * @param thread a live thread, or null.
     * @return the counter, 0 for null or a dead thread.
     */
    public static long allocatedBytes(final Thread thread)
    {
        if (thread == null)
        {
            return 0;
        }
        return Math.max(0, THREAD_BEAN.getThreadAllocatedBytes(thread.getId()));
    }

    /**
     * Names of the threads made so far.
     *
     * @return the names.
     */
    public List<String> names()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : threads)
        {
            names.add(thread.getName());
        }
        return names;
    }

    /**
     * Pins the calling thread to a CPU, or warns.
     *
     * @param cpu the CPU, or -1 for no pinning.
     * @param warnings where the warning goes.
     * @return the pin to release at the end, or null when not pinned.
     */
    public static Pin pinCurrentThread(final int cpu, final PrintStream warnings)
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
                return new Pin(lock);
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

    /**
     * A thread pinned to a CPU; {@link #close()} releases the CPU (from any thread).
     */
    public static final class Pin implements AutoCloseable
    {
        private final AffinityLock lock;

        private Pin(final AffinityLock lock)
        {
            this.lock = lock;
        }

        /**
         * The CPU.
         *
         * @return its number.
         */
        public int cpu()
        {
            return lock.cpuId();
        }

        @Override
        public void close()
        {
            lock.release();
        }
    }
}
