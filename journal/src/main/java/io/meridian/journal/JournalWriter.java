package io.meridian.journal;

import io.meridian.journal.chronicle.ChronicleJournalWriter;
import java.nio.file.Path;
import org.agrona.DirectBuffer;

/**
 * Appends a run's records to a journal directory: inbound events to {@code DIR/input}, decision records to
 * {@code DIR/output} (see {@link JournalFormat} for the framing).
 *
 * <p>Threads. {@link #appendInput} must always be called from one thread (the input journaler's) and
 * {@link #appendOutput} from one thread (the decision journaler's; it may be the same thread or another: the two
 * queues have separate appenders). The first append on each queue binds that queue to the calling thread; a call
 * from another thread fails with Chronicle's threading error. {@link #pretouch} is called from one background
 * thread (an off-hot-path agent), never from an appending thread. {@link #close} is called once, from any thread,
 * after the appending threads have stopped (for example after the Disruptor halted); it may run concurrently with
 * {@link #pretouch}. The counts may be read from any thread.
 *
 * <p>Appends are allocation-free in steady state, never log and never block on anything but the page cache.
 * A record is safe against a crash of the process (SIGKILL) once its append returned: the bytes are in the
 * operating system's page cache; they are not forced to the device (no msync per record), so a power loss can lose
 * the tail of a journal.
 */
public interface JournalWriter extends AutoCloseable
{
    /**
     * Creates a journal in a new or empty directory and writes the manifest as the first input record, using the
     * default block size.
     *
     * @param dir the journal directory; created when missing; it must not already hold a journal.
     * @param manifestText the run manifest (engine version, config hash, model hashes, seed...), UTF-8.
     * @return the writer.
     * @throws JournalException when the directory already holds a journal or cannot be written.
     */
    static JournalWriter open(final Path dir, final String manifestText)
    {
        return ChronicleJournalWriter.open(dir, manifestText, ChronicleJournalWriter.DEFAULT_BLOCK_SIZE);
    }

    /**
     * Creates a journal with an explicit Chronicle block size (the size of each mapped chunk of a queue file; files
     * are sparse, so this is address space, not disk).
     *
     * @param dir the journal directory; created when missing; it must not already hold a journal.
     * @param manifestText the run manifest, UTF-8.
     * @param blockSizeBytes chunk size, at least 64 KiB.
     * @return the writer.
     * @throws JournalException when the directory already holds a journal or cannot be written.
     */
    static JournalWriter open(final Path dir, final String manifestText, final long blockSizeBytes)
    {
        return ChronicleJournalWriter.open(dir, manifestText, blockSizeBytes);
    }

    /**
     * The journal directory.
     *
     * @return the directory.
     */
    Path directory();

    /**
     * Appends one inbound event record to the input queue. Hot path: allocation-free.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length; must equal the header's length field.
     * @throws IllegalArgumentException when the bytes are not an inbound record of that length (a bug upstream).
     * @throws IllegalStateException after {@link #close}.
     */
    void appendInput(DirectBuffer buffer, int offset, int length);

    /**
     * Appends one decision record (SIGNAL, RISK_DECISION, ORDER_COMMAND, TRADING_STATE) to the output queue. Hot
     * path: allocation-free.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length its length; must equal the header's length field.
     * @throws IllegalArgumentException when the bytes are not a decision record of that length (a bug upstream).
     * @throws IllegalStateException after {@link #close}.
     */
    void appendOutput(DirectBuffer buffer, int offset, int length);

    /**
     * Pre-faults the pages just ahead of each queue's write position (and maps the next chunk of the file before
     * the appender needs it), so that appends do not stall on page faults. Call it periodically, for example every
     * 10-100 ms, from one background thread. Best effort: failures are counted, never thrown.
     */
    void pretouch();

    /**
     * Inbound records appended so far (the manifest not included).
     *
     * @return the count.
     */
    long inputCount();

    /**
     * Decision records appended so far.
     *
     * @return the count.
     */
    long outputCount();

    /**
     * Writes END_OF_RUN to both queues and closes them. Idempotent.
     */
    @Override
    void close();
}
