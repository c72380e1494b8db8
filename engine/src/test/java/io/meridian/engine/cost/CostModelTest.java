package io.meridian.engine.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.config.CostConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every fee formula against amounts worked out by hand (in the comments), in cash units of 0.0001.
 */
final class CostModelTest
{
    private static final int ID = 1;
    private static final int VIX = 9;
    private static final List<InstrumentConfig> INSTRUMENTS = List.of(
        new InstrumentConfig(ID, "AAA", 100, 1, 50.0, 0.2, 1, 1000),
        new InstrumentConfig(VIX, "VIX", 100, 1, 20.0, 0.8, 1, 1000));
    private static final List<CostConfig.CommissionTier> TIERS = List.of(
        new CostConfig.CommissionTier(300_000, 0.0035), new CostConfig.CommissionTier(1e15, 0.0020));

    private final FillCosts costs = new FillCosts();

    static CostConfig config(final String commission, final String impact, final int vixId, final double vixLevel)
    {
        return new CostConfig(commission, 0.005, 1.00, 0.01, 0.35, 0.0002, TIERS, 27.80, 0.000166, 8.30, 0.003,
            0.002, impact, 1.0, 2_000_000, 2.5e-7, 2.5e-6, 1e-6, 60, vixId, vixLevel, 30, 2);
    }

    private static CostModel model(final String commission, final String impact)
    {
        return new CostModel(config(commission, impact, 0, 20), INSTRUMENTS);
    }

    private void fill(final CostModel model, final byte side, final boolean took, final long price, final long qty,
        final OrderCosts order)
    {
        model.charge(ID, side, took, price, qty, 4999, 5000, order, costs);
    }

