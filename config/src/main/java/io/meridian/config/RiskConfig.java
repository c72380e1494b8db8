package io.meridian.config;

import java.util.List;
import java.util.Objects;

/**
 * Pre-trade risk limits, applied to every order (SPEC §1(e) and decisions 1, 8, 9, 10, 15). Fractions are fractions
 * (0.05 means 5%); "NAV" is the account's net asset value at the time of the order. A limit at its largest allowed
 * value effectively disables its check (documented per key in the profiles).
 *
 * @param maxOrderQty          largest order in lots, &gt;= 1.
 * @param maxOrderNotional     largest order notional in cash, &gt; 0 and &lt;= 1e12 (e5; SPEC default 50,000).
 * @param priceCollar          largest distance of a limit price from the last trade (the mid before any trade), as a
 *                             fraction, &gt; 0 and &lt;= 1 (e8, decision 9: 0.10).
 * @param maxOrdersPerSecond   accepted orders allowed in any trailing second of event time, all instruments together,
 *                             1 to 1,000,000 (e6: 10).
 * @param maxPosition          largest absolute position in lots, working orders included, &gt;= 1.
 * @param maxPositionNav       largest absolute position value per instrument as a fraction of NAV, working orders
 *                             included (e1, decision 1: 0.05), &gt; 0 and &lt;= 100.
 * @param maxSectorNav         largest gross value of one sector as a fraction of NAV (e2: 0.20), &gt; 0 and &lt;= 100.
 * @param maxClusterNav        largest gross value of one correlation cluster as a fraction of NAV (e3: 0.30).
 * @param minOrderNotional     smallest order notional in cash (e4: 100), 0 to 1e12.
 * @param maxDailyOrderValue   largest sum of accepted order notionals in one session, cash (e7: 100,000).
 * @param nbboTolerance        how far through the far touch a limit price may be, fraction of the touch (e9: 0.01).
 * @param maxSpread            price anomaly: largest quoted spread as a fraction of mid before orders are refused
 *                             (e10: 0.05, a suggestion; the seeds give no number).
 * @param fatFingerPrice       largest distance of a limit price from the previous session close, fraction
 *                             (e11, decision 9: 0.20).
 * @param fatFingerQtyMultiple largest order quantity as a multiple of the rolling median of recent order quantities
 *                             (e12, decision 10: 10).
 * @param fatFingerQtyFloor    the "normal" quantity is never taken below this many lots (decision 10's floor).
 * @param fatFingerQtyWindow   how many recent order quantities per instrument the median is taken over (100).
 * @param duplicateWindowMs    the same order (instrument, side, quantity, price) again within this many
 *                             milliseconds is a duplicate (e13: 1000); 0 disables.
 * @param buyingPowerUse       share of buying power an order may use (e14: 1.0).
 * @param strategyBudgetNav    risk budget: the strategy's gross exposure as a fraction of NAV (e15, d10: 1.0).
 * @param maxConcentration     largest share of one instrument in the book's gross exposure once the book is larger
 *                             than {@code concentrationMinGrossNav} of NAV (e16: 0.5, a suggestion).
 * @param concentrationMinGrossNav gross exposure as a fraction of NAV below which concentration is not checked.
 * @param maxChildAdv          largest order as a fraction of 20-day ADV (e17, decision 8: 0.05).
 * @param maxParentAdv         largest parent (the strategy's whole target change) as a fraction of 20-day ADV
 *                             (decision 8: 0.25).
 * @param factors              factor exposure limits (e21: technology 0.3, value 0.5); loadings per instrument are
 *                             in {@code reference}.
 * @param maxGrossNav          gross exposure cap as a fraction of NAV, cash account (decision 10: 1.0).
 * @param maxGrossBearNav      gross exposure cap in the BEAR (high-volatility) regime (0.7).
 * @param maxGrossMarginNav    gross exposure cap for a margin account (2.0).
 * @param systemicCap          largest net exposure of the whole book as a fraction of NAV (e22: 0.25).
 * @param pdtMinEquity         pattern-day-trader rule: below this NAV (cash), day trades are limited (e23: 25,000).
 * @param pdtMaxDayTrades      day trades allowed in {@code pdtWindowDays} sessions below that equity (3).
 * @param pdtWindowDays        rolling window of sessions for the day-trade count (5).
 * @param maxMessagesPerSecond RTS 6: order messages (new and cancel) allowed in any trailing second (50, a
 *                             suggestion).
 * @param maxOrderToTradeRatio RTS 6: order messages per fill allowed in one session (Art. 15 OTR; 20, a suggestion).
 * @param otrMinMessages       the order-to-trade ratio is checked only after this many messages in the session.
 * @param volIndexSymbol       the instrument whose mid is the volatility index (decision 6), or empty for none.
 * @param highVolLevel         volatility-index level of the high-volatility (BEAR) regime (decision 6: 25).
 * @param crisisVolLevel       volatility-index level of the CRISIS regime and kill switch 6 (decision 6: 40).
 * @param proxyHighVol         without an index: annualised realized volatility (fraction) of the high-vol regime.
 * @param proxyCrisisVol       without an index: annualised realized volatility of the CRISIS regime.
 * @param proxyHalfLifeSamples   half-life of the realized-volatility proxy's average, in one-minute samples of the mid,
 *                             1 to 1,000,000 (20).
 * @param warnAt               share of a limit at which a RISK_WARNING is journaled (decision 5: 0.9).
 */
public record RiskConfig(
    long maxOrderQty,
    double maxOrderNotional,
    double priceCollar,
    int maxOrdersPerSecond,
    long maxPosition,
    double maxPositionNav,
    double maxSectorNav,
    double maxClusterNav,
    double minOrderNotional,
    double maxDailyOrderValue,
    double nbboTolerance,
    double maxSpread,
    double fatFingerPrice,
    double fatFingerQtyMultiple,
    long fatFingerQtyFloor,
    int fatFingerQtyWindow,
    long duplicateWindowMs,
    double buyingPowerUse,
    double strategyBudgetNav,
    double maxConcentration,
    double concentrationMinGrossNav,
    double maxChildAdv,
    double maxParentAdv,
    List<FactorLimitConfig> factors,
    double maxGrossNav,
    double maxGrossBearNav,
    double maxGrossMarginNav,
    double systemicCap,
    double pdtMinEquity,
    int pdtMaxDayTrades,
    int pdtWindowDays,
    int maxMessagesPerSecond,
    double maxOrderToTradeRatio,
    long otrMinMessages,
    String volIndexSymbol,
    double highVolLevel,
    double crisisVolLevel,
    double proxyHighVol,
    double proxyCrisisVol,
    int proxyHalfLifeSamples,
    double warnAt)
{
    /**
     * Makes the factor list unmodifiable.
     */
    public RiskConfig
    {
        factors = List.copyOf(factors);
        Objects.requireNonNull(volIndexSymbol, "volIndexSymbol");
    }
}
