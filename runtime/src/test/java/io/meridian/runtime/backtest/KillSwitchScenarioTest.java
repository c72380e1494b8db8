package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.ConnectivityState;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ConnectivityCodec;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskDecisionCodec;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.gateway.sim.MarketDataSource;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * One scenario per kill-switch trigger of SPEC decision 5 (and the RTS 6 throttle and the operator flatten), each a
 * backtest of the demo world through the simulated venue with the trigger's limit set where the synthetic market
 * reaches it: the TRADING_STATE record (trigger, scope, value, limit), the orders it causes (mass cancel, instrument
 * cancel, reducing or closing orders) and what the gate refuses afterwards. Flat is asserted against the venue's own
 * reports: when FLATTENING ends, every order is done at the venue and the positions rebuilt from fills are zero.
 */
class KillSwitchScenarioTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long START = SimulatedWorld.START_TIME_NS;
    private static final int EVENTS = 150_000;

    @Test
    void dailyLossHaltsAndCancelsEverything()
    {
        final Run run = Run.of(List.of("kill.dailyLossLimit=300"), OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_DAILY_LOSS);
        assertEquals(TradingState.HALTED, trip.state);
        assertEquals(0, trip.instrumentId, "global scope");
        assertEquals(300.0, trip.limit);
        assertTrue(trip.value >= 300.0, "loss at or over the limit: " + trip.value);
        run.assertMassCancelAfter(trip);
        run.assertNoNewOrderAfter(trip);
        assertTrue(run.rejectsAfter(trip, RejectReason.RISK_HALTED) > 0, "the gate refuses new orders");
    }

    @Test
    void drawdownFromPeakHalts()
    {
        final Run run = Run.of(List.of("kill.maxDrawdown=0.00003"), OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_DRAWDOWN);
        assertEquals(TradingState.HALTED, trip.state);
        assertEquals(0.00003, trip.limit);
        assertTrue(trip.value >= 0.00003);
        run.assertNoNewOrderAfter(trip);
    }

    @Test
    void monthToDateLossHalts()
    {
        final Run run = Run.of(List.of("kill.maxMonthLoss=0.00003", "kill.maxDrawdown=1"), OperatorSchedule.none(),
            null);
        final Rec trip = run.firstState(RejectReason.KILL_MONTH_LOSS);
        assertEquals(TradingState.HALTED, trip.state);
        run.assertNoNewOrderAfter(trip);
    }

    @Test
    void venueDownLongerThanTheLimitHalts()
    {
        final long downAt = START + 20 * SECOND;
        final Run run = Run.of(List.of(), OperatorSchedule.none(), new Injection(downAt, -1, -1, -1));
        final Rec trip = run.firstState(RejectReason.KILL_VENUE_DOWN);
        assertEquals(TradingState.HALTED, trip.state);
        assertEquals(30_000.0, trip.limit);
        assertTrue(trip.timeNs > downAt + 30 * SECOND && trip.timeNs <= downAt + 32 * SECOND,
            "tripped on the first timer after 30 s: " + (trip.timeNs - downAt));
        assertTrue(run.rejectsBetween(downAt, trip.timeNs, RejectReason.RISK_VENUE_DOWN) > 0,
            "orders refused while the venue is down");
        run.assertNoNewOrderAfter(trip);
    }

    @Test
    void staleMarketDataInSessionStopsNewRiskAndRecovers()
    {
        final long gapFrom = START + 20 * SECOND;
        final long gapTo = START + 100 * SECOND;
        final Run run = Run.of(List.of(), OperatorSchedule.none(), new Injection(-1, 2, gapFrom, gapTo));
        final Rec stale = run.firstState(RejectReason.KILL_STALE_MARKET_DATA);
        assertEquals(TradingState.REDUCING, stale.state);
        assertTrue(stale.timeNs >= gapFrom + 60 * SECOND && stale.timeNs <= gapFrom + 62 * SECOND,
            "on the first timer after MRDB's last quote is 60 s old: " + (stale.timeNs - gapFrom));
        final Rec fresh = run.firstState(RejectReason.KILL_MARKET_DATA_RECOVERED);
        assertEquals(TradingState.ACTIVE, fresh.state);
        assertTrue(fresh.timeNs >= gapTo, "recovers when MRDB quotes again");
        assertTrue(run.rejectsBetween(stale.timeNs, fresh.timeNs, RejectReason.RISK_REDUCING_ONLY)
            + run.rejectsBetween(stale.timeNs, fresh.timeNs, RejectReason.RISK_STALE_MARKET_DATA) > 0);
    }

    @Test
    void slippageCancelsAndMakesTheInstrumentReducing()
    {
        // a buy joining the bid fills a tick or more above the last trade it was decided at when that traded at the bid
        // (1 to 2 bp): a limit of 0.1 bp is crossed
        final Run run = Run.of(List.of("kill.slippage=0.00001"), OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_SLIPPAGE);
        assertEquals(TradingState.REDUCING, trip.state);
        assertTrue(trip.instrumentId != 0, "per-instrument scope");
        assertTrue(trip.value > 0.00001);
        run.assertNoGrowingOrderAfter(trip, trip.instrumentId);
    }

    @Test
    void positionLimitBreachCancelsThatInstrumentAndMakesItReducing()
    {
        // 0.4% of a 10,000,000 NAV is 40,000: 800 lots (the strategy's largest target) of MRDA at 50.00. The checks let
        // a position reach it at the current mark; a price move then breaches it (3% jumps make that quick)
        final Run run = Run.of(List.of("risk.maxPositionNav=0.004", "market.jumpProbability=0.002",
            "market.jumpSizeBps=300"), OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_POSITION_LIMIT);
        assertEquals(TradingState.REDUCING, trip.state);
        assertTrue(trip.instrumentId != 0, "per-instrument scope");
        assertTrue(trip.value > 0.004);
        run.assertNoGrowingOrderAfter(trip, trip.instrumentId);
    }

    @Test
    void volatilitySpikeReducesEveryPositionByHalf()
    {
        final Run run = Run.of(List.of("risk.proxyHighVol=0.0001", "risk.proxyCrisisVol=0.0002",
            "risk.proxyHalfLifeSamples=1"), OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_VOLATILITY_SPIKE);
        assertEquals(TradingState.REDUCING, trip.state);
        final Map<Integer, Long> positions = run.positionsAt(trip.index);
        final List<Rec> reductions = run.newOrdersAfter(trip);
        for (final Map.Entry<Integer, Long> p : positions.entrySet())
        {
            if (p.getValue() != 0)
            {
                final long expected = Math.round(Math.abs(p.getValue()) * 0.5);
                assertTrue(reductions.stream().anyMatch(o -> o.instrumentId == p.getKey() && o.qty == expected
                    && o.side == (p.getValue() > 0 ? Side.SELL : Side.BUY)),
                    "half of " + p.getValue() + " on instrument " + p.getKey() + " sold down: " + reductions);
            }
        }
        assertTrue(run.rejectsAfter(trip, RejectReason.RISK_REDUCING_ONLY)
            + run.rejectsAfter(trip, RejectReason.RISK_CRISIS_REGIME) > 0, "no new risk after the trip");
    }

    @Test
    void operatorHaltStopsNewOrders()
    {
        final Run run = Run.of(List.of(),
            OperatorSchedule.builder().add(START + 30 * SECOND, OperatorCommand.HALT, 0, 0).build(), null);
        final Rec trip = run.firstState(RejectReason.KILL_OPERATOR_HALT);
        assertEquals(TradingState.HALTED, trip.state);
        run.assertNoNewOrderAfter(trip);
    }

    @Test
    void throttleBecomesAHalt()
    {
        final Run run = Run.of(List.of("risk.maxMessagesPerSecond=3", "kill.throttleHaltAfter=5"),
            OperatorSchedule.none(), null);
        final Rec trip = run.firstState(RejectReason.KILL_THROTTLE);
        assertEquals(TradingState.HALTED, trip.state);
        assertEquals(5.0, trip.value);
        assertEquals(5, run.rejectsBetween(START, trip.timeNs + 1, RejectReason.RISK_THROTTLE_MESSAGE_RATE)
            + run.rejectsBetween(START, trip.timeNs + 1, RejectReason.RISK_THROTTLE_ORDER_TO_TRADE));
        run.assertNoNewOrderAfter(trip);
    }

    @Test
    void flattenDeclaresFlatOnlyWhenTheVenueConfirmedEverything()
    {
        final Run run = Run.of(List.of(),
            OperatorSchedule.builder().add(START + 30 * SECOND, OperatorCommand.FLATTEN, 0, 0).build(), null);
        final Rec flatten = run.firstState(RejectReason.KILL_OPERATOR_FLATTEN);
        assertEquals(TradingState.FLATTENING, flatten.state);
        final Rec flat = run.firstState(RejectReason.KILL_FLAT_CONFIRMED);
        assertEquals(TradingState.HALTED, flat.state);
        assertEquals(TradingState.FLATTENING, flat.previousState);
        assertTrue(flat.index > flatten.index);
        // at the flat record: every position rebuilt from the venue's fills is zero, every order is done at the venue
        run.positionsAt(flat.index).forEach((id, qty) -> assertEquals(0L, qty, "position of " + id));
        assertEquals(0, run.liveOrdersAt(flat.index), "orders the venue has not finished");
        // and not one event earlier: something was still open just before
        final int before = flat.index - 1;
        assertTrue(run.liveOrdersAt(before) > 0 || run.positionsAt(before).values().stream().anyMatch(q -> q != 0),
            "flat was declared on the event that made it flat");
        run.assertNoGrowingOrdersAfter(flatten);
    }

    /** Optional injected input: a CONNECTIVITY DOWN at a time, or a gap in one instrument's market data. */
    record Injection(long downAtNs, int gapInstrumentId, long gapFromNs, long gapToNs)
    {
    }

    /** Wraps the synthetic market: inserts the venue-down record, drops one instrument's data during a gap. */
    private static final class InjectingMarket implements MarketDataSource
    {
        private final MarketDataSource inner;
        private final Injection injection;
        private final UnsafeBuffer held = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        private int heldLength;
        private boolean downSent;

        InjectingMarket(final MarketDataSource inner, final Injection injection)
        {
            this.inner = inner;
            this.injection = injection;
            this.downSent = injection.downAtNs() < 0;
        }

        private void fill()
        {
            while (heldLength == 0)
            {
                final int length = inner.next(held, 0);
                final long t = Header.eventTimeNs(held, 0);
                final boolean dropped = Header.instrumentId(held, 0) == injection.gapInstrumentId()
                    && t >= injection.gapFromNs() && t < injection.gapToNs();
                if (!dropped)
                {
                    heldLength = length;
                }
            }
        }

        @Override
        public long peekTimeNs()
        {
            fill();
            final long next = Header.eventTimeNs(held, 0);
            return downSent ? next : Math.min(next, injection.downAtNs());
        }

        @Override
        public int next(final MutableDirectBuffer buffer, final int offset)
        {
            fill();
            if (!downSent && injection.downAtNs() <= Header.eventTimeNs(held, 0))
            {
                downSent = true;
                buffer.setMemory(offset, ConnectivityCodec.LENGTH, (byte)0);
                Header.write(buffer, offset, ConnectivityCodec.TYPE, ConnectivityCodec.LENGTH, 0, 0,
                    injection.downAtNs(), 0, 0, 1);
                ConnectivityCodec.venueId(buffer, offset, 1);
                ConnectivityCodec.state(buffer, offset, ConnectivityState.DOWN);
                return ConnectivityCodec.LENGTH;
            }
            final int length = heldLength;
            buffer.putBytes(offset, held, 0, length);
            heldLength = 0;
            return length;
        }
    }

    /** One record of the run, inputs and outputs in the order the engine saw and wrote them (not java.lang.Record). */
    static final class Rec
    {
        int index;
        boolean input;
        byte type;
        long timeNs;
        int instrumentId;
        byte state;
        byte previousState;
        short reason;
        double limit;
        double value;
        byte command;
        byte side;
        long qty;
        long clOrdId;
        long origClOrdId;
        byte execType;
        long lastQty;
        long leaves;
        boolean accepted;

        @Override
        public String toString()
        {
            return RecordType.name(type) + "@" + index + "{inst=" + instrumentId + ", side=" + side + ", qty=" + qty
                + "}";
        }
    }

    /** A backtest's records and helpers to read them. */
    private static final class Run implements Backtest.RecordSink
    {
        final List<Rec> records = new ArrayList<>();
        static Run of(final List<String> overrides, final OperatorSchedule operator, final Injection injection)
        {
            final List<String> all = new ArrayList<>(overrides);
            all.add(0, "kill.dailyLossLimit=1e12");
            if (overrides.stream().anyMatch(o -> o.startsWith("kill.dailyLossLimit")))
            {
                all.remove(0);
            }
            final EngineConfig config = ConfigLoader.loadProfile("demo", all);
            final MarketDataSource synthetic = SimulatedWorld.market(config);
            final MarketDataSource market = injection == null ? synthetic : new InjectingMarket(synthetic, injection);
            final EventMerger merger = new EventMerger(market, sink -> SimulatedWorld.venue(config, sink),
                new TimerSchedule(START, SimulatedWorld.timerIntervalNs(config)), operator);
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
            final Rec r = base(buffer, offset, true);
            if (r.type == RecordType.EXEC_REPORT)
            {
                r.execType = ExecReportCodec.execType(buffer, offset);
                r.clOrdId = ExecReportCodec.clOrdId(buffer, offset);
                r.lastQty = ExecReportCodec.lastQty(buffer, offset);
                r.leaves = ExecReportCodec.leavesQty(buffer, offset);
            }
            records.add(r);
        }

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            final Rec r = base(buffer, offset, false);
            switch (r.type)
            {
                case RecordType.TRADING_STATE:
                    r.state = TradingStateChangeCodec.state(buffer, offset);
                    r.previousState = TradingStateChangeCodec.previousState(buffer, offset);
                    r.reason = TradingStateChangeCodec.reasonCode(buffer, offset);
                    r.limit = TradingStateChangeCodec.limit(buffer, offset);
                    r.value = TradingStateChangeCodec.value(buffer, offset);
                    break;
                case RecordType.ORDER_COMMAND:
                    r.command = OrderCommandCodec.command(buffer, offset);
                    r.side = OrderCommandCodec.side(buffer, offset);
                    r.qty = OrderCommandCodec.qty(buffer, offset);
                    r.clOrdId = OrderCommandCodec.clOrdId(buffer, offset);
                    r.origClOrdId = OrderCommandCodec.origClOrdId(buffer, offset);
                    break;
                case RecordType.RISK_DECISION:
                    r.reason = RiskDecisionCodec.reasonCode(buffer, offset);
                    r.accepted = RiskDecisionCodec.accepted(buffer, offset) == 1;
                    break;
                default:
                    break;
            }
            records.add(r);
        }

        private Rec base(final DirectBuffer buffer, final int offset, final boolean input)
        {
            final Rec r = new Rec();
            r.index = records.size();
            r.input = input;
            r.type = Header.type(buffer, offset);
            r.timeNs = Header.eventTimeNs(buffer, offset);
            r.instrumentId = Header.instrumentId(buffer, offset);
            return r;
        }

        Rec firstState(final RejectReason reason)
        {
            return records.stream().filter(r -> r.type == RecordType.TRADING_STATE && r.reason == reason.code())
                .findFirst().orElseThrow(() -> new AssertionError("no TRADING_STATE " + reason));
        }

        List<Rec> newOrdersAfter(final Rec after)
        {
            return records.stream().filter(r -> r.index > after.index && r.type == RecordType.ORDER_COMMAND
                && r.command == OrderCommandType.NEW).toList();
        }

        void assertNoNewOrderAfter(final Rec after)
        {
            assertEquals(List.of(), newOrdersAfter(after), "no new order after " + after);
        }

        void assertMassCancelAfter(final Rec after)
        {
            assertTrue(records.stream().anyMatch(r -> r.index > after.index && r.index <= after.index + 3
                && r.type == RecordType.ORDER_COMMAND && r.command == OrderCommandType.MASS_CANCEL)
                || liveOrdersAt(after.index) == 0, "mass cancel right after the trip (or nothing was working)");
        }

        void assertNoGrowingOrderAfter(final Rec after, final int instrumentId)
        {
            final Map<Integer, Long> positions = positionsAt(after.index);
            long position = positions.getOrDefault(instrumentId, 0L);
            for (final Rec r : records)
            {
                if (r.index <= after.index || r.instrumentId != instrumentId)
                {
                    continue;
                }
                if (r.type == RecordType.ORDER_COMMAND && r.command == OrderCommandType.NEW)
                {
                    final long signed = r.side == Side.BUY ? r.qty : -r.qty;
                    assertTrue(Math.abs(position + signed) <= Math.abs(position),
                        "order " + r + " grows position " + position);
                }
                if (r.type == RecordType.EXEC_REPORT && isFill(r))
                {
                    position = positionsAt(r.index + 1).getOrDefault(instrumentId, 0L);
                }
            }
        }

        void assertNoGrowingOrdersAfter(final Rec after)
        {
            for (final Integer id : List.of(1, 2, 3))
            {
                assertNoGrowingOrderAfter(after, id);
            }
        }

        long rejectsAfter(final Rec after, final RejectReason reason)
        {
            return records.stream().filter(r -> r.index > after.index && r.type == RecordType.RISK_DECISION
                && r.reason == reason.code()).count();
        }

        long rejectsBetween(final long fromNs, final long toNs, final RejectReason reason)
        {
            return records.stream().filter(r -> r.timeNs >= fromNs && r.timeNs < toNs
                && r.type == RecordType.RISK_DECISION && r.reason == reason.code()).count();
        }

        private static boolean isFill(final Rec r)
        {
            return r.execType == ExecType.FILL || r.execType == ExecType.PARTIAL_FILL;
        }

        /** Positions by instrument id from the venue's fills in the records before {@code index}. */
        Map<Integer, Long> positionsAt(final int index)
        {
            final Map<Long, Rec> orders = new HashMap<>();
            final Map<Integer, Long> positions = new HashMap<>();
            for (final Rec r : records.subList(0, index))
            {
                if (r.type == RecordType.ORDER_COMMAND && r.command == OrderCommandType.NEW)
                {
                    orders.put(r.clOrdId, r);
                }
                if (r.type == RecordType.EXEC_REPORT && isFill(r))
                {
                    final Rec order = orders.get(r.clOrdId);
                    final long signed = order.side == Side.BUY ? r.lastQty : -r.lastQty;
                    positions.merge(order.instrumentId, signed, Long::sum);
                }
            }
            return positions;
        }

        /** Orders sent before {@code index} that the venue has not finished (filled, cancelled or rejected). */
        int liveOrdersAt(final int index)
        {
            final Map<Long, Boolean> live = new HashMap<>();
            for (final Rec r : records.subList(0, index))
            {
                if (r.type == RecordType.ORDER_COMMAND && r.command == OrderCommandType.NEW)
                {
                    live.put(r.clOrdId, true);
                }
                if (r.type == RecordType.EXEC_REPORT && (r.execType == ExecType.CANCELLED
                    || r.execType == ExecType.REJECTED || (isFill(r) && r.leaves == 0)))
                {
                    live.remove(r.clOrdId);
                }
            }
            return live.size();
        }
    }
}
