package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session boundaries, holidays, weekends, daylight saving and month keys of the {@link TradingCalendar}, against
 * hand-written UTC instants (New York is UTC-4 in July, UTC-5 in January).
 */
class TradingCalendarTest
{
    private final TradingCalendar calendar =
        new TradingCalendar("America/New_York", "09:30", "16:00", List.of("2024-07-04"));

    private static long ns(final String utc)
    {
        final Instant i = Instant.parse(utc);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void shouldMapEveryDaysSessionToUtcExactlyAsZonedDateTimeDoes()
    {
        // the table is built by arithmetic away from the zones' offset transitions; java.time's ZonedDateTime is the
        // definition (a time in a gap moves forward by the gap, one in an overlap takes the earlier offset), for every
        // day of the table, in zones with daylight saving at 02:00, at midnight (Sao Paulo until 2019), of 30 minutes
        // (Lord Howe), a skipped day (Apia, 2011-12-30), none (Kolkata) and UTC, and sessions that start in a gap
        final String[][] cases = {
            {"America/New_York", "09:30", "16:00"}, {"America/New_York", "02:30", "23:59"},
            {"America/Sao_Paulo", "00:00", "00:30"}, {"Europe/London", "01:30", "17:00"},
            {"Australia/Lord_Howe", "02:15", "02:45"}, {"Pacific/Apia", "00:00", "12:00"},
            {"Asia/Kolkata", "09:15", "15:30"}, {"UTC", "00:00", "23:59:59"},
        };
        for (final String[] c : cases)
        {
            final TradingCalendar table = new TradingCalendar(c[0], c[1], c[2], List.of());
            final ZoneId zone = ZoneId.of(c[0]);
            final LocalDate first = LocalDate.of(TradingCalendar.FIRST_YEAR, 1, 1);
            final int days = (int)(LocalDate.of(TradingCalendar.LAST_YEAR + 1, 1, 1).toEpochDay() - first.toEpochDay());
            int previousDay = 0;
            for (int d = 0; d < days; d++)
            {
                final LocalDate date = first.plusDays(d);
                final long open = date.atTime(LocalTime.parse(c[1])).atZone(zone).toEpochSecond() * 1_000_000_000L;
                final long close = date.atTime(LocalTime.parse(c[2])).atZone(zone).toEpochSecond() * 1_000_000_000L;
                final long midnight = date.atStartOfDay(zone).toEpochSecond() * 1_000_000_000L;
                assertEquals(open, table.openNs(d), c[0] + " open of " + date);
                assertEquals(close, table.closeNs(d), c[0] + " close of " + date);
                if (midnight == date.plusDays(1).atStartOfDay(zone).toEpochSecond() * 1_000_000_000L)
                {
                    continue; // a skipped day (Apia, 2011-12-30): it starts and ends at the next one's midnight
                }
                assertEquals(d, table.day(midnight), c[0] + " local midnight of " + date + " starts its day");
                assertEquals(previousDay, table.day(midnight - 1), c[0] + " a ns before " + date);
                previousDay = d;
            }
        }
    }

    @Test
    void shouldOpenInclusiveAndCloseExclusiveInSummerTime()
    {
        assertFalse(calendar.inSession(ns("2024-07-03T13:29:59.999999999Z")), "one ns before the 09:30 open");
        assertTrue(calendar.inSession(ns("2024-07-03T13:30:00Z")), "09:30 EDT is 13:30 UTC");
        assertTrue(calendar.inSession(ns("2024-07-03T19:59:59.999999999Z")));
        assertFalse(calendar.inSession(ns("2024-07-03T20:00:00Z")), "16:00 EDT closes the session");
        final int d = calendar.day(ns("2024-07-03T15:00:00Z"));
        assertEquals(ns("2024-07-03T13:30:00Z"), calendar.openNs(d));
        assertEquals(ns("2024-07-03T20:00:00Z"), calendar.closeNs(d));
    }

    @Test
    void shouldFollowStandardTimeInWinter()
    {
        assertFalse(calendar.inSession(ns("2024-01-03T13:30:00Z")), "09:30 EST is 14:30 UTC, so 13:30 UTC is 08:30");
        assertTrue(calendar.inSession(ns("2024-01-03T14:30:00Z")));
        assertFalse(calendar.inSession(ns("2024-01-03T21:00:00Z")));
    }

    @Test
    void shouldHaveNoSessionOnAHolidayOrAWeekend()
    {
        final int holiday = calendar.day(ns("2024-07-04T16:00:00Z"));
        assertFalse(calendar.isTradingDay(holiday));
        assertFalse(calendar.inSession(ns("2024-07-04T16:00:00Z")), "noon on Independence Day");
        final int saturday = calendar.day(ns("2024-07-06T16:00:00Z"));
        assertFalse(calendar.isTradingDay(saturday));
        assertFalse(calendar.inSession(ns("2024-07-06T16:00:00Z")));
        assertTrue(calendar.inSession(ns("2024-07-05T16:00:00Z")), "the Friday after the holiday trades");

        final TradingCalendar noHolidays = new TradingCalendar("America/New_York", "09:30", "16:00", List.of());
        assertTrue(noHolidays.inSession(ns("2024-07-04T16:00:00Z")), "without the holiday the Thursday trades");
    }

    @Test
    void shouldRollTheDayAtLocalMidnightNotUtcMidnight()
    {
        final int evening = calendar.day(ns("2024-07-04T03:30:00Z"));
        assertEquals(LocalDate.parse("2024-07-03").toEpochDay(), calendar.epochDay(evening), "23:30 EDT on the 3rd");
        final int midnight = calendar.day(ns("2024-07-04T04:00:00Z"));
        assertEquals(LocalDate.parse("2024-07-04").toEpochDay(), calendar.epochDay(midnight));
        assertEquals(evening + 1, midnight);
        // back to an earlier time after the one-day cache moved on
        assertEquals(evening, calendar.day(ns("2024-07-03T20:00:00Z")));
    }

    @Test
    void shouldChangeTheMonthKeyAtTheMonthBoundary()
    {
        final int lastOfJanuary = calendar.day(ns("2024-01-31T17:00:00Z"));
        final int firstOfFebruary = calendar.day(ns("2024-02-01T17:00:00Z"));
        assertEquals(2024 * 12, calendar.month(lastOfJanuary));
        assertEquals(2024 * 12 + 1, calendar.month(firstOfFebruary));
        assertEquals(calendar.month(lastOfJanuary), calendar.month(calendar.day(ns("2024-01-02T17:00:00Z"))));
        assertNotEquals(calendar.month(lastOfJanuary), calendar.month(firstOfFebruary));
    }

    @Test
    void shouldCountTradingDaysSkippingHolidaysAndWeekends()
    {
        final int wednesday = calendar.day(ns("2024-07-03T16:00:00Z"));
        final int friday = calendar.day(ns("2024-07-05T16:00:00Z"));
        final int nextMonday = calendar.day(ns("2024-07-08T16:00:00Z"));
        assertEquals(1, calendar.tradingOrdinal(friday) - calendar.tradingOrdinal(wednesday), "the 4th is skipped");
        assertEquals(1, calendar.tradingOrdinal(nextMonday) - calendar.tradingOrdinal(friday), "the weekend too");
    }
}
