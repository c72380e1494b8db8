package io.meridian.bench.latency;

import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Baseline (b): raw Chronicle Queue appends of 64-byte records, paced at the same rate on the calling thread, into
 * a fresh queue with the journal's roll cycle and block size, without pretouch. Records each append's own duration
 * and, separately, its completion time minus the slot's intended time (coordinated-omission corrected: an append
 * that stalls on a page fault delays the appends queued behind it).
 */
final class ChronicleAppendBaseline
{
    /** Bytes per record. */
    static final int RECORD_BYTES = 64;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long BLOCK_SIZE = 16L << 20;

    private ChronicleAppendBaseline()
    {
    }

    /**
     * The measured distributions.
     *
     * @param append each append's duration.
     * @param corrected each append's completion minus its intended start.
     */
    record Result(Histogram append, Histogram corrected)
    {
    }

    /**
     * Runs {@code warmup + events} paced appends.
     *
     * @param rate appends per second.
     * @param events measured appends.
     * @param warmup appends before measuring.
     * @param dir a new directory for the queue.
     * @return the distributions in nanoseconds.
     */
    static Result run(final long rate, final long events, final long warmup, final Path dir)
    {
        final NanoClock clock = new SystemNanoClock();
        final Histogram append = Report.histogram();
        final Histogram corrected = Report.histogram();
        final byte[] record = new byte[RECORD_BYTES];
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(RollCycles.FAST_DAILY)
                .blockSize(BLOCK_SIZE)
                .build();
            ExcerptAppender appender = queue.createAppender())
        {
            final long total = warmup + events;
            final long start = clock.nanoTime();
            for (long i = 0; i < total; i++)
            {
                final long intended = start + i * NANOS_PER_SECOND / rate;
                while (clock.nanoTime() < intended)
                {
                    Thread.onSpinWait();
                }
                record[0] = (byte)i;
                final long t0 = clock.nanoTime();
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(record, 0, RECORD_BYTES);
                }
                final long t1 = clock.nanoTime();
                if (i >= warmup)
                {
                    append.recordValue(Math.min(t1 - t0, Report.HIGHEST_NS));
                    corrected.recordValue(Math.min(t1 - intended, Report.HIGHEST_NS));
                }
            }
        }
        return new Result(append, corrected);
    }
}
