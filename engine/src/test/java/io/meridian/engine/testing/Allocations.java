package io.meridian.engine.testing;

import java.lang.management.ManagementFactory;

/**
 * Reads the calling thread's allocated-bytes counter (HotSpot's ThreadMXBean extension) and asserts steady-state
 * allocation. The bean is looked up once: the lookup allocates, the counter read does not.
 *
 * <p>Why windows: the JIT compiles on background threads. On a busy machine (two cores shared with a build) the
 * measured code may still run interpreted or C1-compiled, without escape analysis, well after the warm-up, and a
 * deoptimisation re-materialises scalar-replaced objects on the running thread. Those allocations happen once, not per
 * event. A real per-event allocation shows in every window, so steady state is reached when two consecutive windows
 * allocate nothing; every window's count is in the failure message.
 */
public final class Allocations
{
    /** Windows tried before the assertion fails. */
    public static final int MAX_WINDOWS = 10;
    /** Consecutive zero windows that count as steady state. */
    public static final int ZERO_WINDOWS = 2;

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

    /**
     * Runs {@code window} on the calling thread until {@link #ZERO_WINDOWS} consecutive runs allocate nothing, at
     * most {@link #MAX_WINDOWS} times; fails with every window's count otherwise. Each run must do the same amount of
     * steady-state work (e.g. the next N events); create the {@code window} object before calling.
     *
     * @param what what one window does, for the failure message (e.g. "100000 pipeline events").
     * @param window the work of one window.
     */
    public static void assertSteadyStateAllocatesNothing(final String what, final Runnable window)
    {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled())
        {
            throw new AssertionError("this JVM does not count allocated bytes per thread");
        }
        final long[] bytes = new long[MAX_WINDOWS];
        int zeroInARow = 0;
        int windows = 0;
        while (windows < MAX_WINDOWS && zeroInARow < ZERO_WINDOWS)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            window.run();
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            bytes[windows++] = allocated;
            zeroInARow = allocated == 0 ? zeroInARow + 1 : 0;
        }
        if (zeroInARow < ZERO_WINDOWS)
        {
            final StringBuilder counts = new StringBuilder();
            for (int i = 0; i < windows; i++)
            {
                counts.append(i == 0 ? "" : ", ").append(bytes[i]);
            }
            throw new AssertionError("no " + ZERO_WINDOWS + " consecutive allocation-free windows of " + what
                + " in " + windows + "; bytes per window: " + counts);
        }
    }
}
