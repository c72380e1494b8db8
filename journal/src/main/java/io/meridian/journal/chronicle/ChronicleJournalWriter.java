package io.meridian.journal.chronicle;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.journal.JournalException;
import io.meridian.journal.JournalFormat;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RecordChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link JournalWriter} on two Chronicle queues. See the interface for the threading contract.
 *
 * <p>Each append is one {@code writingDocument()} holding exactly the record's bytes, copied straight from the
 * caller's buffer (heap array or native address) into the mapped file, followed by the 4-byte CRC32C of those bytes
 * (see {@link JournalFormat}): no allocation. The checksum is computed from the caller's array (a heap record) or
 * from a reused scratch copy (an off-heap record).
 *
 * <p>Pretouch: Chronicle Queue's own {@code ExcerptAppender.pretouch()} is an Enterprise feature; in the open-source
 * 2026.4 release it recurses until {@code StackOverflowError}. This class therefore pretouches by itself: each
 * append publishes (ordered store) the end position of the record and, when the cycle file changes, the
 * {@link MappedFile} the appender writes to; {@link #pretouch()} acquires the chunk of that same mapped file ahead of
 * the position (mapping the next chunk early, off the hot thread) and write-faults every page up to
 * {@link #PRETOUCH_AHEAD_BYTES} ahead with an atomic compare-and-set of 0 to 0, which never changes a byte the
 * appender may have written concurrently.
 *
 * <p>Thread ownership. Chronicle checks, on every call into an appender (several per append), that the appender is
 * used by one thread only. The writer turns that check off on its two appenders and checks ownership itself, once
 * per append ({@link Lane#append}): the first append on a queue binds it to the calling thread and an append from
 * any other thread fails with {@link IllegalStateException} naming both threads. This is safe because each appender
 * has exactly one appending thread by the {@link JournalWriter} contract, now enforced here; the pretouch thread
 * never touches an appender (it faults pages through its own reference to the mapped file), and {@link #close}
 * hands ownership over explicitly. The cycle files' mapped bytes already run without the check (Chronicle creates
 * them that way).
 */
public final class ChronicleJournalWriter implements JournalWriter
{
    /** Default block (mapped chunk) size: 16 MiB, about 190k records of 80 bytes per chunk. */
    public static final long DEFAULT_BLOCK_SIZE = 16L << 20;
    /** How far ahead of the write position {@link #pretouch()} faults pages in. */
    public static final long PRETOUCH_AHEAD_BYTES = 4L << 20;

    private static final long PAGE_SIZE = 4096;

    private final Path dir;
    private final SingleChronicleQueue inputQueue;
    private final SingleChronicleQueue outputQueue;
    private final Lane input;
    private final Lane output;
    private final Object lifecycleLock = new Object();
    private final AtomicLong pagesPretouched = new AtomicLong();
    private final AtomicLong pretouchFailures = new AtomicLong();
    private volatile boolean closed;

    private ChronicleJournalWriter(
        final Path dir, final SingleChronicleQueue inputQueue, final SingleChronicleQueue outputQueue)
    {
        this.dir = dir;
        this.inputQueue = inputQueue;
        this.outputQueue = outputQueue;
        this.input = new Lane(JournalFormat.INPUT_QUEUE, inputQueue.createAppender());
        this.output = new Lane(JournalFormat.OUTPUT_QUEUE, outputQueue.createAppender());
    }

    /**
     * Creates a journal directory and writes the manifest.
     *
     * @param dir the journal directory; created when missing; must not already hold a journal.
     * @param manifestText the manifest text.
     * @param blockSize Chronicle block size in bytes, at least 64 KiB.
     * @return the writer.
     * @throws JournalException when the directory already holds a journal or cannot be written.
     */
    public static ChronicleJournalWriter open(final Path dir, final String manifestText, final long blockSize)
    {
        if (blockSize < ChronicleQueues.MIN_BLOCK_SIZE)
        {
            throw new IllegalArgumentException("journal block size " + blockSize + " is below the minimum "
                + ChronicleQueues.MIN_BLOCK_SIZE + " bytes");
        }
        final UnsafeBuffer manifest = JournalFormat.encodeManifest(manifestText);
        final Path inputDir = dir.resolve(JournalFormat.INPUT_QUEUE);
        final Path outputDir = dir.resolve(JournalFormat.OUTPUT_QUEUE);
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new JournalException("cannot create journal " + dir + ": it exists and is not a directory");
        }
        if (Files.exists(inputDir) || Files.exists(outputDir))
        {
            throw new JournalException("cannot create journal " + dir + ": it already contains a journal ("
                + (Files.exists(inputDir) ? inputDir : outputDir) + " exists); journals are never appended to or "
                + "overwritten, choose a new directory");
        }
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot create journal directory " + dir + ": " + ex, ex);
        }
        SingleChronicleQueue in = null;
        SingleChronicleQueue out = null;
        try
        {
            in = ChronicleQueues.openForWrite(inputDir, blockSize);
            out = ChronicleQueues.openForWrite(outputDir, blockSize);
            final ChronicleJournalWriter writer = new ChronicleJournalWriter(dir, in, out);
            writer.input.write(manifest, 0, manifest.capacity());
            writer.input.releaseThread();
            writer.output.releaseThread();
            return writer;
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(in);
            closeQuietly(out);
            throw new JournalException("cannot create journal in " + dir + ": " + ex, ex);
        }
    }

    @Override
    public Path directory()
    {
        return dir;
    }

    @Override
    public void appendInput(final DirectBuffer buffer, final int offset, final int length)
    {
        checkRecord(buffer, offset, length, true);
        input.append(buffer, offset, length);
    }

    @Override
    public void appendOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        checkRecord(buffer, offset, length, false);
        output.append(buffer, offset, length);
    }

    @Override
    public void pretouch()
    {
        synchronized (lifecycleLock)
        {
            if (closed)
            {
                return;
            }
            input.pretouch();
            output.pretouch();
        }
    }

    @Override
    public long inputCount()
    {
        return input.published.get();
    }

    @Override
    public long outputCount()
    {
        return output.published.get();
    }

    /**
     * Pages write-faulted by {@link #pretouch()} so far (for metrics and tests).
     *
     * @return the count.
     */
    public long pagesPretouched()
    {
        return pagesPretouched.get();
    }

    /**
     * Pretouch calls that hit an error and gave up for that call (for metrics).
     *
     * @return the count.
     */
    public long pretouchFailures()
    {
        return pretouchFailures.get();
    }

    @Override
    public void close()
    {
        synchronized (lifecycleLock)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            input.releaseTouchStore();
            output.releaseTouchStore();
            try
            {
                input.releaseThread();
                output.releaseThread();
                input.writeEndOfRun();
                output.writeEndOfRun();
            }
            finally
            {
                input.appender.close();
                output.appender.close();
                inputQueue.close();
                outputQueue.close();
            }
        }
    }

    private void checkRecord(final DirectBuffer buffer, final int offset, final int length, final boolean inbound)
    {
        if (closed)
        {
            throw new IllegalStateException("journal " + dir + " is closed");
        }
        if (length < Header.LENGTH || length > Header.MAX_RECORD_LENGTH)
        {
            throw new IllegalArgumentException("record length " + length + " outside [" + Header.LENGTH + ", "
                + Header.MAX_RECORD_LENGTH + "]");
        }
        final int type = Header.type(buffer, offset);
        if (inbound ? !RecordType.isInbound(type) : !RecordType.isDecision(type))
        {
            throw new IllegalArgumentException(RecordType.name(type) + " record cannot be appended to the "
                + (inbound ? JournalFormat.INPUT_QUEUE : JournalFormat.OUTPUT_QUEUE) + " queue");
        }
        if (Header.length(buffer, offset) != length)
        {
            throw new IllegalArgumentException(RecordType.name(type) + " length field " + Header.length(buffer, offset)
                + " differs from the length passed, " + length);
        }
    }

    private static void closeQuietly(final SingleChronicleQueue queue)
    {
        if (queue != null)
        {
            queue.close();
        }
    }

    /**
     * One queue's appender and its published progress. The appending fields belong to the appending thread, the
     * touch fields to the pretouch thread; the atomics and the volatile carry what crosses between them.
     */
    private final class Lane
    {
        private final String name;
        private final ExcerptAppender appender;
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong writePosition = new AtomicLong();
        private final UnsafeBuffer endOfRun = new UnsafeBuffer(new byte[JournalFormat.END_OF_RUN_LENGTH]);
        private final RecordChecksum checksum = new RecordChecksum();
        private final ReferenceOwner touchOwner;
        private volatile MappedFile currentFile;

        private Thread owner;
        private long count;
        private long lastEventTimeNs;
        private long lastReceiveTimeNs;
        private int cycle = Integer.MIN_VALUE;

        private MappedFile touchFile;
        private MappedBytesStore touchStore;
        private long touchedUpTo;

        Lane(final String name, final ExcerptAppender appender)
        {
            this.name = name;
            this.appender = appender;
            appender.singleThreadedCheckDisabled(true);
            this.touchOwner = ReferenceOwner.temporary("meridian-journal-pretouch-" + name);
        }

        void append(final DirectBuffer buffer, final int offset, final int length)
        {
            final Thread current = Thread.currentThread();
            if (current != owner)
            {
                claim(current);
            }
            write(buffer, offset, length);
            lastEventTimeNs = Header.eventTimeNs(buffer, offset);
            lastReceiveTimeNs = Header.receiveTimeNs(buffer, offset);
            count++;
            published.lazySet(count);
        }

        void write(final DirectBuffer buffer, final int offset, final int length)
        {
            final DocumentContext dc = appender.writingDocument();
            boolean written = false;
            try
            {
                final Bytes<?> bytes = dc.wire().bytes();
                final byte[] array = buffer.byteArray();
                if (array != null)
                {
                    bytes.write(array, buffer.wrapAdjustment() + offset, length);
                }
                else
                {
                    bytes.unsafeWrite(buffer.addressOffset() + offset, length);
                }
                bytes.writeInt(checksum.of(buffer, offset, length));
                writePosition.lazySet(bytes.writePosition());
                final int c = appender.cycle();
                if (c != cycle)
                {
                    cycle = c;
                    bytes.singleThreadedCheckDisabled(true);
                    if (bytes instanceof MappedBytes)
                    {
                        currentFile = ((MappedBytes)bytes).mappedFile();
                    }
                }
                written = true;
            }
            finally
            {
                if (!written)
                {
                    dc.rollbackOnClose();
                }
                dc.close();
            }
        }

        void writeEndOfRun()
        {
            JournalFormat.writeEndOfRun(endOfRun, 0, count, lastEventTimeNs, lastReceiveTimeNs);
            write(endOfRun, 0, JournalFormat.END_OF_RUN_LENGTH);
        }

        private void claim(final Thread current)
        {
            if (owner != null && owner.isAlive())
            {
                throw new IllegalStateException(this + " is appended to by " + owner.getName() + "; "
                    + current.getName() + " may not append to it (one appending thread per queue)");
            }
            owner = current;
        }

        void releaseThread()
        {
            owner = null;
            appender.singleThreadedCheckReset();
        }

        void pretouch()
        {
            final MappedFile file = currentFile;
            if (file == null)
            {
                return;
            }
            try
            {
                if (file != touchFile)
                {
                    releaseTouchStore();
                    touchFile = file;
                    touchedUpTo = 0;
                }
                final long position = writePosition.get();
                final long end = position + PRETOUCH_AHEAD_BYTES;
                long page = Math.max(touchedUpTo, (position + PAGE_SIZE - 1) & -PAGE_SIZE);
                long touched = 0;
                while (page < end)
                {
                    MappedBytesStore store = touchStore;
                    if (store == null || page < store.start() || page + Integer.BYTES > store.safeLimit())
                    {
                        releaseTouchStore();
                        store = file.acquireByteStore(touchOwner, page);
                        touchStore = store;
                    }
                    store.compareAndSwapInt(page, 0, 0);
                    page += PAGE_SIZE;
                    touchedUpTo = page;
                    touched++;
                }
                pagesPretouched.addAndGet(touched);
            }
            catch (final IOException | RuntimeException ex)
            {
                pretouchFailures.incrementAndGet();
                releaseTouchStore();
                touchFile = null;
            }
        }

        void releaseTouchStore()
        {
            final MappedBytesStore store = touchStore;
            touchStore = null;
            if (store != null)
            {
                try
                {
                    store.release(touchOwner);
                }
                catch (final RuntimeException ignored)
                {
                    pretouchFailures.incrementAndGet();
                }
            }
        }

        @Override
        public String toString()
        {
            return "journal " + dir + " " + name + " queue";
        }
    }
}
