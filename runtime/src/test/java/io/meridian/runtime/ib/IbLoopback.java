package io.meridian.runtime.ib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.Header;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.order.PositionKeeper;
import io.meridian.gateway.ib.client.TwsConnectionConfig;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.backtest.Backtest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * What the IB loopback tests of this package share: the demo profile with its daily loss limit and periodic snapshots
 * off, the simulator's contract ids, an engine session against ib-sim on 127.0.0.1, the journal manifest, and a duty
 * loop that drives the simulator and the session on the test's thread until a condition holds. Public for the tests
 * of other modules (ops: the report of an IB session's journal).
 */
public final class IbLoopback
{
    /**
     * The overrides every test runs with: no daily loss limit, and no periodic snapshots (a snapshot only when a test
     * asks for one and at a session's end). The default 60 s would otherwise write one whenever ib-sim's wall-clock
     * event time crosses a minute during a test's session, so a test counting snapshots would fail about once in
     * a hundred runs; the tests of periodic snapshots set their own interval.
     */
    static final List<String> OVERRIDES = List.of("kill.dailyLossLimit=1e12", "ib.snapshotEverySeconds=0");
    /** ib-sim's default contract ids. */
    static final Map<String, Long> CON_IDS = Map.of("MRDA", 900_001L, "MRDB", 900_002L, "MRDC", 900_003L);
    /** A sink for sessions whose records are not kept. */
    static final Backtest.RecordSink NOWHERE = new Backtest.RecordSink()
    {
        @Override
        public void onInput(final DirectBuffer buffer, final int offset, final int length)
        {
        }

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
        }
    };

    private IbLoopback()
    {
    }

    /** ib-sim with the default configuration on a free loopback port, quotes every millisecond, no faults. */
    public static IbSimulator simulator()
    {
        return new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1), SimFaults.none(),
            System.currentTimeMillis());
    }

    public static EngineConfig config()
    {
        return ConfigLoader.loadProfile("demo", OVERRIDES);
    }

    public static Scorer scorer(final EngineConfig config)
    {
        return Scorers.create(config.model().scorer(), config.model().path());
    }

    /**
     * A session (not started) of client {@code clientId} against the simulator on {@code port}, journaled to
     * {@code journal} (nowhere when null).
     */
    public static IbEngineSession session(
        final EngineConfig config, final Scorer scorer, final int port, final int clientId, final JournalWriter journal)
    {
        return session(config, scorer, port, clientId, journal, 45);
    }

    /** A session as {@link #session(EngineConfig, Scorer, int, int, JournalWriter)}, pacing at this rate. */
    static IbEngineSession session(
        final EngineConfig config, final Scorer scorer, final int port, final int clientId, final JournalWriter journal,
        final int messagesPerSecond)
    {
        return new IbEngineSession(config, scorer, new TwsConnectionConfig("127.0.0.1", port, clientId,
            messagesPerSecond, 1, 5_000_000_000L, 5_000_000_000L, 10_000_000L, 100_000_000L), "DU0000001", CON_IDS,
            journal == null ? NOWHERE : Backtest.journal(journal), new SystemEpochNanoClock());
    }

    public static String manifest(final EngineConfig config, final String runId)
    {
        return manifest(config, runId, OVERRIDES);
    }

    /** The manifest of a run of the demo profile with these overrides. */
    static String manifest(final EngineConfig config, final String runId, final List<String> overrides)
    {
        final String model = config.model().path();
        return new RunManifest("test", runId, "live", "2026-01-01T00:00:00Z", "profile:demo",
            ConfigLoader.configHash(config), overrides, model, ModelFiles.sha256Hex(ModelFiles.read(model)),
            FeatureSchema.hash(), config.model().scorer(), config.run().seed(), ConfigLoader.canonicalYaml(config))
            .toText();
    }

    /** What a test does with a started session against the simulator. */
    @FunctionalInterface
    public interface SessionBody
    {
        void run(IbSimulator sim, IbEngineSession session) throws IOException;
    }

    /**
     * Runs {@code body} with ib-sim on a free loopback port (with these {@code --faults}) and a started, journaled
     * session of client {@code clientId} against it; both are closed afterwards.
     */
    public static void withSession(
        final String faults, final Path journalDir, final int clientId, final SessionBody body) throws IOException
    {
        final EngineConfig config = config();
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
            SimFaults.parse(faults), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest(config, String.valueOf(journalDir
                    .getFileName())));
                IbEngineSession session = session(config, scorer, port, clientId, journal))
            {
                session.start(System.nanoTime());
                body.run(sim, session);
            }
        }
    }

    /** Drives the simulator and the session until {@code done}, failing after {@code seconds}. */
    public static void runUntil(
        final IbSimulator sim, final IbEngineSession session, final BooleanSupplier done, final int seconds)
        throws IOException
    {
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "timed out");
            final long now = System.nanoTime();
            sim.doWork(now);
            session.doWork(now);
        }
    }

    /** Whether the session's positions are the simulator's. */
    public static boolean samePositions(final IbSimulator sim, final IbEngineSession session)
    {
        final PositionKeeper positions = session.pipeline().orders().positions();
        for (int i = 0; i < positions.instruments(); i++)
        {
            if (sim.position(session.pipeline().instruments().symbol(i)) != positions.position(i))
            {
                return false;
            }
        }
        return true;
    }

    /** Whether the session's positions and costs are the simulator's positions and commissions (none in flight). */
    public static boolean settled(final IbSimulator sim, final IbEngineSession session)
    {
        final PositionKeeper positions = session.pipeline().orders().positions();
        for (int i = 0; i < positions.instruments(); i++)
        {
            final String symbol = session.pipeline().instruments().symbol(i);
            if (sim.position(symbol) != positions.position(i)
                || Math.round(sim.commissions(symbol) * Scales.CASH_SCALE) != positions.costs(i))
            {
                return false;
            }
        }
        return true;
    }

    /** Records of a type in a journal, inputs and decisions together. */
    public static long count(final Path journal, final byte type)
    {
        final long[] n = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInput((b, o, l) -> n[0] += Header.type(b, o) == type ? 1 : 0);
            reader.readOutput((b, o, l) -> n[0] += Header.type(b, o) == type ? 1 : 0);
        }
        return n[0];
    }

    /** Input records of a journal (the manifest not counted). */
    public static long inputs(final Path journal)
    {
        final long[] n = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInput((b, o, l) -> n[0]++);
        }
        return n[0];
    }

    /**
     * A session of the configuration against a fresh ib-sim for {@code millis} of wall time, journaled into {@code
     * journalDir} with periodic snapshots, then closed (so it ends with its end-of-session snapshot).
     */
    static void tradeWithSnapshots(final EngineConfig config, final Path journalDir, final String manifest,
        final long millis) throws IOException
    {
        try (IbSimulator sim = simulator())
        {
            final int port = sim.bind();
            try (Scorer scorer = scorer(config);
                JournalWriter journal = JournalWriter.open(journalDir, manifest);
                IbEngineSession session = session(config, scorer, port, 7, journal))
            {
                session.snapshots(journalDir, manifest);
                session.start(System.nanoTime());
                final long until = System.nanoTime() + millis * 1_000_000L;
                while (System.nanoTime() < until)
                {
                    sim.doWork(System.nanoTime());
                    session.doWork(System.nanoTime());
                }
            }
        }
    }
}
