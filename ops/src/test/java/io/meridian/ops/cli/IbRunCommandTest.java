package io.meridian.ops.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --profile paper-ib} end to end against ib-sim over loopback, and the live-ib safety checks. */
class IbRunCommandTest
{
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldTradePaperAgainstTheSimulatorAndReplayIdentical(@TempDir final Path dir) throws Exception
    {
        final CommandLine result;
        final int port;
        try (SimulatorThread ib = new SimulatorThread())
        {
            port = ib.port;
            result = CommandLine.run("run", "--profile", "paper-ib", "--port", Integer.toString(port), "--seconds",
                "4", "--journal", dir.resolve("journal").toString(), "--set", "kill.dailyLossLimit=1e12");
        }
        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.contains("meridian run paper-ib: 127.0.0.1:" + port + " client 1"), result.toString());
        assertTrue(result.out.contains("ib: venue UP after"), result.toString());
        assertTrue(result.out.contains("replay: identical"), result.toString());
    }

    @Test
    void shouldRefuseLiveWithoutTheFlagAndTheConfirmedAccount()
    {
        final CommandLine noFlag = CommandLine.run("run", "--profile", "live-ib", "--account", "U123",
            "--confirm-account", "U123", "--seconds", "1");
        assertEquals(2, noFlag.exitCode, noFlag.toString());
        assertTrue(noFlag.err.contains("it needs --live, --account ACCOUNT and --confirm-account"), noFlag.toString());
        final CommandLine mismatch = CommandLine.run("run", "--profile", "live-ib", "--live", "--account", "U123",
            "--confirm-account", "U124", "--seconds", "1");
        assertEquals(2, mismatch.exitCode, mismatch.toString());
        assertTrue(mismatch.err.contains("--account 'U123', --confirm-account 'U124'"), mismatch.toString());
    }

    @Test
    void recoverFromLastChoosesTheNewestJournalOfTheProfileButNeverThisSessionsOwn(@TempDir final Path dir)
        throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final Path current = dir.resolve("paper-ib-20261203-150000");
        assertEquals(null, IbRunCommand.lastJournal(dir, "paper-ib", current, out), "a first start: none");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("starting from an empty state"));

        for (final String name : new String[] {"paper-ib-20261201-090000", "paper-ib-20261202-170000",
            "live-ib-20261203-080000", "paper-ib-notes", "paper-ib-20261203-150000"})
        {
            Files.createDirectories(dir.resolve(name));
        }
        Files.writeString(dir.resolve("paper-ib-20261203-140000"), "a file, not a journal");
        assertEquals(dir.resolve("paper-ib-20261202-170000"), IbRunCommand.lastJournal(dir, "paper-ib", current, out),
            "the newest paper-ib journal, not this session's, another profile's, a file or another name");
        assertEquals(dir.resolve("live-ib-20261203-080000"), IbRunCommand.lastJournal(dir, "live-ib", current, out));
    }
}
