package io.meridian.journal;

import org.agrona.DirectBuffer;

/**
 * Pulls records from one queue of a journal, one at a time, in order (the pull-style twin of
 * {@link JournalReader#readOutput}); the replay verifier walks the journaled outputs with it while it replays the
 * inputs, so memory stays constant however long the journal. A torn tail is skipped and reported in
 * {@link #result()}, exactly as the push-style readers do; at a corrupt record (see {@link Corruption})
 * {@link #next()} returns false and {@link #result()} names it.
 */
public interface RecordCursor extends AutoCloseable
{
    /**
     * Advances to the next record.
     *
     * @return false at the end of what is on disk, or at a corrupt record ({@link ReadResult#corruption()}).
     */
    boolean next();

    /**
     * The current record's buffer; valid until the next call to {@link #next()}.
     *
     * @return the buffer.
     */
    DirectBuffer buffer();

    /**
     * Where the current record starts in {@link #buffer()}.
     *
     * @return the offset.
     */
    int offset();

    /**
     * The current record's length.
     *
     * @return the length.
     */
    int length();

    /**
     * Counts, clean end, torn records and warnings of what has been read so far.
     *
     * @return the result.
     */
    ReadResult result();

    @Override
    void close();
}
