package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskSnapshotCodec;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.testing.Records;
import io.meridian.engine.testing.RecordingSink;
import io.meridian.engine.testing.TestEngines;
import io.meridian.engine.testing.TestMarket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The real-time risk monitor's RISK_SNAPSHOT records: one on the first event at or after each {@code
 * monitor.intervalMs} boundary of event time (never two for one event, whatever the gap), carrying the account's
 * figures; and its historical VaR and CVaR equal an independent computation (sort, R's type-7 quantile, mean of the
 * tail) over the NAV returns between the journaled timer snapshots themselves. Every other event that applied a fill
 * journals one more snapshot, with the exposures after the fill and no new return.
 */
class RiskSnapshotsTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldSnapshotOnTheFirstEventAtOrAfterEachIntervalBoundary()
    {
        final RecordingSink sink = new RecordingSink();
        final Pipeline pipeline = TestEngines.pipeline(sink, "monitor.intervalMs=100");
        final EventSlot slot = new EventSlot();
        final long base = 1_767_625_200_000_000_000L; // a whole second
        final long[] times = {50, 120, 150, 199, 200, 450, 460, 499, 500};
        final boolean[] expected = {true, true, false, false, true, true, false, false, true};
        for (int i = 0; i < times.length; i++)
        {
            sink.clear();
            Records.timer(slot.buffer, base + times[i] * MS);
            Header.sequence(slot.buffer, 0, i + 1);
            pipeline.onEvent(slot);
            final List<UnsafeBuffer> snapshots = sink.ofType(RecordType.RISK_SNAPSHOT);
            assertEquals(expected[i] ? 1 : 0, snapshots.size(), "event at " + times[i] + " ms");
            if (expected[i])
            {
                final UnsafeBuffer r = snapshots.get(0);
                assertEquals(i + 1, RiskSnapshotCodec.causeSequence(r, 0));
                assertEquals(base + times[i] * MS, Header.eventTimeNs(r, 0));
                assertEquals(0, Header.instrumentId(r, 0), "global");
                assertEquals(10_000_000.0, RiskSnapshotCodec.nav(r, 0), "the demo's start-of-day NAV, flat");
                assertEquals(0.0, RiskSnapshotCodec.grossExposure(r, 0));
                assertEquals(0.0, RiskSnapshotCodec.netExposure(r, 0));
                assertEquals(0.0, RiskSnapshotCodec.leverage(r, 0));
                assertEquals(0.0, RiskSnapshotCodec.drawdown(r, 0));
                assertEquals(0.0, RiskSnapshotCodec.monthPnl(r, 0));
                assertEquals(0.0, RiskSnapshotCodec.histVar95(r, 0), 0.0, "flat NAV: no risk");
            }
        }
        assertEquals(5, pipeline.orders().riskSnapshots().snapshots());
        assertEquals(4, pipeline.orders().riskSnapshots().returns(), "one return per snapshot after the first");
    }

    @Test
    void shouldWriteNothingWhenTheIntervalIsZero()
    {
        final RecordingSink sink = new RecordingSink();
        final Pipeline pipeline = TestEngines.pipeline(sink, "monitor.intervalMs=0");
        final EventSlot slot = new EventSlot();
        for (int i = 1; i <= 10; i++)
        {
            Records.timer(slot.buffer, i * 1_000L * MS);
            pipeline.onEvent(slot);
        }
        assertEquals(0, sink.ofType(RecordType.RISK_SNAPSHOT).size());
    }

    @Test
    void shouldMatchAnIndependentVarOverTheJournaledNavs()
    {
        final int window = 40;
        final TestMarket market = new TestMarket(3, 1_000_000, 11);
        final List<double[]> records = new ArrayList<>();
        final long[] lastTimerNs = {Long.MIN_VALUE};
        final OutboundSink tee = new OutboundSink()
        {
            @Override
            public void onRecord(final DirectBuffer buffer, final int offset, final int length)
            {
                market.onRecord(buffer, offset, length);
                if (Header.type(buffer, offset) == RecordType.RISK_SNAPSHOT
                    && timerSnapshot(Header.eventTimeNs(buffer, offset), 5 * MS, lastTimerNs))
                {
                    lastTimerNs[0] = Header.eventTimeNs(buffer, offset);
                    records.add(new double[] {RiskSnapshotCodec.nav(buffer, offset),
                        RiskSnapshotCodec.histVar95(buffer, offset), RiskSnapshotCodec.histCvar95(buffer, offset),
                        RiskSnapshotCodec.histVar99(buffer, offset), RiskSnapshotCodec.returns(buffer, offset),
                        RiskSnapshotCodec.grossExposure(buffer, offset), RiskSnapshotCodec.leverage(buffer, offset),
                        RiskSnapshotCodec.maxUsage(buffer, offset), RiskSnapshotCodec.maxUsageCode(buffer, offset)});
                }
            }
        };
        final Pipeline pipeline = TestEngines.pipeline(tee, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=5", "monitor.window=" + window);
        final EventSlot slot = new EventSlot();
        for (int i = 0; i < 20_000; i++)
        {
            market.next(slot.buffer);
            pipeline.onEvent(slot);
        }
        assertTrue(records.size() > 2 * window, "snapshots: " + records.size());
        assertTrue(pipeline.orders().fills() > 10, "positions moved NAV");
        int checked = 0;
        for (int k = window + 1; k < records.size(); k += 7)
        {
            final double[] returns = new double[window];
            for (int j = 0; j < window; j++)
            {
                final double before = records.get(k - window + j)[0];
                final double after = records.get(k - window + j + 1)[0];
                returns[j] = (after - before) / before;
            }
            final double[] r = records.get(k);
            assertEquals(window, (int)r[4]);
            // NAV in the record is rounded to cash units (4 decimals): compare at a tolerance of that size
            assertEquals(historicalVar(returns, 0.95), r[1], 1e-9, "VaR95 at snapshot " + k);
            assertEquals(historicalCvar(returns, 0.95), r[2], 1e-9, "CVaR95 at snapshot " + k);
            assertEquals(historicalVar(returns, 0.99), r[3], 1e-9, "VaR99 at snapshot " + k);
            assertEquals(r[5] / r[0], r[6], 1e-12, "leverage = gross / NAV");
            assertTrue(r[7] >= 0 && (r[8] == 0 || RejectReason.fromCode((int)r[8]) != null));
            checked++;
        }
        assertTrue(checked > 5);
        assertTrue(records.stream().anyMatch(r -> r[1] > 0), "some risk was measured");
    }

    /**
     * Whether a snapshot at {@code timeNs} is a timer one: the first in a later interval than the last timer snapshot
     * (the fill snapshots in between carry no new return).
     */
    private static boolean timerSnapshot(final long timeNs, final long intervalNs, final long[] lastTimerNs)
    {
        return lastTimerNs[0] == Long.MIN_VALUE
            || Math.floorDiv(timeNs, intervalNs) > Math.floorDiv(lastTimerNs[0], intervalNs);
    }

    @Test
    void shouldSnapshotAfterEveryFillWithoutAddingAReturn()
    {
        final TestMarket market = new TestMarket(3, 1_000_000, 11);
        final List<UnsafeBuffer> snapshots = new ArrayList<>();
        final OutboundSink tee = new OutboundSink()
        {
            @Override
            public void onRecord(final DirectBuffer buffer, final int offset, final int length)
            {
                market.onRecord(buffer, offset, length);
                if (Header.type(buffer, offset) == RecordType.RISK_SNAPSHOT)
                {
                    final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
                    copy.putBytes(0, buffer, offset, length);
                    snapshots.add(copy);
                }
            }
        };
        // one interval longer than the run: the first event's timer snapshot, then only fill snapshots
        final Pipeline pipeline = TestEngines.pipeline(tee, "risk.maxOrdersPerSecond=1000000",
            "monitor.intervalMs=3600000");
        final OrderManager orders = pipeline.orders();
        final EventSlot slot = new EventSlot();
        final List<Long> fillEvents = new ArrayList<>();
        final List<Double> grossAfter = new ArrayList<>();
        for (int i = 0; i < 5_000; i++)
        {
            market.next(slot.buffer);
            Header.sequence(slot.buffer, 0, i + 1);
            final long fillsBefore = orders.fills();
            final int before = snapshots.size();
            pipeline.onEvent(slot);
            if (i > 0 && orders.fills() != fillsBefore)
            {
                fillEvents.add((long)(i + 1));
                double gross = 0;
                for (int k = 0; k < 3; k++)
                {
                    gross += Math.abs(orders.positions().value(k));
                }
                grossAfter.add(gross / Scales.CASH_SCALE);
                assertEquals(before + 1, snapshots.size(), "one snapshot for the fill at event " + (i + 1));
            }
            else if (i > 0)
            {
                assertEquals(before, snapshots.size(), "no snapshot without a fill at event " + (i + 1));
            }
        }
        assertTrue(fillEvents.size() > 20, "fills: " + fillEvents.size());
        assertEquals(1 + fillEvents.size(), snapshots.size());
        assertEquals(fillEvents.size(), orders.riskSnapshots().fillSnapshots());
        assertEquals(snapshots.size(), orders.riskSnapshots().snapshots());
        assertEquals(0, orders.riskSnapshots().returns(), "fill snapshots add no return to the VaR window");
        for (int j = 0; j < fillEvents.size(); j++)
        {
            final UnsafeBuffer r = snapshots.get(j + 1);
            assertEquals(fillEvents.get(j), RiskSnapshotCodec.causeSequence(r, 0));
            assertEquals(0, RiskSnapshotCodec.returns(r, 0));
            assertEquals(grossAfter.get(j), RiskSnapshotCodec.grossExposure(r, 0), 1e-6,
                "gross exposure after the fill at event " + fillEvents.get(j));
        }
    }

    /** Loss quantile: minus R's quantile(type = 7) of the returns at 1 - level. */
    private static double historicalVar(final double[] returns, final double level)
    {
        final double[] sorted = returns.clone();
        Arrays.sort(sorted);
        final double h = (sorted.length - 1) * (1 - level);
        final int lo = (int)Math.floor(h);
        final int hi = Math.min(lo + 1, sorted.length - 1);
        return -(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
    }

    /** Mean loss of the returns at or below the quantile. */
    private static double historicalCvar(final double[] returns, final double level)
    {
        final double var = historicalVar(returns, level);
        double sum = 0;
        int n = 0;
        for (final double r : returns)
        {
            if (-r >= var)
            {
                sum += -r;
                n++;
            }
        }
        return n == 0 ? var : sum / n;
    }
}
