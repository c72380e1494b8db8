package io.meridian.journal.chronicle;

import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Queue settings shared by the writer and the reader.
 */
final class ChronicleQueues
{
    /** One file per UTC day, 2^32 records per day, an index entry every 256 records. */
    static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;
    /** Chronicle's per-queue metadata file (roll settings, locks). */
    static final String METADATA_FILE = "metadata.cq4t";
    /** Suffix of Chronicle cycle files. */
    static final String CYCLE_FILE_SUFFIX = ".cq4";
    /** Smallest block size accepted. */
    static final long MIN_BLOCK_SIZE = 64L * 1024;

    private ChronicleQueues()
    {
    }

    /**
     * A queue to append to. Its cycle is fixed at the time it is opened: Chronicle asks its time provider for the
     * current cycle on every append, and the system clock's answer cost a clock read per record (about 6% of a
     * backtest's thread) and put a wall-clock read on the pipeline thread. So one writer appends to one cycle file
     * (up to 2^32 records) however long it runs; a writer opened on a later day starts a new file, which readers
     * follow as usual.
     *
     * @param queueDir the queue's directory.
     * @param blockSize Chronicle block size.
     * @return the queue.
     */
    static SingleChronicleQueue openForWrite(final Path queueDir, final long blockSize)
    {
        return openForWrite(queueDir, blockSize, System.currentTimeMillis());
    }

    static SingleChronicleQueue openForWrite(final Path queueDir, final long blockSize, final long cycleEpochMillis)
    {
        return SingleChronicleQueueBuilder.binary(queueDir)
            .rollCycle(ROLL_CYCLE)
            .blockSize(blockSize)
            .timeProvider(new FixedTime(cycleEpochMillis))
            .build();
    }

    static SingleChronicleQueue openReadOnly(final Path queueDir)
    {
        return SingleChronicleQueueBuilder.binary(queueDir)
            .rollCycle(ROLL_CYCLE)
            .readOnly(true)
            .build();
    }

    static boolean isQueue(final Path queueDir)
    {
        return Files.isRegularFile(queueDir.resolve(METADATA_FILE));
    }

    /** A clock that stays at one instant: the appender's cycle never changes while the queue is open. */
    static final class FixedTime implements TimeProvider
    {
        private final long epochMillis;

        FixedTime(final long epochMillis)
        {
            this.epochMillis = epochMillis;
        }

        @Override
        public long currentTimeMillis()
        {
            return epochMillis;
        }

        @Override
        public long currentTimeMicros()
        {
            return epochMillis * 1_000L;
        }

        @Override
        public long currentTimeNanos()
        {
            return epochMillis * 1_000_000L;
        }
    }
}
