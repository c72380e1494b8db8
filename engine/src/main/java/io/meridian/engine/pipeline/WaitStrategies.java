package io.meridian.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Maps configuration names to Disruptor wait strategies.
 */
public final class WaitStrategies
{
    private WaitStrategies()
    {
    }

    /**
     * A wait strategy by name.
     *
     * @param name {@code busy-spin}, {@code yielding}, {@code sleeping} or {@code blocking}.
     * @return a new strategy.
     * @throws IllegalArgumentException for any other name.
     */
    public static WaitStrategy of(final String name)
    {
        switch (name)
        {
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "'; allowed: busy-spin, yielding, sleeping, blocking");
        }
    }
}
