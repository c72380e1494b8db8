package io.meridian.journal.chronicle;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.Corruption;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RecordChecksum;
import io.meridian.journal.RecordCursor;
import io.meridian.journal.RecordHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link JournalReader} on two read-only Chronicle queues.
 *
 * <p>Opening reads the manifest and refuses a journal of another format version (see {@link JournalFormat}).
 *
 * <p>Each read (push-style {@code read*} or pull-style cursor) has its own tailer, its own reused buffer and its own
 * CRC32C, so an input read and an output cursor can run interleaved on one thread (replay verification does). Each
 * document is copied into the buffer and checked before anyone sees it: its checksum trailer must match the record's
 * bytes, and the record must be well formed and of the queue's kind. The first document that fails is reported as
 * {@link Corruption} (queue, record index, stored sequence, Chronicle index, what is wrong) and reading stops there.
 * When the tailer reaches the end, {@link TornTailInspector} looks behind the last complete document for a record
 * the writer started but never finished (a torn tail: a warning, not corruption). Reading allocates nothing per
 * record.
 */
public final class ChronicleJournalReader implements JournalReader
{
    private static final int INITIAL_BUFFER = 4096;

    private final Path dir;
    private final SingleChronicleQueue inputQueue;
    private final SingleChronicleQueue outputQueue;
    private final List<String> manifestWarnings = new ArrayList<>();
    private boolean manifestPresent;
    private Corruption manifestCorruption;
    private final String manifestText;

    private ChronicleJournalReader(
        final Path dir, final SingleChronicleQueue inputQueue, final SingleChronicleQueue outputQueue)
    {
        this.dir = dir;
        this.inputQueue = inputQueue;
        this.outputQueue = outputQueue;
        this.manifestText = readManifest();
    }

