package io.meridian.bench.latency;

import io.meridian.journal.JournalWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal's pretouch agent: one background thread calling {@link JournalWriter#pretouch()} every period, as the
 * journal's threading contract asks (one thread that never appends), so that appends on the journaling threads do
 * not stall on page faults when the queue grows into fresh pages. It sleeps between calls and never spins.
 */
final class Pretoucher implements AutoCloseable
{
    private final JournalWriter journal;
    private final long periodNs;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicLong calls = new AtomicLong();

    Pretoucher(final JournalWriter journal, final long periodNs)
    {
        this.journal = journal;
        this.periodNs = periodNs;
        this.thread = new Thread(this::loop, "bench-pretouch");
        this.thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    private void loop()
    {
        while (running)
        {
            journal.pretouch();
            calls.incrementAndGet();
            LockSupport.parkNanos(periodNs);
        }
    }

    /**
     * Pretouch calls so far.
     *
     * @return the count.
     */
    long calls()
    {
        return calls.get();
    }

    /**
     * Stops the thread and waits for it.
     */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
