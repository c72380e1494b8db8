package io.meridian.journal.chronicle;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.Corruption;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RecordCursor;
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
 * One pass over one queue of a journal, for {@link ChronicleJournalReader}: its own tailer, document buffer and
 * CRC32C. Each document is checked before it is delivered (checksum, then the record's form); the first that fails
 * ends the pass as {@link Corruption}. At the end, {@link TornTailInspector} looks for a torn tail (a warning).
 * Single-threaded; allocation-free per record.
 */
final class QueueCursor implements RecordCursor
{
    private final SingleChronicleQueue queue;
    private final String name;
    private final boolean input;
    private final ExcerptTailer tailer;
    private final boolean manifestPresent;
    private final Corruption manifestCorruption;
    private final List<String> manifestWarnings;
    private final DocumentBuffer scratch = new DocumentBuffer();
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

    /**
     * A pass from the start of a queue.
     *
     * @param queue the queue, open read-only.
     * @param name its name in messages.
     * @param input whether it is the input queue (its first document is the manifest).
     * @param manifestPresent the input queue's first document is its manifest (checked when the journal opened).
     * @param manifestCorruption what was wrong with the manifest, or null.
     * @param manifestWarnings problems with the manifest that are not corruption, reported with the input queue's.
     */
    QueueCursor(
        final SingleChronicleQueue queue,
        final String name,
        final boolean input,
        final boolean manifestPresent,
        final Corruption manifestCorruption,
        final List<String> manifestWarnings)
    {
        this.queue = queue;
        this.name = name;
        this.input = input;
        this.manifestPresent = manifestPresent;
        this.manifestCorruption = manifestCorruption;
        this.manifestWarnings = manifestWarnings;
        this.tailer = queue.createTailer();
        // a cursor is used by one thread (see the class comment); Chronicle's per-call owner check on the tailer
        // and its mapped bytes is pure cost here
        tailer.singleThreadedCheckDisabled(true);
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
        return scratch.buffer();
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
        final String checksumProblem = scratch.checksumProblem(documentLength);
        if (checksumProblem != null)
        {
            corrupt(checksumProblem);
            return false;
        }
        final UnsafeBuffer buffer = scratch.buffer();
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
        final int recordLength = scratch.length() - JournalFormat.CHECKSUM_LENGTH;
        final long sequence = !scratch.oversized() && recordLength >= Header.SEQUENCE_OFFSET + Long.BYTES
            ? Header.sequence(scratch.buffer(), 0) : Corruption.UNKNOWN_SEQUENCE;
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

    /**
     * Moves an input cursor that has not read yet past its manifest and the first {@code records} input records by
     * Chronicle index (document {@code records + 1} of the queue's first cycle), so that the next record delivered is
     * input record {@code records}; only within the first roll cycle and only when every document before is a record
     * (the caller checks the sequence it lands on).
     *
     * @param records input records to pass over, at least 1.
     * @return false when it cannot seek there (the cursor is unchanged).
     */
    boolean skipInputs(final long records)
    {
        if (!input || documents != 0 || !manifestPresent)
        {
            return false;
        }
        tailer.toStart();
        final long first = tailer.index();
        final long target = first + 1 + records;
        final net.openhft.chronicle.queue.RollCycle roll = queue.rollCycle();
        if (roll.toCycle(target) != roll.toCycle(first) || !tailer.moveToIndex(target))
        {
            tailer.toStart();
            return false;
        }
        documents = records + 1;
        count = records;
        lastIndex = target - 1;
        return true;
    }
}
