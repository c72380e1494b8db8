package io.meridian.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest
{
    private static final String MANIFEST = "engine=meridian 0.1.0\nconfig=sha256:abc\nmodels=linear:42\nseed=7\n";

    @TempDir
    Path tmp;

    @Test
    void shouldRoundTripEveryRecordTypeByteForByte()
    {
        final Path dir = tmp.resolve("run");
        final List<UnsafeBuffer> inbound = TestRecords.inbound(600);
        final List<UnsafeBuffer> decisions = TestRecords.decisions(400);
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST))
        {
            for (final UnsafeBuffer r : inbound)
            {
                writer.appendInput(r, 0, r.capacity());
            }
            for (final UnsafeBuffer r : decisions)
            {
                writer.appendOutput(r, 0, r.capacity());
            }
            assertEquals(600, writer.inputCount());
            assertEquals(400, writer.outputCount());
        }

        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<byte[]> readIn = new ArrayList<>();
            final ReadResult in = reader.readInput((b, o, l) -> readIn.add(TestRecords.copy(b, o, l)));
            final List<byte[]> readOut = new ArrayList<>();
            final ReadResult out = reader.readOutput((b, o, l) -> readOut.add(TestRecords.copy(b, o, l)));

            assertEquals(new ReadResult(600, true, 0, List.of()), in);
            assertEquals(new ReadResult(400, true, 0, List.of()), out);
            assertTrue(in.intact() && out.intact());
            assertSameRecords(inbound, readIn);
            assertSameRecords(decisions, readOut);
        }
    }

    @Test
    void shouldAppendFromOffHeapBuffersAndOffsets()
    {
        final Path dir = tmp.resolve("offheap");
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[1024], 16, 512);
        final List<byte[]> expectedIn = new ArrayList<>();
        final List<byte[]> expectedOut = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST))
        {
            for (int i = 0; i < 50; i++)
            {
                final int len = TestRecords.fill(direct, 100, RecordType.TRADE, i);
                writer.appendInput(direct, 100, len);
                expectedIn.add(TestRecords.copy(direct, 100, len));
                final int outLen = TestRecords.fill(heap, 40, RecordType.ORDER_COMMAND, i);
                writer.appendOutput(heap, 40, outLen);
                expectedOut.add(TestRecords.copy(heap, 40, outLen));
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<byte[]> readIn = new ArrayList<>();
            final List<byte[]> readOut = new ArrayList<>();
            reader.readInput((b, o, l) -> readIn.add(TestRecords.copy(b, o, l)));
            reader.readOutput((b, o, l) -> readOut.add(TestRecords.copy(b, o, l)));
            assertEquals(expectedIn.size(), readIn.size());
            for (int i = 0; i < expectedIn.size(); i++)
            {
                assertArrayEquals(expectedIn.get(i), readIn.get(i), "input record " + i);
                assertArrayEquals(expectedOut.get(i), readOut.get(i), "output record " + i);
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldAcceptInputAndOutputAppendsFromTwoOtherThreads() throws Exception
    {
        final Path dir = tmp.resolve("threads");
        final List<UnsafeBuffer> inbound = TestRecords.inbound(3000);
        final List<UnsafeBuffer> decisions = TestRecords.decisions(2000);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final JournalWriter writer = JournalWriter.open(dir, MANIFEST);
        final Thread inputThread = new Thread(() -> appendAll(inbound, writer::appendInput, failure), "input");
        final Thread outputThread = new Thread(() -> appendAll(decisions, writer::appendOutput, failure), "output");
        inputThread.start();
        outputThread.start();
        inputThread.join();
        outputThread.join();
        writer.close();
        assertEquals(null, failure.get());

        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<byte[]> readIn = new ArrayList<>();
            final List<byte[]> readOut = new ArrayList<>();
            assertTrue(reader.readInput((b, o, l) -> readIn.add(TestRecords.copy(b, o, l))).intact());
            assertTrue(reader.readOutput((b, o, l) -> readOut.add(TestRecords.copy(b, o, l))).intact());
            assertSameRecords(inbound, readIn);
            assertSameRecords(decisions, readOut);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRefuseAnAppendFromASecondThreadWhileTheFirstAppenderLives() throws Exception
    {
        final Path dir = tmp.resolve("second-thread");
        final List<UnsafeBuffer> inbound = TestRecords.inbound(2);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST))
        {
            writer.appendInput(inbound.get(0), 0, inbound.get(0).capacity());
            final Thread intruder = new Thread(() ->
            {
                try
                {
                    writer.appendInput(inbound.get(1), 0, inbound.get(1).capacity());
                }
                catch (final RuntimeException ex)
                {
                    failure.set(ex);
                }
            }, "intruder");
            intruder.start();
            intruder.join();

            assertEquals(1, writer.inputCount(), "the second thread's record was not appended");
        }
        assertTrue(failure.get() instanceof IllegalStateException, String.valueOf(failure.get()));
        assertTrue(failure.get().getMessage().contains("intruder may not append"), failure.get().getMessage());
    }

    @Test
    void shouldInterleaveAnInputReadWithAnOutputCursor()
    {
        final Path dir = tmp.resolve("cursor");
        final List<UnsafeBuffer> inbound = TestRecords.inbound(300);
        final List<UnsafeBuffer> decisions = TestRecords.decisions(300);
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST))
        {
            for (int i = 0; i < inbound.size(); i++)
            {
                writer.appendInput(inbound.get(i), 0, inbound.get(i).capacity());
                writer.appendOutput(decisions.get(i), 0, decisions.get(i).capacity());
            }
        }
        try (JournalReader reader = JournalReader.open(dir); RecordCursor outputs = reader.outputCursor())
        {
            final int[] n = {0};
            final ReadResult in = reader.readInput((b, o, l) ->
            {
                assertArrayEquals(TestRecords.bytes(inbound.get(n[0])), TestRecords.copy(b, o, l));
                assertTrue(outputs.next());
                assertArrayEquals(TestRecords.bytes(decisions.get(n[0])),
                    TestRecords.copy(outputs.buffer(), outputs.offset(), outputs.length()));
                n[0]++;
            });
            assertTrue(in.intact(), in.toString());
            assertEquals(new ReadResult(300, false, 0, List.of()), outputs.result());
            assertFalse(outputs.next());
            assertEquals(new ReadResult(300, true, 0, List.of()), outputs.result());
        }
    }

    @Test
    void shouldRoundTripManifestText()
    {
        final String text = "run: démo ✓\nodd length→" + "x".repeat(4001);
        final Path dir = tmp.resolve("manifest");
        try (JournalWriter writer = JournalWriter.open(dir, text))
        {
            writer.appendInput(TestRecords.record(RecordType.TIMER, 1), 0, TestRecords.record(RecordType.TIMER, 1)
                .capacity());
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(text, reader.manifestText());
            final ReadResult in = reader.readInput((b, o, l) -> assertEquals(RecordType.TIMER, Header.type(b, o)));
            assertEquals(1, in.count());
            assertTrue(in.intact(), in.warnings().toString());
        }
    }

    @Test
    void shouldReportNoCleanEndUntilTheWriterCloses()
    {
        final Path dir = tmp.resolve("open");
        final JournalWriter writer = JournalWriter.open(dir, MANIFEST);
        try
        {
            for (final UnsafeBuffer r : TestRecords.inbound(10))
            {
                writer.appendInput(r, 0, r.capacity());
            }
            try (JournalReader reader = JournalReader.open(dir))
            {
                final ReadResult in = reader.readInput((b, o, l) -> { });
                assertEquals(10, in.count());
                assertFalse(in.cleanEnd());
                assertEquals(0, in.tornRecords());
                assertTrue(in.warnings().stream().anyMatch(w -> w.contains("input: no END_OF_RUN")), in.toString());
                final ReadResult out = reader.readOutput((b, o, l) -> { });
                assertEquals(0, out.count());
                assertFalse(out.cleanEnd());
            }
        }
        finally
        {
            writer.close();
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult in = reader.readInput((b, o, l) -> { });
            assertTrue(in.cleanEnd());
            assertEquals(10, in.count());
            assertTrue(reader.readOutput((b, o, l) -> { }).intact());
        }
    }

    @Test
    void shouldRefuseToOverwriteAnExistingJournal()
    {
        final Path dir = tmp.resolve("twice");
        JournalWriter.open(dir, MANIFEST).close();
        final JournalException ex = assertThrows(JournalException.class, () -> JournalWriter.open(dir, MANIFEST));
        assertTrue(ex.getMessage().contains(dir.toString()) && ex.getMessage().contains("already contains a journal"),
            ex.getMessage());
    }

    @Test
    void shouldGiveAClearErrorForADirectoryThatIsNotAJournal() throws IOException
    {
        final Path empty = Files.createDirectories(tmp.resolve("empty"));
        final JournalException noQueue = assertThrows(JournalException.class, () -> JournalReader.open(empty));
        assertTrue(noQueue.getMessage().startsWith("not a journal: " + empty), noQueue.getMessage());
        assertTrue(noQueue.getMessage().contains("input"), noQueue.getMessage());

        final Path missing = tmp.resolve("missing");
        final JournalException notThere = assertThrows(JournalException.class, () -> JournalReader.open(missing));
        assertTrue(notThere.getMessage().contains(missing + " does not exist"), notThere.getMessage());

        final Path file = Files.writeString(tmp.resolve("file.txt"), "hello");
        final JournalException notDir = assertThrows(JournalException.class, () -> JournalReader.open(file));
        assertTrue(notDir.getMessage().contains(file + " is not a directory"), notDir.getMessage());

        final Path half = Files.createDirectories(tmp.resolve("half").resolve("input"));
        Files.writeString(half.resolve("metadata.cq4t"), "junk");
        final JournalException noOutput = assertThrows(JournalException.class,
            () -> JournalReader.open(half.getParent()));
        assertTrue(noOutput.getMessage().contains("has no output queue"), noOutput.getMessage());
        assertFalse(Files.exists(tmp.resolve("empty").resolve("input")), "opening must not create queues");
    }

    @Test
    void shouldRejectRecordsThatDoNotBelongInTheQueue()
    {
        try (JournalWriter writer = JournalWriter.open(tmp.resolve("reject"), MANIFEST))
        {
            final UnsafeBuffer signal = TestRecords.record(RecordType.SIGNAL, 1);
            final IllegalArgumentException wrongQueue = assertThrows(IllegalArgumentException.class,
                () -> writer.appendInput(signal, 0, signal.capacity()));
            assertTrue(wrongQueue.getMessage().contains("SIGNAL record cannot be appended to the input queue"),
                wrongQueue.getMessage());

            final UnsafeBuffer quote = TestRecords.record(RecordType.QUOTE, 1);
            final IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> writer.appendInput(quote, 0, quote.capacity() - 8));
            assertTrue(wrongLength.getMessage().contains("length field 80"), wrongLength.getMessage());
            assertEquals(0, writer.inputCount());
        }
    }

    @Test
    void shouldRejectAppendsAfterClose()
    {
        final JournalWriter writer = JournalWriter.open(tmp.resolve("closed"), MANIFEST);
        writer.close();
        writer.close();
        final UnsafeBuffer quote = TestRecords.record(RecordType.QUOTE, 1);
        assertThrows(IllegalStateException.class, () -> writer.appendInput(quote, 0, quote.capacity()));
    }

    private static void appendAll(
        final List<UnsafeBuffer> records, final RecordHandler append, final AtomicReference<Throwable> failure)
    {
        try
        {
            for (final UnsafeBuffer r : records)
            {
                append.onRecord(r, 0, r.capacity());
            }
        }
        catch (final Throwable t)
        {
            failure.set(t);
        }
    }

    private static void assertSameRecords(final List<UnsafeBuffer> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(TestRecords.bytes(expected.get(i)), actual.get(i), "record " + i);
        }
    }
}
