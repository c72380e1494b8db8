package io.meridian.report;

import io.meridian.report.stats.ReturnStatistics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics per session: a session is a calendar day in {@code account.timezone}. The total equity curve's return
 * ending at grid point {@code k} belongs to the day of that point's time; a session's statistics are those of its
 * returns (the curve from the last point before the day to the day's last point), with the run's conventions.
 * Fills, traded value and charged costs are counted per day of each fill's event time ({@link #onFill}), one small
 * entry per day. Single-threaded.
 */
final class Sessions
{
    private final ZoneId zone;
    private final Map<LocalDate, double[]> fills = new TreeMap<>();
    private long dayStartNs = Long.MAX_VALUE;
    private long dayEndNs = Long.MIN_VALUE;
    private double[] today;

    /**
     * Sessions in a zone.
     *
     * @param zone the account's time zone.
     */
    Sessions(final ZoneId zone)
    {
        this.zone = zone;
    }

    /**
     * The zone's id.
     *
     * @return e.g. {@code America/New_York}.
     */
    String zone()
    {
        return zone.getId();
    }

    /**
     * Counts a fill in the session of its time.
     *
     * @param timeNs event time.
     * @param value traded value (cash).
     * @param charged charged costs (cash).
     */
    void onFill(final long timeNs, final double value, final double charged)
    {
        dayOf(timeNs);
        today[0]++;
        today[1] += value;
        today[2] += charged;
    }

    /**
     * Counts a cost charged apart from its fill (IB's commission report) in the session of its time.
     *
     * @param timeNs event time the engine charged it.
     * @param charged the cost (cash).
     */
    void onCost(final long timeNs, final double charged)
    {
        dayOf(timeNs);
        today[2] += charged;
    }

    private void dayOf(final long timeNs)
    {
        if (timeNs < dayStartNs || timeNs >= dayEndNs)
        {
            final LocalDate day = day(timeNs);
            dayStartNs = epochNs(day);
            dayEndNs = epochNs(day.plusDays(1));
            today = fills.computeIfAbsent(day, d -> new double[3]);
        }
    }

    /**
     * The sessions' rows, in date order.
     *
     * @param equity total equity at each grid point.
     * @param count points.
     * @param startNs the grid's first point.
     * @param intervalNs the grid's interval.
     * @param conventions the statistics' conventions.
     * @return one row per session with at least one return.
     */
    List<Map<String, Object>> rows(
        final double[] equity, final int count, final long startNs, final long intervalNs,
        final ReturnStatistics.Conventions conventions)
    {
        final List<Map<String, Object>> rows = new ArrayList<>();
        int k = 1;
        while (k < count)
        {
            final LocalDate day = day(startNs + k * intervalNs);
            final long endNs = epochNs(day.plusDays(1));
            int last = k;
            while (last + 1 < count && startNs + (last + 1) * intervalNs < endNs)
            {
                last++;
            }
            final double[] curve = Arrays.copyOfRange(equity, k - 1, last + 1);
            final ReturnStatistics st = ReturnStatistics.of(curve, curve.length, intervalNs / 1e9, conventions);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("session", day.toString());
            row.put("first_point", Instant.ofEpochSecond(0, startNs + k * intervalNs).toString());
            row.put("last_point", Instant.ofEpochSecond(0, startNs + last * intervalNs).toString());
            row.put("periods", st.periods());
            row.put("net_pnl", curve[curve.length - 1] - curve[0]);
            row.put("total_return", st.totalReturn());
            row.put("sharpe", st.sharpe());
            row.put("sortino", st.sortino());
            row.put("max_drawdown", st.maxDrawdown());
            row.put("max_drawdown_duration_s", st.maxDrawdownDurationS());
            row.put("annual_volatility", st.annualVolatility());
            final double[] f = fills.getOrDefault(day, new double[3]);
            row.put("fills", (long)f[0]);
            row.put("traded_value", f[1]);
            row.put("costs_total", f[2]);
            rows.add(row);
            k = last + 1;
        }
        return rows;
    }

    private LocalDate day(final long timeNs)
    {
        return Instant.ofEpochSecond(0, timeNs).atZone(zone).toLocalDate();
    }

    private long epochNs(final LocalDate day)
    {
        return day.atStartOfDay(zone).toEpochSecond() * 1_000_000_000L;
    }
}
