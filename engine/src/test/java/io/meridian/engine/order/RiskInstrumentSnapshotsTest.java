package io.meridian.engine.order;

import static io.meridian.engine.order.TwoInstrumentDesk.A;
import static io.meridian.engine.order.TwoInstrumentDesk.A_ASK;
import static io.meridian.engine.order.TwoInstrumentDesk.A_BID;
import static io.meridian.engine.order.TwoInstrumentDesk.B;
import static io.meridian.engine.order.TwoInstrumentDesk.B_ASK;
import static io.meridian.engine.order.TwoInstrumentDesk.B_BID;
import static io.meridian.engine.order.TwoInstrumentDesk.MS;
import static io.meridian.engine.order.TwoInstrumentDesk.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.api.ExecType;
import io.meridian.engine.api.Side;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.RiskInstrumentSnapshotCodec;
import io.meridian.engine.codec.RiskSnapshotCodec;
import io.meridian.engine.testing.SlotBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The risk monitor's per-instrument and total figures (RISK_INSTRUMENT_SNAPSHOT) on a hand-worked book: every number
 * below is computed by hand in the comments from the prices and fills of the scenario, not by the engine's code.
 *
 * <p>NAV starts at 10,000,000; fills pay no costs. A buys 100 at 50.01 (mid 50.00), B buys 50 at 120.02 (mid 120.00),
 * each filled in full. Marks then move, one timer snapshot every 100 ms:
 * <pre>
 *   snapshot  time  A mid   B mid   A P&amp;L  B P&amp;L  NAV          A return         B return          portfolio
 *   #0        0     50.00   120.00     0       0   10,000,000   -                -                 -
 *   #1        100   50.00   120.00    -1      -1    9,999,998   -1/10,000,000    -1/10,000,000     -2/10,000,000
 *   #2        200   51.00   120.00    99      -1   10,000,098   100/9,999,998    0                 100/9,999,998
 *   #3        300   51.00   118.00    99    -101    9,999,998   0                -100/10,000,098   -100/10,000,098
 *   #4        400   50.00   122.00    -1      99   10,000,098   -100/9,999,998   200/9,999,998     100/9,999,998
 * </pre>
 * (A P&amp;L = 100 x (mid - 50.01), B P&amp;L = 50 x (mid - 120.02); a return is the P&amp;L change over the NAV of the
 * snapshot before; the instruments' returns add up to the portfolio's.) At #4 A is worth 100 x 50 = 5,000 and B
 * 50 x 122 = 6,100: gross 11,100, shares 5,000/11,100 = 0.45045 and 6,100/11,100 = 0.54955, MRDC 0; the largest share
 * is 0.54955 and the Herfindahl-Hirschman index (5,000² + 6,100²) / 11,100² = 62,210,000 / 123,210,000 = 0.50491.
 * With 4 returns R's type-7 quantile at p sits at h = 3p between the sorted returns s0 and s1: h = 0.15 at 5% and 0.03
 * at 1%, so VaR = -(s0 + h (s1 - s0)); only s0 is at or below either quantile, so CVaR95 = CVaR99 = -s0.
 */
class RiskInstrumentSnapshotsTest
{
    private static final double Z95 = 1.6448536269514722;
    private static final double Z99 = 2.3263478740408408;

    private final TwoInstrumentDesk desk = new TwoInstrumentDesk("monitor.intervalMs=100");
    private final SlotBuilder events = desk.events;

