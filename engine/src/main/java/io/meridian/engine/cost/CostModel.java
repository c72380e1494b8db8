package io.meridian.engine.cost;

import io.meridian.config.CostConfig;
import io.meridian.config.EngineConfig;
import io.meridian.config.InstrumentConfig;
import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;
import java.util.List;

/**
 * Charges the configured costs on a fill. Formulas (money in currency, {@code q} the order's shares so far, {@code V}
 * its traded value so far, {@code s} this fill's shares, {@code v} this fill's value):
 * <ul>
 *   <li><b>Commission, IB fixed</b>: per order {@code min(max(fixedPerShare × q, fixedMinimum),
 *       maxShareOfTradeValue × V)} (the maximum wins over the minimum, as IB's does).</li>
 *   <li><b>Commission, IB tiered</b>: per order {@code min(max(Σ (tierRate + clearing) × s, tieredMinimum),
 *       maxShareOfTradeValue × V)}, where each fill's tier is the one holding the run's cumulative share volume before
 *       that fill (the run stands in for IB's month).</li>
 *   <li><b>SEC fee</b>, sells only: {@code secFeePerMillion × v / 1,000,000} per fill.</li>
 *   <li><b>FINRA TAF</b>, sells only: per order {@code min(finraTafPerShare × q, finraTafMaximum)}.</li>
 *   <li><b>Exchange</b>: {@code takeFeePerShare × s} on a fill that took liquidity, {@code −makeRebatePerShare × s} on
 *       a resting order's fill.</li>
 *   <li><b>Impact, square-root law</b>: per order {@code m × sqrtCoefficient × σ_d × √(q / advShares) × V}, with
 *       {@code σ_d = volatility / √252} the instrument's daily volatility.</li>
 *   <li><b>Impact, Almgren–Chriss</b> (decision 11): per order {@code m × E(q)}, the expected cost of liquidating
 *       {@code q} shares over {@code T = acHorizonS / 23400} days on the optimal trajectory
 *       {@code x(t) = q sinh(κ(T − t)) / sinh(κT)}, {@code κ = √(λσ²/η)}, {@code σ = price × σ_d} per share and day:
 *       {@code E = ½γq² + ηq²κ(2κT + sinh 2κT) / (4 sinh² κT)} (which tends to the TWAP cost {@code ½γq² + ηq²/T}
 *       as κ → 0).</li>
 *   <li><b>Volatility multiplier</b> {@code m}: {@code volIndexImpactMultiplier} when the index level is above
 *       {@code volIndexThreshold}, else 1. The level is the configured constant, or the mid of the configured index
 *       instrument once it has quoted.</li>
 *   <li><b>Spread</b>: {@code sign × (price − mid) × s}, reported, not charged (the fill price already holds it).</li>
 * </ul>
 * Per-order quantities are charged incrementally ({@link OrderCosts}); each order total is rounded to the nearest cash
 * unit ({@link Math#round}); the arithmetic is deterministic ({@link StrictMath}) and replays exactly.
 * Single-threaded; allocation-free after construction.
 */
public final class CostModel
{
    /** Trading days per year used to turn annual into daily volatility. */
    public static final double TRADING_DAYS_PER_YEAR = 252.0;
    /** Seconds in the trading day that {@code acHorizonS} is a part of (6.5 hours). */
    public static final double TRADING_DAY_SECONDS = 23_400.0;

    private static final int MAX_ID = 1024;
    private static final double CASH = Scales.CASH_SCALE;

    private final CostConfig c;
    private final boolean tiered;
    private final int impactKind;
    private final double[] tierUpTo;
    private final double[] tierRate;
    private final double[] dailyVol = new double[MAX_ID];
    private final long[] priceScale = new long[MAX_ID];
    private final long[] qtyScale = new long[MAX_ID];
    private final long[] cashMultiplier = new long[MAX_ID];
    private final double horizonDays;
    private double volIndexLevel;
    private double runShares;

    /**
     * A model for a configuration's instruments and cost section.
     *
     * @param config the validated configuration.
     */
    public CostModel(final EngineConfig config)
    {
        this(config.costs(), config.instruments());
    }

