package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/**
 * The per-instrument kill switches (SPEC decision 5: position-limit breach, slippage) cancel that instrument's working
 * orders: for every trip, each order of the tripped instrument still working at the venue gets a CANCEL command
 * naming it right after the TRADING_STATE record, the venue then reports it done, and no other instrument's order is
 * cancelled by the trip. Backtests of the demo world through the simulated venue, as in {@link KillSwitchScenarioTest}
 * (which is at its size limit, hence this class).
 */
class KillSwitchCancelScenarioTest
{
    private static final long START = SimulatedWorld.START_TIME_NS;
    private static final int EVENTS = 150_000;
    /** Records between the trip and its cancel: the cancel is written by the same event's handling. */
    private static final int CANCEL_WITHIN = 3;

    @Test
    void positionLimitTripCancelsThatInstrumentsWorkingOrders()
    {
        final Run run = Run.of(List.of("risk.maxPositionNav=0.004", "market.jumpProbability=0.002",
            "market.jumpSizeBps=300"));
        // in this world the position trip comes on the fill that completes the order or on a timer after a jump, when
        // nothing of that instrument is working (checked across caps 0.3-0.5% and jumps of 3-20%): the cancel path is
        // asserted for every trip that finds a working order, and that no other instrument's order is touched
        run.assertTripsCancelWorkingOrders(RejectReason.KILL_POSITION_LIMIT, false);
    }

    @Test
    void slippageTripCancelsThatInstrumentsWorkingOrders()
    {
        final Run run = Run.of(List.of("kill.slippage=0.00001"));
        run.assertTripsCancelWorkingOrders(RejectReason.KILL_SLIPPAGE, true);
    }

    /** One record of a run: only the fields these tests read. */
    private static final class Rec
    {
        int index;
        byte type;
        int instrumentId;
        byte state;
        short reason;
        byte command;
        long clOrdId;
        long origClOrdId;
        byte execType;
        long leaves;

        @Override
        public String toString()
        {
            return RecordType.name(type) + "@" + index + "{inst=" + instrumentId + ", clOrdId=" + clOrdId + "}";
        }
    }

    private static final class Run implements Backtest.RecordSink
    {
        final List<Rec> records = new ArrayList<>();

        static Run of(final List<String> overrides)
        {
            final List<String> all = new ArrayList<>(overrides);
            all.add(0, "kill.dailyLossLimit=1e12");
            final EngineConfig config = ConfigLoader.loadProfile("demo", all);
            final EventMerger merger = new EventMerger(SimulatedWorld.market(config),
                sink -> SimulatedWorld.venue(config, sink),
                new TimerSchedule(START, SimulatedWorld.timerIntervalNs(config)), OperatorSchedule.none());
            final Run run = new Run();
            try (Scorer scorer = Scorers.create(config.model().scorer(), config.model().path()))
            {
                new Backtest(config, scorer, merger, run, null, null).run(EVENTS, null, EVENTS);
            }
            return run;
        }

        @Override
        public void onInput(final DirectBuffer buffer, final int offset, final int length)
        {
            final Rec r = base(buffer, offset);
            if (r.type == RecordType.EXEC_REPORT)
            {
                r.execType = ExecReportCodec.execType(buffer, offset);
                r.clOrdId = ExecReportCodec.clOrdId(buffer, offset);
                r.leaves = ExecReportCodec.leavesQty(buffer, offset);
            }
            records.add(r);
        }

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            final Rec r = base(buffer, offset);
            if (r.type == RecordType.TRADING_STATE)
            {
                r.state = TradingStateChangeCodec.state(buffer, offset);
                r.reason = TradingStateChangeCodec.reasonCode(buffer, offset);
            }
            else if (r.type == RecordType.ORDER_COMMAND)
            {
                r.command = OrderCommandCodec.command(buffer, offset);
                r.clOrdId = OrderCommandCodec.clOrdId(buffer, offset);
                r.origClOrdId = OrderCommandCodec.origClOrdId(buffer, offset);
            }
            records.add(r);
        }

        private Rec base(final DirectBuffer buffer, final int offset)
        {
            final Rec r = new Rec();
            r.index = records.size();
            r.type = Header.type(buffer, offset);
            r.instrumentId = Header.instrumentId(buffer, offset);
            return r;
        }

        /** New orders sent before {@code index} that the venue has not finished, by clOrdId, with their instrument. */
        Map<Long, Integer> workingAt(final int index)
        {
            final Map<Long, Integer> live = new LinkedHashMap<>();
            for (final Rec r : records.subList(0, index))
            {
                if (r.type == RecordType.ORDER_COMMAND && r.command == OrderCommandType.NEW)
                {
                    live.put(r.clOrdId, r.instrumentId);
                }
                if (r.type == RecordType.EXEC_REPORT && done(r))
                {
                    live.remove(r.clOrdId);
                }
            }
            return live;
        }

        private static boolean done(final Rec r)
        {
            return r.execType == ExecType.CANCELLED || r.execType == ExecType.REJECTED
                || ((r.execType == ExecType.FILL || r.execType == ExecType.PARTIAL_FILL) && r.leaves == 0);
        }

        void assertTripsCancelWorkingOrders(final RejectReason reason, final boolean someWorking)
        {
            final List<Rec> trips = records.stream()
                .filter(r -> r.type == RecordType.TRADING_STATE && r.reason == reason.code()).toList();
            assertFalse(trips.isEmpty(), "no TRADING_STATE " + reason);
            int cancelled = 0;
            for (final Rec trip : trips)
            {
                assertEquals(TradingState.REDUCING, trip.state);
                assertTrue(trip.instrumentId != 0, "per-instrument scope");
                final List<Rec> cancels = records.stream().filter(r -> r.index > trip.index
                    && r.index <= trip.index + CANCEL_WITHIN && r.type == RecordType.ORDER_COMMAND
                    && r.command == OrderCommandType.CANCEL).toList();
                final Map<Long, Integer> working = workingAt(trip.index);
                for (final Map.Entry<Long, Integer> w : working.entrySet())
                {
                    final boolean named = cancels.stream().anyMatch(c -> c.origClOrdId == w.getKey());
                    if (w.getValue() == trip.instrumentId)
                    {
                        assertTrue(named, "working order " + w.getKey() + " of instrument " + trip.instrumentId
                            + " cancelled after " + trip + ": " + cancels);
                        assertVenueFinishes(w.getKey(), trip.index);
                        cancelled++;
                    }
                    else
                    {
                        assertFalse(named, "order " + w.getKey() + " of another instrument cancelled by " + trip);
                    }
                }
                for (final Rec c : cancels)
                {
                    assertEquals(trip.instrumentId, c.instrumentId, "cancel " + c + " after " + trip);
                }
            }
            assertTrue(!someWorking || cancelled > 0,
                "some " + reason + " trip found a working order to cancel (" + trips.size() + " trips)");
        }

        private void assertVenueFinishes(final long clOrdId, final int after)
        {
            assertTrue(records.stream().anyMatch(r -> r.index > after && r.type == RecordType.EXEC_REPORT
                && r.clOrdId == clOrdId && done(r)), "the venue finishes order " + clOrdId + " after the cancel");
        }
    }
}
