package io.meridian.runtime.ib;

import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.backtest.Backtest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.meridian.runtime.ib.IbLoopback.config;
import static io.meridian.runtime.ib.IbLoopback.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine trading against ib-sim over loopback through the IB adapter, journaled, with a disconnect in the middle;
 * the journal replays identical.
 */
class IbEngineSessionReplayTest
{

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldTradeAgainstTheSimulatorAndReplayIdentical(@TempDir final Path dir) throws IOException
    {
        final EngineConfig config = config();
        final Path journalDir = dir.resolve("journal");
        final Map<String, Long> conIds = Map.of("MRDA", 900_001L, "MRDB", 900_002L, "MRDC", 900_003L);
        long orders;
        long fills;
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
                SimFaults.parse("disconnect@2"), System.currentTimeMillis());
            Scorer scorer = Scorers.create(config.model().scorer(), config.model().path());
            JournalWriter journal = JournalWriter.open(journalDir, manifest(config, "ib-session-test")))
        {
            final int port = sim.bind();
            try (IbEngineSession session = new IbEngineSession(config, scorer, new TwsConnectionConfig("127.0.0.1",
                port, 3, 45, 1, 5_000_000_000L, 5_000_000_000L, 10_000_000L, 100_000_000L), "DU0000001", conIds,
                Backtest.journal(journal), new SystemEpochNanoClock()))
            {
                session.start(System.nanoTime());
                final long deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline && (session.processed() < 6_000
                    || session.gateway().connection().sessions() < 2 || session.pipeline().orders().fills() < 3))
                {
                    final long now = System.nanoTime();
                    sim.doWork(now);
                    session.doWork(now);
                }
                assertTrue(session.processed() >= 6_000, "processed " + session.processed());
                assertEquals(2, session.gateway().connection().sessions(), "reconnected after the disconnect");
                assertEquals(0, session.dropped());
                orders = session.pipeline().orders().ordersSent();
                fills = sim.executions();
                System.out.println("ib session: " + session.processed() + " inbound records, " + orders
                    + " orders, " + session.pipeline().orders().fills() + " engine fills, " + fills
                    + " simulator executions, " + session.gateway().notConnectedRejects() + " not-connected rejects");
                assertEquals(0, session.pipeline().orders().unknownReports(), "every report matched an order");
                assertTrue(session.pipeline().orders().fills() > 0, "the engine saw fills");

            }
            assertEquals(0, sim.duplicateOrderIds());
            assertEquals(0, sim.pacingViolations());
        }
        assertTrue(orders > 0, "the engine sent orders");
        assertTrue(fills > 0, "the simulator filled some");
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

}
