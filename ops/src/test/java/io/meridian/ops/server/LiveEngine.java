package io.meridian.ops.server;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalWriter;
import io.meridian.ops.cli.EngineSetup;
import io.meridian.runtime.live.LiveTopology;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running engine for the ops tests: the live topology of {@code meridian run} (demo profile, state publication on,
 * journaling into a test directory), fed by a test thread in chunks of 1,000 events at 20,000 events/s until
 * {@link #close()}, which drains it and closes the journal, so the journal can be replayed afterwards.
 */
final class LiveEngine implements AutoCloseable
{
    static final long RATE = 20_000;

    final EngineConfig config;
    final Path journalDir;
    final LiveTopology topology;
    final OpsEngine engine;
    private final Scorer scorer;
    private final JournalWriter journal;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> feedFailure = new AtomicReference<>();
    private final Thread feeder;

    LiveEngine(final Path journalDir, final PrintStream warnings, final String... overrides)
    {
        this.journalDir = journalDir;
        config = ConfigLoader.loadProfile("demo", List.of(overrides));
        final Instant start = Instant.now();
        scorer = Scorers.create(config.model().scorer(), config.model().path());
        journal = JournalWriter.open(journalDir, EngineSetup.manifest("ops-test", "live", start, "profile:demo",
            List.of(overrides), config).toText());
        topology = LiveTopology.start(new LiveTopology.Context().config(config).scorer(scorer).journal(journal)
            .warnings(warnings).statePublication(true).pretouch(false, 1));
        engine = new OpsEngine(OpsEngine.live(topology), config, "ops-test", "profile:demo", journalDir.toString());
        feeder = new Thread(() ->
        {
            try
            {
                while (!stop.get())
                {
                    topology.feed(1_000, RATE);
                }
            }
            catch (final RuntimeException e)
            {
                feedFailure.set(e);
            }
        }, "test-feeder");
        feeder.start();
    }

    @Override
    public void close() throws java.io.IOException
    {
        stop.set(true);
        try
        {
            feeder.join();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while stopping the feeder");
        }
        try
        {
            topology.awaitQuiet();
            topology.close();
        }
        finally
        {
            journal.close();
            scorer.close();
        }
        if (feedFailure.get() != null)
        {
            throw new AssertionError("the feeder failed", feedFailure.get());
        }
    }
}
