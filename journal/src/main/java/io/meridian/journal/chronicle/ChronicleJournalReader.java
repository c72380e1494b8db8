package io.meridian.journal.chronicle;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.Corruption;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RecordCursor;
import io.meridian.journal.RecordHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
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
        return new QueueCursor(inputQueue, JournalFormat.INPUT_QUEUE, true, manifestPresent, manifestCorruption,
            manifestWarnings);
    }

    @Override
    public RecordCursor inputCursorFrom(final long record)
    {
        final QueueCursor cursor = (QueueCursor)inputCursor();
        if (record > 0 && !cursor.skipInputs(record))
        {
            cursor.close();
            return JournalReader.super.inputCursorFrom(record);
        }
        return cursor;
    }

    @Override
    public RecordCursor outputCursor()
    {
        return new QueueCursor(outputQueue, JournalFormat.OUTPUT_QUEUE, false, false, null, List.of());
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
        final DocumentBuffer scratch = new DocumentBuffer();
        try (ExcerptTailer tailer = inputQueue.createTailer();
            DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                manifestWarnings.add("input: no MANIFEST record: the input queue is empty");
                return "";
            }
            final int documentLength = scratch.copy(dc.wire().bytes(), JournalFormat.MAX_MANIFEST_DOCUMENT_LENGTH);
            final UnsafeBuffer buffer = scratch.buffer();
            if (!scratch.oversized() && JournalFormat.isManifestWithoutChecksum(buffer, 0, documentLength))
            {
                throw new JournalException(
                    JournalFormat.unsupportedVersion(dir, JournalFormat.VERSION_WITHOUT_CHECKSUMS));
            }
            final String checksumProblem = scratch.checksumProblem(documentLength);
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
}
