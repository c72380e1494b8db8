package io.meridian.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.Corruption;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalTools;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReadResult;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal integrity on real Chronicle Queue files: every document carries the CRC32C of its record, single bit flips
 * anywhere in a record or its checksum are reported as corruption naming the queue, record index and sequence, a
 * torn tail stays a warning, and journals of another format version are refused naming both versions.
 */
class JournalChecksumTest
{
    private static final int INBOUND = 300;
    private static final int DECISIONS = 120;
    private static final int SEEDS_PER_QUEUE = 60;
    private static final String MANIFEST = "checksum test\nseed=5\n";

    @TempDir
    Path tmp;

    @Test
    void shouldStoreTheCrc32cOfEachRecordBehindItAndTheFormatVersionInTheManifest() throws IOException
    {
        final Path dir = writeJournal("layout");
        final List<RawQueues.Document> docs = RawQueues.documents(dir.resolve(JournalFormat.INPUT_QUEUE));
        assertEquals(INBOUND + 2, docs.size());
        final List<UnsafeBuffer> inbound = TestRecords.inbound(INBOUND);
        for (int d = 0; d < docs.size(); d++)
        {
            final byte[] payload = read(docs.get(d));
            final int recordLength = payload.length - JournalFormat.CHECKSUM_LENGTH;
            final CRC32C crc = new CRC32C();
            crc.update(payload, 0, recordLength);
            final int stored = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(recordLength);
            assertEquals((int)crc.getValue(), stored, "document " + d);
            if (d == 0)
            {
                final UnsafeBuffer manifest = new UnsafeBuffer(payload);
                assertEquals(RecordType.MANIFEST, Header.type(manifest, 0));
                assertEquals(JournalFormat.VERSION, JournalFormat.formatVersion(manifest, 0));
            }
            else if (d <= INBOUND)
            {
                final byte[] record = new byte[recordLength];
                System.arraycopy(payload, 0, record, 0, recordLength);
                assertArrayEquals(TestRecords.bytes(inbound.get(d - 1)), record, "record bytes are unchanged");
            }
        }
    }

    @Test
    void shouldVerifyAnIntactJournal()
    {
        final Path dir = writeJournal("intact");
        final Output verify = tool(JournalTools::verify, dir);
        assertEquals(JournalTools.EXIT_OK, verify.code, verify.text);
        assertEquals(List.of("journal: ok, " + (1 + INBOUND + DECISIONS + 2) + " records (1 manifest, " + INBOUND
            + " input, " + DECISIONS + " output, 2 END_OF_RUN), every checksum matches"), verify.lines());
    }

    @Test
    void shouldDetectAndNameEverySingleBitFlipInTheInputQueue() throws IOException
    {
        flipBitsAndCheck(JournalFormat.INPUT_QUEUE);
    }

    @Test
    void shouldDetectAndNameEverySingleBitFlipInTheOutputQueue() throws IOException
    {
        flipBitsAndCheck(JournalFormat.OUTPUT_QUEUE);
    }

