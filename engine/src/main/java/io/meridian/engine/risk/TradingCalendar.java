package io.meridian.engine.risk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session boundaries in event time: for every local date from {@link #FIRST_YEAR} to {@link #LAST_YEAR} the UTC
 * nanoseconds of local midnight, session open and session close in the exchange's time zone (daylight saving
 * included), and whether it is a trading day (not a weekend, not a configured holiday). Everything is computed once
 * at construction (once per process for the same arguments); lookups are array reads, so the hot path never touches
 * {@code java.time} or a clock. Single-threaded lookups (a one-day cache per calendar); allocation-free after
 * construction.
 */
public final class TradingCalendar
{
    /** First year in the table. */
    public static final int FIRST_YEAR = 2000;
    /** Last year in the table. */
    public static final int LAST_YEAR = 2079;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Tables already computed, by zone, open, close and holidays (an engine builds two calendars; tests many). */
    private static final Map<List<Object>, Tables> COMPUTED = new ConcurrentHashMap<>();
    private static final int MAX_COMPUTED = 16;

    private final long[] midnightNs;
    private final long[] openNs;
    private final long[] closeNs;
    private final boolean[] tradingDay;
    private final int[] month;
    private final long[] epochDay;
    private final int[] tradingOrdinal;
    private int cachedDay;

    /**
     * A calendar. The tables are computed once per distinct set of arguments in the process (about 29,000 days of
     * {@code java.time} conversions, tens of milliseconds before the JIT has compiled them) and shared, read-only, by
     * every calendar built with the same arguments.
     *
     * @param zone the exchange's time zone id.
     * @param open local session open.
     * @param close local session close (after the open).
     * @param holidays local dates without a session, {@code YYYY-MM-DD}.
     */
    public TradingCalendar(final String zone, final String open, final String close, final List<String> holidays)
    {
        final List<Object> key = List.of(zone, open, close, List.copyOf(holidays));
        Tables tables = COMPUTED.get(key);
        if (tables == null)
        {
            tables = Tables.compute(zone, open, close, holidays);
            if (COMPUTED.size() >= MAX_COMPUTED)
            {
                COMPUTED.clear();
            }
            final Tables raced = COMPUTED.putIfAbsent(key, tables);
            tables = raced == null ? tables : raced;
        }
        midnightNs = tables.midnightNs;
        openNs = tables.openNs;
        closeNs = tables.closeNs;
        tradingDay = tables.tradingDay;
        month = tables.month;
        epochDay = tables.epochDay;
        tradingOrdinal = tables.tradingOrdinal;
    }

    /**
     * One calendar's tables, never written after {@link #compute}.
     */
    private static final class Tables
    {
        private final long[] midnightNs;
        private final long[] openNs;
        private final long[] closeNs;
        private final boolean[] tradingDay;
        private final int[] month;
        private final long[] epochDay;
        private final int[] tradingOrdinal;

        private Tables(final int days)
        {
            midnightNs = new long[days];
            openNs = new long[days];
            closeNs = new long[days];
            tradingDay = new boolean[days];
            month = new int[days];
            epochDay = new long[days];
            tradingOrdinal = new int[days];
        }

        static Tables compute(final String zone, final String open, final String close, final List<String> holidays)
        {
            final ZoneId zoneId = ZoneId.of(zone);
            final LocalTime openTime = LocalTime.parse(open);
            final LocalTime closeTime = LocalTime.parse(close);
            final LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
            final int days = (int)(LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - first.toEpochDay()) + 1;
            final Tables t = new Tables(days);
            final long[] holidayDays = new long[holidays.size()];
            for (int i = 0; i < holidayDays.length; i++)
            {
                holidayDays[i] = LocalDate.parse(holidays.get(i)).toEpochDay();
            }
            Arrays.sort(holidayDays);
            int ordinal = 0;
            for (int i = 0; i < days; i++)
            {
                final LocalDate date = first.plusDays(i);
                t.midnightNs[i] = date.atStartOfDay(zoneId).toEpochSecond() * NANOS_PER_SECOND;
                t.openNs[i] = date.atTime(openTime).atZone(zoneId).toEpochSecond() * NANOS_PER_SECOND;
                t.closeNs[i] = date.atTime(closeTime).atZone(zoneId).toEpochSecond() * NANOS_PER_SECOND;
                final int dow = date.getDayOfWeek().getValue();
                t.tradingDay[i] = dow <= 5 && Arrays.binarySearch(holidayDays, date.toEpochDay()) < 0;
                t.month[i] = date.getYear() * 12 + date.getMonthValue() - 1;
                t.epochDay[i] = date.toEpochDay();
                t.tradingOrdinal[i] = ordinal;
                if (t.tradingDay[i])
                {
                    ordinal++;
                }
            }
            return t;
        }
    }

    /**
     * The local day an event time falls on, as an index into the table (clamped to the table's range).
     *
     * @param timeNs event time, UTC nanoseconds.
     * @return the day index.
     */
    public int day(final long timeNs)
    {
        int d = cachedDay;
        if (timeNs >= midnightNs[d] && (d + 1 == midnightNs.length || timeNs < midnightNs[d + 1]))
        {
            return d;
        }
        d = Arrays.binarySearch(midnightNs, timeNs);
        d = d >= 0 ? d : Math.max(0, -d - 2);
        cachedDay = d;
        return d;
    }

    /**
     * Whether an event time is inside a trading session.
     *
     * @param timeNs event time.
     * @return true between open (inclusive) and close (exclusive) of a trading day.
     */
    public boolean inSession(final long timeNs)
    {
        final int d = day(timeNs);
        return tradingDay[d] && timeNs >= openNs[d] && timeNs < closeNs[d];
    }

    /**
     * Whether a day is a trading day.
     *
     * @param day day index.
     * @return true when it has a session.
     */
    public boolean isTradingDay(final int day)
    {
        return tradingDay[day];
    }

    /**
     * Session open of a day.
     *
     * @param day day index.
     * @return UTC nanoseconds.
     */
    public long openNs(final int day)
    {
        return openNs[day];
    }

    /**
     * Session close of a day.
     *
     * @param day day index.
     * @return UTC nanoseconds.
     */
    public long closeNs(final int day)
    {
        return closeNs[day];
    }

    /**
     * Calendar month of a day, as {@code year * 12 + month - 1}.
     *
     * @param day day index.
     * @return the month key.
     */
    public int month(final int day)
    {
        return month[day];
    }

    /**
     * The local date of a day, as an epoch day.
     *
     * @param day day index.
     * @return days since 1970-01-01.
     */
    public long epochDay(final int day)
    {
        return epochDay[day];
    }

    /**
     * Trading days before this day in the table: the difference of two days' ordinals counts the sessions between
     * them (the pattern-day-trader window).
     *
     * @param day day index.
     * @return the ordinal.
     */
    public int tradingOrdinal(final int day)
    {
        return tradingOrdinal[day];
    }
}
