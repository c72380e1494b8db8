package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.testing.Allocations;
import io.meridian.journal.JournalReader;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReadResult;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.driver.EventMerger;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal thread writes exactly the journal the backtest thread writes inline (both queues, byte for byte, and
 * it replays identical), reports a failure of its own thread to the backtest thread instead of losing records
 * silently, and costs the backtest thread no allocation per record.
 */
class JournalThreadTest
{
    private static final EngineConfig CONFIG = ConfigLoader.loadProfile("demo", List.of("kill.dailyLossLimit=1e12"));
    private static final int EVENTS = 40_000;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameJournalAsTheInlineSink()
    {
        final Path inline = dir.resolve("inline");
        final Path threaded = dir.resolve("threaded");
        backtest(inline, false);
        backtest(threaded, true);

        final byte[][] expected = queues(inline);
        final byte[][] actual = queues(threaded);
        assertTrue(expected[0].length > EVENTS * Header.LENGTH, "every input journaled");
        assertTrue(expected[1].length > 0, "decisions journaled");
        assertArrayEquals(expected[0], actual[0], "input queue");
        assertArrayEquals(expected[1], actual[1], "output queue");
        assertTrue(ReplayVerifier.verify(threaded, List.of()).identical(), "the threaded journal replays identical");
    }

    @Test
    void shouldReportAFailureOfTheJournalThreadOnTheBacktestThread()
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.LENGTH]);
        try (JournalWriter writer = JournalWriter.open(dir.resolve("j"), manifest()))
        {
            final JournalThread thread = JournalThread.start(writer);
            // a decision type handed over as an input: the journal refuses it on the journal thread
            Header.write(record, 0, RecordType.SIGNAL, Header.LENGTH, 0, 1L, 1L, 1L, 0, 0L);
            thread.onInput(record, 0, Header.LENGTH);
            final IllegalStateException failure = assertThrows(IllegalStateException.class, thread::drain);
            assertTrue(failure.getMessage().startsWith("the journal thread failed: "), failure.getMessage());
            assertTrue(failure.getMessage().contains("SIGNAL"), failure.getMessage());
            assertThrows(IllegalStateException.class, thread::close);
        }
    }

    @Test
    void shouldAllocateNothingPerRecordOnTheBacktestThread()
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Header.LENGTH]);
        try (JournalWriter writer = JournalWriter.open(dir.resolve("j"), manifest());
            JournalThread thread = JournalThread.start(writer))
        {
            final long[] sequence = {0};
            Allocations.assertSteadyStateAllocatesNothing("handing records to the journal thread", () ->
            {
                for (int i = 0; i < 10_000; i++)
                {
                    final long n = sequence[0];
                    Header.write(record, 0, RecordType.TIMER, Header.LENGTH, 0, n, n, n, 0, 0L);
                    sequence[0]++;
                    thread.onInput(record, 0, Header.LENGTH);
                }
            });
            thread.drain();
            assertEquals(sequence[0], writer.inputCount());
        }
    }

    private static void backtest(final Path journal, final boolean threaded)
    {
        try (Scorer scorer = Scorers.create(CONFIG);
            JournalWriter writer = JournalWriter.open(journal, manifest());
            JournalThread thread = threaded ? JournalThread.start(writer) : null)
        {
            final Backtest backtest = new Backtest(CONFIG, scorer, EventMerger.simulated(CONFIG),
                thread == null ? Backtest.journal(writer) : thread, null, null);
            assertEquals(EVENTS, backtest.run(EVENTS, null, Long.MAX_VALUE));
        }
    }

    private static String manifest()
    {
        final String model = CONFIG.model().path();
        return new RunManifest("test", "journal-thread-test", "backtest", "2026-01-01T00:00:00Z", "profile:demo",
            ConfigLoader.configHash(CONFIG), List.of("kill.dailyLossLimit=1e12"), model,
            ModelFiles.sha256Hex(ModelFiles.read(model)), FeatureSchema.hash(), CONFIG.model().scorer(),
            CONFIG.run().seed(), ConfigLoader.canonicalYaml(CONFIG)).toText();
    }

    private static byte[][] queues(final Path journal)
    {
        final ByteArrayOutputStream input = new ByteArrayOutputStream();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final ReadResult in = reader.readInput((buffer, offset, length) -> append(input, buffer, offset, length));
            final ReadResult out = reader.readOutput(
                (buffer, offset, length) -> append(output, buffer, offset, length));
            assertTrue(!in.corrupt() && !out.corrupt(), "clean journal");
        }
        return new byte[][] {input.toByteArray(), output.toByteArray()};
    }

    private static void append(
        final ByteArrayOutputStream sink, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        sink.write(bytes, 0, length);
    }
}
