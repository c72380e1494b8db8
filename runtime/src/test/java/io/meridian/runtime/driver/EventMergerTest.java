package io.meridian.runtime.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OperatorCommand;
import io.meridian.engine.api.SourceIds;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OperatorCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.gateway.world.SimulatedWorld;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The one event-merging loop: event-time order across sources, the tie order (venue, timer, operator, market),
 * operator commands as OPERATOR records (scheduled ones and live ones from an {@link OperatorInbox}), and a pure
 * function of its sources.
 */
class EventMergerTest
{
    private static final EngineConfig CONFIG = ConfigLoader.loadProfile("demo", List.of());

    @Test
    void shouldEmitEveryRecordInEventTimeOrderWithTimersBetweenMarketData()
    {
        final EventMerger merger = EventMerger.simulated(CONFIG);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        long last = Long.MIN_VALUE;
        int timers = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final int length = merger.next(buffer, 0);
            assertEquals(length, Header.length(buffer, 0));
            assertEquals(0, Header.sequence(buffer, 0), "the sequencer stamps the sequence");
            final long time = Header.eventTimeNs(buffer, 0);
            assertTrue(time >= last, "event " + i + " at " + time + " after " + last);
            last = time;
            if (Header.type(buffer, 0) == RecordType.TIMER)
            {
                timers++;
                assertEquals(SimulatedWorld.START_TIME_NS + timers * SimulatedWorld.timerIntervalNs(CONFIG), time);
            }
        }
        // 20,000 events at a mean 1 ms apart span about 20 simulated seconds: one timer a second
        assertTrue(timers >= 15 && timers <= 25, "timers: " + timers);
        assertEquals(timers, merger.timerEvents());
        assertEquals(20_000 - timers, merger.marketEvents());
    }

    @Test
    void shouldMergeOperatorCommandsByTimeAfterATimerAtTheSameTime()
    {
        final long firstTimer = SimulatedWorld.START_TIME_NS + SimulatedWorld.timerIntervalNs(CONFIG);
        final OperatorSchedule operator = OperatorSchedule.builder()
            .add(firstTimer, OperatorCommand.HALT, 0, 0)
            .add(firstTimer + 5, OperatorCommand.RESUME, 0, 0)
            .build();
        final EventMerger merger = new EventMerger(SimulatedWorld.market(CONFIG),
            sink -> SimulatedWorld.venue(CONFIG, sink), new TimerSchedule(SimulatedWorld.START_TIME_NS,
            SimulatedWorld.timerIntervalNs(CONFIG)), operator);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        byte previous = 0;
        int operators = 0;
        while (operators < 2)
        {
            merger.next(buffer, 0);
            final byte type = Header.type(buffer, 0);
            if (type == RecordType.OPERATOR)
            {
                operators++;
                assertEquals(SourceIds.OPERATOR, Header.sourceId(buffer, 0));
                assertEquals(operators, Header.sourceSequence(buffer, 0));
                if (operators == 1)
                {
                    assertEquals(RecordType.TIMER, previous, "a timer at the same time goes first");
                    assertEquals(firstTimer, Header.eventTimeNs(buffer, 0));
                    assertEquals(OperatorCommand.HALT, OperatorCodec.command(buffer, 0));
                }
                else
                {
                    assertEquals(OperatorCommand.RESUME, OperatorCodec.command(buffer, 0));
                }
            }
            previous = type;
        }
        assertEquals(2, merger.operatorCommands());
        assertEquals(Long.MAX_VALUE, operator.peekTimeNs());
    }

    @Test
    void shouldBeAPureFunctionOfItsSources()
    {
        assertArrayEquals(stream(5_000), stream(5_000));
    }

    @Test
    void shouldTakeALiveOperatorCommandNextAtTheLatestEventTime()
    {
        final OperatorInbox inbox = new OperatorInbox();
        final EventMerger merger = EventMerger.simulated(CONFIG).operatorInbox(inbox);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Header.MAX_RECORD_LENGTH]);
        final long early = inbox.submit(OperatorCommand.HALT, 0, OperatorCodec.packOperator("alice"));
        merger.next(buffer, 0);
        assertTrue(Header.type(buffer, 0) != RecordType.OPERATOR, "no operator record before any event time");
        final long latest = Header.eventTimeNs(buffer, 0);
        assertEquals(RecordType.OPERATOR, firstOperator(merger, buffer));
        assertEquals(latest, Header.eventTimeNs(buffer, 0), "at the latest event time merged so far");
        assertEquals(OperatorCommand.HALT, OperatorCodec.command(buffer, 0));
        assertEquals("alice", OperatorCodec.unpackOperator(OperatorCodec.operator(buffer, 0)));
        assertEquals(0, Header.instrumentId(buffer, 0));
        assertEquals(SourceIds.OPERATOR, Header.sourceId(buffer, 0));
        assertEquals(early, merger.takeOperatorRequest());
        assertEquals(-1, merger.takeOperatorRequest(), "taken once");
        assertEquals(-1, inbox.sequenceOf(early), "no sequence before the driver reports one");
        inbox.completed(early, 4321);
        assertEquals(4321, inbox.sequenceOf(early));

        final long scoped = inbox.submit(OperatorCommand.FLATTEN, 2, OperatorCodec.packOperator("bob"));
        merger.next(buffer, 0);
        assertEquals(RecordType.OPERATOR, Header.type(buffer, 0));
        assertEquals(2, Header.instrumentId(buffer, 0));
        assertEquals(OperatorCommand.FLATTEN, OperatorCodec.command(buffer, 0));
        assertEquals(scoped, merger.takeOperatorRequest());
        assertEquals(2, merger.operatorCommands());
    }

    private static byte firstOperator(final EventMerger merger, final UnsafeBuffer buffer)
    {
        merger.next(buffer, 0);
        return Header.type(buffer, 0);
    }

    @Test
    void shouldRefuseOperatorCommandsOutOfOrderOrUnknown()
    {
        final OperatorSchedule.Builder builder = OperatorSchedule.builder().add(100, OperatorCommand.HALT, 0, 0);
        final IllegalArgumentException backwards =
            assertThrows(IllegalArgumentException.class, () -> builder.add(99, OperatorCommand.RESUME, 0, 0));
        assertTrue(backwards.getMessage().contains("99 ns is before the previous one at 100 ns"),
            backwards.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.add(200, (byte)42, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimerSchedule(0, 0));
    }

    private static byte[] stream(final int events)
    {
        final EventMerger merger = EventMerger.simulated(CONFIG);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[events * Header.MAX_RECORD_LENGTH]);
        int offset = 0;
        for (int i = 0; i < events; i++)
        {
            offset += merger.next(buffer, offset);
        }
        final byte[] bytes = new byte[offset];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
