package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart whose configuration changed the engine's state layout (here a longer VaR window, so the risk monitor's
 * arrays no longer fit) over loopback against ib-sim with real journals: the previous session's snapshot passes every
 * file check but does not load into the new engine; recovery refuses it with a message before anything of it reaches
 * the session or its journal, replays the whole previous journal instead, and the new journal replays identical. The
 * same snapshot still restores an engine of the configuration it was written with.
 */
class IbSnapshotConfigChangeTest
{
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSnapshotOfAnotherLayoutIsRefusedBeforeAnythingIsJournaledAndRecoveryReplaysEverything(
        @TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path first = dir.resolve("first");
        final String manifest = manifest(config, "first");
        IbLoopback.tradeWithSnapshots(config, first, manifest, 500);
        final List<Path> snapshots = StateSnapshotFile.list(first);
        assertEquals(1, snapshots.size(), "the end-of-session snapshot: " + snapshots);
        final long inputs = IbLoopback.inputs(first);

        final List<String> overrides = new ArrayList<>(IbLoopback.OVERRIDES);
        overrides.add("monitor.window=400");
        final EngineConfig changed = ConfigLoader.loadProfile("demo", overrides);
        final Path second = dir.resolve("second");
        final List<String> refused = new ArrayList<>();
        try (Scorer scorer = scorer(changed);
            JournalWriter journal = JournalWriter.open(second, manifest(changed, "second", overrides));
            IbEngineSession session = session(changed, scorer, 1, 7, journal))
        {
            final SnapshotRecovery.Result result = SnapshotRecovery.recover(first, session, changed, scorer,
                refused::add);
            assertNull(result.snapshot(), result.line());
            assertEquals(inputs, result.tailRecords(), "a full replay: " + result.line());
            assertEquals(inputs, session.recovered(), "only the previous journal's inputs went through the session");
        }
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains(snapshots.get(0).toString())
            && refused.get(0).contains("does not load into an engine of this configuration")
            && refused.get(0).contains("another configuration"), refused.get(0));
        assertEquals(0, IbLoopback.count(second, RecordType.STATE_RESTORE), "nothing of the refused snapshot");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(second, List.of());
        assertTrue(verdict.identical(), verdict.line());

        refused.clear();
        try (Scorer scorer = scorer(config); IbEngineSession session = session(config, scorer, 1, 7, null))
        {
            final SnapshotRecovery.Result result = SnapshotRecovery.recover(first, session, config, scorer,
                refused::add);
            assertEquals(snapshots.get(0), result.snapshot(), result.line() + " " + refused);
            assertEquals(0, result.tailRecords(), "taken at the session's end: " + result.line());
        }
        assertTrue(refused.isEmpty(), refused.toString());
    }
}
