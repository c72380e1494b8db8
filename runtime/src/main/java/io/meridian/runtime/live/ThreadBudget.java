package io.meridian.runtime.live;

import io.meridian.config.EngineConfig;
import io.meridian.config.JournalingMode;
import io.meridian.config.ThreadMode;
import io.meridian.config.WaitStrategyKind;

/**
 * What a configuration's live topology asks of the machine: how many consumer threads it runs, whether they fit the
 * CPUs, and how they wait. On fewer than {@link #SMALL_MACHINE_CPUS} CPUs at most one consumer thread may spin.
 */
public final class ThreadBudget
{
    /** Below this many CPUs, at most one consumer thread may spin. */
    public static final int SMALL_MACHINE_CPUS = 4;

    private ThreadBudget()
    {
    }

    /**
     * Consumer threads this topology runs on the inbound and outbound rings.
     *
     * @param config validated configuration.
     * @return 1 for single mode with inline journaling, 3 for single mode with parallel journaling, 7 for staged.
     */
    public static int consumerThreads(final EngineConfig config)
    {
        if (config.engine().mode() == ThreadMode.STAGED)
        {
            return 7;
        }
        return config.engine().journaling() == JournalingMode.INLINE ? 1 : 3;
    }

    /**
     * The inbound ring's wait strategy on a machine: the configured one, except that on a small machine a topology
     * with more than one consumer thread yields instead of busy-spinning (spinning consumers would take the CPUs
     * from the very threads they wait for).
     *
     * @param config validated configuration.
     * @param cpus CPUs available.
     * @return the wait strategy.
     */
    public static WaitStrategyKind waitStrategy(final EngineConfig config, final int cpus)
    {
        final WaitStrategyKind configured = config.engine().waitStrategy();
        return cpus < SMALL_MACHINE_CPUS && consumerThreads(config) > 1 && configured == WaitStrategyKind.BUSY_SPIN
            ? WaitStrategyKind.YIELDING : configured;
    }

    /**
     * Why a configuration's topology does not fit a machine, if it does not.
     *
     * @param config validated configuration.
     * @param cpus CPUs available.
     * @return the reason, or null when it fits.
     */
    public static String sizingWarning(final EngineConfig config, final int cpus)
    {
        if (cpus >= SMALL_MACHINE_CPUS)
        {
            return null;
        }
        final int consumers = consumerThreads(config);
        if (consumers > 1)
        {
            return "engine.mode=" + config.engine().mode().configName() + " with engine.journaling="
                + config.engine().journaling().configName()
                + " runs " + consumers + " consumer threads on " + cpus + " CPUs, and an order cannot leave before"
                + " all of them ran: expect millisecond tails (single mode with inline journaling runs one)"
                + (config.engine().waitStrategy() == WaitStrategyKind.BUSY_SPIN
                    ? "; they yield instead of busy-spinning" : "");
        }
        return null;
    }
}
