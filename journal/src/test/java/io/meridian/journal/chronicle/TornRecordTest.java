package io.meridian.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalTools;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReadResult;
import io.meridian.journal.TestRecords;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TornRecordTest
{
    private static final int INBOUND = 1000;
    private static final int DECISIONS = 300;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldSkipTornInputRecordLeftBySigkillAndKeepEveryCompleteRecord() throws Exception
    {
        final Path dir = tmp.resolve("torn-input");
        killChildWriter(dir, "torn-input");

        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals("crash test\nmode=torn-input", reader.manifestText());
            final List<byte[]> in = new ArrayList<>();
            final ReadResult input = reader.readInput((b, o, l) -> in.add(TestRecords.copy(b, o, l)));
            assertEquals(INBOUND, input.count());
            assertEquals(1, input.tornRecords());
            assertFalse(input.cleanEnd());
            assertTrue(input.warnings().stream().anyMatch(
                w -> w.startsWith("input: torn record at document " + (INBOUND + 2) + " (index 0x")
                    && w.contains("never completed") && w.endsWith("skipped")), input.warnings().toString());
            assertSame(TestRecords.inbound(INBOUND), in);

            final List<byte[]> out = new ArrayList<>();
            final ReadResult output = reader.readOutput((b, o, l) -> out.add(TestRecords.copy(b, o, l)));
            assertEquals(DECISIONS, output.count());
            assertEquals(0, output.tornRecords());
            assertFalse(output.cleanEnd());
            assertSame(TestRecords.decisions(DECISIONS), out);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldSkipTornOutputRecordLeftBySigkill() throws Exception
    {
        final Path dir = tmp.resolve("torn-output");
        killChildWriter(dir, "torn-output");

        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult input = reader.readInput((b, o, l) -> { });
            assertEquals(INBOUND, input.count());
            assertEquals(0, input.tornRecords());
            final List<byte[]> out = new ArrayList<>();
            final ReadResult output = reader.readOutput((b, o, l) -> out.add(TestRecords.copy(b, o, l)));
            assertEquals(DECISIONS, output.count());
            assertEquals(1, output.tornRecords());
            assertTrue(output.warnings().stream().anyMatch(w -> w.startsWith("output: torn record at document "
                + (DECISIONS + 1))), output.warnings().toString());
            assertSame(TestRecords.decisions(DECISIONS), out);
        }
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final int code = JournalTools.stats(dir, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(JournalTools.EXIT_DAMAGED, code);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("status torn (1 torn or corrupt records skipped"),
            text.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldReadEverythingWhenKilledBetweenRecords() throws Exception
    {
        final Path dir = tmp.resolve("between");
        killChildWriter(dir, "between");

        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult input = reader.readInput((b, o, l) -> { });
            final ReadResult output = reader.readOutput((b, o, l) -> { });
            assertEquals(INBOUND, input.count());
            assertEquals(DECISIONS, output.count());
            assertEquals(0, input.tornRecords() + output.tornRecords(), input + " " + output);
            assertFalse(input.cleanEnd() || output.cleanEnd());
        }
    }

    @Test
    void shouldDetectAHeaderMarkedNotComplete() throws IOException
    {
        final Path dir = tmp.resolve("not-complete");
        final JournalWriter writer = JournalWriter.open(dir, "m");
        try
        {
            for (final UnsafeBuffer r : TestRecords.inbound(20))
            {
                writer.appendInput(r, 0, r.capacity());
            }
            final Path queueDir = dir.resolve(JournalFormat.INPUT_QUEUE);
            final long end = endOfLastDocument(queueDir);
            final ByteBuffer poke = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            poke.putInt(TornTailInspector.NOT_COMPLETE | 80).putInt(0x01).flip();
            try (FileChannel ch = FileChannel.open(TornTailInspector.lastCycleFile(queueDir), StandardOpenOption.WRITE))
            {
                ch.write(poke, end);
            }
            try (JournalReader reader = JournalReader.open(dir))
            {
                final ReadResult in = reader.readInput((b, o, l) -> { });
                assertEquals(20, in.count());
                assertEquals(1, in.tornRecords());
                assertTrue(in.warnings().stream().anyMatch(w -> w.contains("marked not complete (0x80000050)")),
                    in.warnings().toString());
            }
        }
        finally
        {
            writer.close();
        }
    }

    private static long endOfLastDocument(final Path queueDir)
    {
        try (SingleChronicleQueue queue = ChronicleQueues.openReadOnly(queueDir);
            ExcerptTailer tailer = queue.createTailer())
        {
            long end = -1;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return end;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    end = bytes.readLimit();
                }
            }
        }
    }

    private static void assertSame(final List<UnsafeBuffer> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(TestRecords.bytes(expected.get(i)), actual.get(i), "record " + i);
        }
    }

    /**
     * Runs {@link CrashingJournalWriterMain} in a child JVM with this JVM's flags and class path, waits for it to
     * report that it is in position, and kills it with SIGKILL.
     */
    private static void killChildWriter(final Path dir, final String mode) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingJournalWriterMain.class.getName());
        command.add(dir.toString());
        command.add(mode);
        command.add(Integer.toString(INBOUND));
        command.add(Integer.toString(DECISIONS));
        final Path stderr = dir.resolveSibling(dir.getFileName() + ".stderr");
        final Process child = new ProcessBuilder(command)
            .redirectError(stderr.toFile())
            .start();
        try
        {
            final BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do
            {
                line = lines.readLine();
            }
            while (line != null && !CrashingJournalWriterMain.READY.equals(line));
            assertEquals(CrashingJournalWriterMain.READY, line, () -> "child ended early: " + readQuietly(stderr));
            assertTrue(child.isAlive());
        }
        finally
        {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertNotEquals(0, child.exitValue());
        assertNotEquals(3, child.exitValue());
    }

    private static String readQuietly(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }
}
