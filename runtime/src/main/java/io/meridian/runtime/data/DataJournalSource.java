package io.meridian.runtime.data;

import io.meridian.engine.codec.Header;
import io.meridian.gateway.sim.MarketDataSource;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.RecordCursor;
import java.nio.file.Path;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A data journal ({@link DataImporter}) played back as the event-merging driver's market: its input queue's
 * records in order, each checked (CRC32C) by the journal reader before it is handed out. Records are copied
 * unchanged; the backtest's sequencer stamps sequence and receive time. Allocation-free per record; owned by the
 * driver's thread. Close it to release the journal.
 */
public final class DataJournalSource implements MarketDataSource, AutoCloseable
{
    private final JournalReader reader;
    private final RecordCursor cursor;
    private final DataManifest manifest;
    private boolean hasNext;
    private long delivered;

    private DataJournalSource(final JournalReader reader)
    {
        this.reader = reader;
        this.manifest = DataManifest.parse(reader.manifestText());
        this.cursor = reader.inputCursor();
        this.hasNext = cursor.next();
    }

    /**
     * Opens a data journal.
     *
     * @param dir the journal directory.
     * @return the source, positioned at the first record.
     * @throws IllegalArgumentException when the journal is not a data journal.
     */
    public static DataJournalSource open(final Path dir)
    {
        final JournalReader reader = JournalReader.open(dir);
        try
        {
            return new DataJournalSource(reader);
        }
        catch (final RuntimeException ex)
        {
            reader.close();
            throw new IllegalArgumentException(dir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The journal's manifest: kind, source file and instruments.
     *
     * @return the manifest.
     */
    public DataManifest manifest()
    {
        return manifest;
    }

    @Override
    public long peekTimeNs()
    {
        return hasNext ? Header.eventTimeNs(cursor.buffer(), cursor.offset()) : Long.MAX_VALUE;
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        if (!hasNext)
        {
            throw new IllegalStateException("the data journal " + reader.directory() + " has no more records");
        }
        final DirectBuffer source = cursor.buffer();
        final int length = cursor.length();
        buffer.putBytes(offset, source, cursor.offset(), length);
        delivered++;
        hasNext = cursor.next();
        return length;
    }

    /**
     * Records handed out so far.
     *
     * @return the count.
     */
    public long delivered()
    {
        return delivered;
    }

    /**
     * Whether every record has been handed out.
     *
     * @return true at the end.
     */
    public boolean exhausted()
    {
        return !hasNext;
    }

    /**
     * The read's outcome once exhausted (corruption stops the stream early and is named here).
     *
     * @return the result.
     */
    public ReadResult result()
    {
        return cursor.result();
    }

    @Override
    public void close()
    {
        cursor.close();
        reader.close();
    }
}
