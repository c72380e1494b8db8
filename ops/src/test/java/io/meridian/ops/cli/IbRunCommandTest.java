package io.meridian.ops.cli;

import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
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
        final IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(2),
            SimFaults.none(), System.currentTimeMillis());
        final int port = sim.bind();
        final AtomicBoolean stop = new AtomicBoolean();
        // the simulator is another process in real use; here it gets a thread of the test
        final Thread simThread = new Thread(() ->
        {
            try
            {
                while (!stop.get())
                {
                    if (sim.doWork(System.nanoTime()) == 0)
                    {
                        Thread.onSpinWait();
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }, "ib-sim-test");
        simThread.start();
        final CommandLine result;
        try
        {
            result = CommandLine.run("run", "--profile", "paper-ib", "--port", Integer.toString(port), "--seconds",
                "4", "--journal", dir.resolve("journal").toString(), "--set", "kill.dailyLossLimit=1e12");
        }
        finally
        {
            stop.set(true);
            simThread.join();
            sim.close();
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