    /**
     * A model for the given instruments.
     *
     * @param costs the cost parameters.
     * @param instruments the instruments fills can be for.
     */
    public CostModel(final CostConfig costs, final List<InstrumentConfig> instruments)
    {
        this.c = costs;
        this.tiered = CostConfig.COMMISSION_TIERED.equals(costs.commissionModel());
        switch (costs.impactModel())
        {
            case CostConfig.IMPACT_SQUARE_ROOT:
                impactKind = 1;
                break;
            case CostConfig.IMPACT_ALMGREN_CHRISS:
                impactKind = 2;
                break;
            default:
                impactKind = 0;
                break;
        }
        final int tiers = costs.tiers().size();
        tierUpTo = new double[tiers];
        tierRate = new double[tiers];
        for (int i = 0; i < tiers; i++)
        {
            tierUpTo[i] = costs.tiers().get(i).upToShares();
            tierRate[i] = costs.tiers().get(i).perShare();
        }
        for (final InstrumentConfig instrument : instruments)
        {
            final int id = instrument.id();
            dailyVol[id] = instrument.volatility() / StrictMath.sqrt(TRADING_DAYS_PER_YEAR);
            priceScale[id] = instrument.priceScale();
            qtyScale[id] = instrument.qtyScale();
            cashMultiplier[id] = Scales.cashMultiplier(instrument.priceScale(), instrument.qtyScale());
        }
        horizonDays = costs.acHorizonS() / TRADING_DAY_SECONDS;
        volIndexLevel = costs.volIndexLevel();
    }

    /**
     * Learns the volatility-index level from a quote when the instrument is the configured index.
     *
     * @param instrumentId the quote's instrument.
     * @param bidPrice bid in ticks.
     * @param askPrice ask in ticks.
     */
    public void onQuote(final int instrumentId, final long bidPrice, final long askPrice)
    {
        if (instrumentId == c.volIndexInstrumentId() && instrumentId > 0 && bidPrice > 0 && askPrice > 0)
        {
            volIndexLevel = (bidPrice + askPrice) * 0.5 / priceScale[instrumentId];
        }
    }

    /**
     * The volatility-index level the impact multiplier currently uses.
     *
     * @return the level.
     */
    public double volIndexLevel()
    {
        return volIndexLevel;
    }

    /**
     * The impact multiplier at the current index level.
     *
     * @return {@code volIndexImpactMultiplier} above the threshold, else 1.
     */
    public double impactMultiplier()
    {
        return volIndexLevel > c.volIndexThreshold() ? c.volIndexImpactMultiplier() : 1.0;
    }

    /**
     * Charges one fill of an order and adds it to the order's totals.
     *
     * @param instrumentId the order's instrument.
     * @param side {@link Side#BUY} or {@link Side#SELL}.
     * @param tookLiquidity true when the fill took liquidity (a marketable order on arrival), false for a resting
     *                      order's fill.
     * @param price fill price in ticks.
     * @param qty fill quantity in lots.
     * @param bidPrice the venue's bid when it filled, ticks.
     * @param askPrice the venue's ask when it filled, ticks.
     * @param order the order's running totals, updated.
     * @param out the fill's costs, overwritten.
     */
    public void charge(
        final int instrumentId,
        final byte side,
        final boolean tookLiquidity,
        final long price,
        final long qty,
        final long bidPrice,
        final long askPrice,
        final OrderCosts order,
        final FillCosts out)
    {
        out.clear();
        final long mult = cashMultiplier[instrumentId];
        final double shares = (double)qty / qtyScale[instrumentId];
        final long fillValue = price * qty * mult;
        order.qtyLots += qty;
        order.valueCash += fillValue;
        final double orderShares = (double)order.qtyLots / qtyScale[instrumentId];
        final double orderValue = order.valueCash / CASH;

        order.commissionBase += tiered ? (tierRate(runShares) + c.tieredClearingPerShare()) * shares
            : c.fixedPerShare() * shares;
        runShares += shares;
        final double minimum = tiered ? c.tieredMinimum() : c.fixedMinimum();
        final double commission = Math.min(Math.max(order.commissionBase, minimum),
            c.maxShareOfTradeValue() * orderValue);
        out.commission = toCash(commission) - order.commissionCharged;
        order.commissionCharged += out.commission;

        if (side == Side.SELL)
        {
            out.secFee = toCash(c.secFeePerMillion() * (fillValue / CASH) / 1_000_000.0);
            final double taf = Math.min(c.finraTafPerShare() * orderShares, c.finraTafMaximum());
            out.finraTaf = toCash(taf) - order.tafCharged;
            order.tafCharged += out.finraTaf;
        }
        out.exchangeFee = toCash(tookLiquidity ? c.takeFeePerShare() * shares : -c.makeRebatePerShare() * shares);

        final double impact = impactMultiplier() * orderImpact(instrumentId, orderShares, orderValue);
        out.impact = toCash(impact) - order.impactCharged;
        order.impactCharged += out.impact;

        final long sign = side == Side.BUY ? 1 : -1;
        out.spread = bidPrice > 0 && askPrice > 0 ? sign * (2 * price - bidPrice - askPrice) * qty * mult / 2 : 0;
    }

