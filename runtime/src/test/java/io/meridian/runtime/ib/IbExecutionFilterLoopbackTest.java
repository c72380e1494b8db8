package io.meridian.runtime.ib;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static io.meridian.runtime.ib.IbLoopback.runUntil;
import static io.meridian.runtime.ib.IbLoopback.samePositions;
import static io.meridian.runtime.ib.IbLoopback.scorer;
import static io.meridian.runtime.ib.IbLoopback.session;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.ExecutionCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.order.BrokerReconciler;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions since the last journaled one (issue 9 §3) over loopback: a session trades until it has fills at least
 * 4 s apart and ends with orders working; the simulator fills some of them while no engine runs; a restarted engine
 * (recovered from the first journal, executions filter margin 2 s instead of 60 s so the test need not run for a
 * minute) asks IB only for
 * executions after its last journaled one. The snapshot it gets leaves out the first session's early executions, yet
 * every fill missed while down is in it and applied: the reconciliation finds the simulator's positions, and the
 * journal replays identical.
 */
class IbExecutionFilterLoopbackTest
{
    @Test
    @Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRestartAsksOnlyForExecutionsSinceTheLastJournaledOneAndStillAppliesEveryMissedFill(@TempDir final Path dir)
        throws IOException
    {
        final EngineConfig config = config();
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        try (IbSimulator sim = IbLoopback.simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(first, manifest(config, "first"));
                IbEngineSession session = session(config, scorer, port, 13, journal))
            {
                session.start(System.nanoTime());
                runUntil(sim, session, () -> session.pipeline().orders().fills() >= 2, 60);
                // then a fill at least 4 s later, so the early ones are before the restart's filter (2 s before it)
                final long later = System.nanoTime() + 4_000_000_000L;
                runUntil(sim, session, () -> System.nanoTime() > later, 10);
                final long fills = session.pipeline().orders().fills();
                runUntil(sim, session, () -> session.pipeline().orders().fills() > fills, 60);
            }
            final int executionsAtDrop = sim.executions();
            final long idle = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < idle)
            {
                sim.doWork(System.nanoTime());
            }
            final int executionsAtRestart = sim.executions();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(second, manifest(config, "second"));
                IbEngineSession session = session(config, scorer, port, 13, journal))
            {
                assertThrows(IllegalArgumentException.class, () -> session.executionFilterMarginNs(999_999_999L));
                session.executionFilterMarginNs(2_000_000_000L);
                try (JournalReader previous = JournalReader.open(first))
                {
                    previous.readInput(session::recover);
                }
                final long recovered = session.recovered();
                final BrokerReconciler reconciler = session.pipeline().orders().reconciler();
                final long before = reconciler.reconciliations();
                session.start(System.nanoTime());
                runUntil(sim, session, () -> reconciler.reconciliations() > before, 30);
                for (int i = 0; i < reconciler.diffs(); i++)
                {
                    assertTrue(reconciler.diffKind(i) != ReconciliationCodec.KIND_POSITION_MISMATCH,
                        "kind " + reconciler.diffKind(i) + " engine " + reconciler.diffEngine(i) + " broker "
                        + reconciler.diffBroker(i));
                }
                runUntil(sim, session, () -> samePositions(sim, session), 10);
                final long reported = snapshotExecutions(second, recovered);
                System.out.println("ib executions: " + executionsAtDrop + " at the drop, " + executionsAtRestart
                    + " at the restart, " + reported + " in the restart's snapshot");
                assertTrue(reported < executionsAtRestart, "the first session's early executions left out: "
                    + reported + " of " + executionsAtRestart);
                assertTrue(reported >= executionsAtRestart - executionsAtDrop, "every execution while down reported");
            }
        }
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(second, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    /** EXECUTION records of the restart's snapshot (kind EXECUTION, after the recovered inputs). */
    private static long snapshotExecutions(final Path journal, final long recovered)
    {
        final long[] n = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInput((b, o, l) -> n[0] += Header.type(b, o) == RecordType.EXECUTION
                && Header.sequence(b, o) >= recovered
                && ExecutionCodec.kind(b, o) == ExecutionCodec.KIND_EXECUTION ? 1 : 0);
        }
        return n[0];
    }
}
