package io.meridian.journal.chronicle;

import java.nio.file.Files;
import java.nio.file.Path;
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

    static SingleChronicleQueue openForWrite(final Path queueDir, final long blockSize)
    {
        return SingleChronicleQueueBuilder.binary(queueDir)
            .rollCycle(ROLL_CYCLE)
            .blockSize(blockSize)
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
}
