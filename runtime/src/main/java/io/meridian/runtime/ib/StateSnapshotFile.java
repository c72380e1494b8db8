package io.meridian.runtime.ib;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.state.StateRestore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import java.util.Arrays;
import java.util.Collections;

/**
 * An engine-state snapshot on disk (issue 9, bounded restarts): the STATE_RESTORE records that restore the whole
 * pipeline's state ({@link Pipeline#saveState}, {@link StateRestore}), and the journal position they correspond to, in
 * {@code JOURNAL/snapshots/state-<position>.snap}. A restart loads the newest valid one, journals its records as
 * inputs of the new session, and replays only the journal's inputs after the position.
 *
 * <p>File layout (little-endian): magic {@code MRDNSNAP} (8 bytes), file format {@link #FILE_FORMAT} (i32), the
 * engine's state format (i64), position: the input records the state covers (i64), the last covered record's
 * sequence (i64), event time (i64) and type (i32), CRC32C of the journal's manifest text (i32), instrument count
 * (i32), record count (i32), CRC32C of the header before it and the records (i32), then the records.
 */
public final class StateSnapshotFile
{
    /** Snapshot file format; a file of another is refused. */
    public static final int FILE_FORMAT = 1;
    /** Sub-directory of a journal that holds its snapshots. */
    public static final String DIR = "snapshots";
    /** Snapshots kept per journal (older ones are deleted after a new one is written). */
    public static final int KEEP = 3;
    private static final byte[] MAGIC = "MRDNSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 8 + 4 + 8 + 8 + 8 + 8 + 4 + 4 + 4 + 4 + 4;
    private static final int CHECKSUM_AT = HEADER - 4;

    private final Path file;
    private final long position;
    private final long lastSequence;
    private final byte[] records;
    private final int recordCount;

    private StateSnapshotFile(
        final Path file, final long position, final long lastSequence, final byte[] records, final int recordCount)
    {
        this.file = file;
        this.position = position;
        this.lastSequence = lastSequence;
        this.records = records;
        this.recordCount = recordCount;
    }

