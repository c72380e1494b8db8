package io.meridian.gateway.world;

import io.meridian.config.EngineConfig;
import io.meridian.config.VenueConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.config.MarketConfig;
import io.meridian.engine.api.InboundSink;
import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.TimerCodec;
import io.meridian.engine.cost.CostModel;
import io.meridian.gateway.market.SyntheticMarket;
import io.meridian.gateway.sim.SimulatedVenue;
import java.util.List;
import org.agrona.MutableDirectBuffer;

/**
 * Maps configuration onto the gateway's synthetic market and simulated venue, and writes the timer events that
 * drive them: the one place the demo, backtests, live runs and benchmarks build their simulated world from (the
 * runtime's event-merging driver is built from {@code market(config)}, {@code sink -> venue(config, sink)},
 * {@link #START_TIME_NS} and {@code timerIntervalNs(config)}).
 */
public final class SimulatedWorld
{
    /** Venue id the engine's orders are addressed to. */
    public static final int VENUE_ID = 1;
    /** Most orders the simulated venue keeps working at once. */
    public static final int VENUE_MAX_ORDERS = 4096;
    /** Synthetic event time of the start of a run: 2026-01-05T14:30:00Z in nanoseconds (a Monday's US open). */
    public static final long START_TIME_NS = 1_767_623_400_000_000_000L;

    private SimulatedWorld()
    {
    }

    /**
     * The synthetic market for a configuration.
     *
     * @param config validated configuration.
     * @return a fresh market, seeded with {@code run.seed}.
     */
    public static SyntheticMarket market(final EngineConfig config)
    {
        final List<InstrumentConfig> list = config.instruments();
        final SyntheticMarket.Instrument[] instruments = new SyntheticMarket.Instrument[list.size()];
        for (int i = 0; i < instruments.length; i++)
        {
            final InstrumentConfig c = list.get(i);
            instruments[i] = new SyntheticMarket.Instrument(
                c.id(), c.priceScale(), c.qtyScale(), c.startPrice(), c.volatility(), c.spreadTicks(), c.quoteSize());
        }
        final MarketConfig m = config.market();
        return new SyntheticMarket(new SyntheticMarket.Params(
            config.run().seed(),
            START_TIME_NS,
            m.meanIntervalNs(),
            m.tradeProbability(),
            m.jumpProbability(),
            m.jumpSizeBps(),
            m.regimeSwitchProbability(),
            m.highVolMultiplier(),
            instruments));
    }

    /**
     * Nanoseconds between timer events.
     *
     * @param config validated configuration.
     * @return the interval.
     */
    public static long timerIntervalNs(final EngineConfig config)
    {
        return config.market().timerIntervalMs() * 1_000_000L;
    }

    /**
     * Writes a TIMER record (sequence and receive time left for the sequencer to stamp).
     *
     * @param buffer destination, at offset 0.
     * @param timeNs the timer's event time.
     * @param count the timer source's sequence number.
     * @return the record length.
     */
    public static int writeTimer(final MutableDirectBuffer buffer, final long timeNs, final long count)
    {
        return TimerCodec.write(buffer, 0, timeNs, SourceIds.TIMER, count);
    }

    /**
     * The simulated venue for a configuration.
     *
     * @param config validated configuration.
     * @param sink where its execution reports go.
     * @return a fresh venue, charging the configuration's transaction costs on every fill.
     */
    public static SimulatedVenue venue(final EngineConfig config, final InboundSink sink)
    {
        return new SimulatedVenue(
            new SimulatedVenue.Params(config.venue().latencyUs() * 1_000L, VENUE_ID, VENUE_MAX_ORDERS,
                barFill(config.venue().barFill()), config.venue().barSlippageBps()),
            new CostModel(config), sink::onRecord);
    }

    private static int barFill(final String name)
    {
        switch (name)
        {
            case VenueConfig.BAR_FILL_CLOSE:
                return SimulatedVenue.BAR_FILL_CLOSE;
            case VenueConfig.BAR_FILL_TYPICAL:
                return SimulatedVenue.BAR_FILL_TYPICAL;
            default:
                return SimulatedVenue.BAR_FILL_OPEN;
        }
    }
}