    @Test
    void shouldJournalEachInstrumentsAndTheTotalFiguresAsComputedByHand()
    {
        desk.handle(events.quote(A, T0, A_BID, A_ASK).scored(2.5).target(100));
        desk.handle(events.quote(B, T0 + MS, B_BID, B_ASK).scored(2.5).target(50));
        desk.handle(events.execReport(A, T0 + 2 * MS, 1, ExecType.FILL, Side.BUY, A_ASK, 100, 0, 100));
        desk.fresh();
        final long fill = desk.handle(events.execReport(B, T0 + 3 * MS, 2, ExecType.FILL, Side.BUY, B_ASK, 50, 0, 50));
        final List<UnsafeBuffer> afterFill = desk.fresh();
        assertEquals(List.of("RISK_SNAPSHOT", "RISK_INSTRUMENT_SNAPSHOT", "RISK_INSTRUMENT_SNAPSHOT",
            "RISK_INSTRUMENT_SNAPSHOT", "RISK_INSTRUMENT_SNAPSHOT"), TwoInstrumentDesk.types(afterFill),
            "a fill snapshot: the portfolio, MRDA, MRDB, MRDC, then the total");
        // after B's fill, before any mark moves: A 5,000 and B 6,000 of 11,000
        assertRow(afterFill.get(2), B, 6_000, 6_000, 6_000 / 11_000.0, RiskInstrumentSnapshotCodec.TRIGGER_FILL, 0);
        assertRow(afterFill.get(4), 0, 11_000, 11_000, 6_000 / 11_000.0, RiskInstrumentSnapshotCodec.TRIGGER_FILL, 0);
        assertEquals(fill, RiskInstrumentSnapshotCodec.causeSequence(afterFill.get(4), 0));

        desk.handle(events.timer(T0 + 100 * MS));
        desk.handle(events.quote(A, T0 + 150 * MS, 509_900, 510_100));
        desk.handle(events.timer(T0 + 200 * MS));
        desk.handle(events.quote(B, T0 + 250 * MS, 1_179_800, 1_180_200));
        desk.handle(events.timer(T0 + 300 * MS));
        desk.handle(events.quote(A, T0 + 350 * MS, A_BID, A_ASK));
        desk.handle(events.quote(B, T0 + 351 * MS, 1_219_800, 1_220_200));
        desk.fresh();
        final long timer = desk.handle(events.timer(T0 + 400 * MS));
        final List<UnsafeBuffer> last = desk.fresh();
        final List<UnsafeBuffer> rows = new ArrayList<>();
        UnsafeBuffer portfolio = null;
        for (final UnsafeBuffer r : last)
        {
            if (Header.type(r, 0) == RecordType.RISK_INSTRUMENT_SNAPSHOT)
            {
                rows.add(r);
            }
            else if (Header.type(r, 0) == RecordType.RISK_SNAPSHOT)
            {
                portfolio = r;
            }
        }
        assertEquals(4, rows.size());
        assertEquals(10_000_098.0, RiskSnapshotCodec.nav(portfolio, 0), 1e-6, "NAV #4 by hand");

        final byte timerTrigger = RiskInstrumentSnapshotCodec.TRIGGER_TIMER;
        assertRow(rows.get(0), A, 5_000, 5_000, 5_000 / 11_100.0, timerTrigger, 4);
        assertRow(rows.get(1), B, 6_100, 6_100, 6_100 / 11_100.0, timerTrigger, 4);
        assertRow(rows.get(2), 3, 0, 0, 0, timerTrigger, 4);
        assertRow(rows.get(3), 0, 11_100, 11_100, 6_100 / 11_100.0, timerTrigger, 4);
        assertEquals(timer, RiskInstrumentSnapshotCodec.causeSequence(rows.get(3), 0));
        assertEquals(62_210_000 / 123_210_000.0, RiskInstrumentSnapshotCodec.herfindahl(rows.get(3), 0), 1e-12);
        assertEquals(0.504910, RiskInstrumentSnapshotCodec.herfindahl(rows.get(3), 0), 1e-6);
        assertEquals(Math.pow(5_000 / 11_100.0, 2), RiskInstrumentSnapshotCodec.herfindahl(rows.get(0), 0), 1e-12);

        assertVar(rows.get(0), -1 / 1e7, 100 / 9_999_998.0, 0, -100 / 9_999_998.0);
        assertVar(rows.get(1), -1 / 1e7, 0, -100 / 10_000_098.0, 200 / 9_999_998.0);
        assertVar(rows.get(2), 0, 0, 0, 0);
        assertVar(rows.get(3), -2 / 1e7, 100 / 9_999_998.0, -100 / 10_000_098.0, 100 / 9_999_998.0);
        // A by hand: sorted s0 = -100/9,999,998 = -1.0000002e-5, s1 = -1e-7: VaR95 = -(s0 + 0.15 (s1 - s0))
        assertEquals(8.5150017e-6, RiskInstrumentSnapshotCodec.histVar95(rows.get(0), 0), 1e-13);
        assertEquals(1.0000002e-5, RiskInstrumentSnapshotCodec.histCvar95(rows.get(0), 0), 1e-13);
        // the total row repeats the portfolio's historical figures and adds its parametric VaR 95, CVaR 95 and 99
        assertEquals(RiskSnapshotCodec.histVar95(portfolio, 0), RiskInstrumentSnapshotCodec.histVar95(rows.get(3), 0));
        assertEquals(RiskSnapshotCodec.paramVar99(portfolio, 0),
            RiskInstrumentSnapshotCodec.paramVar99(rows.get(3), 0));
    }

