package io.meridian.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Statistics of small series worked out by hand.
 */
final class ReturnStatisticsTest
{
    private static final ReturnStatistics.Conventions PLAIN = new ReturnStatistics.Conventions(1, 0, 0, 0, 0, 0);

    @Test
    void shouldComputeASmallSeriesByHand()
    {
        // returns +10%, -10%, +10%: mean 1/30, sample sd 0.2/sqrt(3), downside deviation 0.1/sqrt(3)
        final double[] equity = {100, 110, 99, 108.9};
        final ReturnStatistics s = ReturnStatistics.of(equity, 4, 60, PLAIN);
        assertEquals(3, s.periods());
        assertEquals(1.0 / 30, s.meanReturn(), 1e-15);
        assertEquals(0.2 / Math.sqrt(3), s.sdReturn(), 1e-15);
        assertEquals(Math.sqrt(3) / 6, s.sharpe(), 1e-14, "(1/30) / (0.2/sqrt 3)");
        assertEquals(Math.sqrt(3) / 3, s.sortino(), 1e-14, "(1/30) / (0.1/sqrt 3)");
        assertEquals(-1 / Math.sqrt(2), s.skewness(), 1e-12, "m3 = -0.0017778/3, m2 = 0.026667/3");
        assertEquals(1.5, s.kurtosis(), 1e-12, "m4 / m2^2 = 1.18519e-4 / 7.90123e-5");
        assertEquals(0.089, s.totalReturn(), 1e-14);
        assertEquals(Math.cbrt(1.089) - 1, s.annualReturn(), 1e-14, "P = 1 period a year, 3 periods");
        assertEquals(0.1, s.maxDrawdown(), 1e-14, "110 to 99");
        assertEquals(120, s.maxDrawdownDurationS(), "from the peak (index 1) to the end, never regained: 2 x 60 s");
        assertEquals(s.annualReturn() / 0.1, s.calmar(), 1e-14);
    }

    @Test
    void shouldAnnualiseWithThePeriodsPerYear()
    {
        final double[] equity = {100, 110, 99, 108.9};
        final ReturnStatistics s = ReturnStatistics.of(equity, 4, 60,
            new ReturnStatistics.Conventions(252, 0, 0, 0, 0, 0));
        assertEquals(Math.sqrt(3) / 6 * Math.sqrt(252), s.sharpe(), 1e-12);
        assertEquals(0.2 / Math.sqrt(3) * Math.sqrt(252), s.annualVolatility(), 1e-12);
        assertEquals(Math.pow(1.089, 84) - 1, s.annualReturn(), 1e-9);
    }

    @Test
    void shouldEndTheDrawdownWhenThePeakIsRegained()
    {
        final double[] equity = {100, 120, 90, 100, 121, 125};
        final ReturnStatistics s = ReturnStatistics.of(equity, 6, 1, PLAIN);
        assertEquals(0.25, s.maxDrawdown(), 1e-15, "120 to 90");
        assertEquals(3, s.maxDrawdownDurationS(), "peak at 1, regained at 4");
    }

    @Test
    void shouldGiveNaNWhereAFigureIsUndefined()
    {
        final double[] flat = {100, 100, 100};
        final ReturnStatistics s = ReturnStatistics.of(flat, 3, 1, PLAIN);
        assertTrue(Double.isNaN(s.sharpe()));
        assertTrue(Double.isNaN(s.sortino()));
        assertTrue(Double.isNaN(s.calmar()));
        assertTrue(Double.isNaN(s.psr()));
        assertTrue(Double.isNaN(s.dsr()), "no trials given");
        assertEquals(0, s.maxDrawdown());
    }

    @Test
    void shouldComputePsrAndDsrByHand()
    {
        // SR 0.1 per period, n = 101, normal moments: z = 0.1 * 10 / sqrt(1 + 0.5 * 0.01) = 0.997509
        assertEquals(Normal.cdf(1.0 / Math.sqrt(1.005)), SharpeTests.psr(0.1, 0, 101, 0, 3), 1e-15);
        // N = 2, V = 1: SR0 = (1 - g) * Phi^-1(1/2) + g * Phi^-1(1 - 1/(2e)) = g * 0.900729...
        final double sr0 = SharpeTests.expectedMaxSharpe(2, 1.0);
        assertEquals(SharpeTests.EULER_GAMMA * Normal.inverseCdf(1 - 1 / (2 * Math.E)), sr0, 1e-15);
        assertEquals(SharpeTests.psr(0.1, sr0, 101, 0, 3), SharpeTests.dsr(0.1, 101, 0, 3, 2, 1.0), 1e-15);
        assertTrue(Double.isNaN(SharpeTests.expectedMaxSharpe(1, 1.0)), "one trial: nothing to deflate");
    }

    @Test
    void shouldReproduceTheDeflatedSharpeRatioOfThePublishedExample()
    {
        // Bailey & Lopez de Prado (2014), "The Deflated Sharpe Ratio", numerical example: N = 100 trials whose annual
        // Sharpe ratios have variance 1/2, a best annual Sharpe of 2.5 over T = 1,250 daily returns (250 a year),
        // skewness -3, kurtosis 10. Per day: V = 0.5 / 250 and SR = 2.5 / sqrt(250) = 0.158114;
        // SR0 = sqrt(V) ((1 - g) Z^-1(0.99) + g Z^-1(1 - 1/(100 e))) = 0.044721 (0.422784 x 2.326348
        // + 0.577216 x 2.680210) = 0.113172 (the paper: 0.1132);
        // DSR = Z((0.158114 - 0.113172) sqrt(1249) / sqrt(1 + 3 x 0.158114 + 9/4 x 0.158114^2)) = Z(1.283816)
        // = 0.900397 (the paper: 0.9004). The digits below are Python's statistics.NormalDist on the same formula.
        final double v = 0.5 / 250;
        final double sr = 2.5 / Math.sqrt(250);
        final double sr0 = SharpeTests.expectedMaxSharpe(100, v);
        assertEquals(0.11317200186513214, sr0, 1e-9 * 0.1132);
        assertEquals(0.1132, sr0, 5e-5, "as published");
        final double dsr = SharpeTests.dsr(sr, 1250, -3, 10, 100, v);
        assertEquals(0.9003968344493904, dsr, 1e-9 * 0.9004);
        assertEquals(0.9004, dsr, 5e-5, "as published");
    }
}
