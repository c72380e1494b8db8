package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code meridian run}: the live topology (Disruptor rings, journalers, publish after journal) against the synthetic
 * market and the simulated venue, whose execution reports re-enter the inbound ring from the feed thread. The
 * interleaving depends on thread timing, so the test asserts what must hold whatever it is: orders go out, fills
 * come back, and the journal replays identically.
 */
class RunCommandTest
{
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"single, parallel", "staged, parallel", "single, inline"})
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRunTheLiveTopologyAndReplayItsJournal(final String mode, final String journaling)
    {
        final int events = 40_000;
        final CommandLine run = CommandLine.run("run", "--events", Integer.toString(events), "--rate", "40000",
            "--journal", tmp.resolve("live").toString(), "--set", "engine.mode=" + mode,
            "--set", "engine.journaling=" + journaling, "--set", "engine.waitStrategy=sleeping");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("replay: identical, " + events + " events, "), run.out);
        assertTrue(number(run.out, "orders ([0-9,]+)") > 0, run.out);
        assertTrue(number(run.out, "fills ([0-9,]+)") > 0, run.out);
        assertTrue(Files.isRegularFile(tmp.resolve("live").resolve("latency.json")), "run writes its latency");
    }

    private static long number(final String text, final String regex)
    {
        final Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in\n" + text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
