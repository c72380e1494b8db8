package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.StateRestoreCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RecordCursor;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.LongArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Engine-state snapshots bound IB restarts (issue 9 §3), over loopback against ib-sim with real Chronicle journals:
 * a snapshot taken at any point of a trading session restores, field by field, the state a full replay of the journal
 * up to its position reaches; a chain of restarts reads a bounded number of records however long the chain (after a
 * crash: the newest mid-session snapshot and the inputs after it, not the chain's); a corrupt, torn, foreign,
 * old-format or misplaced snapshot is refused with a message and recovery falls back to an older one or replays the
 * whole journal; the recovered journal (which starts with STATE_RESTORE records) replays identical on its own.
 */
class IbSnapshotRecoveryTest
{
    private static final long EVERY = 300;
    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everySnapshotRestoresTheStateAFullReplayReachesAtItsPosition(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path journalDir = dir.resolve("first");
        final Path kept = Files.createDirectories(dir.resolve("kept"));
        final String manifest = manifest(config, "first");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest);
                IbEngineSession session = session(config, scorer, port, 7, journal))
            {
                session.snapshots(journalDir, manifest);
                session.start(System.nanoTime());
                long copied = 0;
                long nextCut = EVERY;
                final long deadline = System.nanoTime() + 60_000_000_000L;
                while (session.pipeline().orders().fills() < 3 || copied < 4)
                {
                    assertTrue(System.nanoTime() < deadline, "timed out");
                    sim.doWork(System.nanoTime());
                    session.doWork(System.nanoTime());
                    if (session.processed() >= nextCut)
                    {
                        session.snapshot();
                        nextCut += EVERY;
                    }
                    if (session.snapshotsWritten() > copied)
                    {
                        // keep every cut point (the journal keeps only its newest few)
                        final Path newest = StateSnapshotFile.list(journalDir).get(0);
                        Files.copy(newest, kept.resolve(newest.getFileName()));
                        copied = session.snapshotsWritten();
                    }
                }
            }
            final Path last = StateSnapshotFile.list(journalDir).get(0);
            Files.copy(last, kept.resolve(last.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        final List<Path> cuts = new ArrayList<>();
        try (var files = Files.list(kept))
        {
            files.sorted().forEach(cuts::add);
        }
        assertTrue(cuts.size() >= 5, "cut points: " + cuts);
        int withOrders = 0;
        for (final Path cut : cuts)
        {
            final StateSnapshotFile snapshot = StateSnapshotFile.read(cut, manifest, config.instruments().size());
            final long[] replayed;
            final long[] restored;
            try (Scorer scorer = scorer(config); IbEngineSession full = session(config, scorer, 1, 7, null))
            {
                try (JournalReader reader = JournalReader.open(journalDir); RecordCursor c = reader.inputCursor())
                {
                    for (long i = 0; i < snapshot.position() && c.next(); i++)
                    {
                        full.recover(c.buffer(), c.offset(), c.length());
                    }
                }
                assertEquals(snapshot.position(), full.recovered(), "replayed up to the cut");
                replayed = state(full);
                withOrders += full.pipeline().orders().ordersSent() > 0 ? 1 : 0;
            }
            try (Scorer scorer = scorer(config); IbEngineSession fromSnapshot = session(config, scorer, 1, 7, null))
            {
                for (int r = 0; r < snapshot.recordCount(); r++)
                {
                    fromSnapshot.recover(snapshot.records(), r * StateRestoreCodec.LENGTH, StateRestoreCodec.LENGTH);
                }
                assertEquals(1, fromSnapshot.pipeline().orders().restores(), "snapshot applied");
                restored = state(fromSnapshot);
            }
            assertEquals(replayed.length, restored.length, cut + ": state length");
            for (int i = 0; i < replayed.length; i++)
            {
                assertEquals(replayed[i], restored[i], cut + ": state value " + i + " of " + replayed.length);
            }
        }
        assertTrue(withOrders >= 2, "at least two cut points with orders in the state");
    }

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChainOfRestartsReadsABoundedNumberOfRecordsAndReplaysIdentical(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final List<SnapshotRecovery.Result> results = new ArrayList<>();
        final List<Long> inputs = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        Path previous = null;
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            for (int c = 1; c <= 6; c++)
            {
                final Path journalDir = dir.resolve("cycle-" + c);
                final String manifest = manifest(config, "cycle-" + c);
                final boolean crash = c == 3;
                try (Scorer scorer = scorer(config);
                    JournalWriter journal = JournalWriter.open(journalDir, manifest);
                    IbEngineSession session = session(config, scorer, port, 7, journal))
                {
                    if (previous != null)
                    {
                        final SnapshotRecovery.Result result =
                            SnapshotRecovery.recover(previous, session, config, scorer, refused::add);
                        assertEquals(result.restoreRecords() + result.tailRecords(), session.recovered());
                        results.add(result);
                    }
                    session.snapshots(journalDir, manifest);
                    session.start(System.nanoTime());
                    final long until = System.nanoTime() + 700_000_000L;
                    boolean mid = false;
                    while (System.nanoTime() < until)
                    {
                        sim.doWork(System.nanoTime());
                        session.doWork(System.nanoTime());
                        if (crash && !mid && System.nanoTime() > until - 350_000_000L)
                        {
                            session.snapshot();
                            mid = true;
                        }
                    }
                }
                if (crash)
                {
                    // as if killed: the end-of-session snapshot never happened, a mid-session one did
                    Files.delete(StateSnapshotFile.list(journalDir).get(0));
                }
                inputs.add(IbLoopback.inputs(journalDir));
                previous = journalDir;
            }
            assertEquals(0, sim.duplicateOrderIds(), "no order id reached the simulator twice");
        }
        System.out.println("snapshot restarts: " + results + "; journal inputs per cycle " + inputs);
        final long chain = inputs.stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < results.size(); i++)
        {
            final SnapshotRecovery.Result r = results.get(i);
            if (i == 2)
            {
                // after the crash: the crashed session's mid-session snapshot and the inputs after it only
                assertNotNull(r.snapshot(), r.line());
                assertTrue(r.tailRecords() > 0 && r.tailRecords() < inputs.get(2), r.line());
            }
            else
            {
                // the snapshot's size depends on the configuration (windows, indicators), the instruments and the
                // orders the store still holds (8 values each, bounded by its capacity), not on the session's inputs:
                // a few hundred records at every restart
                assertNotNull(r.snapshot(), r.line());
                assertEquals(0, r.tailRecords(), r.line());
                assertTrue(r.restoreRecords() < 2 * results.get(0).restoreRecords(), r.line() + " after "
                    + results.get(0).line());
            }
            assertTrue(r.tailRecords() * 3 < chain, "restart " + (i + 2) + " read " + r.line() + " of a chain of "
                + chain + " inputs");
        }
        assertTrue(refused.isEmpty(), refused.toString());
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(previous, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCorruptOrForeignSnapshotIsRefusedAndRecoveryReplaysEverything(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path first = dir.resolve("first");
        final Path other = dir.resolve("other");
        final String manifest = manifest(config, "first");
        IbLoopback.tradeWithSnapshots(config, first, manifest, 500);
        final long inputs = IbLoopback.inputs(first);
        final List<Path> snapshots = StateSnapshotFile.list(first);
        assertEquals(1, snapshots.size(), "the end-of-session snapshot: " + snapshots);
        final Path end = snapshots.get(0);
        // another journal holding this one's (valid) snapshot
        try (JournalWriter journal = JournalWriter.open(other, manifest(config, "other")))
        {
            assertNotNull(journal);
        }
        Files.copy(end, Files.createDirectories(other.resolve(StateSnapshotFile.DIR)).resolve(end.getFileName()));
        final List<String> refused = new ArrayList<>();
        try (Scorer scorer = scorer(config); IbEngineSession session = session(config, scorer, 1, 7, null))
        {
            final SnapshotRecovery.Result result =
                SnapshotRecovery.recover(other, session, config, scorer, refused::add);
            assertNull(result.snapshot(), result.line());
            assertEquals(1, refused.size(), refused.toString());
            assertTrue(refused.get(0).contains("belongs to another journal"), refused.get(0));
        }
        // one flipped bit in this journal's own snapshot
        final byte[] bytes = Files.readAllBytes(end);
        bytes[bytes.length - 20] ^= 1;
        Files.write(end, bytes);
        refused.clear();
        try (Scorer scorer = scorer(config); IbEngineSession session = session(config, scorer, 1, 7, null))
        {
            final SnapshotRecovery.Result result =
                SnapshotRecovery.recover(first, session, config, scorer, refused::add);
            assertNull(result.snapshot(), "only the corrupt one: " + refused);
            assertEquals(inputs, result.tailRecords(), "full replay of every input");
            assertEquals(1, refused.size(), refused.toString());
            assertTrue(refused.get(0).contains("checksum mismatch") && refused.get(0).contains(
                end.getFileName().toString()), refused.get(0));
        }
        // cut short
        Files.write(end, Arrays.copyOf(bytes, bytes.length - 7));
        refused.clear();
        try (Scorer scorer = scorer(config); IbEngineSession session = session(config, scorer, 1, 7, null))
        {
            assertNull(SnapshotRecovery.recover(first, session, config, scorer, refused::add)
                .snapshot());
            assertTrue(refused.get(0).contains("truncated or torn"), refused.get(0));
        }
    }

    /**
     * Periodic snapshots bound a restart after a crash: sessions of two lengths, trading against ib-sim with a
     * snapshot every second of event time, are abandoned without closing (no end-of-session snapshot, as after a
     * SIGKILL); recovery restores the newest periodic snapshot and replays only the inputs after it (about one
     * interval's, whatever the session's length), reaches the state a full replay of the journal reaches, value for
     * value, and the restarted journal replays identical on its own.
     */
    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aKilledSessionRecoversFromItsNewestPeriodicSnapshotAndTheInputsAfterIt(@TempDir final Path dir)
        throws IOException
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo",
            List.of("kill.dailyLossLimit=1e12", "ib.snapshotEverySeconds=1"));
        final long[] tails = new long[2];
        final long[] journalInputs = new long[2];
        final int[] lengths = {3, 9};
        for (int run = 0; run < lengths.length; run++)
        {
            final Path killed = dir.resolve("killed-" + lengths[run]);
            final String manifest = manifest(config, "killed-" + lengths[run]);
            try (IbSimulator sim = IbLoopback.simulator();
                Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(killed, manifest))
            {
                final int port = sim.bind();
                // not closed: abandoned as a killed process leaves it (the journal's records are already written)
                final IbEngineSession session = session(config, scorer, port, 7, journal);
                session.snapshots(killed, manifest);
                session.start(System.nanoTime());
                // the session's length, and on until it has traded (a fill)
                final long until = System.nanoTime() + lengths[run] * 1_000_000_000L;
                final long deadline = until + 60_000_000_000L;
                while (System.nanoTime() < until || session.pipeline().orders().fills() == 0)
                {
                    assertTrue(System.nanoTime() < deadline, "no fill within a minute");
                    sim.doWork(System.nanoTime());
                    session.doWork(System.nanoTime());
                }
                assertTrue(session.snapshotsWritten() >= lengths[run] - 2, "periodic snapshots: "
                    + session.snapshotsWritten());
                session.gateway().close();
            }
            journalInputs[run] = IbLoopback.inputs(killed);
            final long[] replayed;
            final long fullStart = System.nanoTime();
            try (Scorer scorer = scorer(config); IbEngineSession full = session(config, scorer, 1, 7, null);
                JournalReader reader = JournalReader.open(killed))
            {
                reader.readInput(full::recover);
                replayed = state(full);
            }
            final long fullNs = System.nanoTime() - fullStart;
            final Path restarted = dir.resolve("restarted-" + lengths[run]);
            final List<String> refused = new ArrayList<>();
            final SnapshotRecovery.Result result;
            final long[] restored;
            final long recoveryStart = System.nanoTime();
            final long recoveryNs;
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(restarted, manifest(config, "restarted-" + lengths[run]));
                IbEngineSession session = session(config, scorer, 1, 7, journal))
            {
                result = SnapshotRecovery.recover(killed, session, config, scorer, refused::add);
                recoveryNs = System.nanoTime() - recoveryStart;
                restored = state(session);
                assertEquals(result.restoreRecords() + result.tailRecords(), session.recovered());
            }
            assertNotNull(result.snapshot(), result.line() + " " + refused);
            assertTrue(refused.isEmpty(), refused.toString());
            assertEquals(replayed.length, restored.length, "state length");
            for (int i = 0; i < replayed.length; i++)
            {
                assertEquals(replayed[i], restored[i], "state value " + i + " of " + replayed.length);
            }
            final ReplayVerifier.Result verdict = ReplayVerifier.verify(restarted, List.of());
            assertTrue(verdict.identical(), verdict.line());
            tails[run] = result.tailRecords();
            System.out.printf("killed after %d s: %d inputs journaled; recovery %s in %.1f ms; full replay %.1f ms;"
                + " snapshot file %d bytes%n", lengths[run], journalInputs[run], result.line(), recoveryNs / 1e6,
                fullNs / 1e6, Files.size(result.snapshot()));
        }
        for (int run = 0; run < lengths.length; run++)
        {
            // at most about one interval's inputs (plus the heartbeat's slack), far fewer than the session's
            assertTrue(tails[run] * 2 < journalInputs[run], "run " + run + ": " + tails[run] + " of "
                + journalInputs[run]);
        }
        assertTrue(tails[1] < 2 * tails[0] + 2_000, "the tail does not grow with the session: " + tails[0] + " after "
            + lengths[0] + " s, " + tails[1] + " after " + lengths[1] + " s");
    }

    /**
     * Each refusal falls back one step: the newest snapshot of an old state format is refused by name and the next
     * one used (with the inputs after it); a snapshot whose journal position record differs is refused and the next
     * one used; when the last one is corrupt too, the whole journal is replayed.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRefusedSnapshotFallsBackToAnOlderOneThenToAFullReplay(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path first = dir.resolve("first");
        final String manifest = manifest(config, "first");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(first, manifest);
                IbEngineSession session = session(config, scorer, port, 7, journal))
            {
                session.snapshots(first, manifest);
                session.start(System.nanoTime());
                for (int cut = 0; cut < 2; cut++)
                {
                    final long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until)
                    {
                        sim.doWork(System.nanoTime());
                        session.doWork(System.nanoTime());
                    }
                    // what one write costs on this thread (the session does one per interval, never per input)
                    final long writeStart = System.nanoTime();
                    session.snapshot();
                    final long writeNs = System.nanoTime() - writeStart;
                    final Path written = StateSnapshotFile.list(first).get(0);
                    System.out.printf("snapshot write %d: %d bytes, %d records, %.2f ms%n", cut, Files.size(written),
                        (Files.size(written) - 64) / StateRestoreCodec.LENGTH, writeNs / 1e6);
                }
                final long until = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < until)
                {
                    sim.doWork(System.nanoTime());
                    session.doWork(System.nanoTime());
                }
            }
        }
        final long inputs = IbLoopback.inputs(first);
        final List<Path> snapshots = StateSnapshotFile.list(first);
        assertEquals(3, snapshots.size(), "two mid-session snapshots and the end one: " + snapshots);
        // the newest as an old engine would have written it: state format 2
        rewriteHeader(snapshots.get(0), 12, 2L);
        final List<String> refused = new ArrayList<>();
        SnapshotRecovery.Result result = recoverInto(config, first, refused);
        assertEquals(snapshots.get(1), result.snapshot(), result.line());
        assertEquals(inputs - StateSnapshotFile.read(snapshots.get(1), manifest, 3).position(), result.tailRecords(),
            result.line());
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains("state format 2") && refused.get(0).contains("order stage's state only"),
            refused.get(0));
        // the next one names an input record the journal does not have at its position
        final long eventTime = StateSnapshotFile.read(snapshots.get(1), manifest, 3).lastEventTimeNs();
        rewriteHeader(snapshots.get(1), 36, eventTime + 1);
        refused.clear();
        result = recoverInto(config, first, refused);
        assertEquals(snapshots.get(2), result.snapshot(), result.line());
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.get(1).contains("is not the one it was taken after"), refused.get(1));
        // the oldest one corrupt: nothing left but the whole journal
        final byte[] bytes = Files.readAllBytes(snapshots.get(2));
        bytes[bytes.length - 3] ^= 4;
        Files.write(snapshots.get(2), bytes);
        refused.clear();
        result = recoverInto(config, first, refused);
        assertNull(result.snapshot(), result.line());
        assertEquals(inputs, result.tailRecords(), result.line());
        assertEquals(3, refused.size(), refused.toString());
        assertTrue(refused.get(2).contains("checksum mismatch"), refused.get(2));
    }

    private static SnapshotRecovery.Result recoverInto(
        final EngineConfig config, final Path previous, final List<String> refused)
    {
        try (Scorer scorer = scorer(config); IbEngineSession session = session(config, scorer, 1, 7, null))
        {
            return SnapshotRecovery.recover(previous, session, config, scorer, refused::add);
        }
    }

    /** Overwrites a long of a snapshot file's header and recomputes its checksum, as a writer of that value would. */
    private static void rewriteHeader(final Path file, final int offset, final long value) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(offset, value);
        // layout: a 64-byte header whose last 4 bytes are the CRC32C of the 60 before them and of the records
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 60);
        crc.update(bytes, 64, bytes.length - 64);
        b.putInt(60, (int)crc.getValue());
        Files.write(file, bytes);
    }

    private static long[] state(final IbEngineSession session)
    {
        final LongArrayList values = new LongArrayList();
        session.pipeline().saveState(values);
        return values.toLongArray();
    }

}