    /**
     * Opens a journal directory read-only.
     *
     * @param dir the journal directory.
     * @return the reader.
     * @throws JournalException naming the directory when it is not a journal, or naming its format version and the
     *     one this build reads when it is a journal of another format.
     */
    public static ChronicleJournalReader open(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new JournalException("not a journal: " + dir + (Files.exists(dir) ? " is not a directory"
                : " does not exist"));
        }
        final Path inputDir = dir.resolve(JournalFormat.INPUT_QUEUE);
        final Path outputDir = dir.resolve(JournalFormat.OUTPUT_QUEUE);
        for (final Path queueDir : new Path[]{inputDir, outputDir})
        {
            if (!ChronicleQueues.isQueue(queueDir))
            {
                throw new JournalException("not a journal: " + dir + " has no " + queueDir.getFileName()
                    + " queue (expected " + queueDir.resolve(ChronicleQueues.METADATA_FILE) + ")");
            }
        }
        SingleChronicleQueue in = null;
        SingleChronicleQueue out = null;
        try
        {
            in = ChronicleQueues.openReadOnly(inputDir);
            out = ChronicleQueues.openReadOnly(outputDir);
            return new ChronicleJournalReader(dir, in, out);
        }
        catch (final JournalException ex)
        {
            closeQuietly(in);
            closeQuietly(out);
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(in);
            closeQuietly(out);
            throw new JournalException("cannot open journal " + dir + ": " + ex, ex);
        }
    }

    @Override
    public Path directory()
    {
        return dir;
    }

    @Override
    public String manifestText()
    {
        return manifestText;
    }

    @Override
    public Corruption manifestCorruption()
    {
        return manifestCorruption;
    }

    @Override
    public ReadResult readInput(final RecordHandler handler)
    {
        return readAll(inputCursor(), handler);
    }

    @Override
    public ReadResult readOutput(final RecordHandler handler)
    {
        return readAll(outputCursor(), handler);
    }

    @Override
    public RecordCursor inputCursor()
    {
        return new QueueCursor(inputQueue, JournalFormat.INPUT_QUEUE, true);
    }

    @Override
    public RecordCursor outputCursor()
    {
        return new QueueCursor(outputQueue, JournalFormat.OUTPUT_QUEUE, false);
    }

    @Override
    public void close()
    {
        inputQueue.close();
        outputQueue.close();
    }

    private static void closeQuietly(final SingleChronicleQueue queue)
    {
        if (queue != null)
        {
            queue.close();
        }
    }

    private static ReadResult readAll(final RecordCursor cursor, final RecordHandler handler)
    {
        try (cursor)
        {
            while (cursor.next())
            {
                handler.onRecord(cursor.buffer(), cursor.offset(), cursor.length());
            }
            return cursor.result();
        }
    }

    private String readManifest()
    {
        final RecordBuffer scratch = new RecordBuffer();
        try (ExcerptTailer tailer = inputQueue.createTailer();
            DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                manifestWarnings.add("input: no MANIFEST record: the input queue is empty");
                return "";
            }
            final int documentLength = scratch.copy(dc.wire().bytes(), JournalFormat.MAX_MANIFEST_DOCUMENT_LENGTH);
            final UnsafeBuffer buffer = scratch.buffer;
            if (!scratch.oversized && JournalFormat.isManifestWithoutChecksum(buffer, 0, documentLength))
            {
                throw new JournalException(
                    JournalFormat.unsupportedVersion(dir, JournalFormat.VERSION_WITHOUT_CHECKSUMS));
            }
            final String checksumProblem = checksumProblem(new RecordChecksum(), scratch, documentLength);
            if (checksumProblem != null)
            {
                manifestPresent = true;
                manifestCorruption = Corruption.of(JournalFormat.INPUT_QUEUE, Corruption.MANIFEST_INDEX,
                    Corruption.UNKNOWN_SEQUENCE, dc.index(), checksumProblem);
                return "";
            }
            final int length = documentLength - JournalFormat.CHECKSUM_LENGTH;
            final String index = "0x" + Long.toHexString(dc.index());
            if (length < 1 || Header.type(buffer, 0) != RecordType.MANIFEST)
            {
                manifestWarnings.add("input: no MANIFEST record: the first document (index " + index + ") is "
                    + (length < 1 ? "empty" : RecordType.name(Header.type(buffer, 0))));
                return "";
            }
            manifestPresent = true;
            if (length >= Header.LENGTH && JournalFormat.formatVersion(buffer, 0) != JournalFormat.VERSION)
            {
                throw new JournalException(
                    JournalFormat.unsupportedVersion(dir, JournalFormat.formatVersion(buffer, 0)));
            }
            final String problem = JournalFormat.checkManifest(buffer, 0, length);
            if (problem != null)
            {
                manifestCorruption = Corruption.of(JournalFormat.INPUT_QUEUE, Corruption.MANIFEST_INDEX,
                    Corruption.UNKNOWN_SEQUENCE, dc.index(), problem);
                return "";
            }
            return JournalFormat.manifestText(buffer, 0, length);
        }
        catch (final JournalException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            manifestWarnings.add("input: MANIFEST unreadable: " + ex);
            return "";
        }
    }

    /**
     * Compares a document's checksum trailer with the CRC32C of the record before it.
     *
     * @return {@code null} when they match, else what is wrong (allocates only then).
     */
    private static String checksumProblem(
        final RecordChecksum checksum, final RecordBuffer scratch, final int documentLength)
    {
        if (scratch.oversized)
        {
            return "document is " + documentLength + " bytes, longer than any record this queue can hold (its "
                + "Chronicle length header is corrupt)";
        }
        if (documentLength < JournalFormat.CHECKSUM_LENGTH)
        {
            return "document is " + documentLength + " bytes, too short for its " + JournalFormat.CHECKSUM_LENGTH
                + "-byte checksum";
        }
        final int recordLength = documentLength - JournalFormat.CHECKSUM_LENGTH;
        final int stored = scratch.buffer.getInt(recordLength);
        final int computed = checksum.of(scratch.bytes, 0, recordLength);
        if (stored == computed)
        {
            return null;
        }
        return "checksum mismatch (stored " + RecordChecksum.hex(stored) + ", computed "
            + RecordChecksum.hex(computed) + ")";
    }

    /**
     * A growable buffer a document is copied into. A document longer than the caller allows is not copied (its
     * length field is corrupt: copying would read past the record, or past the end of the mapped file); its length
     * is returned and {@code oversized} is set.
     */
    private static final class RecordBuffer
    {
        private byte[] bytes = new byte[INITIAL_BUFFER];
        private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        private int length;
        private boolean oversized;

        int copy(final Bytes<?> from, final int maxLength)
        {
            final long remaining = from.readRemaining();
            final int length = (int)Math.min(remaining, Integer.MAX_VALUE);
            this.length = length;
            oversized = remaining > maxLength;
            if (oversized)
            {
                return length;
            }
            if (length > bytes.length)
            {
                bytes = new byte[Math.max(length, bytes.length * 2)];
                buffer.wrap(bytes);
            }
            from.read(bytes, 0, length);
            return length;
        }
    }

    /**
     * One pass over one queue.
     */
    private final class QueueCursor implements RecordCursor
    {
        private final SingleChronicleQueue queue;
        private final String name;
        private final boolean input;
        private final ExcerptTailer tailer;
        private final RecordBuffer scratch = new RecordBuffer();
        private final RecordChecksum checksum = new RecordChecksum();
        private final List<String> warnings = new ArrayList<>();

        private int length;
        private long documents;
        private long count;
        private int torn;
        private boolean cleanEnd;
        private long endOfRunCount = -1;
        private long endOfRunIndex = -1;
        private Corruption corruption;
        private long lastIndex = -1;
        private long lastEnd;
        private int lastCycle = Integer.MIN_VALUE;
        private Path lastFile;
        private boolean finished;
        private boolean closed;

        QueueCursor(final SingleChronicleQueue queue, final String name, final boolean input)
        {
            this.queue = queue;
            this.name = name;
            this.input = input;
            this.tailer = queue.createTailer();
        }

        @Override
        public boolean next()
        {
            if (finished)
            {
                return false;
            }
            while (true)
            {
                final int documentLength;
                try
                {
                    documentLength = readDocument();
                }
                catch (final RuntimeException ex)
                {
                    torn++;
                    warnings.add(name + ": reading stopped after document " + documents + " (index 0x"
                        + Long.toHexString(lastIndex) + "): " + ex);
                    finish();
                    return false;
                }
                if (documentLength < 0)
                {
                    finish();
                    return false;
                }
                documents++;
                final int recordLength = documentLength - JournalFormat.CHECKSUM_LENGTH;
                if (accept(documentLength, recordLength))
                {
                    length = recordLength;
                    count++;
                    return true;
                }
                if (corruption != null)
                {
                    stop();
                    return false;
                }
            }
        }

        @Override
        public DirectBuffer buffer()
        {
            return scratch.buffer;
        }

        @Override
        public int offset()
        {
            return 0;
        }

        @Override
        public int length()
        {
            return length;
        }

        @Override
        public ReadResult result()
        {
            return new ReadResult(count, cleanEnd, torn, warnings, corruption);
        }

        @Override
        public void close()
        {
            if (!closed)
            {
                closed = true;
                tailer.close();
            }
        }

        private int readDocument()
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return -1;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final int documentLength = scratch.copy(bytes, input && documents == 0
                    ? JournalFormat.MAX_MANIFEST_DOCUMENT_LENGTH : JournalFormat.MAX_RECORD_DOCUMENT_LENGTH);
                lastIndex = dc.index();
                lastEnd = bytes.readLimit();
                final int cycle = tailer.cycle();
                if (cycle != lastCycle)
                {
                    lastCycle = cycle;
                    lastFile = bytes instanceof MappedBytes ? ((MappedBytes)bytes).mappedFile().file().toPath() : null;
                }
                return documentLength;
            }
        }

        /**
         * Checks one document: its checksum, then the record's form.
         *
         * @return true to deliver the record; false to skip it (manifest, END_OF_RUN) or when it is corrupt.
         */
        private boolean accept(final int documentLength, final int recordLength)
        {
            if (input && documents == 1 && manifestPresent)
            {
                // the manifest was checked when the journal was opened
                corruption = manifestCorruption;
                return false;
            }
            final String checksumProblem = checksumProblem(checksum, scratch, documentLength);
            if (checksumProblem != null)
            {
                corrupt(checksumProblem);
                return false;
            }
            final UnsafeBuffer buffer = scratch.buffer;
            final int type = recordLength > 0 ? Header.type(buffer, 0) : -1;
            if (type == RecordType.END_OF_RUN)
            {
                final String problem = JournalFormat.checkEndOfRun(buffer, 0, recordLength);
                if (problem != null)
                {
                    corrupt(problem);
                    return false;
                }
                if (cleanEnd)
                {
                    warnings.add(name + ": second END_OF_RUN at document " + documents + " (index 0x"
                        + Long.toHexString(lastIndex) + ")");
                }
                cleanEnd = true;
                endOfRunCount = Header.sequence(buffer, 0);
                endOfRunIndex = lastIndex;
                return false;
            }
            final String problem = type == RecordType.MANIFEST
                ? "MANIFEST where an event record belongs"
                : JournalFormat.checkRecord(buffer, 0, recordLength, input);
            if (problem != null)
            {
                corrupt(problem);
                return false;
            }
            if (cleanEnd)
            {
                cleanEnd = false;
                warnings.add(name + ": records follow END_OF_RUN from document " + documents + " (index 0x"
                    + Long.toHexString(lastIndex) + ")");
            }
            return true;
        }

        private void corrupt(final String problem)
        {
            final int recordLength = scratch.length - JournalFormat.CHECKSUM_LENGTH;
            final long sequence = !scratch.oversized && recordLength >= Header.SEQUENCE_OFFSET + Long.BYTES
                ? Header.sequence(scratch.buffer, 0) : Corruption.UNKNOWN_SEQUENCE;
            corruption = Corruption.of(name, count, sequence, lastIndex, problem);
        }

        /**
         * Ends reading at a corrupt record: what follows is not read, so neither the tail nor the end is judged.
         */
        private void stop()
        {
            finished = true;
            cleanEnd = false;
            close();
            if (input)
            {
                warnings.addAll(0, manifestWarnings);
            }
        }

        private void finish()
        {
            finished = true;
            close();
            inspectTail();
            if (input)
            {
                warnings.addAll(0, manifestWarnings);
            }
            if (corruption != null)
            {
                cleanEnd = false;
                return;
            }
            if (!cleanEnd)
            {
                warnings.add(name + ": no END_OF_RUN record: the writer did not close the journal (it died or is "
                    + "still running)");
            }
            else if (endOfRunCount != count)
            {
                corruption = Corruption.of(name, count, endOfRunCount, endOfRunIndex, "END_OF_RUN says "
                    + endOfRunCount + " records were appended but " + count + " were read");
            }
        }

        private void inspectTail()
        {
            try
            {
                final TornTailInspector.Finding finding =
                    TornTailInspector.inspect(queue.file().toPath(), lastFile, lastEnd);
                if (finding != null && finding.corrupt())
                {
                    corruption = Corruption.of(name, count, Corruption.UNKNOWN_SEQUENCE, lastIndex + 1,
                        finding.description());
                }
                else if (finding != null)
                {
                    torn++;
                    final boolean sameFile = lastFile != null && Files.isSameFile(lastFile, finding.file());
                    final String where = sameFile
                        ? "document " + (documents + 1) + " (index 0x" + Long.toHexString(lastIndex + 1) + ")"
                        : "the first document of " + finding.file().getFileName();
                    warnings.add(name + ": torn record at " + where + ": " + finding.description() + "; skipped");
                }
            }
            catch (final IOException ex)
            {
                warnings.add(name + ": could not inspect the end of " + queue.file() + " for a torn record: " + ex);
            }
        }
    }
}
