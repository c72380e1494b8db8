package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RecordCursor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo journal with single bits flipped inside records of either queue: {@code replay --verify},
 * {@code journal verify}, {@code journal stats} and {@code journal dump} all report the corrupt record by queue, index
 * and sequence and exit 1; replay never reports it as a divergence.
 */
class JournalCorruptionCommandTest
{
    private static final int EVENTS = 20_000;
    private static final int SEEDS_PER_QUEUE = 4;

    @TempDir
    static Path tmp;
    static Path journal;

    @BeforeAll
    static void runDemo()
    {
        journal = tmp.resolve("journal");
        final CommandLine demo = CommandLine.run("demo", "--events", Integer.toString(EVENTS), "--journal",
            journal.toString(), "--no-progress");
        assertEquals(0, demo.exitCode, demo.toString());
    }

    @Test
    void shouldVerifyTheIntactJournal()
    {
        final CommandLine verify = CommandLine.run("journal", "verify", journal.toString());
        assertEquals(0, verify.exitCode, verify.toString());
        assertTrue(verify.out.startsWith("journal: ok, "), verify.out);
        assertTrue(verify.out.contains("(1 manifest, " + EVENTS + " input, "), verify.out);
    }

    @Test
    void shouldReportABitFlippedInAnInputRecordAsCorruptionNotDivergence() throws IOException
    {
        flipAndCheck(JournalFormat.INPUT_QUEUE);
    }

    @Test
    void shouldReportABitFlippedInADecisionRecordAsCorruptionNotDivergence() throws IOException
    {
        flipAndCheck(JournalFormat.OUTPUT_QUEUE);
    }

    @Test
    void shouldListJournalVerifyInTheHelp()
    {
        final CommandLine help = CommandLine.run("--help");
        assertTrue(help.out.contains("journal verify DIR"), help.out);
        final CommandLine usage = CommandLine.run("journal", "check", journal.toString());
        assertEquals(2, usage.exitCode, usage.toString());
        assertTrue(usage.err.contains("journal verify DIR"), usage.err);
    }

    private static void flipAndCheck(final String queue) throws IOException
    {
        final boolean input = JournalFormat.INPUT_QUEUE.equals(queue);
        for (int seed = 0; seed < SEEDS_PER_QUEUE; seed++)
        {
            final Random random = new Random(seed + (input ? 100 : 200));
            final int records = input ? EVENTS : outputRecords();
            final int index = records / 10 + random.nextInt(records - records / 10);
            final byte[] record = record(queue, index);
            // a bit of the body (or of the checksum behind it): the fields a decision is made from
            final int byteOffset = Header.LENGTH + random.nextInt(record.length - Header.LENGTH + 4);
            final int bit = random.nextInt(8);
            final long sequence = Header.sequence(new UnsafeBuffer(record), 0);
            final String what = queue + " seed " + seed + ": record " + index + " ("
                + RecordType.name(record[0]) + "), byte " + byteOffset + ", bit " + bit;
            final Path file = cycleFile(queue);
            final long position = find(file, record);
            flip(file, position + byteOffset, bit);
            try
            {
                final String expected = "journal: corrupt record in " + queue + " queue, index " + index + " (seq "
                    + sequence + ", Chronicle index 0x";
                final CommandLine replay = CommandLine.run("replay", "--journal", journal.toString(), "--verify");
                assertEquals(1, replay.exitCode, what + ": " + replay);
                assertTrue(replay.out.startsWith(expected), what + ": " + replay.out);
                assertTrue(replay.out.contains(": checksum mismatch (stored 0x"), what + ": " + replay.out);
                assertFalse(replay.out.contains("DIVERGED"), what + ": " + replay.out);

                final CommandLine verify = CommandLine.run("journal", "verify", journal.toString());
                assertEquals(1, verify.exitCode, what + ": " + verify);
                assertTrue(verify.out.startsWith(expected), what + ": " + verify.out);
                assertEquals(1, verify.out.lines().count(), what + ": " + verify.out);
                assertTrue(replay.out.startsWith(verify.out.strip()), "replay prints the same corruption line");

                final CommandLine stats = CommandLine.run("journal", "stats", journal.toString());
                assertEquals(1, stats.exitCode, what + ": " + stats);
                assertTrue(stats.out.contains("status corrupt\n" + expected), what + ": " + stats.out);
                assertFalse(stats.out.contains("status clean"), what + ": " + stats.out);

                final CommandLine dump = CommandLine.run("journal", "dump", journal.toString());
                assertEquals(1, dump.exitCode, what);
                final String lastLine = dump.out.substring(dump.out.stripTrailing().lastIndexOf('\n') + 1);
                assertTrue(lastLine.startsWith(expected), what + ": " + lastLine);
            }
            finally
            {
                flip(file, position + byteOffset, bit);
            }
        }
        final CommandLine verify = CommandLine.run("journal", "verify", journal.toString());
        assertEquals(0, verify.exitCode, "every flip was undone: " + verify);
    }

    private static int outputRecords()
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            return (int)reader.readOutput((b, o, l) -> { }).count();
        }
    }

    private static byte[] record(final String queue, final int index)
    {
        try (JournalReader reader = JournalReader.open(journal);
            RecordCursor cursor = JournalFormat.INPUT_QUEUE.equals(queue) ? reader.inputCursor()
                : reader.outputCursor())
        {
            for (int i = 0; i <= index; i++)
            {
                assertTrue(cursor.next(), "record " + i);
            }
            final byte[] bytes = new byte[cursor.length()];
            cursor.buffer().getBytes(cursor.offset(), bytes);
            return bytes;
        }
    }

    private static Path cycleFile(final String queue) throws IOException
    {
        Path only = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(journal.resolve(queue), "*.cq4"))
        {
            for (final Path file : files)
            {
                assertTrue(only == null, "one cycle file per queue in a short demo");
                only = file;
            }
        }
        assertTrue(only != null, "no cycle file in " + queue);
        return only;
    }

    /**
     * Where a record's bytes are in a cycle file (each record holds its own sequence and times, so it is unique).
     */
    private static long find(final Path file, final byte[] record) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        long found = -1;
        for (int at = 0; at + record.length <= bytes.length; at++)
        {
            int i = 0;
            while (i < record.length && bytes[at + i] == record[i])
            {
                i++;
            }
            if (i == record.length)
            {
                assertEquals(-1, found, "the record occurs once");
                found = at;
            }
        }
        assertTrue(found >= 0, "record not found in " + file);
        return found;
    }

    private static void flip(final Path file, final long position, final int bit) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte)(one.get(0) ^ (1 << bit))).rewind();
            channel.write(one, position);
        }
    }
}