    private void flipBitsAndCheck(final String queue) throws IOException
    {
        final boolean input = JournalFormat.INPUT_QUEUE.equals(queue);
        final int records = input ? INBOUND : DECISIONS;
        final Path dir = writeJournal("flips-" + queue);
        final List<RawQueues.Document> docs = RawQueues.documents(dir.resolve(queue));
        assertEquals(records + (input ? 2 : 1), docs.size());
        int manifestFlips = 0;
        int endOfRunFlips = 0;
        for (int seed = 0; seed < SEEDS_PER_QUEUE; seed++)
        {
            final Random random = new Random(queue.hashCode() * 1_000L + seed);
            // the manifest and END_OF_RUN are drawn as often as a run of records, so that every seed set covers them
            final int pick = random.nextInt(12);
            final int d = pick == 0 ? 0 : pick == 1 ? docs.size() - 1 : random.nextInt(docs.size());
            final RawQueues.Document doc = docs.get(d);
            final int byteOffset = random.nextInt(doc.length());
            final int bit = random.nextInt(8);
            final String what = queue + " seed " + seed + ": document " + d + ", byte " + byteOffset + ", bit " + bit;
            final boolean manifest = input && d == 0;
            final long expectedIndex = manifest ? Corruption.MANIFEST_INDEX : input ? d - 1 : d;
            final boolean endOfRun = d == docs.size() - 1;
            manifestFlips += manifest ? 1 : 0;
            endOfRunFlips += endOfRun ? 1 : 0;
            RawQueues.flipBit(doc.file(), doc.position() + byteOffset, bit);
            try
            {
                final Corruption corruption;
                try (JournalReader reader = JournalReader.open(dir))
                {
                    assertEquals(manifest ? "" : MANIFEST, reader.manifestText(), what);
                    assertEquals(manifest, reader.manifestCorruption() != null, what);
                    final long[] delivered = new long[1];
                    final ReadResult result = input
                        ? reader.readInput((b, o, l) -> delivered[0]++)
                        : reader.readOutput((b, o, l) -> delivered[0]++);
                    final ReadResult other = input ? reader.readOutput((b, o, l) -> { })
                        : reader.readInput((b, o, l) -> { });
                    assertTrue(result.corrupt(), what + ": " + result);
                    assertTrue(other.intact(), what + ": the other queue " + other);
                    corruption = result.corruption();
                    assertEquals(queue, corruption.queue(), what);
                    assertEquals(expectedIndex, corruption.recordIndex(), what + ": " + corruption.message());
                    assertEquals(Math.max(0, expectedIndex), delivered[0], what + ": records before the corrupt one");
                    assertEquals(delivered[0], result.count(), what);
                    assertFalse(result.cleanEnd(), what);
                    final boolean sequenceIntact = byteOffset < Header.SEQUENCE_OFFSET
                        || byteOffset >= Header.SEQUENCE_OFFSET + Long.BYTES;
                    if (!manifest && sequenceIntact)
                    {
                        assertEquals(endOfRun ? records : expectedIndex + 1, corruption.sequence(), what);
                    }
                    final String where = manifest ? "MANIFEST (Chronicle index 0x"
                        : "index " + expectedIndex + " (seq " + corruption.sequence() + ", Chronicle index 0x";
                    assertTrue(corruption.message().startsWith("journal: corrupt record in " + queue + " queue, "
                        + where), what + ": " + corruption.message());
                    assertTrue(corruption.message().matches(".*: checksum mismatch \\(stored 0x[0-9a-f]{8}, "
                        + "computed 0x[0-9a-f]{8}\\)$"), what + ": " + corruption.message());
                }
                final Output verify = tool(JournalTools::verify, dir);
                assertEquals(JournalTools.EXIT_DAMAGED, verify.code, what + ": " + verify.text);
                assertEquals(List.of(corruption.message()), verify.lines(), what);
            }
            finally
            {
                RawQueues.flipBit(doc.file(), doc.position() + byteOffset, bit);
            }
        }
        assertTrue(endOfRunFlips > 0 && (!input || manifestFlips > 0), "the seeds cover the manifest and END_OF_RUN");
        final Output verify = tool(JournalTools::verify, dir);
        assertEquals(JournalTools.EXIT_OK, verify.code, "every flip was undone: " + verify.text);
    }

    @Test
    void shouldReportEveryBitFlippedInAChronicleDocumentHeaderAsCorruption() throws IOException
    {
        final Path dir = writeJournal("chronicle-header");
        final RawQueues.Document doc = RawQueues.documents(dir.resolve(JournalFormat.INPUT_QUEUE)).get(51);
        for (int bit = 0; bit < Integer.SIZE; bit++)
        {
            // Chronicle's 4-byte little-endian header in front of the payload: length bits 0-29, metadata bit 30,
            // not-complete bit 31
            final long position = doc.position() - Integer.BYTES + bit / Byte.SIZE;
            RawQueues.flipBit(doc.file(), position, bit % Byte.SIZE);
            try (JournalReader reader = JournalReader.open(dir))
            {
                final ReadResult result = reader.readInput((b, o, l) -> { });
                assertTrue(result.corrupt(), "bit " + bit + ": " + result);
                assertEquals(0, result.tornRecords(), "bit " + bit + ": " + result);
                // a metadata bit makes Chronicle skip the document: END_OF_RUN's count names the loss
                final long index = bit == 30 ? INBOUND - 1 : 50;
                assertEquals(index, result.corruption().recordIndex(), "bit " + bit + ": " + result);
                assertEquals(index, result.count(), "bit " + bit);
            }
            finally
            {
                RawQueues.flipBit(doc.file(), position, bit % Byte.SIZE);
            }
        }
    }

