package io.meridian.ops.cli;

import io.meridian.gateway.ibsim.IbSimulator;
import io.meridian.gateway.ibsim.SimConfig;
import io.meridian.gateway.ibsim.SimFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ib-sim on a thread of the test (in real use it is another process), on a free loopback port, for tests that run
 * {@code meridian run --profile paper-ib} in the test's JVM. Closing stops the thread and then the simulator.
 */
final class SimulatorThread implements AutoCloseable
{
    final IbSimulator sim;
    final int port;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    SimulatorThread() throws IOException
    {
        sim = new IbSimulator(SimConfig.defaults().withPort(0).withMarketIntervalMs(2), SimFaults.none(),
            System.currentTimeMillis());
        port = sim.bind();
        thread = new Thread(() ->
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
        thread.start();
    }

    @Override
    public void close()
    {
        stop.set(true);
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        sim.close();
    }
}
