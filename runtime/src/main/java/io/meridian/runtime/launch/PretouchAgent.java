package io.meridian.runtime.launch;

import io.meridian.journal.JournalWriter;
import java.util.concurrent.TimeUnit;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Faults the journal's next pages in ahead of the appending threads, on its own thread, so that appends on the hot
 * path do not stall on page faults (unpretouched, a 100k/s append stream has a p99 of milliseconds). Between calls
 * the thread parks for the period: it never spins, so it costs a 2-core machine one short wake-up per period.
 */
public final class PretouchAgent implements Agent
{
    /** Period of a backtest, whose journal grows at millions of records per second. */
    public static final long BACKTEST_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Period of a live run, whose journal grows at the offered rate. */
    public static final long LIVE_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final JournalWriter journal;

    private PretouchAgent(final JournalWriter journal)
    {
        this.journal = journal;
    }

    /**
     * Starts an agent for the journal; its first call runs as soon as its thread starts.
     *
     * @param journal the journal.
     * @param periodNs time between pretouch calls.
     * @param errors where failures go (the agent keeps running).
     * @return the runner; close it before closing the journal.
     */
    public static AgentRunner start(final JournalWriter journal, final long periodNs, final ErrorHandler errors)
    {
        final AgentRunner runner = new AgentRunner(
            new SleepingIdleStrategy(periodNs), errors, (AtomicCounter)null, new PretouchAgent(journal));
        AgentRunner.startOnThread(runner, Threads.named("meridian-pretouch"));
        return runner;
    }

    @Override
    public int doWork()
    {
        journal.pretouch();
        return 0;
    }

    @Override
    public String roleName()
    {
        return "journal-pretouch";
    }
}