    @Test
    void shouldRefuseACorruptRecordInDumpAndStats() throws IOException
    {
        final Path dir = writeJournal("tools");
        final RawQueues.Document doc = RawQueues.documents(dir.resolve(JournalFormat.INPUT_QUEUE)).get(101);
        RawQueues.flipBit(doc.file(), doc.position() + Header.LENGTH + 3, 5);
        final String expected = "journal: corrupt record in input queue, index 100 (seq 101, Chronicle index 0x";

        final Output dump = tool(JournalTools::dump, dir);
        assertEquals(JournalTools.EXIT_DAMAGED, dump.code, dump.text);
        final List<String> lines = dump.lines();
        assertEquals("input 99 " + RecordLayouts.describe(TestRecords.inbound(100).get(99), 0), lines.get(100),
            "records before the corrupt one are dumped");
        assertTrue(lines.get(lines.size() - 1).startsWith(expected), dump.text);
        assertFalse(dump.text.contains("output "), "dump stops at the corrupt record: " + dump.text);

        final Output stats = tool(JournalTools::stats, dir);
        assertEquals(JournalTools.EXIT_DAMAGED, stats.code, stats.text);
        assertTrue(stats.lines().contains("status corrupt"), stats.text);
        assertFalse(stats.text.contains("status clean"), stats.text);
        assertTrue(stats.lines().get(stats.lines().size() - 1).startsWith(expected), stats.text);
    }

    @Test
    void shouldKeepATornTailAWarningNotCorruption() throws IOException
    {
        final Path dir = tmp.resolve("torn");
        final JournalWriter writer = JournalWriter.open(dir, MANIFEST, ChronicleQueues.MIN_BLOCK_SIZE);
        try
        {
            for (final UnsafeBuffer r : TestRecords.inbound(20))
            {
                writer.appendInput(r, 0, r.capacity());
            }
            // what SIGKILL inside an append leaves: the header still 0, part of the record copied behind it
            final List<RawQueues.Document> docs = RawQueues.documents(dir.resolve(JournalFormat.INPUT_QUEUE));
            final RawQueues.Document last = docs.get(docs.size() - 1);
            final long header = (last.position() + last.length() + 3) & ~3L;
            final byte[] half = new byte[40];
            TestRecords.record(RecordType.QUOTE, 20).getBytes(0, half);
            try (FileChannel channel = FileChannel.open(last.file(), StandardOpenOption.WRITE))
            {
                channel.write(ByteBuffer.wrap(half), header + Integer.BYTES);
            }
            try (JournalReader reader = JournalReader.open(dir))
            {
                final ReadResult in = reader.readInput((b, o, l) -> { });
                assertEquals(20, in.count());
                assertEquals(1, in.tornRecords());
                assertNull(in.corruption(), in.toString());
            }
            final Output verify = tool(JournalTools::verify, dir);
            assertEquals(JournalTools.EXIT_OK, verify.code, verify.text);
            assertTrue(verify.lines().stream().anyMatch(l -> l.startsWith("warning input: torn record at document 22")),
                verify.text);
            assertTrue(verify.lines().contains("journal: ok, 21 records (1 manifest, 20 input, 0 output, 0 END_OF_RUN),"
                + " every checksum matches"), verify.text);
        }
        finally
        {
            writer.close();
        }
    }

    @Test
    void shouldReportAWellChecksummedButMalformedRecordAsCorruption()
    {
        final UnsafeBuffer wrongLength = TestRecords.record(RecordType.QUOTE, 9);
        wrongLength.putShort(Header.LENGTH_OFFSET, (short)72);
        final UnsafeBuffer unknownType = TestRecords.record(RecordType.QUOTE, 9);
        unknownType.putByte(Header.TYPE_OFFSET, (byte)77);
        final UnsafeBuffer tooShort = new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        final UnsafeBuffer wrongQueue = TestRecords.record(RecordType.SIGNAL, 9);
        malformed("length", wrongLength, "QUOTE length field is 72 but the record is 80 bytes");
        malformed("type", unknownType, "type UNKNOWN(77) does not belong in the input queue");
        malformed("short", tooShort, "record is 10 bytes, shorter than the 48-byte header");
        malformed("queue", wrongQueue, "type SIGNAL does not belong in the input queue");
    }

