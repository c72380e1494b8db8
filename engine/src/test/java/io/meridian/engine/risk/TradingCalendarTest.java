package io.meridian.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
    void shouldGiveEachSetOfArgumentsItsOwnTablesThoughTheyAreComputedOncePerProcess()
    {
        // the tables are shared between calendars of the same arguments: another zone, session or holiday list must
        // still get its own
        final int july4 = calendar.day(ns("2024-07-04T16:00:00Z"));
        final TradingCalendar same = new TradingCalendar("America/New_York", "09:30", "16:00",
            new ArrayList<>(List.of("2024-07-04")));
        final TradingCalendar noHoliday = new TradingCalendar("America/New_York", "09:30", "16:00", List.of());
        final TradingCalendar london = new TradingCalendar("Europe/London", "09:30", "16:00", List.of("2024-07-04"));
        final TradingCalendar later = new TradingCalendar("America/New_York", "10:00", "16:00", List.of("2024-07-04"));
        assertEquals(calendar.openNs(july4), same.openNs(july4));
        assertFalse(same.isTradingDay(july4));
        assertTrue(noHoliday.isTradingDay(july4), "no holiday configured");
        assertEquals(ns("2024-07-04T13:30:00Z"), noHoliday.openNs(july4));
        assertEquals(ns("2024-07-04T08:30:00Z"), london.openNs(july4), "09:30 BST");
        assertEquals(ns("2024-07-04T14:00:00Z"), later.openNs(july4), "10:00 EDT");
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
