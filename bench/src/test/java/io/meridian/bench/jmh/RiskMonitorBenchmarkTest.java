package io.meridian.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.engine.api.RejectReason;
import org.junit.jupiter.api.Test;

/**
 * What {@link RiskMonitorBenchmark} measures is what it says: the trip closes the gate (the order is refused as
 * halted, every time, because RESUME re-arms it), and the monitor's snapshot and the naive sort agree.
 */
class RiskMonitorBenchmarkTest
{
    @Test
    void shouldCloseTheGateOnEveryTripAndAgreeWithTheNaiveSnapshot()
    {
        final RiskMonitorBenchmark bench = new RiskMonitorBenchmark();
        bench.setup();
        for (int i = 0; i < 3; i++)
        {
            assertEquals(RejectReason.RISK_HALTED.code(), bench.tripOnce());
        }
        final RiskMonitorBenchmark a = new RiskMonitorBenchmark();
        a.setup();
        final RiskMonitorBenchmark b = new RiskMonitorBenchmark();
        b.setup();
        a.snapshot();
        b.naiveSnapshot();
        assertEquals(a.monitorVar99(), b.naiveVar99(), 1e-12);
    }

    @Test
    void shouldMeasureFullInstrumentWindows()
    {
        final RiskMonitorBenchmark bench = new RiskMonitorBenchmark();
        bench.setup();
        bench.setupInstruments();
        bench.snapshotWithInstruments();
        for (int k = 0; k < 3; k++)
        {
            assertEquals(500, bench.instrumentReturns(k), "instrument " + k + "'s window is full");
        }
    }
}
