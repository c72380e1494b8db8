package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.ReconciliationCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.journal.JournalReader;
import io.meridian.journal.ReplayVerifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safe restarts against ib-sim (issue 9 §3): {@code meridian run --profile paper-ib} runs as a child process and is
 * killed with SIGKILL at a different point of each of several sessions, with orders working and fills in flight; each
 * restart recovers from the previous journal ({@code --recover-from}) and reconciles with the simulator, which keeps
 * its orders, positions and executions throughout. The last session ends by itself. Checked: no RECONCILIATION record
 * of any session shows a position mismatch or a duplicate order reference (every recovered state equalled the
 * simulator's positions once missed fills were applied), no order id reached the simulator twice, the last session's
 * positions equal the simulator's, and its journal (which carries every earlier session's inputs) replays identical.
 */
class IbRestartTest
{
    private static final int KILLS = 3;
    private static final Pattern POSITIONS = Pattern.compile("positions (MRDA=-?\\d+ MRDB=-?\\d+ MRDC=-?\\d+)");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killedSessionsRecoverAndReconcileToTheSimulatorsTruth() throws IOException, InterruptedException
    {
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
            SimFaults.none(), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            Path previous = null;
            for (int k = 0; k <= KILLS; k++)
            {
                final Path journal = tmp.resolve("session-" + k);
                final boolean last = k == KILLS;
                final List<String> args = new ArrayList<>(List.of("run", "--profile", "paper-ib", "--port",
                    Integer.toString(port), "--client-id", "11", "--account", "DU0000001",
                    "--journal", journal.toString(), "--set", "kill.dailyLossLimit=1e12"));
                if (previous != null)
                {
                    args.addAll(List.of("--recover-from", previous.toString()));
                }
                if (last)
                {
                    args.addAll(List.of("--seconds", "8"));
                }
                final Path log = tmp.resolve("session-" + k + ".log");
                final Process child = start(args, log);
                // kill at a different point of each session: 0.3 s to 1.2 s after the venue went UP
                waitFor(sim, child, log, "ib: venue UP", 60);
                final long until = System.nanoTime() + (300 + 300L * k) * 1_000_000L;
                while (!last && System.nanoTime() < until && child.isAlive())
                {
                    sim.doWork(System.nanoTime());
                }
                if (!last)
                {
                    child.destroyForcibly();
                    while (child.isAlive())
                    {
                        sim.doWork(System.nanoTime());
                    }
                }
                else
                {
                    // trade for 2 s, then stop driving the simulator (it fills nothing more) well before the run's
                    // end, so that every fill it made has reached the engine when the engine prints its positions
                    final long tradeUntil = System.nanoTime() + 2_000_000_000L;
                    while (System.nanoTime() < tradeUntil && child.isAlive())
                    {
                        sim.doWork(System.nanoTime());
                    }
                    child.waitFor();
                }
                final String output = Files.readString(log, StandardCharsets.UTF_8);
                assertEquals(last ? 0 : 137, child.exitValue(), output);
                System.out.println("session " + k + ": " + output.lines()
                    .filter(l -> l.startsWith("meridian run") || l.startsWith("replay")).toList());
                if (last)
                {
                    assertTrue(output.contains("replay: identical"), output);
                    // the end-of-run line is the last one naming positions (the first is what was recovered)
                    final Matcher m = POSITIONS.matcher(output);
                    String finalPositions = null;
                    while (m.find())
                    {
                        finalPositions = m.group(1);
                    }
                    assertTrue(finalPositions != null, output);
                    assertEquals("MRDA=" + sim.position("MRDA") + " MRDB=" + sim.position("MRDB") + " MRDC="
                        + sim.position("MRDC"), finalPositions, "the last session's positions are the simulator's");
                }
                previous = journal;
            }
            assertEquals(0, sim.duplicateOrderIds(), "no order id reached the simulator twice");
        }
        final List<String> bad = new ArrayList<>();
        final long[] reconciliations = new long[1];
        try (JournalReader reader = JournalReader.open(tmp.resolve("session-" + KILLS)))
        {
            reader.readOutput((b, o, l) ->
            {
                if (Header.type(b, o) == RecordType.RECONCILIATION)
                {
                    reconciliations[0]++;
                    final byte kind = ReconciliationCodec.diffKind(b, o);
                    if (kind == ReconciliationCodec.KIND_POSITION_MISMATCH
                        || kind == ReconciliationCodec.KIND_DUPLICATE_ORDER_REF)
                    {
                        bad.add("kind " + kind + " instrument " + Header.instrumentId(b, o) + " engine "
                            + ReconciliationCodec.engineValue(b, o) + " broker "
                            + ReconciliationCodec.brokerValue(b, o));
                    }
                }
            });
        }
        assertTrue(reconciliations[0] >= KILLS + 1, "a reconciliation per session: " + reconciliations[0]);
        assertTrue(bad.isEmpty(), bad.toString());
        final ReplayVerifier.Result verdict = ReplayVerifier.verify(tmp.resolve("session-" + KILLS), List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSessionStoppedBySigtermClosesWritesItsSnapshotAndTheRestartReplaysNothing()
        throws IOException, InterruptedException
    {
        try (IbSimulator sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(1),
            SimFaults.none(), System.currentTimeMillis()))
        {
            final int port = sim.bind();
            final List<String> common = List.of("run", "--profile", "paper-ib", "--port", Integer.toString(port),
                "--client-id", "12", "--account", "DU0000001", "--no-ops", "--set", "kill.dailyLossLimit=1e12");
            final Path first = tmp.resolve("stopped");
            final List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--journal", first.toString()));
            final Path log = tmp.resolve("stopped.log");
            final Process child = start(args, log);     // until killed
            waitFor(sim, child, log, "ib: venue UP", 60);
            final long until = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < until)
            {
                sim.doWork(System.nanoTime());
            }
            child.destroy();        // SIGTERM, as systemctl stop sends
            while (child.isAlive())
            {
                sim.doWork(System.nanoTime());
            }
            final String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(143, child.exitValue(), "the JVM exits with SIGTERM's status: " + output);
            assertTrue(output.contains("stop requested by a signal: closing the session"), output);
            assertTrue(output.contains("replay: identical"), "the session closed and its journal verified: " + output);
            assertTrue(output.indexOf("replay: identical") > output.indexOf("stop requested"), output);

            final List<String> again = new ArrayList<>(common);
            again.addAll(List.of("--journal", tmp.resolve("restarted").toString(), "--recover-from", first.toString(),
                "--seconds", "2"));
            final Path log2 = tmp.resolve("restarted.log");
            final Process restarted = start(again, log2);
            while (restarted.isAlive())
            {
                sim.doWork(System.nanoTime());
            }
            final String output2 = Files.readString(log2, StandardCharsets.UTF_8);
            assertEquals(0, restarted.exitValue(), output2);
            assertTrue(output2.contains("no input replayed"), "restored from the stopped session's end snapshot: "
                + output2);
            assertTrue(output2.contains("replay: identical"), output2);
        }
    }

    private static Process start(final List<String> args, final Path log) throws IOException
    {
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
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return builder.start();
    }

    private static void waitFor(final IbSimulator sim, final Process child, final Path log, final String text,
        final int seconds) throws IOException
    {
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long nextCheck = 0;
        while (true)
        {
            final long now = System.nanoTime();
            sim.doWork(now);
            if (now >= nextCheck)
            {
                nextCheck = now + 20_000_000L;
                final String output = Files.readString(log, StandardCharsets.UTF_8);
                if (output.contains(text))
                {
                    return;
                }
                assertTrue(child.isAlive() && now < deadline, "no '" + text + "' from the child: " + output);
            }
        }
    }
}