    private void malformed(final String name, final UnsafeBuffer bad, final String problem)
    {
        final Path dir = tmp.resolve("malformed-" + name);
        final List<UnsafeBuffer> good = TestRecords.inbound(4);
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST, ChronicleQueues.MIN_BLOCK_SIZE))
        {
            writer.appendInput(good.get(0), 0, good.get(0).capacity());
            writer.appendInput(good.get(1), 0, good.get(1).capacity());
            try (SingleChronicleQueue queue = ChronicleQueues.openForWrite(dir.resolve(JournalFormat.INPUT_QUEUE),
                ChronicleQueues.MIN_BLOCK_SIZE);
                ExcerptAppender raw = queue.createAppender())
            {
                RawQueues.writeChecksummed(raw, bad);
            }
            writer.appendInput(good.get(2), 0, good.get(2).capacity());
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final ReadResult result = reader.readInput((b, o, l) -> { });
            assertEquals(2, result.count(), name);
            final Corruption corruption = result.corruption();
            assertNotNull(corruption, name + ": " + result);
            assertEquals(2, corruption.recordIndex(), name);
            assertTrue(corruption.message().startsWith("journal: corrupt record in input queue, index 2 ("), name);
            assertTrue(corruption.message().endsWith(": " + problem), corruption.message());
        }
    }

    @Test
    void shouldReportAnEndOfRunCountThatDisagreesAsCorruption()
    {
        final Path dir = tmp.resolve("count");
        final JournalWriter writer = JournalWriter.open(dir, MANIFEST, ChronicleQueues.MIN_BLOCK_SIZE);
        try
        {
            for (final UnsafeBuffer r : TestRecords.inbound(3))
            {
                writer.appendInput(r, 0, r.capacity());
            }
            try (SingleChronicleQueue queue = ChronicleQueues.openForWrite(dir.resolve(JournalFormat.INPUT_QUEUE),
                ChronicleQueues.MIN_BLOCK_SIZE);
                ExcerptAppender raw = queue.createAppender())
            {
                final UnsafeBuffer endOfRun = new UnsafeBuffer(new byte[JournalFormat.END_OF_RUN_LENGTH]);
                JournalFormat.writeEndOfRun(endOfRun, 0, 4, 0, 0);
                RawQueues.writeChecksummed(raw, endOfRun);
            }
            try (JournalReader reader = JournalReader.open(dir))
            {
                final ReadResult result = reader.readInput((b, o, l) -> { });
                assertEquals(3, result.count());
                assertNotNull(result.corruption(), result.toString());
                assertTrue(result.corruption().message().startsWith(
                    "journal: corrupt record in input queue, index 3 (seq 4, Chronicle index 0x"),
                    result.corruption().message());
                assertTrue(result.corruption().message().endsWith(
                    ": END_OF_RUN says 4 records were appended but 3 were read"), result.corruption().message());
            }
        }
        finally
        {
            writer.close();
        }
    }

    @Test
    void shouldRefuseAJournalWrittenBeforeChecksumsNamingBothVersions()
    {
        final Path dir = tmp.resolve("format-1");
        try (SingleChronicleQueue input = ChronicleQueues.openForWrite(dir.resolve(JournalFormat.INPUT_QUEUE),
            ChronicleQueues.MIN_BLOCK_SIZE);
            SingleChronicleQueue output = ChronicleQueues.openForWrite(dir.resolve(JournalFormat.OUTPUT_QUEUE),
                ChronicleQueues.MIN_BLOCK_SIZE);
            ExcerptAppender in = input.createAppender();
            ExcerptAppender out = output.createAppender())
        {
            // format 1: the manifest with 0 in its flags field, every document exactly its record, no trailer
            final byte[] text = MANIFEST.getBytes(StandardCharsets.UTF_8);
            final UnsafeBuffer manifest = new UnsafeBuffer(new byte[JournalFormat.MANIFEST_TEXT_OFFSET + text.length]);
            Header.write(manifest, 0, RecordType.MANIFEST, Header.LENGTH, 0, 0L, 0L, 0L, 0, 0L);
            manifest.putInt(JournalFormat.MANIFEST_TEXT_LENGTH_OFFSET, text.length);
            manifest.putBytes(JournalFormat.MANIFEST_TEXT_OFFSET, text);
            RawQueues.writeDocument(in, manifest.byteArray());
            for (final UnsafeBuffer r : TestRecords.inbound(5))
            {
                RawQueues.writeDocument(in, TestRecords.bytes(r));
            }
            for (final UnsafeBuffer r : TestRecords.decisions(3))
            {
                RawQueues.writeDocument(out, TestRecords.bytes(r));
            }
        }
        final String expected = "journal " + dir + " is journal format version 1 (written before journal records "
            + "carried checksums); this build reads journal format version " + JournalFormat.VERSION + " only: read it "
            + "with the build that wrote it";
        assertEquals(expected, JournalFormat.unsupportedVersion(dir, 1));
        assertEquals(expected, assertThrows(JournalException.class, () -> JournalReader.open(dir)).getMessage());
        assertEquals(expected,
            assertThrows(JournalException.class, () -> ReplayVerifier.verify(dir, List.of())).getMessage());
        for (final BiFunction<Path, PrintStream, Integer> tool : List.<BiFunction<Path, PrintStream, Integer>>of(
            JournalTools::verify, JournalTools::dump, JournalTools::stats))
        {
            final Output output = tool(tool, dir);
            assertEquals(JournalTools.EXIT_NOT_A_JOURNAL, output.code, output.text);
            assertTrue(output.lines().contains("error " + expected), output.text);
        }
    }

    @Test
    void shouldRefuseAJournalOfANewerFormat()
    {
        final int newer = JournalFormat.VERSION + 1;
        final Path dir = tmp.resolve("format-newer");
        ChronicleQueues.openForWrite(dir.resolve(JournalFormat.OUTPUT_QUEUE), ChronicleQueues.MIN_BLOCK_SIZE).close();
        try (SingleChronicleQueue input = ChronicleQueues.openForWrite(dir.resolve(JournalFormat.INPUT_QUEUE),
            ChronicleQueues.MIN_BLOCK_SIZE);
            ExcerptAppender in = input.createAppender())
        {
            final UnsafeBuffer manifest = JournalFormat.encodeManifest(MANIFEST);
            manifest.putInt(JournalFormat.FORMAT_VERSION_OFFSET, newer);
            RawQueues.writeChecksummed(in, manifest);
        }
        final JournalException refused = assertThrows(JournalException.class, () -> JournalReader.open(dir));
        assertEquals("journal " + dir + " is journal format version " + newer + " (written by a newer build); this "
            + "build reads journal format version " + JournalFormat.VERSION + " only: read it with the build that "
            + "wrote it", refused.getMessage());
    }

    private Path writeJournal(final String name)
    {
        final Path dir = tmp.resolve(name);
        try (JournalWriter writer = JournalWriter.open(dir, MANIFEST, ChronicleQueues.MIN_BLOCK_SIZE))
        {
            for (final UnsafeBuffer r : TestRecords.inbound(INBOUND))
            {
                writer.appendInput(r, 0, r.capacity());
            }
            final UnsafeBuffer offHeap = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
            for (int i = 0; i < DECISIONS; i++)
            {
                final byte type = TestRecords.decisionType(i);
                final int length = TestRecords.fill(offHeap, 32, type, i);
                writer.appendOutput(offHeap, 32, length);
            }
        }
        return dir;
    }

    private static byte[] read(final RawQueues.Document doc) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(doc.length());
        try (FileChannel channel = FileChannel.open(doc.file(), StandardOpenOption.READ))
        {
            while (bytes.hasRemaining() && channel.read(bytes, doc.position() + bytes.position()) > 0)
            {
                assertTrue(bytes.position() > 0);
            }
        }
        return bytes.array();
    }

    private static Output tool(final BiFunction<Path, PrintStream, Integer> tool, final Path dir)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code = tool.apply(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a tool printed and returned.
     */
    private record Output(int code, String text)
    {
        List<String> lines()
        {
            return text.lines().toList();
        }
    }
}
