package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReadResult;
import io.meridian.journal.ReplayVerifier;
import io.meridian.runtime.backtest.JournalThread;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the demo runs in a child JVM and is killed with SIGKILL mid-run. The journal it leaves must read
 * without error (every complete record readable; a torn last record, if the kill left one, detected and skipped
 * with a warning), hold every input processed before the kill except those still in the journal thread's ring, and
 * its surviving prefix must replay identically.
 */
class CrashSafetyTest
{
    /** Progress lines (one per 65,536 events) to see before the kill. */
    private static final int PROGRESS_LINES = 3;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldLeaveAReadableJournalThatReplaysIdenticallyAfterSigkill() throws IOException, InterruptedException
    {
        final Path journal = tmp.resolve("killed");
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent"))
            {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of("demo", "--events", "100000000", "--journal", journal.toString()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        final Process child = builder.start();
        final List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            int progressLines = 0;
            while ((line = lines.readLine()) != null)
            {
                seen.add(line);
                if (line.startsWith("[") && line.contains("events/s") && ++progressLines == PROGRESS_LINES)
                {
                    break;
                }
            }
            assertTrue(line != null, "the child ended before making progress: " + seen);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        final long[] inputs = new long[1];
        final long[] outputs = new long[1];
        final ReadResult input;
        final ReadResult output;
        try (JournalReader reader = JournalReader.open(journal))
        {
            input = reader.readInput((buffer, offset, length) -> inputs[0]++);
            output = reader.readOutput((buffer, offset, length) -> outputs[0]++);
        }
        // the demo's journal thread may still hold up to a ring's worth of records (each at least a header plus the
        // ring's 8-byte record header) when the child is killed; everything before that is journaled and readable
        final long processed = PROGRESS_LINES * (1L << 16);
        final long ringRecords = JournalThread.RING_BYTES / (Header.LENGTH + 8);
        assertTrue(inputs[0] >= processed - ringRecords, "the inputs journaled before the kill are readable: "
            + inputs[0] + " of at least " + processed + " processed");
        assertTrue(outputs[0] > 0, "decisions journaled before the kill are readable");
        assertFalse(input.cleanEnd(), "a killed run has no clean end");
        assertTrue(input.tornRecords() <= 1 && output.tornRecords() <= 1, input + " " + output);
        if (input.tornRecords() + output.tornRecords() > 0)
        {
            assertFalse(input.warnings().isEmpty() && output.warnings().isEmpty(), "a torn record must be warned");
        }

        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journal, List.of());
        assertTrue(verdict.identical(), verdict.line());
        assertEquals(inputs[0], verdict.events());
        assertTrue(verdict.line().startsWith("replay: identical"), verdict.line());
        assertFalse(verdict.cleanEnd());
    }
}
