package io.meridian.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.risk.TradingCalendar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link Account} against hand-computed numbers: one instrument at 1 cash unit per tick*lot, a start-of-day NAV
 * of 1,000,000, sessions on a UTC calendar.
 */
class AccountTest
{
    private static final long NAV = 1_000_000;

    private final TradingCalendar calendar = new TradingCalendar("UTC", "09:30", "16:00", List.of("2024-03-15"));
    private final PositionKeeper positions = new PositionKeeper(new long[]{1});

    private static long ns(final String utc)
    {
        return Instant.parse(utc).getEpochSecond() * 1_000_000_000L;
    }

    private Account cashAccount()
    {
        return new Account(NAV, false, 2.0, calendar, positions);
    }

    @Test
    void shouldStartAtTheConfiguredNav()
    {
        final Account account = cashAccount();
        assertFalse(account.onTime(ns("2024-03-13T10:00:00Z")), "the first event is not a rollover");
        assertEquals(1, account.sessions());
        assertEquals(NAV, account.navCash());
        assertEquals(NAV, account.cashCash());
        assertEquals(NAV, account.sessionStartNavCash());
        assertEquals(NAV, account.monthStartNavCash());
        assertEquals(NAV, account.peakNavCash());
        assertEquals(0, account.sessionPnlCash());
        assertEquals(0.0, account.drawdown());
    }

    @Test
    void shouldRollSessionAndMonthPnlAndTrackThePeak()
    {
        final Account account = cashAccount();
        account.onTime(ns("2024-03-28T10:00:00Z"));
        positions.onFill(0, 100, 1_000);
        positions.mark(0, 1_100);
        account.updatePeak();
        // 100 lots bought at 1000, marked at 1100: +10,000
        assertEquals(1_010_000, account.navCash());
        assertEquals(900_000, account.cashCash(), "cash paid 100,000 for the position");
        assertEquals(10_000, account.sessionPnlCash());
        assertEquals(10_000, account.monthPnlCash());
        assertEquals(1_010_000, account.peakNavCash());

        assertFalse(account.onTime(ns("2024-03-28T15:59:00Z")), "same day, same session");
        assertTrue(account.onTime(ns("2024-03-29T10:00:00Z")), "a new date starts a session");
        assertEquals(2, account.sessions());
        assertEquals(1_010_000, account.sessionStartNavCash());
        assertEquals(0, account.sessionPnlCash());
        assertEquals(10_000, account.monthPnlCash(), "same month: month-to-date keeps the first day's gain");

        positions.mark(0, 1_050);
        account.updatePeak();
        assertEquals(1_005_000, account.navCash());
        assertEquals(-5_000, account.sessionPnlCash());
        assertEquals(5_000, account.monthPnlCash());
        assertEquals(1_010_000, account.peakNavCash(), "a lower NAV does not move the peak");
        assertEquals(5_000 / 1_010_000.0, account.drawdown(), 1e-12);

        assertTrue(account.onTime(ns("2024-04-01T10:00:00Z")), "a new month");
        assertEquals(1_005_000, account.monthStartNavCash());
        assertEquals(0, account.monthPnlCash());
        positions.mark(0, 1_000);
        // month started at 1,005,000; NAV 1,000,000: a 5,000 loss
        assertEquals(-5_000, account.monthPnlCash());
        assertEquals(5_000 / 1_005_000.0, account.monthLoss(), 1e-12);
        assertEquals(10_000 / 1_010_000.0, account.drawdown(), 1e-12);
    }

    @Test
    void shouldStartASessionOnEveryNewLocalDate()
    {
        final Account account = cashAccount();
        account.onTime(ns("2024-03-14T10:00:00Z"));
        assertTrue(calendar.isTradingDay(account.day()));
        assertTrue(account.onTime(ns("2024-03-15T10:00:00Z")), "the holiday's date is still a new date");
        assertFalse(calendar.isTradingDay(account.day()), "but the calendar has no session on it");
        assertFalse(calendar.inSession(ns("2024-03-15T10:00:00Z")));
    }

    @Test
    void shouldGiveACashAccountItsCashAsBuyingPower()
    {
        final Account account = cashAccount();
        account.onTime(ns("2024-03-13T10:00:00Z"));
        assertEquals(NAV, account.buyingPowerCash());
        positions.onFill(0, 300, 1_000);
        positions.mark(0, 1_200);
        assertEquals(700_000, account.buyingPowerCash(), "a gain at the mark is not cash");
        assertEquals(360_000 / 1_060_000.0, account.leverage(), 1e-12);
        positions.onFill(0, 800, 1_000);
        assertEquals(-100_000, account.cashCash());
        assertEquals(0, account.buyingPowerCash(), "never negative");
    }

    @Test
    void shouldGiveAMarginAccountTheCapTimesNavLessGross()
    {
        final Account account = new Account(NAV, true, 2.0, calendar, positions);
        account.onTime(ns("2024-03-13T10:00:00Z"));
        assertTrue(account.margin());
        assertEquals(2_000_000, account.buyingPowerCash());
        positions.onFill(0, 300, 1_000);
        positions.mark(0, 1_200);
        // 2.0 * 1,060,000 - 360,000
        assertEquals(1_760_000, account.buyingPowerCash());
        positions.onFill(0, -800, 1_200);
        // short 500 at the 1,200 mark: gross 600,000, NAV unchanged at 1,060,000
        assertEquals(1_060_000, account.navCash());
        assertEquals(600_000, account.grossCash());
        assertEquals(-600_000, account.netCash());
        assertEquals(1_520_000, account.buyingPowerCash());
        positions.onFill(0, -1_500, 1_200);
        assertEquals(0, account.buyingPowerCash(), "gross 2,400,000 is over the cap: none left, not negative");
    }
}
