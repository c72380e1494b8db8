package io.meridian.engine.risk;

import io.meridian.engine.api.Scales;
import io.meridian.engine.api.Side;

/**
 * Everything the pre-trade checks look at for one order, filled in place by the order stage before
 * {@link PreTradeRisk#check} and reused for every order (no allocation). Inputs are set field by field; {@link
 * #prepare} then derives the order's notional and the book as it would be if the order filled (position values,
 * gross and net exposure, sector, cluster and factor sums) in one pass over the instruments. Checks write the
 * measured {@link #value} and the {@link #limit} they compared it with. Money is in currency units as doubles
 * (derived from the fixed-point cash amounts; used for comparisons and records only), quantities in lots, prices in
 * ticks. Single-threaded.
 */
public final class OrderContext
{
    /** Regime: normal volatility. */
    public static final byte REGIME_NORMAL = 0;
    /** Regime: high volatility (BEAR caps apply). */
    public static final byte REGIME_BEAR = 1;
    /** Regime: crisis (no new positions; kill switch 6). */
    public static final byte REGIME_CRISIS = 2;

    private static final double CASH_SCALE = Scales.CASH_SCALE;

    // the order
    /** Dense instrument index. */
    public int index;
    /** Side code. */
    public byte side;
    /** Quantity, lots, positive. */
    public long qty;
    /** Limit price, ticks. */
    public long price;
    /** The strategy's whole wanted change (target minus position), lots, positive: the parent order. */
    public long parentQty;
    /** True for the kill switch's own reducing or flattening orders. */
    public boolean killSwitchOrder;

    // the market
    /** Best bid, ticks (0 when none). */
    public long bid;
    /** Best ask, ticks (0 when none). */
    public long ask;
    /** Last trade, or mid before any trade, ticks; 0 when none. */
    public long referencePrice;
    /** Event time of the instrument's last market data. */
    public long lastMarketDataNs;
    /** Event time of the causing event. */
    public long nowNs;

    // state
    /** Global trading state. */
    public byte tradingState;
    /** The instrument's own trading state. */
    public byte instrumentState;
    /** Whether the venue session is up. */
    public boolean venueUp;
    /** Volatility regime. */
    public byte regime;
    /** Local date of the event (epoch day). */
    public long epochDay;
    /** Day trades in the pattern-day-trader window. */
    public int dayTradesInWindow;
    /** Whether the instrument's position was opened or grown today (a reducing order makes a day trade). */
    public boolean openedToday;

    // the account (currency units)
    /** Net asset value. */
    public double nav;
    /** Cash. */
    public double cash;
    /** Notional of working buy orders. */
    public double openBuyNotional;

    // the book, per instrument (filled by the order stage; multipliers fixed)
    /** Positions, lots. */
    public final long[] positions;
    /** Signed quantity working in orders, lots. */
    public final long[] working;
    /** Mark prices (mid), ticks; 0 when none. */
    public final long[] marks;
    private final long[] cashMultipliers;

    // derived by prepare()
    /** Order quantity, signed. */
    long signedQty;
    /** Position + working, before the order. */
    long exposureQty;
    /** Order notional, currency. */
    double notional;
    /** Absolute value of the instrument's position after the order (working included), currency. */
    double positionValue;
    /** Gross exposure after the order. */
    double grossAfter;
    /** Gross exposure without the order. */
    double grossBefore;
    /** Net exposure after the order. */
    double netAfter;
    /** Net exposure without the order. */
    double netBefore;
    /** Largest single instrument's absolute value after the order. */
    double largestValue;
    /** Gross by sector after the order, indexed by sector number. */
    public final double[] sectorGross;
    /** Gross by cluster after the order (64 clusters). */
    public final double[] clusterGross;
    /** Exposure by factor after the order (sum of value x loading). */
    public final double[] factorExposure;
    /** Exposure by factor without the order. */
    public final double[] factorExposureBefore;
    /**
     * Whether the order opens risk (working included): it grows the absolute position, or flips it through zero (long
     * 100, sell 150: the 50 sold short are new risk although the absolute position shrinks). The checks that apply
     * only to risk-increasing orders read this.
     */
    boolean grows;
    /** Whether the order trades against the existing exposure (working included): it closes some of it. */
    boolean closes;

