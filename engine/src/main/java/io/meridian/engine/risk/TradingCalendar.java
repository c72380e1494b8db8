package io.meridian.engine.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * Session boundaries in event time: for every local date from {@link #FIRST_YEAR} to {@link #LAST_YEAR} the UTC
 * nanoseconds of local midnight, session open and session close in the exchange's time zone (daylight saving
 * included), and whether it is a trading day (not a weekend, not a configured holiday). Everything is computed once
 * at construction; lookups are array reads, so the hot path never touches {@code java.time} or a clock. Local times
 * map to UTC as {@code ZonedDateTime.of(date, time, zone)} maps them (a time in a daylight-saving gap moves forward by
 * the gap, one in an overlap takes the earlier offset), by {@link LocalToUtc}: plain arithmetic with the zone's offset
 * away from its transitions, {@code java.time} only within two days of one.
 * Single-threaded lookups (a one-day cache); allocation-free after construction.
 */
public final class TradingCalendar
{
    /** First year in the table. */
    public static final int FIRST_YEAR = 2000;
    /** Last year in the table. */
    public static final int LAST_YEAR = 2079;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private final long[] midnightNs;
    private final long[] openNs;
    private final long[] closeNs;
    private final boolean[] tradingDay;
    private final int[] month;
    private final long[] epochDay;
    private final int[] tradingOrdinal;
    private int cachedDay;

    /**
     * A calendar.
     *
     * @param zone the exchange's time zone id.
     * @param open local session open.
     * @param close local session close (after the open).
     * @param holidays local dates without a session, {@code YYYY-MM-DD}.
     */
    public TradingCalendar(final String zone, final String open, final String close, final List<String> holidays)
    {
        final ZoneId zoneId = ZoneId.of(zone);
        final LocalTime openTime = LocalTime.parse(open);
        final LocalTime closeTime = LocalTime.parse(close);
        final LocalDate first = LocalDate.of(FIRST_YEAR, 1, 1);
        final int days = (int)(LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - first.toEpochDay()) + 1;
        midnightNs = new long[days];
        openNs = new long[days];
        closeNs = new long[days];
        tradingDay = new boolean[days];
        month = new int[days];
        epochDay = new long[days];
        tradingOrdinal = new int[days];
        final long[] holidayDays = new long[holidays.size()];
        for (int i = 0; i < holidayDays.length; i++)
        {
            holidayDays[i] = LocalDate.parse(holidays.get(i)).toEpochDay();
        }
        Arrays.sort(holidayDays);
        final LocalToUtc utc = new LocalToUtc(zoneId);
        final int openSecond = openTime.toSecondOfDay();
        final int closeSecond = closeTime.toSecondOfDay();
        int ordinal = 0;
        for (int i = 0; i < days; i++)
        {
            final LocalDate date = first.plusDays(i);
            final long localMidnight = date.toEpochDay() * SECONDS_PER_DAY;
            midnightNs[i] = utc.epochSecond(localMidnight) * NANOS_PER_SECOND;
            openNs[i] = utc.epochSecond(localMidnight + openSecond) * NANOS_PER_SECOND;
            closeNs[i] = utc.epochSecond(localMidnight + closeSecond) * NANOS_PER_SECOND;
            final int dow = date.getDayOfWeek().getValue();
            tradingDay[i] = dow <= 5 && Arrays.binarySearch(holidayDays, date.toEpochDay()) < 0;
            month[i] = date.getYear() * 12 + date.getMonthValue() - 1;
            epochDay[i] = date.toEpochDay();
            tradingOrdinal[i] = ordinal;
            if (tradingDay[i])
            {
                ordinal++;
            }
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

    /**
     * Local date-times of one zone to UTC epoch seconds, as {@code ZonedDateTime.of(local, zone).toEpochSecond()}
     * gives them, for local times given mostly in increasing order. Between two of the zone's offset transitions the
     * offset is one value, and a local time whose instant at that offset lies at least {@link #MARGIN_SECONDS} from
     * both has that instant as its only valid one (no two offsets of a zone differ by that much), so it is computed by
     * subtraction; a local time near a transition, or outside the interval known, goes through {@code java.time}, and
     * the interval and offset are taken afresh around its instant.
     */
    private static final class LocalToUtc
    {
        /** Two days: more than any difference between two offsets (at most 36 hours). */
        private static final long MARGIN_SECONDS = 2 * SECONDS_PER_DAY;

        private final ZoneId zone;
        private final ZoneRules rules;
        private long offsetSeconds;
        private long from = Long.MAX_VALUE;
        private long until = Long.MIN_VALUE;

        LocalToUtc(final ZoneId zone)
        {
            this.zone = zone;
            this.rules = zone.getRules();
        }

        long epochSecond(final long localEpochSecond)
        {
            final long instant = localEpochSecond - offsetSeconds;
            if (instant >= from && instant < until)
            {
                return instant;
            }
            final long exact = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC).atZone(zone)
                .toEpochSecond();
            final Instant at = Instant.ofEpochSecond(exact);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            // a transition exactly at this instant is the previous one (previousTransition looks strictly before)
            final ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
            final ZoneOffsetTransition next = rules.nextTransition(at);
            from = previous == null ? Long.MIN_VALUE / 2 : previous.toEpochSecond() + MARGIN_SECONDS;
            until = next == null ? Long.MAX_VALUE / 2 : next.toEpochSecond() - MARGIN_SECONDS;
            return exact;
        }
    }
}