    private static void assertRow(final UnsafeBuffer r, final int instrumentId, final double gross, final double net,
        final double share, final byte trigger, final int returns)
    {
        final String what = "instrument " + instrumentId;
        assertEquals(instrumentId, Header.instrumentId(r, 0), what);
        assertEquals(gross, RiskInstrumentSnapshotCodec.grossExposure(r, 0), 1e-6, what + " gross");
        assertEquals(net, RiskInstrumentSnapshotCodec.netExposure(r, 0), 1e-6, what + " net");
        assertEquals(share, RiskInstrumentSnapshotCodec.share(r, 0), 1e-12, what + " share");
        assertEquals(trigger, RiskInstrumentSnapshotCodec.trigger(r, 0), what + " trigger");
        assertEquals(returns, RiskInstrumentSnapshotCodec.returns(r, 0), what + " returns");
    }

    /** Checks a row's eight figures against the hand formulas over its four returns (see the class comment). */
    private static void assertVar(final UnsafeBuffer r, final double... returns)
    {
        final double[] s = returns.clone();
        Arrays.sort(s);
        final double var95 = -(s[0] + 0.15 * (s[1] - s[0]));
        final double var99 = -(s[0] + 0.03 * (s[1] - s[0]));
        final double cvar = s[0] < s[1] ? -s[0] : -(s[0] + s[1]) / 2;
        // parametric: sample mean and standard deviation (n - 1), VaR = z sd - mean, CVaR = sd phi(z) / (1 - p) - mean
        final double mean = (s[0] + s[1] + s[2] + s[3]) / 4;
        double squares = 0;
        for (final double x : s)
        {
            squares += (x - mean) * (x - mean);
        }
        final double sd = Math.sqrt(squares / 3);
        final double phi95 = Math.exp(-Z95 * Z95 / 2) / Math.sqrt(2 * Math.PI);
        final double phi99 = Math.exp(-Z99 * Z99 / 2) / Math.sqrt(2 * Math.PI);
        final double tolerance = 1e-15;
        final String what = "instrument " + Header.instrumentId(r, 0);
        if (s[0] == s[3])
        {
            // a flat series: every figure 0 (MRDC never traded)
            assertEquals(0.0, RiskInstrumentSnapshotCodec.histVar95(r, 0), tolerance, what);
            assertEquals(0.0, RiskInstrumentSnapshotCodec.paramCvar99(r, 0), tolerance, what);
            return;
        }
        assertEquals(var95, RiskInstrumentSnapshotCodec.histVar95(r, 0), tolerance, what + " histVar95");
        assertEquals(var99, RiskInstrumentSnapshotCodec.histVar99(r, 0), tolerance, what + " histVar99");
        assertEquals(cvar, RiskInstrumentSnapshotCodec.histCvar95(r, 0), tolerance, what + " histCvar95");
        assertEquals(cvar, RiskInstrumentSnapshotCodec.histCvar99(r, 0), tolerance, what + " histCvar99");
        assertEquals(Z95 * sd - mean, RiskInstrumentSnapshotCodec.paramVar95(r, 0), tolerance, what + " paramVar95");
        assertEquals(Z99 * sd - mean, RiskInstrumentSnapshotCodec.paramVar99(r, 0), tolerance, what + " paramVar99");
        assertEquals(sd * phi95 / 0.05 - mean, RiskInstrumentSnapshotCodec.paramCvar95(r, 0), tolerance,
            what + " paramCvar95");
        assertEquals(sd * phi99 / 0.01 - mean, RiskInstrumentSnapshotCodec.paramCvar99(r, 0), tolerance,
            what + " paramCvar99");
    }
}