    /**
     * Impact of a whole order of {@code shares} shares worth {@code value}, before the volatility multiplier.
     *
     * @param instrumentId the instrument.
     * @param shares the order's shares.
     * @param value its traded value in currency.
     * @return currency.
     */
    double orderImpact(final int instrumentId, final double shares, final double value)
    {
        if (impactKind == 1)
        {
            return c.sqrtCoefficient() * dailyVol[instrumentId] * StrictMath.sqrt(shares / c.advShares()) * value;
        }
        if (impactKind == 2 && shares > 0)
        {
            final double sigma = value / shares * dailyVol[instrumentId];
            return almgrenChrissCost(shares, sigma, c.acPermanent(), c.acTemporary(), c.acRiskAversion(),
                horizonDays);
        }
        return 0.0;
    }

    /**
     * Almgren–Chriss urgency {@code κ = √(λσ²/η)}.
     *
     * @param sigma volatility of the price per share and unit time.
     * @param eta temporary impact coefficient.
     * @param lambda risk aversion.
     * @return κ per unit time.
     */
    public static double kappa(final double sigma, final double eta, final double lambda)
    {
        return StrictMath.sqrt(lambda * sigma * sigma / eta);
    }

    /**
     * Shares still held at time {@code t} on the Almgren–Chriss optimal trajectory.
     *
     * @param shares the order's shares X.
     * @param kappa κ.
     * @param horizon T.
     * @param t time since the start, in {@code [0, T]}.
     * @return {@code X sinh(κ(T − t)) / sinh(κT)}, or the straight line {@code X (T − t) / T} when κ = 0.
     */
    public static double trajectory(final double shares, final double kappa, final double horizon, final double t)
    {
        if (kappa == 0.0)
        {
            return shares * (horizon - t) / horizon;
        }
        return shares * StrictMath.sinh(kappa * (horizon - t)) / StrictMath.sinh(kappa * horizon);
    }

    /**
     * Expected cost of liquidating {@code shares} on the Almgren–Chriss optimal trajectory (continuous time, linear
     * permanent impact γ and temporary impact η).
     *
     * @param shares X.
     * @param sigma price volatility per share and unit time.
     * @param gamma permanent impact coefficient.
     * @param eta temporary impact coefficient.
     * @param lambda risk aversion.
     * @param horizon T.
     * @return {@code ½γX² + ηX²κ(2κT + sinh 2κT)/(4 sinh² κT)}, or {@code ½γX² + ηX²/T} when κ = 0.
     */
    public static double almgrenChrissCost(
        final double shares,
        final double sigma,
        final double gamma,
        final double eta,
        final double lambda,
        final double horizon)
    {
        final double permanent = 0.5 * gamma * shares * shares;
        final double k = kappa(sigma, eta, lambda);
        final double kt = k * horizon;
        if (kt < 1e-6)
        {
            return permanent + eta * shares * shares / horizon;
        }
        final double sinh = StrictMath.sinh(kt);
        return permanent + eta * shares * shares * k * (2 * kt + StrictMath.sinh(2 * kt)) / (4 * sinh * sinh);
    }

    private double tierRate(final double cumulativeShares)
    {
        for (int i = 0; i < tierUpTo.length; i++)
        {
            if (cumulativeShares <= tierUpTo[i])
            {
                return tierRate[i];
            }
        }
        return tierRate[tierRate.length - 1];
    }

    private static long toCash(final double currency)
    {
        return Math.round(currency * CASH);
    }
}
