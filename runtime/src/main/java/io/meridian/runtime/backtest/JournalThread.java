package io.meridian.runtime.backtest;

import io.meridian.journal.JournalWriter;
import io.meridian.runtime.launch.Threads;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * A backtest's journal written from a thread of its own: the backtest thread copies each record into a
 * single-producer ring buffer and goes on; the journal thread drains the ring in order and appends the records to
 * the journal's input and output queues. The journal's contents are exactly those an inline sink writes (the same
 * records, in the same order, per queue), so replay and every reader see no difference.
 *
 * <p>Only for backtests: in a simulated world no order leaves the process, so nothing has to wait for its cause to
 * be journaled, and the run is a pure function of its inputs whatever the journal thread's progress. Live runs
 * journal on the pipeline thread (or the live topology's journalers). If the process dies, the journal holds a
 * prefix of each queue: a torn tail, as after any crash.
 *
 * <p>Threads: {@link #onInput}, {@link #onOutput}, {@link #drain} and {@link #close} belong to the backtest thread;
 * the journal thread owns the journal's appenders from its first append until {@link #close}, which stops it (the
 * journal's owner may then append its end-of-run records from its own thread). When the ring is full
 * the backtest thread backs off (spins briefly, yields, then parks), and the journal thread parks when the ring is
 * empty, so neither busy-spins for long: on a 2-CPU machine the two share the CPUs with the JIT.
 */
public final class JournalThread implements Backtest.RecordSink, AutoCloseable
{
    /** Ring capacity: about 25,000 of the largest records, a few milliseconds of a backtest's output. */
    public static final int RING_BYTES = 4 * 1024 * 1024;
    private static final int INPUT = 1;
    private static final int OUTPUT = 2;

    private final JournalWriter journal;
    private final OneToOneRingBuffer ring;
    private final AgentRunner runner;
    private final IdleStrategy producerIdle = new BackoffIdleStrategy(
        100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    private volatile Throwable failure;
    private boolean closed;

    private JournalThread(final JournalWriter journal)
    {
        this.journal = journal;
        final ByteBuffer memory = BufferUtil.allocateDirectAligned(
            RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH);
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(memory));
        this.runner = new AgentRunner(
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200)),
            this::onFailure, null, new Drainer());
    }

    /**
     * Starts a journal thread for a journal.
     *
     * @param journal the journal; close it only after this sink is closed.
     * @return the sink, running.
     */
    public static JournalThread start(final JournalWriter journal)
    {
        final JournalThread sink = new JournalThread(journal);
        AgentRunner.startOnThread(sink.runner, Threads.named("meridian-journal"));
        return sink;
    }

    @Override
    public void onInput(final DirectBuffer buffer, final int offset, final int length)
    {
        write(INPUT, buffer, offset, length);
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        write(OUTPUT, buffer, offset, length);
    }

    /**
     * Waits until the journal thread has appended every record handed over so far.
     *
     * @throws IllegalStateException if the journal thread failed (the cause attached).
     */
    public void drain()
    {
        producerIdle.reset();
        while (ring.producerPosition() != ring.consumerPosition())
        {
            checkFailure();
            producerIdle.idle();
        }
        checkFailure();
    }

    /**
     * Drains the ring and stops the journal thread, leaving the journal open for its owner to close (which then
     * appends its end-of-run records from the calling thread).
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (failure == null)
            {
                drain();
            }
        }
        finally
        {
            runner.close();
        }
        checkFailure();
    }

    private void write(final int kind, final DirectBuffer buffer, final int offset, final int length)
    {
        if (ring.write(kind, buffer, offset, length))
        {
            return;
        }
        producerIdle.reset();
        while (!ring.write(kind, buffer, offset, length))
        {
            checkFailure();
            producerIdle.idle();
        }
    }

    private void checkFailure()
    {
        final Throwable cause = failure;
        if (cause != null)
        {
            throw new IllegalStateException("the journal thread failed: " + cause.getMessage(), cause);
        }
    }

    private void onFailure(final Throwable cause)
    {
        if (failure == null)
        {
            failure = cause;
        }
    }

    /** The journal thread's duty cycle: drain whatever the ring holds, in order. */
    private final class Drainer implements Agent
    {
        private final MessageHandler handler = this::append;

        @Override
        public int doWork()
        {
            if (failure != null)
            {
                return 0;
            }
            return ring.read(handler, Integer.MAX_VALUE);
        }

        private void append(final int kind, final MutableDirectBuffer buffer, final int offset, final int length)
        {
            if (kind == INPUT)
            {
                journal.appendInput(buffer, offset, length);
            }
            else
            {
                journal.appendOutput(buffer, offset, length);
            }
        }

        @Override
        public String roleName()
        {
            return "journal";
        }
    }
}
