package io.meridian.ops.cli;

import io.meridian.config.EngineConfig;
import io.meridian.engine.telemetry.EngineState;
import io.meridian.ops.server.OpsEngine;
import io.meridian.ops.server.OpsLauncher;
import io.meridian.ops.server.OpsTokens;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.OperatorInbox;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code demo --ops} / {@code backtest --ops}: the ops server on a backtest. The backtest publishes its state after
 * every event and takes operator commands through its merger, so they are journaled and replayed like any input;
 * its latency histograms are single-threaded and not served. No {@code var/ops.url} is written (that is
 * {@code run}'s); the URL is printed.
 */
final class DemoOps
{
    private DemoOps()
    {
    }

    static OpsLauncher start(
        final Backtest backtest, final EngineConfig config, final String runId, final String profile,
        final Path journalDir, final OpsTokens tokens, final PrintStream err)
    {
        final EngineState state = new EngineState(config.instruments().size());
        final OperatorInbox inbox = new OperatorInbox();
        backtest.serveOps(state, inbox);
        return OpsLauncher.start(new OpsEngine(OpsEngine.backtest(backtest, state, inbox), config, runId, profile,
            journalDir.toString()), tokens, null, err);
    }
}
