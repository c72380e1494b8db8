package io.meridian.engine.testing;

import java.lang.management.ManagementFactory;

/**
 * Reads the calling thread's allocated-bytes counter (HotSpot's ThreadMXBean extension). The bean is looked up
 * once: the lookup allocates, the counter read does not.
 */
public final class Allocations
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private Allocations()
    {
    }

    /**
     * Bytes allocated by the calling thread so far.
     *
     * @return the counter.
     */
    public static long currentThread()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
