package io.meridian.bench.latency;

import java.nio.file.Path;
import java.util.Locale;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Write-side baseline of {@code bench replay}: raw Chronicle Queue appends, unpaced, on the calling thread, into a
 * fresh queue with the journal's roll cycle and block size; each document holds {@code documentBytes} bytes copied
 * from a heap array, as a journal append does, but without the journal's checks and checksum. The rate it reaches is
 * the most a journaled backtest could do if the engine, the market and the venue cost nothing, divided by the number
 * of documents the backtest appends per event (one input record and its decision records).
 */
final class ChronicleAppendThroughput
{
    /** A quote record (80 bytes) and its 4-byte checksum: the journal's most common document. */
    static final int DOCUMENT_BYTES = 84;

    private static final long BLOCK_SIZE = 16L << 20;
    private static final double NANOS_PER_SECOND = 1e9;

    private ChronicleAppendThroughput()
    {
    }

    /**
     * Measures the baseline {@code repeat} times, each into its own temporary queue, prints every pass and reports
     * {@code baseline_chronicle_append_per_s} (the best pass) and {@code baseline_append_limit_events_per_s} (that
     * rate divided by the documents a backtest appends per event: one input plus its share of the decisions).
     *
     * @param report where the lines go.
     * @param events inbound events of the journal the backtest wrote.
     * @param decisions decision records of that journal.
     * @param repeat passes.
     * @return the write-side limit in events per second.
     */
    static double measure(final Report report, final long events, final long decisions, final int repeat)
    {
        final long documents = events + decisions;
        final double documentsPerEvent = (double)documents / events;
        double best = 0;
        for (int pass = 1; pass <= repeat; pass++)
        {
            final Path dir = BenchFiles.tempDir("meridian-bench-append-");
            try
            {
                final double rate = appendsPerSecond(dir.resolve("queue"), documents, DOCUMENT_BYTES);
                best = Math.max(best, rate);
                report.text(String.format(Locale.ROOT,
                    "raw Chronicle append (%d-byte documents, one thread, unpaced), pass %d: %d documents, %.0f "
                        + "appends/s", DOCUMENT_BYTES, pass, documents, rate));
            }
            finally
            {
                BenchFiles.deleteTree(dir);
            }
        }
        final double limit = best / documentsPerEvent;
        report.text(String.format(Locale.ROOT, "write-side limit of the backtest: %.0f appends/s / %.2f documents "
            + "per event = %.0f events/s", best, documentsPerEvent, limit));
        report.value("baseline_chronicle_append_per_s", best);
        report.value("baseline_append_limit_events_per_s", limit);
        return limit;
    }

    /**
     * Appends {@code documents} documents and returns the rate.
     *
     * @param dir a new directory for the queue (the caller deletes it).
     * @param documents how many documents to append.
     * @param documentBytes bytes per document.
     * @return appends per second over the whole run (the first pass includes the JIT warming up).
     */
    static double appendsPerSecond(final Path dir, final long documents, final int documentBytes)
    {
        final byte[] record = new byte[documentBytes];
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(RollCycles.FAST_DAILY)
                .blockSize(BLOCK_SIZE)
                .build();
            ExcerptAppender appender = queue.createAppender())
        {
            final long start = System.nanoTime();
            for (long i = 0; i < documents; i++)
            {
                record[0] = (byte)i;
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(record, 0, documentBytes);
                }
            }
            final long elapsed = System.nanoTime() - start;
            return documents * NANOS_PER_SECOND / elapsed;
        }
    }
}
