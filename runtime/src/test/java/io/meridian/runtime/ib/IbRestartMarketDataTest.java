package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.model.Scorer;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restarted IB session takes the new session's market data: the book it recovered (from a snapshot, or by replaying
 * the previous journal) remembers the previous process's last source sequence per instrument, and a new adapter that
 * numbered its quotes from 1 again would have every quote refused as out of order until it caught up, leaving the
 * strategy blind. The adapter continues the recovered sequence instead.
 */
class IbRestartMarketDataTest
{
    @ParameterizedTest(name = "ib.snapshotEverySeconds={0}")
    @ValueSource(ints = {1, 0})
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRestartedSessionAcceptsTheNewSessionsQuotes(final int snapshotEverySeconds, @TempDir final Path dir)
        throws IOException
    {
        final EngineConfig config = ConfigLoader.loadProfile("demo",
            List.of("kill.dailyLossLimit=1e12", "ib.snapshotEverySeconds=" + snapshotEverySeconds));
        final Path killed = dir.resolve("killed");
        final Path restarted = dir.resolve("restarted");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            final String killedManifest = manifest(config, "killed");
            try (Scorer scorer = scorer(config); JournalWriter journal = JournalWriter.open(killed, killedManifest))
            {
                // abandoned without close, as a killed process leaves it
                final IbEngineSession session = session(config, scorer, port, 7, journal);
                session.snapshots(killed, killedManifest);
                session.start(System.nanoTime());
                final long until = System.nanoTime() + 2_500_000_000L;
                runUntil(sim, session, () -> System.nanoTime() >= until, 30);
                assertTrue(session.pipeline().book().acceptedCount() > 500, "the first session took quotes");
                session.gateway().close();
            }
            final List<String> refused = new ArrayList<>();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(restarted, manifest(config, "restarted"));
                IbEngineSession session = session(config, scorer, port, 7, journal))
            {
                final SnapshotRecovery.Result result =
                    SnapshotRecovery.recover(killed, session, config, scorer, refused::add);
                assertEquals(snapshotEverySeconds > 0, result.snapshot() != null, result.line() + " " + refused);
                final MarketDataStage book = session.pipeline().book();
                final long accepted = book.acceptedCount();
                final long outOfOrder = book.rejectCount(RejectReason.MD_OUT_OF_ORDER);
                final long duplicates = book.rejectCount(RejectReason.MD_DUPLICATE);
                session.start(System.nanoTime());
                runUntil(sim, session, () -> book.acceptedCount() > accepted + 500, 30);
                assertEquals(outOfOrder, book.rejectCount(RejectReason.MD_OUT_OF_ORDER), "no quote refused as out of "
                    + "order after the restart");
                assertEquals(duplicates, book.rejectCount(RejectReason.MD_DUPLICATE), "none as a duplicate");
            }
            final ReplayVerifier.Result verdict = ReplayVerifier.verify(restarted, List.of());
            assertTrue(verdict.identical(), verdict.line());
        }
    }
}
