package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.engine.testing.Allocations;
import io.meridian.gateway.world.SimulatedWorld;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.driver.OperatorSchedule;
import io.meridian.runtime.driver.TimerSchedule;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

/**
 * The backtest on the one driver: deterministic byte for byte, every input sequenced and journaled before its
 * decisions, an operator command merged by time reaches the engine (it halts trading), and the driver, venue,
 * market and engine together allocate nothing per event in steady state.
 */
class BacktestTest
{
    private static final EngineConfig CONFIG = ConfigLoader.loadProfile("demo", List.of("kill.dailyLossLimit=1e12"));
    private static final int EVENTS = 30_000;

    @Test
    void shouldProduceTheSameJournalBytesTwice()
    {
        final Recording first = run(EventMerger.simulated(CONFIG));
        final Recording second = run(EventMerger.simulated(CONFIG));
        assertTrue(first.orders > 0, "the demo strategy trades");
        assertTrue(first.reports > 0, "the venue answers");
        assertArrayEquals(first.inputBytes(), second.inputBytes());
        assertArrayEquals(first.outputBytes(), second.outputBytes());
    }

    @Test
    void shouldSequenceAndJournalEveryInput()
    {
        final Recording recording = run(EventMerger.simulated(CONFIG));
        assertEquals(EVENTS, recording.inputs);
        long expected = 0;
        int offset = 0;
        while (offset < recording.inputLength)
        {
            assertEquals(expected++, Header.sequence(recording.input, offset));
            assertEquals(Header.eventTimeNs(recording.input, offset), Header.receiveTimeNs(recording.input, offset));
            offset += Header.length(recording.input, offset);
        }
    }

    @Test
    void shouldHaltTradingOnAScheduledOperatorCommand()
    {
        final long haltAtNs = SimulatedWorld.START_TIME_NS + 10_000_000_000L;
        final OperatorSchedule operator = OperatorSchedule.builder().add(haltAtNs, OperatorCommand.HALT, 0, 0).build();
        final EventMerger merger = new EventMerger(SimulatedWorld.market(CONFIG),
            sink -> SimulatedWorld.venue(CONFIG, sink),
            new TimerSchedule(SimulatedWorld.START_TIME_NS, SimulatedWorld.timerIntervalNs(CONFIG)), operator);
        final Recording recording = run(merger);
        assertEquals(1, merger.operatorCommands());
        assertEquals(1, recording.halts, "one TRADING_STATE change to HALTED");
        assertEquals(0, recording.ordersAfterHalt, "no new order after the halt");
        assertTrue(recording.orders > 0, "orders before the halt");
    }

    @Test
    void shouldAllocateNothingPerEventInSteadyStateDriverAndEngineIncluded()
    {
        try (Scorer scorer = Scorers.create(CONFIG.model().scorer(), CONFIG.model().path()))
        {
            final Backtest.RecordSink discard = new Backtest.RecordSink()
            {
                @Override
                public void onInput(final DirectBuffer buffer, final int offset, final int length)
                {
                }

                @Override
                public void onOutput(final DirectBuffer buffer, final int offset, final int length)
                {
                }
            };
            final Backtest backtest = new Backtest(CONFIG, scorer, EventMerger.simulated(CONFIG), discard, null, null);
            backtest.run(200_000, null, 200_000);
            final Runnable window = () -> backtest.run(50_000, null, 50_000);
            Allocations.assertSteadyStateAllocatesNothing("50000 backtest events", window);
        }
    }

    private static Recording run(final EventMerger merger)
    {
        final Recording recording = new Recording();
        try (Scorer scorer = Scorers.create(CONFIG.model().scorer(), CONFIG.model().path()))
        {
            final Backtest backtest = new Backtest(CONFIG, scorer, merger, recording, null, null);
            assertEquals(EVENTS, backtest.run(EVENTS, null, EVENTS));
            recording.reports = merger.venueReports();
        }
        return recording;
    }

    /** Every record, back to back, and counts of new orders and halts. */
    private static final class Recording implements Backtest.RecordSink
    {
        final ExpandableArrayBuffer input = new ExpandableArrayBuffer(1 << 20);
        final ExpandableArrayBuffer output = new ExpandableArrayBuffer(1 << 20);
        int inputLength;
        int outputLength;
        int inputs;
        long orders;
        long reports;
        int halts;
        int ordersAfterHalt;

        @Override
        public void onInput(final DirectBuffer buffer, final int offset, final int length)
        {
            input.putBytes(inputLength, buffer, offset, length);
            inputLength += length;
            inputs++;
        }

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            output.putBytes(outputLength, buffer, offset, length);
            outputLength += length;
            final byte type = Header.type(buffer, offset);
            if (type == RecordType.ORDER_COMMAND && OrderCommandCodec.command(buffer, offset) == OrderCommandType.NEW)
            {
                orders++;
                if (halts > 0)
                {
                    ordersAfterHalt++;
                }
            }
            if (type == RecordType.TRADING_STATE
                && TradingStateChangeCodec.state(buffer, offset) == TradingState.HALTED)
            {
                halts++;
            }
        }

        byte[] inputBytes()
        {
            final byte[] bytes = new byte[inputLength];
            input.getBytes(0, bytes);
            return bytes;
        }

        byte[] outputBytes()
        {
            final byte[] bytes = new byte[outputLength];
            output.getBytes(0, bytes);
            return bytes;
        }
    }
}
