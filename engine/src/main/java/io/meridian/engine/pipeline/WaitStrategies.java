package io.meridian.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.meridian.config.WaitStrategyKind;

/**
 * Maps the configured {@link WaitStrategyKind} to a Disruptor wait strategy.
 */
public final class WaitStrategies
{
    private WaitStrategies()
    {
    }

    /**
     * A new wait strategy of a kind.
     *
     * @param kind the configured kind.
     * @return a new strategy.
     */
    public static WaitStrategy of(final WaitStrategyKind kind)
    {
        switch (kind)
        {
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case SLEEPING:
                return new SleepingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException("unknown wait strategy " + kind);
        }
    }
}
