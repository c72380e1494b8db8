package io.meridian.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transaction-cost analysis of one finished order, immutable (see {@link TcaBook} for the conventions). Prices
 * are in the instrument's currency, quantities in shares, the shortfall and markouts in bps of the decision value
 * {@code Pd × Q}; NaN where a figure is undefined (no fill: no average price, time to fill or markout).
 *
 * <p>Constructor parameters, in order:
 * orderId: the client order id.
 * instrument: the symbol.
 * side: {@code BUY} or {@code SELL}.
 * orderType: {@code LIMIT}, {@code MARKET}, ...
 * status: {@code filled}, {@code cancelled}, {@code rejected} or {@code open_at_end} (still working when the
 *     journal ended).
 * decisionNs: event time of the SIGNAL that set the target the order trades towards.
 * decisionPrice: the mid then.
 * arrivalNs: event time the order was sent.
 * arrivalPrice: the mid then.
 * avgFillPrice: quantity-weighted average fill price.
 * filledQty: shares filled.
 * orderedQty: shares ordered.
 * timeToFillS: from sending to the last fill, seconds of event time.
 * endPrice: the mid when the order finished.
 * delayBps: {@code s(Pa − Pd)q}.
 * executionBps: {@code s(P̄ − Pa)q}.
 * opportunityBps: {@code s(Pe − Pd)(Q − q)}.
 * feesBps: the charged costs of the fills.
 * markoutBps: per horizon, quantity-weighted over the order's fills.
 */
final class OrderTca
{
    private final long orderId;
    private final String instrument;
    private final String side;
    private final String orderType;
    private final String status;
    private final long decisionNs;
    private final double decisionPrice;
    private final long arrivalNs;
    private final double arrivalPrice;
    private final double avgFillPrice;
    private final double filledQty;
    private final double orderedQty;
    private final double timeToFillS;
    private final double endPrice;
    private final double delayBps;
    private final double executionBps;
    private final double opportunityBps;
    private final double feesBps;
    private final double[] markoutBps;

    /**
     * A row; the parameters are those of the class comment.
     */
    OrderTca(
        final long orderId,
        final String instrument,
        final String side,
        final String orderType,
        final String status,
        final long decisionNs,
        final double decisionPrice,
        final long arrivalNs,
        final double arrivalPrice,
        final double avgFillPrice,
        final double filledQty,
        final double orderedQty,
        final double timeToFillS,
        final double endPrice,
        final double delayBps,
        final double executionBps,
        final double opportunityBps,
        final double feesBps,
        final double[] markoutBps)
    {
        this.orderId = orderId;
        this.instrument = instrument;
        this.side = side;
        this.orderType = orderType;
        this.status = status;
        this.decisionNs = decisionNs;
        this.decisionPrice = decisionPrice;
        this.arrivalNs = arrivalNs;
        this.arrivalPrice = arrivalPrice;
        this.avgFillPrice = avgFillPrice;
        this.filledQty = filledQty;
        this.orderedQty = orderedQty;
        this.timeToFillS = timeToFillS;
        this.endPrice = endPrice;
        this.delayBps = delayBps;
        this.executionBps = executionBps;
        this.opportunityBps = opportunityBps;
        this.feesBps = feesBps;
        this.markoutBps = markoutBps.clone();
    }

    long orderId()
    {
        return orderId;
    }

    String instrument()
    {
        return instrument;
    }

    String side()
    {
        return side;
    }

    String orderType()
    {
        return orderType;
    }

    String status()
    {
        return status;
    }

    long decisionNs()
    {
        return decisionNs;
    }

    double decisionPrice()
    {
        return decisionPrice;
    }

    long arrivalNs()
    {
        return arrivalNs;
    }

    double arrivalPrice()
    {
        return arrivalPrice;
    }

    double avgFillPrice()
    {
        return avgFillPrice;
    }

    double filledQty()
    {
        return filledQty;
    }

    double orderedQty()
    {
        return orderedQty;
    }

    double timeToFillS()
    {
        return timeToFillS;
    }

    double endPrice()
    {
        return endPrice;
    }

    double delayBps()
    {
        return delayBps;
    }

    double executionBps()
    {
        return executionBps;
    }

    double opportunityBps()
    {
        return opportunityBps;
    }

    double feesBps()
    {
        return feesBps;
    }

    /**
     * The markouts per horizon.
     *
     * @return a copy.
     */
    double[] markoutBps()
    {
        return markoutBps.clone();
    }

