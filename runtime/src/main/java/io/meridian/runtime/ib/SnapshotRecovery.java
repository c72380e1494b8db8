package io.meridian.runtime.ib;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RecordCursor;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Rebuilds an IB session's engine state from a previous session's journal ({@code --recover-from}, issue 9) from the
 * snapshot ({@link StateSnapshotFile}) that session wrote when it ended: its STATE_RESTORE records go through the
 * engine and into the new journal, and no input of the previous journal is replayed. The snapshot is used only when
 * it covers the whole journal: it holds the order and risk state but not the market-data, feature, model and strategy
 * state, so inputs after it could be decided differently on replay than they were live. A snapshot that fails its
 * checks (checksum, format, journal, instrument count, the journal record at its position is not the one it names, or
 * inputs follow it) is refused with a message saying why, and the next older one is tried; without a valid one, the
 * whole previous journal is replayed, as before snapshots existed. Either way a restart reads one session's records,
 * not the chain's: every journal starts from the snapshot its own recovery loaded.
 */
public final class SnapshotRecovery
{
    private SnapshotRecovery()
    {
    }

    /**
     * What a recovery read.
     *
     * @param snapshot the snapshot used, or null for a full replay.
     * @param restoreRecords STATE_RESTORE records journaled from it.
     * @param tailRecords previous-journal inputs replayed (0 from a snapshot, all of them on a full replay).
     */
    public record Result(Path snapshot, long restoreRecords, long tailRecords)
    {
        /**
         * One line for the operator.
         *
         * @return the line.
         */
        public String line()
        {
            return snapshot == null
                ? "full replay of " + tailRecords + " inputs (no valid snapshot)"
                : "snapshot " + snapshot.getFileName() + " (" + restoreRecords + " records), no input replayed";
        }
    }

    /**
     * Recovers.
     *
     * @param previous the previous session's journal.
     * @param session the new session, not started.
     * @param instruments the engine's instrument count.
     * @param log receives one line per refused snapshot.
     * @return what was read.
     */
    public static Result recover(
        final Path previous, final IbEngineSession session, final int instruments, final Consumer<String> log)
    {
        try (JournalReader reader = JournalReader.open(previous))
        {
            for (final Path file : StateSnapshotFile.list(previous))
            {
                final StateSnapshotFile snapshot;
                try
                {
                    snapshot = StateSnapshotFile.read(file, reader.manifestText(), instruments);
                }
                catch (final IllegalArgumentException ex)
                {
                    log.accept("recovery: " + ex.getMessage() + "; trying an older snapshot or a full replay");
                    continue;
                }
                final Result result = fromSnapshot(reader, snapshot, session, log);
                if (result != null)
                {
                    return result;
                }
            }
            final long before = session.recovered();
            reader.readInput(session::recover);
            return new Result(null, 0, session.recovered() - before);
        }
    }

    private static Result fromSnapshot(
        final JournalReader reader, final StateSnapshotFile snapshot, final IbEngineSession session,
        final Consumer<String> log)
    {
        try (RecordCursor tail = reader.inputCursorFrom(snapshot.lastSequence()))
        {
            // the journal's record at the snapshot's position must be the one the snapshot names
            if (!tail.next() || Header.sequence(tail.buffer(), tail.offset()) != snapshot.lastSequence()
                || Header.eventTimeNs(tail.buffer(), tail.offset()) != snapshot.lastEventTimeNs()
                || Header.type(tail.buffer(), tail.offset()) != snapshot.lastType())
            {
                log.accept("recovery: snapshot " + snapshot.file() + ": the journal's input record "
                    + snapshot.lastSequence() + " is not the one it was taken after (sequence, event time "
                    + snapshot.lastEventTimeNs() + ", type " + snapshot.lastType() + "): refused; trying an older "
                    + "snapshot or a full replay");
                return null;
            }
            if (tail.next())
            {
                log.accept("recovery: snapshot " + snapshot.file() + ": the journal has inputs after it (it was not "
                    + "written at the end of the session, which then probably crashed); the snapshot holds no "
                    + "feature or strategy state to replay them from: refused; trying an older snapshot or a full "
                    + "replay");
                return null;
            }
            final UnsafeBuffer records = snapshot.records();
            for (int r = 0; r < snapshot.recordCount(); r++)
            {
                session.recover(records, r * StateRestoreCodec.LENGTH, StateRestoreCodec.LENGTH);
            }
            return new Result(snapshot.file(), snapshot.recordCount(), 0);
        }
    }
}