    /**
     * Writes a snapshot of an engine's state (temporary file, then an atomic rename) and deletes all but the newest
     * {@link #KEEP}.
     *
     * @param journalDir the journal the state's inputs are in.
     * @param manifestText that journal's manifest.
     * @param pipeline the engine (single-threaded, between events).
     * @param instruments instrument count.
     * @param position input records the state covers (the next input's sequence).
     * @param lastEventTimeNs event time of the last covered input.
     * @param lastType type of the last covered input.
     * @return the file written.
     */
    public static Path write(
        final Path journalDir, final String manifestText, final Pipeline pipeline, final int instruments,
        final long position, final long lastEventTimeNs, final int lastType)
    {
        final LongArrayList values = new LongArrayList();
        pipeline.saveState(values);
        final int n = values.size();
        final long[] v = values.toLongArray();
        final int chunks = (n + StateRestoreCodec.VALUES - 1) / StateRestoreCodec.VALUES;
        final int recordCount = chunks + 2;
        final byte[] bytes = new byte[HEADER + recordCount * StateRestoreCodec.LENGTH];
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        int at = HEADER;
        long seq = 0;
        final long[] begin = {StateRestore.STATE_FORMAT, position, instruments, n};
        at += StateRestoreCodec.write(b, at, lastEventTimeNs, IbEngineSession.TIMER_SOURCE_ID, ++seq,
            StateRestoreCodec.BEGIN, 0, begin, 0, begin.length);
        for (int c = 0; c < chunks; c++)
        {
            final int from = c * StateRestoreCodec.VALUES;
            at += StateRestoreCodec.write(b, at, lastEventTimeNs, IbEngineSession.TIMER_SOURCE_ID, ++seq, (byte)1,
                from, v, from, Math.min(StateRestoreCodec.VALUES, n - from));
        }
        final long[] end = {position, chunks};
        StateRestoreCodec.write(b, at, lastEventTimeNs, IbEngineSession.TIMER_SOURCE_ID, ++seq,
            StateRestoreCodec.END, 0, end, 0, end.length);
        b.putBytes(0, MAGIC);
        b.putInt(8, FILE_FORMAT);
        b.putLong(12, StateRestore.STATE_FORMAT);
        b.putLong(20, position);
        b.putLong(28, position - 1);
        b.putLong(36, lastEventTimeNs);
        b.putInt(44, lastType);
        b.putInt(48, crc(manifestText));
        b.putInt(52, instruments);
        b.putInt(56, recordCount);
        b.putInt(CHECKSUM_AT, checksum(bytes));
        final Path dir = journalDir.resolve(DIR);
        final Path target = dir.resolve(String.format("state-%020d.snap", position));
        try
        {
            Files.createDirectories(dir);
            final Path tmp = dir.resolve(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            try
            {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            final List<Path> all = list(journalDir);
            for (int i = KEEP; i < all.size(); i++)
            {
                Files.deleteIfExists(all.get(i));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write engine snapshot " + target, ex);
        }
        return target;
    }

    /**
     * A journal's snapshot files, newest (largest position) first.
     *
     * @param journalDir the journal.
     * @return the files; empty when there are none.
     */
    public static List<Path> list(final Path journalDir)
    {
        final Path dir = journalDir.resolve(DIR);
        if (!Files.isDirectory(dir))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> out = new ArrayList<>(files
                .filter(p -> p.getFileName().toString().matches("state-\\d{20}\\.snap")).sorted().toList());
            Collections.reverse(out);
            return out;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    /**
     * Reads and checks a snapshot file.
     *
     * @param file the file.
     * @param manifestText the manifest of the journal it must belong to.
     * @param instruments the engine's instrument count.
     * @return the snapshot.
     * @throws IllegalArgumentException naming the file and what is wrong (checksum, format, journal, instruments).
     */
    public static StateSnapshotFile read(final Path file, final String manifestText, final int instruments)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("snapshot " + file + ": cannot read it: " + ex.getMessage(), ex);
        }
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        if (bytes.length < HEADER || !Arrays.equals(bytes, 0, 8, MAGIC, 0, 8))
        {
            throw new IllegalArgumentException("snapshot " + file + ": not a Meridian snapshot (" + bytes.length
                + " bytes, no MRDNSNAP magic)");
        }
        if (b.getInt(8) != FILE_FORMAT || b.getLong(12) != StateRestore.STATE_FORMAT)
        {
            throw new IllegalArgumentException("snapshot " + file + ": file format " + b.getInt(8) + ", state format "
                + b.getLong(12) + "; this build reads " + FILE_FORMAT + " and " + StateRestore.STATE_FORMAT
                + " (state format 2 held the order stage's state only, 3 the whole pipeline's)");
        }
        final int recordCount = b.getInt(56);
        final long expectedLength = HEADER + (long)recordCount * StateRestoreCodec.LENGTH;
        if (recordCount < 2 || bytes.length != expectedLength)
        {
            throw new IllegalArgumentException("snapshot " + file + ": " + bytes.length + " bytes, its header says "
                + recordCount + " records (" + expectedLength + " bytes): truncated or torn");
        }
        final int stored = b.getInt(CHECKSUM_AT);
        final int actual = checksum(bytes);
        if (stored != actual)
        {
            throw new IllegalArgumentException("snapshot " + file + ": checksum mismatch (stored "
                + Integer.toHexString(stored) + ", computed " + Integer.toHexString(actual) + "): corrupt");
        }
        if (b.getInt(48) != crc(manifestText))
        {
            throw new IllegalArgumentException("snapshot " + file + ": belongs to another journal (its manifest "
                + "checksum differs from the journal's)");
        }
        if (b.getInt(52) != instruments)
        {
            throw new IllegalArgumentException("snapshot " + file + ": " + b.getInt(52) + " instruments, the engine "
                + "has " + instruments);
        }
        for (int r = 0; r < recordCount; r++)
        {
            final int at = HEADER + r * StateRestoreCodec.LENGTH;
            if (Header.type(b, at) != RecordType.STATE_RESTORE || Header.length(b, at) != StateRestoreCodec.LENGTH)
            {
                throw new IllegalArgumentException("snapshot " + file + ": record " + r + " is not a STATE_RESTORE");
            }
        }
        final byte[] records = Arrays.copyOfRange(bytes, HEADER, bytes.length);
        return new StateSnapshotFile(file, b.getLong(20), b.getLong(28), records, recordCount)
            .withLast(b.getLong(36), b.getInt(44));
    }

    private long lastEventTimeNs;
    private int lastType;

    private StateSnapshotFile withLast(final long eventTimeNs, final int type)
    {
        this.lastEventTimeNs = eventTimeNs;
        this.lastType = type;
        return this;
    }

    /**
     * The file.
     *
     * @return its path.
     */
    public Path file()
    {
        return file;
    }

    /**
     * Input records of the journal the state covers: the tail starts at this record.
     *
     * @return the count.
     */
    public long position()
    {
        return position;
    }

    /**
     * Sequence of the last covered input record ({@link #position()} - 1).
     *
     * @return the sequence.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Event time of the last covered input record.
     *
     * @return nanoseconds.
     */
    public long lastEventTimeNs()
    {
        return lastEventTimeNs;
    }

    /**
     * Type of the last covered input record.
     *
     * @return the record type.
     */
    public int lastType()
    {
        return lastType;
    }

    /**
     * The STATE_RESTORE records, back to back.
     *
     * @return a buffer over them.
     */
    public UnsafeBuffer records()
    {
        return new UnsafeBuffer(records);
    }

    /**
     * How many STATE_RESTORE records.
     *
     * @return the count.
     */
    public int recordCount()
    {
        return recordCount;
    }

    private static int checksum(final byte[] bytes)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, CHECKSUM_AT);
        crc.update(bytes, HEADER, bytes.length - HEADER);
        return (int)crc.getValue();
    }

    private static int crc(final String text)
    {
        final CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int)crc.getValue();
    }
}
