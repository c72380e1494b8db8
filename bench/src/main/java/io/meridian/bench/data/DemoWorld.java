package io.meridian.bench.data;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.gateway.market.SyntheticMarket;
import io.meridian.gateway.world.SimulatedWorld;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The demo world the benchmarks run against: the {@code demo} configuration profile and a pre-generated tape of its
 * synthetic market; the market, venue and timers themselves come from {@link SimulatedWorld}, as in the application,
 * so a bench journal looks like any other.
 */
public final class DemoWorld
{
    /** The configuration profile every benchmark starts from. */
    public static final String PROFILE = "demo";

    private DemoWorld()
    {
    }

    /**
     * The demo profile with overrides.
     *
     * @param overrides {@code key=value} overrides, as for {@code --set}.
     * @return the validated configuration.
     */
    public static EngineConfig config(final List<String> overrides)
    {
        return ConfigLoader.loadProfile(PROFILE, overrides);
    }

    /**
     * Pre-generates market data and timer events merged in event-time order (a timer due at the same time as a market
     * event goes first), without venue reports: those depend on the engine and are interleaved at run time.
     *
     * @param config validated configuration.
     * @param records how many records (market events plus timers).
     * @return the tape.
     */
    public static EventTape marketTape(final EngineConfig config, final int records)
    {
        final SyntheticMarket market = SimulatedWorld.market(config);
        final EventTape.Builder tape = EventTape.builder(records);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final long timerIntervalNs = SimulatedWorld.timerIntervalNs(config);
        long nextTimerNs = SimulatedWorld.START_TIME_NS + timerIntervalNs;
        long timers = 0;
        while (tape.size() < records)
        {
            final int length;
            if (nextTimerNs <= market.peekTimeNs())
            {
                length = SimulatedWorld.writeTimer(buffer, nextTimerNs, ++timers);
                nextTimerNs += timerIntervalNs;
            }
            else
            {
                length = market.next(buffer, 0);
            }
            tape.add(buffer, 0, length);
        }
        return tape.build();
    }
}
