package io.meridian.journal;

import io.meridian.engine.codec.Header;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads one or more {@link RecordCursor}s ahead of their consumer, on one thread of its own: each record the wrapped
 * cursor delivers (already checked against its CRC32C and its form) is copied into a fixed ring of slots, one ring per
 * cursor, and handed out by the twin cursor {@link #cursor(int)} in the same order, with the same bytes and, at the
 * end, the same {@link ReadResult}. The replay verifier reads both queues this way so that Chronicle's reading and the
 * checksums run on the second core while its own thread runs the engine and compares; what it sees is exactly what
 * the wrapped cursors deliver, so no verdict depends on the extra thread.
 *
 * <p>Threads: the wrapped cursors belong to the read-ahead thread from {@link #start} until it ends (it closes them);
 * each twin cursor and {@link #close} belong to the one consumer thread. The two meet only at each ring's two
 * positions (release stores and acquire loads) and the end-of-queue handover. Neither thread spins for long: an idle
 * side backs off to parking (at most 100 µs for the consumer, 1 ms for the reader, whose ring then still holds
 * milliseconds of work). Memory is fixed: {@link #SLOTS} slots of {@link #STRIDE} bytes per cursor, allocated at
 * start; nothing is allocated per record.
 */
public final class ReadAhead implements AutoCloseable
{
    /** Slots per ring (a power of two). */
    static final int SLOTS = 8192;
    /** Bytes per slot: the longest record, rounded up to whole cache lines. */
    static final int STRIDE = (Header.MAX_RECORD_LENGTH + 63) & ~63;
    /** Records the reader moves into one ring before it turns to the next. */
    private static final int BATCH = 256;
    /** The consumer releases slots to the reader every this many records, or every quarter ring if less. */
    private static final int RELEASE_EVERY = 64;
    private static final VarHandle POSITIONS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Where the reader's count of records written lives in a ring's position array (a cache line apart). */
    private static final int PRODUCED = 8;
    /** Where the consumer's count of records released lives. */
    private static final int CONSUMED = 24;

    private final Ring[] rings;
    private final Twin[] twins;
    private final AgentRunner runner;
    private volatile Throwable failure;
    private volatile boolean finished;

    private ReadAhead(final int slots, final RecordCursor[] cursors)
    {
        rings = new Ring[cursors.length];
        twins = new Twin[cursors.length];
        for (int i = 0; i < cursors.length; i++)
        {
            rings[i] = new Ring(cursors[i], slots);
            twins[i] = new Twin(rings[i]);
        }
        runner = new AgentRunner(
            new BackoffIdleStrategy(64, 8, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1)),
            this::onError, null, new Reader());
    }

    /**
     * Starts reading the cursors ahead on a new thread.
     *
     * @param threads makes the thread (threads are made in one place, the runtime's launch package).
     * @param cursors the cursors, now owned by the read-ahead (it closes them).
     * @return the read-ahead; close it to stop the thread.
     */
    public static ReadAhead start(final ThreadFactory threads, final RecordCursor... cursors)
    {
        return start(threads, SLOTS, cursors);
    }

    static ReadAhead start(final ThreadFactory threads, final int slots, final RecordCursor... cursors)
    {
        if (Integer.bitCount(slots) != 1)
        {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        final ReadAhead readAhead = new ReadAhead(slots, cursors);
        AgentRunner.startOnThread(readAhead.runner, threads);
        return readAhead;
    }

    /**
     * The consumer's twin of a wrapped cursor: the same records in the same order, read ahead. Its buffer is the ring;
     * a record stays valid until the next call to its {@link RecordCursor#next()}. Its {@link RecordCursor#close()}
     * does nothing: {@link #close()} ends them all.
     *
     * @param index the cursor's position in {@link #start}'s arguments.
     * @return the cursor.
     */
    public RecordCursor cursor(final int index)
    {
        return twins[index];
    }

    /**
     * Stops the reader (it closes the wrapped cursors on its thread) and waits for it to end.
     */
    @Override
    public void close()
    {
        runner.close();
    }

    private void onError(final Throwable error)
    {
        // the reader ends itself with AgentTerminationException, having recorded any failure first
        if (!(error instanceof AgentTerminationException))
        {
            failure = error;
        }
    }

    /**
     * The read-ahead thread's work: fills each ring that is still open in turn, and ends when all are.
     */
    private final class Reader implements Agent
    {
        @Override
        public int doWork()
        {
            int moved = 0;
            boolean open = false;
            try
            {
                for (final Ring ring : rings)
                {
                    if (!ring.ended)
                    {
                        moved += ring.fill();
                        open |= !ring.ended;
                    }
                }
            }
            catch (final RuntimeException | Error ex)
            {
                // recorded before the runner ends the agent; onClose then marks it finished
                failure = ex;
                throw new AgentTerminationException(ex);
            }
            if (!open)
            {
                throw new AgentTerminationException();
            }
            return moved;
        }

        @Override
        public void onClose()
        {
            finished = true;
            for (final Ring ring : rings)
            {
                ring.source.close();
            }
        }

        @Override
        public String roleName()
        {
            return "journal-read-ahead";
        }
    }

    /**
     * One cursor's ring and the reader's side of it: filled by the reader, drained by its {@link Twin}.
     */
    private static final class Ring
    {
        private final RecordCursor source;
        private final int mask;
        private final byte[] bytes;
        private final int[] lengths;
        private final long[] positions = new long[32];
        private final long releaseMask;

        // the reader's
        private long produced;
        private long consumedSeen;
        private boolean ended;

        // handed over at the end: written before the final position, read after it
        private volatile ReadResult endResult;

        Ring(final RecordCursor source, final int slots)
        {
            this.source = source;
            this.mask = slots - 1;
            this.bytes = new byte[slots * STRIDE];
            this.lengths = new int[slots];
            this.releaseMask = Math.max(1, Math.min(RELEASE_EVERY, slots / 4)) - 1L;
        }

        /** The reader: moves up to {@link #BATCH} records into free slots; how many (1 at the end). */
        int fill()
        {
            int moved = 0;
            while (moved < BATCH)
            {
                if (produced - consumedSeen == lengths.length)
                {
                    consumedSeen = (long)POSITIONS.getAcquire(positions, CONSUMED);
                    if (produced - consumedSeen == lengths.length)
                    {
                        break;
                    }
                }
                if (!source.next())
                {
                    endResult = source.result();
                    ended = true;
                    POSITIONS.setRelease(positions, PRODUCED, produced | Long.MIN_VALUE);
                    return 1;
                }
                final int length = source.length();
                if (length > STRIDE)
                {
                    throw new IllegalStateException("a record of " + length
                        + " bytes does not fit a read-ahead slot of " + STRIDE);
                }
                final int slot = (int)(produced & mask);
                source.buffer().getBytes(source.offset(), bytes, slot * STRIDE, length);
                lengths[slot] = length;
                produced++;
                moved++;
                POSITIONS.setRelease(positions, PRODUCED, produced);
            }
            return moved;
        }
    }

    /**
     * The consumer's side of a ring: the {@link RecordCursor} handed out.
     */
    private final class Twin implements RecordCursor
    {
        private final Ring ring;
        private final UnsafeBuffer view;
        private final IdleStrategy idle = new BackoffIdleStrategy(
            64, 8, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        private long delivered;
        private long producedSeen;
        private int current;
        private boolean exhausted;

        Twin(final Ring ring)
        {
            this.ring = ring;
            this.view = new UnsafeBuffer(ring.bytes);
        }

        @Override
        public boolean next()
        {
            if (exhausted)
            {
                return false;
            }
            if ((delivered & ring.releaseMask) == 0 || (producedSeen & Long.MAX_VALUE) == delivered)
            {
                // released in steps, and whenever it waits for the reader: one store per step, not one cache-line
                // transfer per record while the reader polls a full ring
                POSITIONS.setRelease(ring.positions, CONSUMED, delivered);
            }
            while ((producedSeen & Long.MAX_VALUE) == delivered)
            {
                producedSeen = (long)POSITIONS.getAcquire(ring.positions, PRODUCED);
                if ((producedSeen & Long.MAX_VALUE) != delivered)
                {
                    break;
                }
                if (producedSeen < 0)
                {
                    exhausted = true;
                    return false;
                }
                awaitReader();
            }
            idle.reset();
            current = (int)(delivered & ring.mask);
            delivered++;
            return true;
        }

        private void awaitReader()
        {
            final Throwable problem = failure;
            if (problem != null)
            {
                throw new JournalException("reading the journal ahead failed: " + problem, problem);
            }
            if (finished)
            {
                final long seen = (long)POSITIONS.getAcquire(ring.positions, PRODUCED);
                if ((seen & Long.MAX_VALUE) == delivered && seen >= 0)
                {
                    final Throwable late = failure;
                    if (late != null)
                    {
                        throw new JournalException("reading the journal ahead failed: " + late, late);
                    }
                    throw new JournalException("the journal's read-ahead thread stopped before the end of a queue");
                }
                return;
            }
            idle.idle();
        }

        @Override
        public DirectBuffer buffer()
        {
            return view;
        }

        @Override
        public int offset()
        {
            return current * STRIDE;
        }

        @Override
        public int length()
        {
            return ring.lengths[current];
        }

        /**
         * The wrapped cursor's result once this cursor has returned false; before that, the records delivered so far
         * (the warnings and any corruption arrive at the end).
         */
        @Override
        public ReadResult result()
        {
            return exhausted ? ring.endResult : new ReadResult(delivered, false, 0, List.of());
        }

        @Override
        public void close()
        {
            // the read-ahead's close ends the reader and closes the wrapped cursor on its thread
        }
    }
}