    // written by the checks
    /** The measured value of the last check evaluated. */
    public double value;
    /** The limit of the last check evaluated. */
    public double limit;

    private final RiskReference reference;

    /**
     * A context for instruments with the given cash multipliers.
     *
     * @param cashMultipliers per instrument: cash units per tick times lot.
     * @param reference reference data.
     */
    public OrderContext(final long[] cashMultipliers, final RiskReference reference)
    {
        final int n = cashMultipliers.length;
        this.cashMultipliers = cashMultipliers.clone();
        this.reference = reference;
        positions = new long[n];
        working = new long[n];
        marks = new long[n];
        sectorGross = new double[Math.max(1, reference.sectorCount())];
        clusterGross = new double[64];
        factorExposure = new double[reference.factorCount()];
        factorExposureBefore = new double[reference.factorCount()];
    }

    /**
     * Derives the notional and the book after the order from the inputs.
     */
    public void prepare()
    {
        signedQty = Side.sign(side) * qty;
        exposureQty = positions[index] + working[index];
        notional = price * (double)qty * cashMultipliers[index] / CASH_SCALE;
        grows = opensRisk(exposureQty, signedQty);
        closes = exposureQty != 0 && Long.signum(signedQty) == -Long.signum(exposureQty);
        java.util.Arrays.fill(sectorGross, 0.0);
        java.util.Arrays.fill(clusterGross, 0.0);
        java.util.Arrays.fill(factorExposure, 0.0);
        java.util.Arrays.fill(factorExposureBefore, 0.0);
        double gross = 0;
        double before = 0;
        double net = 0;
        double netWithout = 0;
        double largest = 0;
        for (int i = 0; i < positions.length; i++)
        {
            final long mark = marks[i] > 0 ? marks[i] : (i == index ? price : 0);
            final double unit = mark * (double)cashMultipliers[i] / CASH_SCALE;
            final double valueBefore = (positions[i] + working[i]) * unit;
            final double valueAfter = i == index ? valueBefore + signedQty * unit : valueBefore;
            final double abs = Math.abs(valueAfter);
            before += Math.abs(valueBefore);
            gross += abs;
            net += valueAfter;
            netWithout += valueBefore;
            largest = Math.max(largest, abs);
            sectorGross[reference.sector[i]] += abs;
            clusterGross[reference.cluster[i]] += abs;
            for (int f = 0; f < factorExposure.length; f++)
            {
                factorExposure[f] += valueAfter * reference.loadings[f][i];
                factorExposureBefore[f] += valueBefore * reference.loadings[f][i];
            }
            if (i == index)
            {
                positionValue = abs;
            }
        }
        grossAfter = gross;
        grossBefore = before;
        netAfter = net;
        netBefore = netWithout;
        largestValue = largest;
    }

    /**
     * Whether an order opens risk: the absolute exposure grows, or the exposure changes sign (a flip through zero).
     *
     * @param exposure signed exposure before the order, lots.
     * @param signedQty the order, signed lots.
     * @return true when risk-increasing.
     */
    static boolean opensRisk(final long exposure, final long signedQty)
    {
        final long after = exposure + signedQty;
        return Math.abs(after) > Math.abs(exposure) || (after != 0 && Long.signum(after) != Long.signum(exposure));
    }

    /**
     * The reference data this context reads.
     *
     * @return the reference data.
     */
    public RiskReference reference()
    {
        return reference;
    }

    /**
     * Cash multiplier of an instrument.
     *
     * @param i instrument index.
     * @return cash units per tick times lot.
     */
    public long cashMultiplier(final int i)
    {
        return cashMultipliers[i];
    }

    /**
     * The instrument's absolute exposure after the order, lots.
     *
     * @return lots.
     */
    public long exposureAfter()
    {
        return Math.abs(exposureQty + signedQty);
    }
}