    /** Column names before the markouts, in CSV and JSON order. */
    static final List<String> COLUMNS = List.of("order_id", "instrument", "side", "order_type", "status",
        "decision_time", "decision_price", "arrival_time", "arrival_price", "avg_fill_price", "filled_qty",
        "ordered_qty", "fill_rate", "time_to_fill_s", "end_price", "implementation_shortfall_bps", "delay_bps",
        "execution_bps", "opportunity_bps", "fees_bps");

    /**
     * Fill rate {@code q / Q}.
     *
     * @return the rate, NaN for a zero-quantity order.
     */
    double fillRate()
    {
        return orderedQty > 0 ? filledQty / orderedQty : Double.NaN;
    }

    /**
     * Implementation shortfall: delay + execution + opportunity + fees.
     *
     * @return bps of the decision value.
     */
    double shortfallBps()
    {
        return delayBps + executionBps + opportunityBps + feesBps;
    }

    /**
     * The column names including the markouts, e.g. {@code markout_1s_bps}.
     *
     * @param horizons horizon labels such as {@code 1s}.
     * @return the names.
     */
    static String[] header(final String[] horizons)
    {
        final String[] names = new String[COLUMNS.size() + horizons.length];
        for (int c = 0; c < COLUMNS.size(); c++)
        {
            names[c] = COLUMNS.get(c);
        }
        for (int h = 0; h < horizons.length; h++)
        {
            names[COLUMNS.size() + h] = "markout_" + horizons[h] + "_bps";
        }
        return names;
    }

    /**
     * The row as CSV fields: numbers in Java's shortest round-trip form, never {@code -0.0}; empty where undefined.
     *
     * @return the fields, in {@link #header} order.
     */
    String[] csvFields()
    {
        final String[] f = new String[COLUMNS.size() + markoutBps.length];
        int c = 0;
        f[c++] = Long.toString(orderId);
        f[c++] = instrument;
        f[c++] = side;
        f[c++] = orderType;
        f[c++] = status;
        f[c++] = Instant.ofEpochSecond(0, decisionNs).toString();
        f[c++] = csv(decisionPrice);
        f[c++] = Instant.ofEpochSecond(0, arrivalNs).toString();
        f[c++] = csv(arrivalPrice);
        f[c++] = csv(avgFillPrice);
        f[c++] = csv(filledQty);
        f[c++] = csv(orderedQty);
        f[c++] = csv(fillRate());
        f[c++] = csv(timeToFillS);
        f[c++] = csv(endPrice);
        f[c++] = csv(shortfallBps());
        f[c++] = csv(delayBps);
        f[c++] = csv(executionBps);
        f[c++] = csv(opportunityBps);
        f[c++] = csv(feesBps);
        for (final double m : markoutBps)
        {
            f[c++] = csv(m);
        }
        return f;
    }

    /**
     * The row as an ordered map (NaN kept; the JSON writer turns it into null).
     *
     * @param horizons horizon labels.
     * @return the map.
     */
    Map<String, Object> asMap(final String[] horizons)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", orderId);
        m.put("instrument", instrument);
        m.put("side", side);
        m.put("order_type", orderType);
        m.put("status", status);
        m.put("decision_time", Instant.ofEpochSecond(0, decisionNs).toString());
        m.put("decision_price", decisionPrice);
        m.put("arrival_time", Instant.ofEpochSecond(0, arrivalNs).toString());
        m.put("arrival_price", arrivalPrice);
        m.put("avg_fill_price", avgFillPrice);
        m.put("filled_qty", filledQty);
        m.put("ordered_qty", orderedQty);
        m.put("fill_rate", fillRate());
        m.put("time_to_fill_s", timeToFillS);
        m.put("end_price", endPrice);
        m.put("implementation_shortfall_bps", shortfallBps());
        m.put("delay_bps", delayBps);
        m.put("execution_bps", executionBps);
        m.put("opportunity_bps", opportunityBps);
        m.put("fees_bps", feesBps);
        final Map<String, Object> markouts = new LinkedHashMap<>();
        for (int h = 0; h < horizons.length; h++)
        {
            markouts.put(horizons[h], markoutBps[h]);
        }
        m.put("markout_bps", markouts);
        return m;
    }

    /**
     * A number for a CSV field: empty when undefined, {@code 0.0} for either zero (no {@code -0.0}).
     *
     * @param v the value.
     * @return the text.
     */
    static String csv(final double v)
    {
        if (Double.isNaN(v) || Double.isInfinite(v))
        {
            return "";
        }
        return v == 0.0 ? "0.0" : Double.toString(v);
    }
}
