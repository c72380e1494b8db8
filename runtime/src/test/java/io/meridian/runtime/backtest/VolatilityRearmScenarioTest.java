package io.meridian.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.config.ConfigLoader;
import io.meridian.config.EngineConfig;
import io.meridian.engine.api.OrderCommandType;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Side;
import io.meridian.engine.api.TradingState;
import io.meridian.engine.codec.ExecReportCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.OrderCommandCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradingStateChangeCodec;
import io.meridian.engine.api.ExecType;
import io.meridian.engine.feature.FeatureSchema;
import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorer;
import io.meridian.engine.model.Scorers;
import io.meridian.journal.JournalWriter;
import io.meridian.journal.ReplayVerifier;
import io.meridian.journal.RunManifest;
import io.meridian.runtime.driver.EventMerger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill switch 6 through the pipeline and the simulated venue, end to end: volatility reaches the CRISIS level
 * (REDUCING, {@code KILL_VOLATILITY_SPIKE}), every position is sold down by half, volatility falls back below the
 * level (ACTIVE again, {@code KILL_VOLATILITY_PASSED}, value below the limit), and the strategy opens risk again; the
 * journaled run replays identically. The realized-volatility proxy's thresholds are set where the demo market's
 * one-minute volatility crosses them both ways (half-life one sample, so the level follows the last minute's move).
 */
class VolatilityRearmScenarioTest
{
    private static final int EVENTS = 400_000;
    private static final List<String> OVERRIDES = List.of("kill.dailyLossLimit=1e12", "kill.dailyLossNav=1",
        "kill.maxDrawdown=1", "kill.maxMonthLoss=1", "risk.proxyHighVol=2", "risk.proxyCrisisVol=4",
        "risk.proxyHalfLifeSamples=1");

    /** One output record the scenario looks at. */
    private record Out(int index, byte type, long timeNs, int instrumentId, byte state, byte previous, short reason,
        double value, double limit, byte command, byte side, long qty, long clOrdId)
    {
        boolean isState(final RejectReason trigger)
        {
            return type == RecordType.TRADING_STATE && reason == trigger.code();
        }

        boolean isNew()
        {
            return type == RecordType.ORDER_COMMAND && command == OrderCommandType.NEW;
        }
    }

    @Test
    void shouldReArmAfterTheSpikeAndTradeAgain(@TempDir final Path dir)
    {
        final List<String> overrides = overrides();
        final EngineConfig config = ConfigLoader.loadProfile("demo", overrides);
        final Path journalDir = dir.resolve("journal");
        final List<Out> out = new ArrayList<>();
        try (Scorer scorer = Scorers.create(config.model().scorer(), config.model().path());
            JournalWriter writer = JournalWriter.open(journalDir, manifest(config, overrides)))
        {
            final Backtest.RecordSink journal = Backtest.journal(writer);
            final Backtest.RecordSink tee = new Backtest.RecordSink()
            {
                @Override
                public void onInput(final DirectBuffer buffer, final int offset, final int length)
                {
                    journal.onInput(buffer, offset, length);
                    if (Header.type(buffer, offset) == RecordType.EXEC_REPORT)
                    {
                        final byte exec = ExecReportCodec.execType(buffer, offset);
                        if (exec == ExecType.FILL || exec == ExecType.PARTIAL_FILL)
                        {
                            // a fill, as a pseudo-record after the outputs so far: instrument, qty, clOrdId
                            out.add(new Out(out.size(), RecordType.EXEC_REPORT, Header.eventTimeNs(buffer, offset),
                                Header.instrumentId(buffer, offset), (byte)0, (byte)0, (short)0, 0, 0, (byte)0,
                                (byte)0, ExecReportCodec.lastQty(buffer, offset),
                                ExecReportCodec.clOrdId(buffer, offset)));
                        }
                    }
                }

                @Override
                public void onOutput(final DirectBuffer buffer, final int offset, final int length)
                {
                    journal.onOutput(buffer, offset, length);
                    record(out, buffer, offset);
                }
            };
            new Backtest(config, scorer, EventMerger.simulated(config), tee, null, null).run(EVENTS, null,
                EVENTS);
        }
        final Out spike = out.stream().filter(r -> r.isState(RejectReason.KILL_VOLATILITY_SPIKE)).findFirst()
            .orElseThrow(() -> new AssertionError("no KILL_VOLATILITY_SPIKE"));
        assertEquals(TradingState.REDUCING, spike.state);
        assertTrue(spike.value >= 4.0, "at the crisis level: " + spike.value);
        final Out passed = out.stream().filter(r -> r.index > spike.index
            && r.isState(RejectReason.KILL_VOLATILITY_PASSED)).findFirst()
            .orElseThrow(() -> new AssertionError("no KILL_VOLATILITY_PASSED after the spike"));
        assertEquals(TradingState.ACTIVE, passed.state);
        assertEquals(TradingState.REDUCING, passed.previous);
        assertEquals(4.0, passed.limit);
        assertTrue(passed.value < 4.0, "below the crisis level: " + passed.value);
        assertTrue(out.stream().noneMatch(r -> r.index > spike.index && r.index < passed.index
            && r.type == RecordType.TRADING_STATE), "nothing else in between");

        // the spike sold every position down by half, and nothing between spike and re-arm grew a position
        final Map<Integer, Long> atSpike = positions(out, spike.index);
        final List<Out> during = out.stream().filter(r -> r.index > spike.index && r.index < passed.index
            && r.isNew()).toList();
        atSpike.forEach((id, position) ->
        {
            if (position != 0)
            {
                final long half = Math.round(Math.abs(position) * 0.5);
                assertTrue(during.stream().anyMatch(o -> o.instrumentId == id && o.qty == half
                    && o.side == (position > 0 ? Side.SELL : Side.BUY)), "half of " + position + " of " + id);
            }
        });
        for (final Out order : during)
        {
            final long position = positions(out, order.index).getOrDefault(order.instrumentId, 0L);
            final long signed = order.side == Side.BUY ? order.qty : -order.qty;
            assertTrue(Math.abs(position + signed) <= Math.abs(position)
                && Long.signum(position + signed) != -Long.signum(position), "reducing only: " + order);
        }
        assertTrue(!during.isEmpty(), "the reductions were sent");

        // re-armed: the strategy opens risk again before the next spike
        final long nextSpike = out.stream().filter(r -> r.index > passed.index
            && r.isState(RejectReason.KILL_VOLATILITY_SPIKE)).mapToLong(Out::index).findFirst().orElse(out.size());
        assertTrue(out.stream().filter(r -> r.index > passed.index && r.index < nextSpike && r.isNew()).anyMatch(o ->
        {
            final long position = positions(out, o.index).getOrDefault(o.instrumentId, 0L);
            final long signed = o.side == Side.BUY ? o.qty : -o.qty;
            return Math.abs(position + signed) > Math.abs(position);
        }), "a risk-increasing order after the re-arm");

        final ReplayVerifier.Result verdict = ReplayVerifier.verify(journalDir, List.of());
        assertTrue(verdict.identical(), verdict.line());
    }

    /** Positions by instrument id from the fills before {@code index} (fills carry the order's clOrdId). */
    private static Map<Integer, Long> positions(final List<Out> out, final int index)
    {
        final Map<Long, Out> orders = new HashMap<>();
        final Map<Integer, Long> positions = new HashMap<>();
        for (final Out r : out.subList(0, index))
        {
            if (r.isNew())
            {
                orders.put(r.clOrdId, r);
            }
            else if (r.type == RecordType.EXEC_REPORT)
            {
                final Out order = orders.get(r.clOrdId);
                positions.merge(order.instrumentId, order.side == Side.BUY ? r.qty : -r.qty, Long::sum);
            }
        }
        return positions;
    }

    private static List<String> overrides()
    {
        return OVERRIDES;
    }

    private static void record(final List<Out> out, final DirectBuffer buffer, final int offset)
    {
        final byte type = Header.type(buffer, offset);
        final long t = Header.eventTimeNs(buffer, offset);
        final int id = Header.instrumentId(buffer, offset);
        if (type == RecordType.TRADING_STATE)
        {
            out.add(new Out(out.size(), type, t, id, TradingStateChangeCodec.state(buffer, offset),
                TradingStateChangeCodec.previousState(buffer, offset),
                TradingStateChangeCodec.reasonCode(buffer, offset), TradingStateChangeCodec.value(buffer, offset),
                TradingStateChangeCodec.limit(buffer, offset), (byte)0, (byte)0, 0, 0));
        }
        else if (type == RecordType.ORDER_COMMAND)
        {
            out.add(new Out(out.size(), type, t, id, (byte)0, (byte)0, (short)0, 0, 0,
                OrderCommandCodec.command(buffer, offset), OrderCommandCodec.side(buffer, offset),
                OrderCommandCodec.qty(buffer, offset), OrderCommandCodec.clOrdId(buffer, offset)));
        }
    }

    private static String manifest(final EngineConfig config, final List<String> overrides)
    {
        final String model = config.model().path();
        return new RunManifest("test", "volatility-rearm-test", "backtest", "2026-01-01T00:00:00Z", "profile:demo",
            ConfigLoader.configHash(config), overrides, model, ModelFiles.sha256Hex(ModelFiles.read(model)),
            FeatureSchema.hash(), config.model().scorer(), config.run().seed(), ConfigLoader.canonicalYaml(config))
            .toText();
    }
}
