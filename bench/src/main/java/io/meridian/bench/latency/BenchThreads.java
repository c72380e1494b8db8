package io.meridian.bench.latency;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the harness's daemon threads and remembers them, so that the bytes they allocate during a measurement can
 * be read from the HotSpot thread allocation counters.
 */
final class BenchThreads implements ThreadFactory
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final String prefix;
    private final CpuPlan cpus;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    BenchThreads(final String prefix, final CpuPlan cpus)
    {
        this.prefix = prefix;
        this.cpus = cpus;
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
     * Bytes allocated so far by every live thread this factory made.
     *
     * @return the sum of the allocation counters.
     */
    long allocatedBytes()
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
    static long allocatedBytes(final Thread thread)
    {
        if (thread == null)
        {
            return 0;
        }
        final long bytes = THREADS.getThreadAllocatedBytes(thread.getId());
        return Math.max(0, bytes);
    }

    /**
     * Names of the threads made so far.
     *
     * @return the names.
     */
    List<String> names()
    {
        return threads.stream().map(Thread::getName).toList();
    }
}
