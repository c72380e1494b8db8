package io.meridian.runtime.driver;

import io.meridian.config.EngineConfig;
import io.meridian.engine.api.InboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.gateway.sim.MarketDataSource;
import io.meridian.gateway.sim.SimulatedVenuePort;
import io.meridian.gateway.world.SimulatedWorld;
import java.util.function.Function;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The one event-merging loop: turns the simulated world's sources into one inbound event stream in event-time order.
 * It serves every driver: the backtest (and the demo) on one thread, the paced feed of the live topology ({@code
 * meridian run}) and the latency harness.
 *
 * <p>Each {@link #next} writes exactly one inbound record: the earliest of a venue execution report, a timer, an
 * operator command and a market-data record. On equal times the venue goes first, then the timer, then the operator,
 * then the market; reports the venue emits at one time come out in the order it emitted them. The venue learns each
 * market-data record before the record is returned (so it matches against the book the engine is about to see), and
 * it receives the engine's order commands through {@link #onOrderCommand} on the same thread. So for a given
 * configuration and sequence of order commands the stream is a pure function of the sources.
 *
 * <p>Operator commands given while it runs ({@link #operatorInbox}) come out as soon as nothing already due (venue
 * reports) is waiting, at the latest event time returned so far; the driver reads the request it just returned with
 * {@link #takeOperatorRequest()} and tells the inbox the sequence it stamped.
 *
 * <p>Records come out with a complete header except {@code sequence} and {@code receiveTimeNs} (0), which the
 * sequencer stamps. Owned by one thread; allocation-free.
 */
public final class EventMerger
{
    private static final int PENDING_CAPACITY = 1024;

    private final MarketDataSource market;
    private final SimulatedVenuePort venue;
    private final TimerSchedule timers;
    private final OperatorSchedule operator;
    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[PENDING_CAPACITY * Header.MAX_RECORD_LENGTH]);
    private int pendingHead;
    private int pendingCount;
    private long marketEvents;
    private long venueReports;
    private long operatorCommands;
    private OperatorInbox inbox;
    private long latestTimeNs = Long.MIN_VALUE;
    private long operatorRequest = -1;

    /**
     * A merger.
     *
     * @param market market data in event-time order.
     * @param venue builds the simulated venue, given where its execution reports must go (this merger's queue).
     * @param timers the timer events.
     * @param operator operator commands ({@link OperatorSchedule#none()} for none).
     */
    public EventMerger(
        final MarketDataSource market,
        final Function<InboundSink, SimulatedVenuePort> venue,
        final TimerSchedule timers,
        final OperatorSchedule operator)
    {
        this.market = market;
        this.timers = timers;
        this.operator = operator;
        this.venue = venue.apply(this::onExecReport);
    }

    /**
     * The simulated world of a configuration: its synthetic market, simulated venue and timers, no operator commands.
     *
     * @param config validated configuration.
     * @return a merger.
     */
    public static EventMerger simulated(final EngineConfig config)
    {
        return world(config, SimulatedWorld.market(config));
    }

    /**
     * The simulated world of a configuration with another market-data source (e.g. a pre-generated tape).
     *
     * @param config validated configuration.
     * @param market the market data.
     * @return a merger.
     */
    public static EventMerger world(final EngineConfig config, final MarketDataSource market)
    {
        return new EventMerger(market, sink -> SimulatedWorld.venue(config, sink),
            new TimerSchedule(SimulatedWorld.START_TIME_NS, SimulatedWorld.timerIntervalNs(config)),
            OperatorSchedule.none());
    }

    /**
     * Writes the next inbound record at {@code offset} of {@code buffer}.
     *
     * @param buffer destination, at least {@link Header#MAX_RECORD_LENGTH} bytes after {@code offset}.
     * @param offset where to write.
     * @return the record length.
     * @throws IllegalStateException when the venue reports while applying market data, or more than 1024 reports
     *     are due at once.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        final int length = nextRecord(buffer, offset);
        final long timeNs = Header.eventTimeNs(buffer, offset);
        if (timeNs > latestTimeNs)
        {
            latestTimeNs = timeNs;
        }
        return length;
    }

    private int nextRecord(final MutableDirectBuffer buffer, final int offset)
    {
        while (true)
        {
            if (pendingCount > 0)
            {
                return takePending(buffer, offset);
            }
            if (inbox != null && latestTimeNs != Long.MIN_VALUE && inbox.hasCommand())
            {
                final long request = inbox.take(buffer, offset, latestTimeNs);
                if (request >= 0)
                {
                    operatorRequest = request;
                    operatorCommands++;
                    return OperatorCodec.LENGTH;
                }
            }
            final long venueNs = venue.nextEventTimeNs();
            final long timerNs = timers.peekTimeNs();
            final long operatorNs = operator.peekTimeNs();
            final long marketNs = market.peekTimeNs();
            if (venueNs <= timerNs && venueNs <= operatorNs && venueNs <= marketNs)
            {
                // its reports, if any, come out on the next turn
                venue.poll(venueNs);
            }
            else if (timerNs <= operatorNs && timerNs <= marketNs)
            {
                return timers.next(buffer, offset);
            }
            else if (operatorNs <= marketNs)
            {
                operatorCommands++;
                return operator.next(buffer, offset);
            }
            else
            {
                final int length = market.next(buffer, offset);
                venue.onMarketData(buffer, offset);
                if (pendingCount > 0)
                {
                    throw new IllegalStateException(
                        "venue emitted reports while applying market data at " + marketNs);
                }
                marketEvents++;
                return length;
            }
        }
    }

    /**
     * Takes operator commands from an inbox as well (set before the first {@link #next}).
     *
     * @param operatorInbox the inbox, drained on this merger's thread.
     * @return this.
     */
    public EventMerger operatorInbox(final OperatorInbox operatorInbox)
    {
        this.inbox = operatorInbox;
        return this;
    }

    /**
     * The inbox request of the record the last {@link #next} returned, once: the driver reports the sequence it
     * stamped to {@link OperatorInbox#completed}.
     *
     * @return the request id, or -1 when that record did not come from the inbox (or was already taken).
     */
    public long takeOperatorRequest()
    {
        final long request = operatorRequest;
        operatorRequest = -1;
        return request;
    }

    /**
     * Hands one of the engine's ORDER_COMMAND records to the venue; call on the merger's thread.
     *
     * @param buffer the record.
     * @param offset where it starts.
     * @param nowNs event time it left the engine (the event time of the inbound event that caused it).
     */
    public void onOrderCommand(final DirectBuffer buffer, final int offset, final long nowNs)
    {
        venue.onOrderCommand(buffer, offset, nowNs);
    }

    private int takePending(final MutableDirectBuffer buffer, final int offset)
    {
        final int from = pendingHead * Header.MAX_RECORD_LENGTH;
        final int length = Header.length(pending, from);
        buffer.putBytes(offset, pending, from, length);
        pendingHead = (pendingHead + 1) % PENDING_CAPACITY;
        pendingCount--;
        venueReports++;
        return length;
    }

    private void onExecReport(final DirectBuffer buffer, final int offset, final int length)
    {
        if (pendingCount == PENDING_CAPACITY)
        {
            throw new IllegalStateException("more than " + PENDING_CAPACITY + " venue reports due at once");
        }
        final int index = (pendingHead + pendingCount) % PENDING_CAPACITY;
        pending.putBytes(index * Header.MAX_RECORD_LENGTH, buffer, offset, length);
        pendingCount++;
    }

    /**
     * Market-data records returned so far.
     *
     * @return the count.
     */
    public long marketEvents()
    {
        return marketEvents;
    }

    /**
     * Venue execution reports returned so far.
     *
     * @return the count.
     */
    public long venueReports()
    {
        return venueReports;
    }

    /**
     * Timer events returned so far.
     *
     * @return the count.
     */
    public long timerEvents()
    {
        return timers.count();
    }

    /**
     * Operator commands returned so far.
     *
     * @return the count.
     */
    public long operatorCommands()
    {
        return operatorCommands;
    }
}
