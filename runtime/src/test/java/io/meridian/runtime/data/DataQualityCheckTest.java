package io.meridian.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of {@code data check} on hand-made series: missing sessions (a holiday list removes them), rows
 * outside sessions, intraday gaps, 20% jumps, stale runs and zero-volume bars; and the calendar file.
 */
class DataQualityCheckTest
{
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long MINUTE_NS = 60_000_000_000L;

    @TempDir
    Path dir;

    private static long at(final String date, final int minuteOfDay)
    {
        return LocalDate.parse(date).atStartOfDay(UTC).toEpochSecond() * 1_000_000_000L + minuteOfDay * MINUTE_NS;
    }

    private static String line(final List<String> lines, final String start)
    {
        for (final String line : lines)
        {
            if (line.strip().startsWith(start))
            {
                return line.strip();
            }
        }
        throw new AssertionError("no line starting '" + start + "' in " + lines);
    }

    @Test
    void shouldFindMissingSessionsUnlessTheyAreHolidays()
    {
        // Mon 2024-01-08 .. Fri 2024-01-12 with Wednesday missing; a Saturday row is outside the sessions
        final DataQualityCheck check = new DataQualityCheck(SessionCalendar.DEFAULT, true);
        double close = 100;
        for (final String date : new String[]{"2024-01-08", "2024-01-09", "2024-01-11", "2024-01-12", "2024-01-13"})
        {
            check.onRow("X", date, at(date, 0), close++, 10);
        }
        final List<String> lines = check.lines();
        assertEquals("sessions      4 with data, 1 missing (first: 2024-01-10)", line(lines, "sessions"));
        assertTrue(line(lines, "outside").startsWith("outside       1 rows outside"), lines.toString());
        assertEquals(2, check.findings());

        final DataQualityCheck withHoliday = new DataQualityCheck(new SessionCalendar(UTC, LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, Set.of(LocalDate.parse("2024-01-10"))), true);
        for (final String date : new String[]{"2024-01-08", "2024-01-09", "2024-01-11", "2024-01-12"})
        {
            withHoliday.onRow("X", date, at(date, 0), 100, 10);
        }
        assertEquals(0, withHoliday.findings(), withHoliday.lines().toString());
    }

    @Test
    void shouldFindGapsJumpsStaleRunsAndZeroVolume()
    {
        final DataQualityCheck check = new DataQualityCheck(SessionCalendar.DEFAULT, true);
        final double[] closes = {100, 101, 101, 101, 101, 101, 102, 125, 126, 127};
        final int[] minutes = {600, 601, 602, 603, 604, 605, 606, 607, 612, 613};   // one 5-minute gap
        for (int i = 0; i < closes.length; i++)
        {
            check.onRow("X", "line " + (i + 2), at("2024-01-08", minutes[i]), closes[i], i == 3 ? 0 : 5);
        }
        final List<String> lines = check.lines();
        assertTrue(line(lines, "gaps").startsWith("gaps          1 (typical spacing 60.0 s)"), lines.toString());
        assertTrue(line(lines, "jumps").startsWith("jumps > 20%   1 (e.g. line 9 102.0 -> 125.0 (+22.5%))"),
            lines.toString());
        assertEquals("stale runs    1 (>= 5 equal closes), longest 5 from line 3", line(lines, "stale runs"));
        assertTrue(line(lines, "zero volume").startsWith("zero volume   1 bars (e.g. line 5)"), lines.toString());
        assertEquals(4, check.findings());
    }

    @Test
    void shouldNotCountFourEqualClosesOrA20PercentMove()
    {
        final DataQualityCheck check = new DataQualityCheck(SessionCalendar.DEFAULT, false);
        final double[] closes = {100, 100, 100, 100, 120, 96};
        for (int i = 0; i < closes.length; i++)
        {
            check.onRow("X", "line " + i, at("2024-01-08", 600 + i), closes[i], 0);
        }
        assertEquals(0, check.findings(), check.lines().toString());
    }

    @Test
    void shouldReadTheCalendarSection() throws IOException
    {
        final Path file = dir.resolve("calendar.yaml");
        Files.writeString(file, "calendar:\n  timezone: America/New_York\n  open: \"09:30\"\n  close: \"16:00\"\n"
            + "  holidays: [2024-01-01, 2024-07-04]\n", StandardCharsets.UTF_8);
        final SessionCalendar calendar = SessionCalendar.load(file);
        assertEquals(ZoneId.of("America/New_York"), calendar.zone());
        assertEquals(LocalTime.of(9, 30), calendar.open());
        assertEquals(LocalTime.of(16, 0), calendar.close());
        assertEquals(Set.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-07-04")), calendar.holidays());
        assertTrue(calendar.isSessionTime(LocalTime.of(16, 0)));
        assertTrue(!calendar.isSessionTime(LocalTime.of(9, 29)));
        assertTrue(!calendar.isSession(LocalDate.parse("2024-07-04")));

        Files.writeString(file, "calendar:\n  timezone: UTC\n  opens: \"09:30\"\n", StandardCharsets.UTF_8);
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> SessionCalendar.load(file));
        assertTrue(unknown.getMessage().contains("calendar.opens is not a calendar key"), unknown.getMessage());

        Files.writeString(file, "calendar:\n  open: 9h30\n", StandardCharsets.UTF_8);
        final IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
            () -> SessionCalendar.load(file));
        assertTrue(badTime.getMessage().contains("calendar.open = '9h30' is not a time HH:MM"), badTime.getMessage());
    }
}
