package io.meridian.runtime.ib;

import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.pipeline.EngineFactory;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.EventSlot;
import io.meridian.journal.JournalReader;
import io.meridian.journal.RecordCursor;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Rebuilds an IB session's engine state from a previous session's journal ({@code --recover-from}, issue 9 §3) from
 * the newest valid snapshot ({@link StateSnapshotFile}) that session wrote, periodically or when it ended: the
 * snapshot's STATE_RESTORE records go through the engine and into the new journal, then only the previous journal's
 * inputs after the snapshot's position are replayed through the engine (and journaled), exactly as a full replay
 * does with all of them. A snapshot holds the whole pipeline's state (format 3), so those inputs are decided as they
 * were live. A snapshot that fails its checks (checksum, torn file, format, another journal, instrument count, or the
 * journal's record at its position is not the one it names, or it does not load into an engine of this configuration,
 * such as one whose indicators or windows changed since it was written) is refused with a message saying why, and the
 * next older one is tried; without a valid one, the whole previous journal is replayed. Each snapshot is first loaded
 * into a scratch engine of the same configuration, so a refused one leaves nothing in the session or its journal. A
 * restart therefore reads the newest snapshot plus the inputs of at most one snapshot interval (or, after a clean
 * close, none), however long the session or the chain of sessions before it: every journal starts from the snapshot
 * its own recovery loaded.
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
     * @param tailRecords previous-journal inputs replayed (those after the snapshot's position, or all of them on a
     *     full replay).
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
                : "snapshot " + snapshot.getFileName() + " (" + restoreRecords + " records), "
                    + (tailRecords == 0 ? "no input replayed" : tailRecords + " inputs after it replayed");
        }
    }

    /**
     * Recovers.
     *
     * @param previous the previous session's journal.
     * @param session the new session, not started.
     * @param config the new session's configuration (a snapshot must load into an engine of it).
     * @param scorer the new session's scorer.
     * @param log receives one line per refused snapshot.
     * @return what was read.
     */
    public static Result recover(final Path previous, final IbEngineSession session, final EngineConfig config,
        final Scorer scorer, final Consumer<String> log)
    {
        final int instruments = config.instruments().size();
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
                final String problem = loadProblem(snapshot, config, scorer);
                if (problem != null)
                {
                    log.accept("recovery: snapshot " + file + " does not load into an engine of this configuration ("
                        + problem + "): refused; trying an older snapshot or a full replay");
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

    /**
     * Loads a snapshot into a scratch engine of the configuration, decisions discarded.
     *
     * @return null when it loads, else what was wrong.
     */
    private static String loadProblem(final StateSnapshotFile snapshot, final EngineConfig config, final Scorer scorer)
    {
        final Pipeline scratch = EngineFactory.create(config, scorer, (buffer, offset, length) ->
        {
            // a dry run: nothing it decides goes anywhere
        });
        final EventSlot slot = new EventSlot();
        final UnsafeBuffer records = snapshot.records();
        try
        {
            for (int r = 0; r < snapshot.recordCount(); r++)
            {
                slot.buffer.putBytes(0, records, r * StateRestoreCodec.LENGTH, StateRestoreCodec.LENGTH);
                scratch.onEvent(slot);
            }
            return null;
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            return ex.getMessage();
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
            final UnsafeBuffer records = snapshot.records();
            for (int r = 0; r < snapshot.recordCount(); r++)
            {
                session.recover(records, r * StateRestoreCodec.LENGTH, StateRestoreCodec.LENGTH);
            }
            long replayed = 0;
            while (tail.next())
            {
                session.recover(tail.buffer(), tail.offset(), tail.length());
                replayed++;
            }
            return new Result(snapshot.file(), snapshot.recordCount(), replayed);
        }
    }
}
