package io.meridian.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer's queue stays in the cycle of the instant it was opened at: its appends never ask the system clock which
 * file to write, so every record lands in that one day's file, and a reader finds them all.
 */
class FixedCycleTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAppendEveryRecordToTheCycleOfTheOpeningInstant() throws IOException
    {
        final long opened = Instant.parse("2001-02-03T23:59:59Z").toEpochMilli();
        try (SingleChronicleQueue queue = ChronicleQueues.openForWrite(dir, ChronicleQueues.MIN_BLOCK_SIZE, opened);
            ExcerptAppender appender = queue.createAppender())
        {
            for (int i = 0; i < 1_000; i++)
            {
                appender.writeText("record " + i);
            }
        }
        assertEquals(List.of("20010203F.cq4"), cycleFiles(), "one file, named for the day the writer opened");
        try (SingleChronicleQueue queue = ChronicleQueues.openReadOnly(dir);
            ExcerptTailer tailer = queue.createTailer())
        {
            int read = 0;
            while (tailer.readText() != null)
            {
                read++;
            }
            assertEquals(1_000, read);
        }
    }

    private List<String> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.map(p -> p.getFileName().toString())
                .filter(name -> name.endsWith(ChronicleQueues.CYCLE_FILE_SUFFIX)).sorted().collect(Collectors.toList());
        }
    }
}
