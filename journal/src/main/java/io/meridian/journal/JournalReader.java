package io.meridian.journal;

import io.meridian.journal.chronicle.ChronicleJournalReader;
import java.nio.file.Path;

/**
 * Reads a journal directory written by {@link JournalWriter}, including one whose writer died: every complete
 * record is checked against its CRC32C and delivered, a torn tail (a record the writer never finished) is skipped
 * with a warning, reading stops at the first corrupt record ({@link ReadResult#corruption()}), and otherwise at
 * the end of what is on disk without waiting for more. Opening never takes the writer's locks, so a journal whose
 * writer was killed while holding them opens at once.
 *
 * <p>Single-threaded: use one reader, and its cursors, from one thread. Each read call and each cursor starts from
 * the beginning of its queue.
 */
public interface JournalReader extends AutoCloseable
{
    /**
     * Opens a journal directory read-only.
     *
     * @param dir the journal directory.
     * @return the reader.
     * @throws JournalException naming the directory when it is not a journal, or naming the journal's format
     *     version and the one this build reads ({@link JournalFormat#VERSION}) when they differ.
     */
    static JournalReader open(final Path dir)
    {
        return ChronicleJournalReader.open(dir);
    }

    /**
     * The journal directory.
     *
     * @return the directory.
     */
    Path directory();

    /**
     * The manifest text of the run.
     *
     * @return the text, or the empty string when the journal has no readable manifest (see
     *     {@link #manifestCorruption()} and {@link #readInput}'s warnings).
     */
    String manifestText();

    /**
     * Whether the manifest failed its checksum or checks (the input queue's readers report the same corruption).
     *
     * @return the corruption, or {@code null} when the manifest is intact or absent.
     */
    Corruption manifestCorruption();

    /**
     * Reads the input queue: every inbound event record in sequence order (not the manifest, not END_OF_RUN).
     *
     * @param handler receives each record.
     * @return counts, clean end, torn records, warnings and the corruption reading stopped at, if any.
     */
    ReadResult readInput(RecordHandler handler);

    /**
     * Reads the output queue: every decision record in the order the engine made them (not END_OF_RUN).
     *
     * @param handler receives each record.
     * @return counts, clean end, torn records, warnings and the corruption reading stopped at, if any.
     */
    ReadResult readOutput(RecordHandler handler);

    /**
     * A pull-style pass over the input queue: the same records, checks and warnings as {@link #readInput}. Each
     * cursor has its own buffer, so cursors and reads of the two queues may be interleaved on one thread.
     *
     * @return the cursor; close it before the reader.
     */
    RecordCursor inputCursor();

    /**
     * A pull-style pass over the output queue: the same records, checks and warnings as {@link #readOutput}.
     *
     * @return the cursor; close it before the reader.
     */
    RecordCursor outputCursor();

    /**
     * Releases the queues.
     */
    @Override
    void close();

    /**
     * A cursor over the input queue whose first {@link RecordCursor#next} delivers input record {@code record}
     * (0-based, the manifest not counted), found by index rather than by reading the records before it where the
     * queue allows (a restart from a snapshot reads only the journal after it, issue 9). Where it cannot seek, it
     * reads and drops the records before. The caller checks the record it lands on (its sequence).
     *
     * @param record how many input records to pass over.
     * @return the cursor, to be closed.
     */
    default RecordCursor inputCursorFrom(final long record)
    {
        final RecordCursor cursor = inputCursor();
        for (long i = 0; i < record && cursor.next(); i++)
        {
            // dropped
        }
        return cursor;
    }
}