    @Test
    void shouldChargeTheFixedMinimumTakeFeeAndSquareRootImpactOnASmallBuy()
    {
        fill(model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_SQUARE_ROOT), Side.BUY, true, 5000, 100,
            new OrderCosts());
        assertEquals(10_000, costs.commission(), "100 x 0.005 = 0.50 < minimum 1.00");
        assertEquals(0, costs.secFee(), "buys pay no SEC fee");
        assertEquals(0, costs.finraTaf(), "buys pay no TAF");
        assertEquals(3_000, costs.exchangeFee(), "100 x 0.003 = 0.30");
        // 0.2/sqrt(252) x sqrt(100/2e6) x 5000 = 0.0125988 x 0.00707107 x 5000 = 0.445435
        assertEquals(4_454, costs.impact());
        assertEquals(5_000, costs.spread(), "bought at the ask, half a cent above the mid, x 100 = 0.50");
        assertEquals(10_000 + 3_000 + 4_454, costs.charged());
    }

    @Test
    void shouldChargeSecFeeTafAndARebateOnARestingSell()
    {
        fill(model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_NONE), Side.SELL, false, 5000, 1000,
            new OrderCosts());
        assertEquals(50_000, costs.commission(), "1000 x 0.005 = 5.00");
        assertEquals(13_900, costs.secFee(), "27.80 x 50,000 / 1,000,000 = 1.39");
        assertEquals(1_660, costs.finraTaf(), "1000 x 0.000166 = 0.166");
        assertEquals(-20_000, costs.exchangeFee(), "rebate 1000 x 0.002 = 2.00");
        assertEquals(0, costs.impact());
        assertEquals(-50_000, costs.spread(), "sold at the ask: half a cent above the mid x 1000 = 5.00 earned");
    }

    @Test
    void shouldCapTheTafPerOrder()
    {
        final CostModel model = model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_NONE);
        final OrderCosts order = new OrderCosts();
        fill(model, Side.SELL, true, 5000, 40_000, order);
        assertEquals(66_400, costs.finraTaf(), "40,000 x 0.000166 = 6.64");
        fill(model, Side.SELL, true, 5000, 60_000, order);
        assertEquals(16_600, costs.finraTaf(), "100,000 x 0.000166 = 16.60 is capped at 8.30; 8.30 - 6.64 = 1.66");
    }

    @Test
    void shouldLetTheMaximumShareOfValueWinOverTheMinimum()
    {
        fill(model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_NONE), Side.BUY, true, 50, 100, new OrderCosts());
        assertEquals(5_000, costs.commission(), "100 shares at 0.50: 1% of 50.00 = 0.50 is below the 1.00 minimum");
    }

    @Test
    void shouldApplyTheMinimumPerOrderNotPerPartialFill()
    {
        final CostModel model = model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_NONE);
        final OrderCosts order = new OrderCosts();
        fill(model, Side.BUY, false, 5000, 100, order);
        assertEquals(10_000, costs.commission(), "first 100: the 1.00 minimum");
        fill(model, Side.BUY, false, 5000, 200, order);
        assertEquals(5_000, costs.commission(), "300 x 0.005 = 1.50 for the order, 1.00 already charged");
        fill(model, Side.BUY, false, 5000, 100, new OrderCosts());
        assertEquals(10_000, costs.commission(), "a new order pays its own minimum");
    }

    @Test
    void shouldChargeTieredRatesByTheRunsCumulativeVolume()
    {
        final CostModel model = model(CostConfig.COMMISSION_TIERED, CostConfig.IMPACT_NONE);
        fill(model, Side.BUY, true, 5000, 1000, new OrderCosts());
        assertEquals(37_000, costs.commission(), "(0.0035 + 0.0002) x 1000 = 3.70");
        fill(model, Side.BUY, true, 5000, 299_000, new OrderCosts());
        assertEquals(11_063_000, costs.commission(), "(0.0035 + 0.0002) x 299,000 = 1106.30");
        fill(model, Side.BUY, true, 5000, 1000, new OrderCosts());
        assertEquals(37_000, costs.commission(), "300,000 shares before it: still the first tier (up to 300,000)");
        fill(model, Side.BUY, true, 5000, 1000, new OrderCosts());
        assertEquals(22_000, costs.commission(), "301,000 before it: (0.0020 + 0.0002) x 1000 = 2.20");
        fill(model, Side.BUY, true, 5000, 10, new OrderCosts());
        assertEquals(3_500, costs.commission(), "10 x 0.0022 = 0.022 is below the tiered minimum 0.35");
    }

    @Test
    void shouldDoubleImpactAboveTheVolatilityIndexThreshold()
    {
        final CostModel calm = new CostModel(config(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_SQUARE_ROOT,
            0, 30), INSTRUMENTS);
        fill(calm, Side.BUY, true, 5000, 100, new OrderCosts());
        assertEquals(4_454, costs.impact(), "level 30 is not above 30");

        final CostModel stressed = new CostModel(config(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_SQUARE_ROOT,
            VIX, 20), INSTRUMENTS);
        stressed.onQuote(VIX, 3100, 3200);
        assertEquals(31.5, stressed.volIndexLevel(), "the index instrument's mid");
        fill(stressed, Side.BUY, true, 5000, 100, new OrderCosts());
        assertEquals(8_909, costs.impact(), "2 x 0.445435 = 0.890871");
        stressed.onQuote(ID, 6000, 6001);
        assertEquals(31.5, stressed.volIndexLevel(), "other instruments' quotes do not move the index");
    }

    @Test
    void shouldChargeSquareRootImpactPerOrderOverPartialFills()
    {
        final CostModel model = model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_SQUARE_ROOT);
        final OrderCosts order = new OrderCosts();
        fill(model, Side.BUY, true, 5000, 100, order);
        final long first = costs.impact();
        fill(model, Side.BUY, true, 5000, 300, order);
        // the order of 400 shares: 0.0125988 x sqrt(400/2e6) x 20,000 = 3.563483
        assertEquals(35_635, first + costs.impact());
    }

    @Test
    void shouldChargeAlmgrenChrissExpectedCost()
    {
        fill(model(CostConfig.COMMISSION_FIXED, CostConfig.IMPACT_ALMGREN_CHRISS), Side.BUY, true, 5000, 1000,
            new OrderCosts());
        // kappa T ~ 0.001: practically the TWAP cost 0.5 x 2.5e-7 x 1e6 + 2.5e-6 x 1e6 / (60 / 23400) = 975.125
        assertEquals(9_751_250, costs.impact());
    }

    @Test
    void shouldMatchTheAlmgrenChrissClosedFormWithANumericalIntegral()
    {
        final double shares = 1000;
        final double sigma = 50 * 0.2 / Math.sqrt(252);
        final double gamma = 2.5e-7;
        final double eta = 2.5e-6;
        final double lambda = 1e-2;
        final double horizon = 1.0;
        final double kappa = CostModel.kappa(sigma, eta, lambda);
        assertEquals(Math.sqrt(lambda * sigma * sigma / eta), kappa, 1e-12);
        // E = 1/2 gamma X^2 + eta * integral of v(t)^2, v = -dx/dt; the integral by Simpson's rule on the trajectory
        final int steps = 20_000;
        final double h = horizon / steps;
        double integral = 0;
        for (int i = 0; i <= steps; i++)
        {
            final double t = i * h;
            final double v = (CostModel.trajectory(shares, kappa, horizon, Math.max(0, t - 1e-7))
                - CostModel.trajectory(shares, kappa, horizon, Math.min(horizon, t + 1e-7)))
                / (Math.min(horizon, t + 1e-7) - Math.max(0, t - 1e-7));
            final double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            integral += weight * v * v;
        }
        integral *= h / 3;
        final double expected = 0.5 * gamma * shares * shares + eta * integral;
        assertEquals(expected, CostModel.almgrenChrissCost(shares, sigma, gamma, eta, lambda, horizon),
            1e-6 * expected);
        assertEquals(shares, CostModel.trajectory(shares, kappa, horizon, 0), 1e-9);
        assertEquals(0, CostModel.trajectory(shares, kappa, horizon, horizon), 1e-9);
        assertEquals(500, CostModel.trajectory(shares, 0, horizon, 0.5), 1e-9, "kappa 0: a straight line");
    }
}
