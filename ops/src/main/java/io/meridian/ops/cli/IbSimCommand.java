package io.meridian.ops.cli;

import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import io.meridian.runtime.launch.Args;
import io.meridian.runtime.launch.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * {@code meridian ib-sim [--port PORT] [--config FILE] [--faults SPEC] [--seconds S]}: runs the TWS API simulator on
 * 127.0.0.1 on this thread until killed (or for S seconds), printing {@code ib-sim: listening on 127.0.0.1:PORT}
 * once it accepts connections.
 */
public final class IbSimCommand
{
    private IbSimCommand()
    {
    }

    /**
     * Runs the command.
     *
     * @param argv arguments after {@code ib-sim}.
     * @param out standard output.
     * @return the exit code.
     * @throws IOException when the port cannot be bound.
     */
    public static int run(final List<String> argv, final PrintStream out) throws IOException
    {
        final Args args = Args.parse("ib-sim", argv, Set.of("port", "config", "faults", "seconds"), Set.of())
            .noPositional();
        SimConfig config;
        try
        {
            config = args.option("config") == null ? SimConfig.defaults()
                : SimConfig.load(Path.of(args.option("config")));
            if (args.option("port") != null)
            {
                config = config.withPort((int)args.longOption("port", 0, 65535));
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("ib-sim: " + ex.getMessage());
        }
        final SimFaults faults;
        try
        {
            faults = SimFaults.parse(args.option("faults") == null ? "" : args.option("faults"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("ib-sim: " + ex.getMessage());
        }
        final long seconds = args.option("seconds") == null ? 0
            : args.longOption("seconds", 1, Long.MAX_VALUE / 1_000_000_000L);
        try (IbSimulator sim = new IbSimulator(config, faults, System.currentTimeMillis()))
        {
            final int port = sim.bind();
            out.println("ib-sim: listening on 127.0.0.1:" + port + " (server version " + config.serverVersion()
                + ", account " + config.account() + ", " + config.instruments().size() + " instruments)");
            out.flush();
            final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
            final long start = System.nanoTime();
            while (seconds == 0 || System.nanoTime() - start < seconds * 1_000_000_000L)
            {
                idle.idle(sim.doWork(System.nanoTime()));
            }
            out.println("ib-sim: stopped after " + seconds + " s: " + sim.sessionsAccepted() + " connections, "
                + sim.ordersReceived() + " orders, " + sim.executions() + " executions, " + sim.pacingViolations()
                + " pacing violations, " + sim.duplicateOrderIds() + " duplicate order ids");
        }
        return 0;
    }
}
