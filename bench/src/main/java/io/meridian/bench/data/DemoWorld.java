package io.meridian.bench.data;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.codec.Header;
import io.meridian.gateway.market.SyntheticMarket;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.runtime.driver.EventMerger;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The demo world the benchmarks run against: the {@code demo} configuration profile and pre-generated tapes of its
 * synthetic market; the market, venue and timers themselves come from {@link SimulatedWorld} and are merged by the
 * runtime's one driver ({@link EventMerger}), as in the application, so a bench journal looks like any other.
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
     * Pre-generates the synthetic market's records (quotes and trades), for a live run to replay through its
     * {@link EventMerger} (see {@link TapeSource}), which adds the timers and venue reports at run time.
     *
     * @param config validated configuration.
     * @param records how many market records.
     * @return the tape.
     */
    public static EventTape marketTape(final EngineConfig config, final int records)
    {
        final SyntheticMarket market = SimulatedWorld.market(config);
        final EventTape.Builder tape = EventTape.builder(records);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        while (tape.size() < records)
        {
            tape.add(buffer, 0, market.next(buffer, 0));
        }
        return tape.build();
    }

    /**
     * Pre-generates the inbound events of the demo world without an engine: market data and timers in the order the
     * one event-merging driver ({@link EventMerger}) emits them. No venue reports: those depend on the engine.
     *
     * @param config validated configuration.
     * @param records how many records (market events plus timers).
     * @return the tape.
     */
    public static EventTape eventTape(final EngineConfig config, final int records)
    {
        final EventMerger merger = EventMerger.simulated(config);
        final EventTape.Builder tape = EventTape.builder(records);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        while (tape.size() < records)
        {
            tape.add(buffer, 0, merger.next(buffer, 0));
        }
        return tape.build();
    }
}
